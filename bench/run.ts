import { loadavg } from 'node:os';
import { Client } from 'pg';
import { createBenchDatabase, measureCopy } from './database';
import { BenchFixtures, createFixtures } from './fixtures';
import {
  measureEcho,
  measureGraphqlBaseline,
  measureIngest,
  measureJoin,
  measureLiveRoute,
  measureSessionQuery,
  Target,
  TARGETS,
} from './paths';
import { HilinkServer, startEchoServer, startHilink } from './processes';
import { writeMainResults } from './results-file';
import { measureDemoRss, measureRecap } from './offline-paths';
import {
  Baseline,
  notMeasuredRow,
  renderResults,
  renderSummary,
  ResultRow,
  RunSettings,
} from './report';
import { segmentBatch } from './transcript-data';

/** Reads a whole number of seconds from the environment, for quick runs while editing the bench. */
function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`${name}="${raw}" is invalid: expected a whole number of seconds, at least 1.`);
  }

  return Number(raw);
}

const SETTINGS: RunSettings = {
  durationSeconds: secondsFromEnv('BENCH_DURATION_SECONDS', 10),
  warmupSeconds: secondsFromEnv('BENCH_WARMUP_SECONDS', 3),
  connections: 50,
  ingestConnections: 4,
  batchSize: 1_000,
  copyStreams: 4,
  copyRowsPerStream: 50_000,
};

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one path. A path that throws is reported as not measured, and the others still run. */
async function attempt(
  rows: ResultRow[],
  path: string,
  target: string,
  work: () => Promise<ResultRow | ResultRow[]>,
) {
  log(`Measuring ${path}`);
  try {
    rows.push(...[await work()].flat());
  } catch (error) {
    log(`${path} was not measured: ${errorMessage(error)}`);
    rows.push(notMeasuredRow(path, target, errorMessage(error)));
  }
}

/**
 * Runs the demo against a server of its own, on an empty database, so the RSS reflects the
 * demo's workload and not the heap that the load runs of paths a to d left behind.
 */
async function measureDemoRssOnFreshServer(serverUrl: string): Promise<ResultRow> {
  const database = await createBenchDatabase(serverUrl);
  try {
    const server = await startHilink(database.url);
    try {
      return await measureDemoRss(server);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');

    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function measureCopyBaseline(databaseUrl: string): Promise<Baseline> {
  const copy = await measureCopy(databaseUrl, segmentBatch(SETTINGS.batchSize), {
    streams: SETTINGS.copyStreams,
    rowsPerStream: SETTINGS.copyRowsPerStream,
  });

  return {
    name: 'PostgreSQL COPY of transcript segment rows',
    value: copy.rowsPerSecond,
    unit: 'segments/s',
    note: `${copy.rows.toLocaleString('en-US')} rows in ${copy.seconds.toFixed(2)} s into a copy of transcript_segments.`,
  };
}

async function measureServerPaths(
  server: HilinkServer,
  databaseUrl: string,
  baselines: { echo: Baseline; all: Baseline[] },
  rows: ResultRow[],
): Promise<void> {
  const target: Target = { url: server.url, adminKey: server.adminKey };
  const ratio = (value: number) => `≥ ${value.toFixed(2)}`;
  await attempt(
    rows,
    'a. NestJS route, no database (GET /health/live)',
    ratio(TARGETS.liveRoute),
    () => measureLiveRoute(SETTINGS, target, baselines.echo),
  );
  // Created once, on first use. When that fails, every path that needs them reports the error.
  let fixtures: Promise<BenchFixtures> | undefined;
  const withFixtures = () => {
    fixtures ??= createFixtures(server.url, server.adminKey);

    return fixtures;
  };
  const graphql = await measureGraphqlBaseline(SETTINGS, target);
  baselines.all.push(graphql);
  await attempt(rows, 'b. GraphQL session query', ratio(TARGETS.sessionQueryToGraphql), async () =>
    measureSessionQuery(SETTINGS, target, await withFixtures(), { echo: baselines.echo, graphql }),
  );
  await attempt(
    rows,
    'c. REST join tokens (POST /v1/sessions/:id/join)',
    ratio(TARGETS.joinToken),
    async () => measureJoin(SETTINGS, target, await withFixtures(), baselines.echo),
  );
  await attempt(rows, 'd. REST transcript ingest', ratio(TARGETS.ingestToCopy), async () => {
    log('Measuring PostgreSQL COPY');
    const copy = await measureCopyBaseline(databaseUrl);
    baselines.all.push(copy);

    return measureIngest(SETTINGS, target, await withFixtures(), copy);
  });
}

async function main(): Promise<number> {
  const date = new Date();
  const loadAverage = loadavg();
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const rows: ResultRow[] = [];
  const baselines: Baseline[] = [];
  log('Measuring the bare Fastify echo server');
  const echoServer = await startEchoServer();
  const echo = await measureEcho(SETTINGS, echoServer.url).finally(() => echoServer.stop());
  baselines.push(echo);
  const database = await createBenchDatabase(serverUrl);
  log(`Created database ${database.name}; starting HiLink`);
  try {
    const server = await startHilink(database.url);
    try {
      await measureServerPaths(server, database.url, { echo, all: baselines }, rows);
      await attempt(rows, 'e. Local AI recap of a one-hour transcript', '< 2,000 ms', () =>
        measureRecap(),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
    log(`Dropped database ${database.name}`);
  }
  await attempt(rows, 'f. Server RSS after the demo', '< 250 MB', () =>
    measureDemoRssOnFreshServer(serverUrl),
  );
  const markdown = renderResults({
    date,
    loadAverage,
    loadAverageAtEnd: loadavg(),
    postgresVersion: await postgresVersion(serverUrl),
    settings: SETTINGS,
    baselines,
    rows,
    notes: [],
  });
  writeMainResults(markdown);
  process.stdout.write(
    `\nHiLink benchmark (bench/RESULTS.md)\n${renderSummary(baselines, rows)}\n`,
  );

  return rows.some((row) => row.verdict === 'FAIL') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`The benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
