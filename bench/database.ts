import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BenchSegment } from './transcript-data';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `<prefix>_<timestamp>` on the server in `serverUrl`. */
export async function createBenchDatabase(
  serverUrl: string,
  prefix = 'hilink_bench',
): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now()}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** Escapes a value for COPY's text format, where tab, newline and backslash are special. */
function copyText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** Encodes the rows that one COPY stream sends, before the clock starts. */
function encodeCopyRows(
  segments: BenchSegment[],
  ids: { organizationId: string; sessionId: string },
  stream: number,
): Buffer {
  const receivedAt = new Date().toISOString();
  const lines = segments.map((segment, index) =>
    [
      ids.organizationId,
      ids.sessionId,
      `copy-${stream}-${index}`,
      copyText(segment.speakerLabel),
      segment.speakerRole,
      segment.startMs,
      segment.endMs,
      copyText(segment.text),
      't',
      'live',
      receivedAt,
    ].join('\t'),
  );

  return Buffer.from(`${lines.join('\n')}\n`);
}

const COPY_COLUMNS =
  'organization_id, session_id, client_segment_id, speaker_label, speaker_role, start_ms, end_ms, text, is_final, source, received_at';

export interface CopyResult {
  rowsPerSecond: number;
  rows: number;
  seconds: number;
}

/**
 * Measures COPY FROM STDIN of transcript segment rows, over `streams` connections in parallel.
 * The target table copies `transcript_segments` with LIKE ... INCLUDING ALL: the same columns,
 * defaults, checks and indexes, but no foreign keys, because LIKE never copies them.
 */
export async function measureCopy(
  url: string,
  batch: BenchSegment[],
  options: { streams: number; rowsPerStream: number },
): Promise<CopyResult> {
  const ids = { organizationId: randomUUID(), sessionId: randomUUID() };
  await withClient(url, (client) =>
    client.query('CREATE TABLE bench_copy_segments (LIKE transcript_segments INCLUDING ALL)'),
  );
  const payloads = Array.from({ length: options.streams }, (_, stream) => {
    const rows = Array.from({ length: options.rowsPerStream }, (_, i) => batch[i % batch.length]);

    return encodeCopyRows(rows, ids, stream);
  });
  const clients = await Promise.all(payloads.map(() => connect(url)));
  try {
    const started = process.hrtime.bigint();
    await Promise.all(
      clients.map((client, stream) =>
        pipeline(
          Readable.from([payloads[stream]]),
          client.query(copyFrom(`COPY bench_copy_segments (${COPY_COLUMNS}) FROM STDIN`)),
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = options.streams * options.rowsPerStream;

    return { rowsPerSecond: rows / seconds, rows, seconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
    await withClient(url, (client) => client.query('DROP TABLE bench_copy_segments'));
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();

  return client;
}
