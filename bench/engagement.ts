import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createBenchDatabase } from './database';
import { callApi } from './fixtures';
import { ID_PLACEHOLDER, probeOnce, runLoad } from './load';
import { startHilink } from './processes';
import { writeSection } from './results-file';

/**
 * Measures engagement event ingest through `POST /v1/sessions/:id/events/batch` against COPY of
 * the same rows in the same run, and the time of one session's rollups through
 * `GET /v1/sessions/:id/engagement`. Writes the "Engagement" section of bench/RESULTS.md.
 */

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const BATCH_SIZE = 1_000;
const INGEST_CONNECTIONS = 4;
const COPY_STREAMS = 4;
const COPY_ROWS_PER_STREAM = 50_000;
const ROLLUP_STUDENTS = 30;
const ROLLUP_EVENTS = 20_000;
const ROLLUP_WARMUP_RUNS = 3;
const ROLLUP_RUNS = 20;
const TARGET_INGEST_RATIO = 0.25;
const TARGET_ROLLUP_MS = 100;

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

const DURATION_SECONDS = secondsFromEnv('BENCH_DURATION_SECONDS', 10);
const WARMUP_SECONDS = secondsFromEnv('BENCH_WARMUP_SECONDS', 3);

function log(message: string): void {
  process.stderr.write(`[bench:engagement ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

interface Participant {
  id: string;
  role: string;
}

interface BenchSession {
  id: string;
  students: Participant[];
}

/** Creates a room, an instructor, a curriculum, `students` enrollments and a session of them. */
async function createSession(
  url: string,
  key: string,
  students: number,
  schedule: { start: Date; live: boolean },
): Promise<BenchSession> {
  const post = <T>(path: string, body?: unknown) => callApi<T>(url, key, 'POST', path, body);
  const tag = randomUUID().slice(0, 8);
  const instructor = await post<{ id: string }>('/v1/members', {
    role: 'instructor',
    name: `Bench Instructor ${tag}`,
    email: `instructor-${tag}@bench.example.com`,
  });
  const curriculum = await post<{ id: string }>('/v1/curricula', {
    name: `Bench curriculum ${tag}`,
    objectives: [{ code: 'OBJ.1', title: 'Ratios' }],
  });
  const enrollmentIds: string[] = [];
  for (let index = 0; index < students; index += 1) {
    const student = await post<{ id: string }>('/v1/students', { name: `Student ${tag}-${index}` });
    const enrollment = await post<{ id: string }>('/v1/enrollments', {
      studentId: student.id,
      instructorId: instructor.id,
      curriculumId: curriculum.id,
      startDate: '2026-01-05',
    });
    enrollmentIds.push(enrollment.id);
  }
  const room = await post<{ id: string }>('/v1/rooms', {
    name: `Bench room ${tag}`,
    capacity: students + 5,
  });
  const session = await post<{ id: string }>('/v1/sessions', {
    roomId: room.id,
    title: `Bench session ${tag}`,
    enrollmentIds,
    scheduledStart: schedule.start.toISOString(),
    scheduledEnd: new Date(schedule.start.getTime() + 3_600_000).toISOString(),
    timeZone: 'Europe/Berlin',
  });
  if (schedule.live) {
    await post(`/v1/sessions/${session.id}/start`);
  }
  const participants = await callApi<{ items: Participant[] }>(
    url,
    key,
    'GET',
    `/v1/sessions/${session.id}/participants?limit=100`,
  );

  return { id: session.id, students: participants.items.filter((p) => p.role === 'student') };
}

/** Builds the i-th event of a mixed stream shaped like a lesson's events, spread over one hour. */
function mixedEvent(index: number, participantId: string, start: number): Record<string, unknown> {
  const occurredAt = new Date(start + ((index * 7_919) % 3_600_000)).toISOString();
  const base = { participantId, occurredAt };
  switch (index % 10) {
    case 0:
    case 1:
    case 2:
      return { ...base, type: 'spoke', durationMs: 1_000 + (index % 20) * 500 };
    case 3:
      return { ...base, type: 'chat_message', text: 'I think the ratio is 3 to 4.' };
    case 4:
      return { ...base, type: 'attention_changed', focused: index % 20 !== 4 };
    case 5:
      return { ...base, type: 'hand_raised' };
    case 6:
      return { ...base, type: 'reaction', reaction: 'thumbs_up' };
    case 7:
      return { ...base, type: 'board_operation', operation: 'draw' };
    case 8:
      return {
        ...base,
        type: 'responded',
        activityId: randomUUIDFor(index),
        correct: index % 3 === 0,
      };
    default:
      return { ...base, type: 'camera_toggled', on: index % 2 === 0 };
  }
}

/** Returns one activity id for each group of 50 events. */
function randomUUIDFor(index: number): string {
  const group = Math.floor(index / 50)
    .toString(16)
    .padStart(12, '0');

  return `00000000-0000-4000-8000-${group}`;
}

/** Escapes a value for COPY's text format. */
function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/**
 * Measures COPY FROM STDIN of the same events into a copy of engagement_events (LIKE ...
 * INCLUDING ALL: columns, defaults, checks and indexes, but no foreign keys), over
 * COPY_STREAMS connections in parallel. Returns rows per second.
 */
async function measureCopy(
  databaseUrl: string,
  organizationId: string,
  session: BenchSession,
): Promise<{ rowsPerSecond: number; rows: number; seconds: number }> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('CREATE TABLE bench_copy_engagement (LIKE engagement_events INCLUDING ALL)');
  const start = Date.now() - 3_600_000;
  const payloads = Array.from({ length: COPY_STREAMS }, (_, stream) => {
    const lines = Array.from({ length: COPY_ROWS_PER_STREAM }, (_, index) => {
      const participant = session.students[index % session.students.length];
      const event = mixedEvent(index, participant.id, start);
      const { type, occurredAt, durationMs, participantId, ...fields } = event;
      delete fields.text;
      const data = type === 'chat_message' ? { length: 27 } : fields;

      return [
        organizationId,
        session.id,
        participantId,
        type,
        'api',
        'standard',
        `copy-${stream}-${index}`,
        occurredAt,
        durationMs ?? '\\N',
        copyText(JSON.stringify(data)),
      ].join('\t');
    });

    return Buffer.from(`${lines.join('\n')}\n`);
  });
  const clients = await Promise.all(
    payloads.map(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();

      return client;
    }),
  );
  try {
    const started = process.hrtime.bigint();
    await Promise.all(
      clients.map((client, stream) =>
        pipeline(
          Readable.from([payloads[stream]]),
          client.query(
            copyFrom(
              'COPY bench_copy_engagement (organization_id, session_id, participant_id, type, source, ' +
                'participant_kind, client_event_id, occurred_at, duration_ms, data) FROM STDIN',
            ),
          ),
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = COPY_STREAMS * COPY_ROWS_PER_STREAM;

    return { rowsPerSecond: rows / seconds, rows, seconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
    await admin.query('DROP TABLE bench_copy_engagement');
    await admin.end();
  }
}

/** Builds one batch body whose client event ids get a new UUID in every request. */
function ingestBody(session: BenchSession): string {
  const start = Date.now() - 3_600_000;
  const events = Array.from({ length: BATCH_SIZE }, (_, index) => ({
    ...mixedEvent(index, session.students[index % session.students.length].id, start),
    clientEventId: `${ID_PLACEHOLDER}-${index}`,
  }));

  return JSON.stringify({ events });
}

/**
 * Stores ROLLUP_EVENTS events for one session of ROLLUP_STUDENTS students: two overlapping
 * connections per student, then the mixed stream.
 */
async function seedRollupSession(
  url: string,
  key: string,
  session: BenchSession,
  start: number,
): Promise<void> {
  const events: Record<string, unknown>[] = [];
  session.students.forEach((student, index) => {
    const at = (minute: number) => new Date(start + minute * 60_000).toISOString();
    events.push(
      {
        participantId: student.id,
        type: 'joined',
        connectionId: 'laptop',
        occurredAt: at(index % 5),
      },
      { participantId: student.id, type: 'joined', connectionId: 'phone', occurredAt: at(20) },
      { participantId: student.id, type: 'left', connectionId: 'laptop', occurredAt: at(30) },
      {
        participantId: student.id,
        type: 'left',
        connectionId: 'phone',
        occurredAt: at(55 - (index % 10)),
      },
    );
  });
  for (let index = events.length; index < ROLLUP_EVENTS; index += 1) {
    events.push(mixedEvent(index, session.students[index % session.students.length].id, start));
  }
  for (let offset = 0; offset < events.length; offset += BATCH_SIZE) {
    await callApi(url, key, 'POST', `/v1/sessions/${session.id}/events/batch`, {
      events: events.slice(offset, offset + BATCH_SIZE),
    });
  }
}

/** Times GET /v1/sessions/:id/engagement, milliseconds per request, after warm-up runs. */
async function timeRollups(url: string, key: string, sessionId: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < ROLLUP_WARMUP_RUNS + ROLLUP_RUNS; run += 1) {
    const started = process.hrtime.bigint();
    const body = await callApi<{ participants: unknown[] }>(
      url,
      key,
      'GET',
      `/v1/sessions/${sessionId}/engagement`,
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (body.participants.length !== ROLLUP_STUDENTS + 1) {
      throw new Error(
        `The rollup returned ${body.participants.length} participants, expected ${ROLLUP_STUDENTS + 1}.`,
      );
    }
    if (run >= ROLLUP_WARMUP_RUNS) {
      times.push(ms);
    }
  }

  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const database = await createBenchDatabase(serverUrl);
  log(`Created database ${database.name}`);
  try {
    const server = await startHilink(database.url);
    try {
      const organization = await callApi<{ id: string }>(
        server.url,
        server.adminKey,
        'GET',
        '/v1/organization',
      );
      log('Creating the ingest session');
      const live = await createSession(server.url, server.adminKey, 30, {
        start: new Date(),
        live: true,
      });
      log('Measuring COPY');
      const copy = await measureCopy(database.url, organization.id, live);
      log('Measuring REST batch ingest');
      const spec = {
        title: 'engagement ingest',
        url: `${server.url}/v1/sessions/${live.id}/events/batch`,
        method: 'POST' as const,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
        body: ingestBody(live),
        uniqueIds: true,
        connections: INGEST_CONNECTIONS,
        durationSeconds: DURATION_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      };
      await probeOnce(spec);
      const ingest = await runLoad(spec);
      const eventsPerSecond = ingest.requestsPerSecond * BATCH_SIZE;
      const ratio = eventsPerSecond / copy.rowsPerSecond;

      log('Seeding the rollup session');
      const start = new Date(Date.now() - 24 * 3_600_000);
      const rollupSession = await createSession(server.url, server.adminKey, ROLLUP_STUDENTS, {
        start,
        live: false,
      });
      await seedRollupSession(server.url, server.adminKey, rollupSession, start.getTime());
      log('Timing rollups');
      const times = await timeRollups(server.url, server.adminKey, rollupSession.id);
      const rollupMedian = median(times);
      const rollupMax = Math.max(...times);

      const ingestPass = ingest.failed === 0 && ratio >= TARGET_INGEST_RATIO;
      const rollupPass = rollupMax < TARGET_ROLLUP_MS;
      const section = [
        '## Engagement',
        '',
        'Written by `npm run bench:engagement` (bench/engagement.ts), on the same machine and in the same run as its baseline.',
        '',
        `- Date: ${new Date().toISOString()}; ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}; load average at start ${load}.`,
        `- Ingest: ${INGEST_CONNECTIONS} connections, ${format(BATCH_SIZE)} events per request, new client event ids in every request, ${WARMUP_SECONDS} s warm-up then ${DURATION_SECONDS} s measured. Events mix spoke, chat, attention, hand, reaction, board, responded and camera events of 30 students.`,
        `- COPY: the same rows, ${COPY_STREAMS} connections in parallel, ${format(COPY_ROWS_PER_STREAM)} rows each, into a copy of engagement_events with its indexes and no foreign keys.`,
        `- Rollups: one session of ${ROLLUP_STUDENTS} students and ${format(ROLLUP_EVENTS)} events, GET /v1/sessions/:id/engagement timed by the client, ${ROLLUP_RUNS} runs after ${ROLLUP_WARMUP_RUNS} warm-up runs.`,
        '',
        '| Path | Measured | p99 | Failed | Baseline | Ratio | Target | Result |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        `| REST engagement ingest, ${format(BATCH_SIZE)} events per request | ${format(eventsPerSecond)} events/s | ${format(ingest.p99Ms, 1)} ms | ${format(ingest.failed)} | COPY: ${format(copy.rowsPerSecond)} rows/s | ${format(ratio, 2)} | ≥ ${format(TARGET_INGEST_RATIO, 2)} | ${ingestPass ? 'PASS' : 'FAIL'} |`,
        `| Session rollups, ${ROLLUP_STUDENTS} students, ${format(ROLLUP_EVENTS)} events | median ${format(rollupMedian, 1)} ms, max ${format(rollupMax, 1)} ms | — | 0 | — | — | < ${TARGET_ROLLUP_MS} ms | ${rollupPass ? 'PASS' : 'FAIL'} |`,
        '',
      ].join('\n');
      writeSection('Engagement', section);
      process.stdout.write(`${section}\n`);

      return ingestPass && rollupPass ? 0 : 1;
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`The run failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
