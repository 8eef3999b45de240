import { createClient } from 'graphql-ws';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import WebSocket from 'ws';
import { createBenchDatabase } from './database';
import { callApi } from './fixtures';
import { HilinkServer, startHilink } from './processes';
import { writeSection } from './results-file';

/**
 * Poll storm: 300 students answer one comprehension check within one second over REST while
 * the instructor watches `activityResultsUpdated`. It checks that every response is counted
 * once and measures, per response, the time from sending it to the instructor receiving
 * results that count it.
 */

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const STUDENTS = 300;
const SEND_WINDOW_MS = 1_000;
const TARGET_P99_MS = 200;
const JOIN_CONCURRENCY = 20;
const FINAL_RESULT_TIMEOUT_MS = 15_000;

const RESULTS_SUBSCRIPTION = `subscription ($sessionId: ID!) {
  activityResultsUpdated(sessionId: $sessionId) { activityId respondents selections correctCount }
}`;

interface Lesson {
  sessionId: string;
  instructorId: string;
  studentIds: string[];
}

interface Submission {
  sentAt: number;
  doneAt: number;
  status: number;
}

interface ResultEvent {
  receivedAt: number;
  respondents: number;
}

/**
 * Creates a live session with one instructor and STUDENTS student participants. A session takes
 * at most 50 enrollments, so one enrollment brings the instructor and the first student and the
 * other students are inserted into `participants` directly.
 */
async function createLesson(server: HilinkServer, databaseUrl: string): Promise<Lesson> {
  const post = <T>(path: string, body?: unknown) =>
    callApi<T>(server.url, server.adminKey, 'POST', path, body);
  const instructor = await post<{ id: string }>('/v1/members', {
    role: 'instructor',
    name: 'Storm Instructor',
    email: 'storm@bench.example.com',
  });
  const curriculum = await post<{ id: string }>('/v1/curricula', {
    name: 'Storm fractions',
    objectives: [{ code: '5.NF.A.1', title: 'Add fractions with unlike denominators' }],
  });
  const student = await post<{ id: string }>('/v1/students', { name: 'Storm Student 1' });
  const enrollment = await post<{ id: string }>('/v1/enrollments', {
    studentId: student.id,
    instructorId: instructor.id,
    curriculumId: curriculum.id,
    startDate: '2026-01-05',
  });
  const room = await post<{ id: string }>('/v1/rooms', { name: 'Storm room', capacity: 500 });
  const start = new Date(Date.now() + 60 * 60 * 1000);
  const session = await post<{ id: string; organizationId?: string }>('/v1/sessions', {
    roomId: room.id,
    title: 'Poll storm',
    enrollmentIds: [enrollment.id],
    scheduledStart: start.toISOString(),
    scheduledEnd: new Date(start.getTime() + 60 * 60 * 1000).toISOString(),
    timeZone: 'Europe/Berlin',
  });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO participants (organization_id, session_id, role, identity, display_name)
       SELECT s.organization_id, s.id, 'student', 'bench-student-' || n, 'Storm Student ' || n
         FROM sessions s, generate_series(2, $2::int) AS n
        WHERE s.id = $1`,
      [session.id, STUDENTS],
    );
    const rows = await client.query<{ id: string; role: string }>(
      `SELECT id, role FROM participants WHERE session_id = $1 ORDER BY created_at, id`,
      [session.id],
    );
    await post(`/v1/sessions/${session.id}/start`);
    const instructorRow = rows.rows.find((row) => row.role === 'instructor');
    if (!instructorRow) {
      throw new Error('The storm session has no instructor participant.');
    }

    return {
      sessionId: session.id,
      instructorId: instructorRow.id,
      studentIds: rows.rows.filter((row) => row.role === 'student').map((row) => row.id),
    };
  } finally {
    await client.end();
  }
}

/** Issues participant tokens, JOIN_CONCURRENCY requests at a time. */
async function mintTokens(
  server: HilinkServer,
  sessionId: string,
  participantIds: string[],
): Promise<string[]> {
  const tokens: string[] = new Array<string>(participantIds.length);
  let next = 0;
  const worker = async () => {
    while (next < participantIds.length) {
      const index = next;
      next += 1;
      const joined = await callApi<{ participantToken: string }>(
        server.url,
        server.adminKey,
        'POST',
        `/v1/sessions/${sessionId}/join`,
        { participantId: participantIds[index] },
      );
      tokens[index] = joined.participantToken;
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, worker));

  return tokens;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);

  return sorted[Math.max(0, index)];
}

/** Sends one response per student, spread evenly over SEND_WINDOW_MS. */
async function storm(
  server: HilinkServer,
  activityId: string,
  tokens: string[],
): Promise<Submission[]> {
  const started = performance.now();
  const gap = SEND_WINDOW_MS / tokens.length;

  return Promise.all(
    tokens.map(async (token, index) => {
      const due = started + index * gap;
      const wait = due - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const sentAt = performance.now();
      const response = await fetch(`${server.url}/v1/activities/${activityId}/responses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ optionIds: [index % 3 === 0 ? 'a' : 'b'] }),
      });
      await response.arrayBuffer();

      return { sentAt, doneAt: performance.now(), status: response.status };
    }),
  );
}

/** Waits until an event counts `respondents`, or the timeout passes. */
async function waitForCount(
  events: ResultEvent[],
  respondents: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!events.some((event) => event.respondents >= respondents)) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  return true;
}

/**
 * Returns each response's latency: from its send time to the first result event whose respondent
 * count reaches the response's rank, with responses ranked by the time their HTTP response
 * arrived, which approximates the order of their commits.
 */
function latencies(submissions: Submission[], events: ResultEvent[]): number[] {
  const completed = submissions
    .filter((submission) => submission.status === 201)
    .sort((a, b) => a.doneAt - b.doneAt);

  return completed.map((submission, index) => {
    const event = events.find((candidate) => candidate.respondents >= index + 1);

    return event ? event.receivedAt - submission.sentAt : Number.POSITIVE_INFINITY;
  });
}

function formatMs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'never';
}

interface StormReport {
  table: string;
  passed: boolean;
}

function report(
  submissions: Submission[],
  events: ResultEvent[],
  finalRespondents: number,
  storedRows: number,
): StormReport {
  const sorted = latencies(submissions, events).sort((a, b) => a - b);
  const responseTimes = submissions
    .map((submission) => submission.doneAt - submission.sentAt)
    .sort((a, b) => a - b);
  const accepted = submissions.filter((submission) => submission.status === 201).length;
  const window =
    Math.max(...submissions.map((s) => s.sentAt)) - Math.min(...submissions.map((s) => s.sentAt));
  const p99 = percentile(sorted, 0.99);
  const counted = finalRespondents === STUDENTS && storedRows === STUDENTS && accepted === STUDENTS;
  const passed = counted && p99 < TARGET_P99_MS;
  const rows = [
    [
      'Responses sent',
      `${submissions.length} in ${window.toFixed(0)} ms`,
      `${STUDENTS} within ${SEND_WINDOW_MS} ms`,
      '',
    ],
    [
      'Responses accepted (201)',
      String(accepted),
      String(STUDENTS),
      accepted === STUDENTS ? 'PASS' : 'FAIL',
    ],
    [
      'Respondents in the last result event',
      String(finalRespondents),
      String(STUDENTS),
      finalRespondents === STUDENTS ? 'PASS' : 'FAIL',
    ],
    [
      'Response rows stored',
      String(storedRows),
      String(STUDENTS),
      storedRows === STUDENTS ? 'PASS' : 'FAIL',
    ],
    [
      'Result events received',
      String(events.length),
      'fewer than responses',
      events.length < STUDENTS ? 'PASS' : 'FAIL',
    ],
    ['Send to counted result, p50', formatMs(percentile(sorted, 0.5)), '', ''],
    ['Send to counted result, p95', formatMs(percentile(sorted, 0.95)), '', ''],
    [
      'Send to counted result, p99',
      formatMs(p99),
      `< ${TARGET_P99_MS} ms`,
      p99 < TARGET_P99_MS ? 'PASS' : 'FAIL',
    ],
    ['Send to counted result, max', formatMs(sorted[sorted.length - 1] ?? Number.NaN), '', ''],
    ['REST response time, p50', formatMs(percentile(responseTimes, 0.5)), '', ''],
    ['REST response time, p99', formatMs(percentile(responseTimes, 0.99)), '', ''],
  ];
  const table = [
    '| Measure | Value | Target | Result |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

  return { table, passed };
}

/** Writes the "Poll storm" section of bench/RESULTS.md and leaves the other sections as they are. */
function writePollStormSection(table: string): void {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const section = [
    '## Poll storm',
    '',
    'Written by `npm run bench:poll-storm`. 300 student participants each send one response to a',
    'single-choice check over REST (`POST /v1/activities/:id/responses` with their own participant',
    'token), spread evenly over one second, while the instructor is subscribed to',
    '`activityResultsUpdated` over graphql-ws. A response counts as delivered when the instructor',
    "receives results whose respondent count reaches the response's rank in completion order.",
    'One student joins the session through an enrollment; the other 299 student participants are',
    'inserted into the database directly, because a session takes at most 50 enrollments.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown'}; load average at the end (1, 5, 15 min): ${load}`,
    `- Node.js: ${process.version}; HiLink in its own process with NODE_ENV=production, LOG_LEVEL=info`,
    '',
    table,
    '',
  ].join('\n');
  writeSection('Poll storm', section);
}

async function run(): Promise<boolean> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = await createBenchDatabase(serverUrl);
  let server: HilinkServer | undefined;
  try {
    server = await startHilink(database.url);
    const lesson = await createLesson(server, database.url);
    const tokens = await mintTokens(server, lesson.sessionId, [
      lesson.instructorId,
      ...lesson.studentIds,
    ]);
    const [instructorToken, ...studentTokens] = tokens;
    const check = await callApi<{ id: string }>(
      server.url,
      server.adminKey,
      'POST',
      `/v1/sessions/${lesson.sessionId}/activities`,
      {
        kind: 'check',
        questionType: 'single_choice',
        prompt: 'Which is larger: 3/8 or 1/4?',
        options: [{ label: '1/4' }, { label: '3/8' }, { label: 'They are equal' }],
        correctOptionIds: ['b'],
      },
    );
    await callApi(server.url, server.adminKey, 'POST', `/v1/activities/${check.id}/open`);

    const events: ResultEvent[] = [];
    const ws = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${instructorToken}` },
      retryAttempts: 0,
    });
    const subscribed = new Promise<void>((resolve, reject) => {
      ws.on('connected', () => resolve());
      ws.subscribe<{ activityResultsUpdated: { respondents: number } }>(
        { query: RESULTS_SUBSCRIPTION, variables: { sessionId: lesson.sessionId } },
        {
          next: (result) => {
            const respondents = result.data?.activityResultsUpdated.respondents;
            if (typeof respondents === 'number') {
              events.push({ receivedAt: performance.now(), respondents });
            }
          },
          error: (error) =>
            reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
    await subscribed;
    // graphql-ws sends no acknowledgement of a subscribe, so give the server time to register it.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const submissions = await storm(server, check.id, studentTokens);
    const complete = await waitForCount(events, STUDENTS, FINAL_RESULT_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await ws.dispose();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const stored = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM activity_responses WHERE activity_id = $1`,
      [check.id],
    );
    await client.end();
    const finalRespondents = events.length > 0 ? events[events.length - 1].respondents : 0;
    const { table, passed } = report(
      submissions,
      events,
      finalRespondents,
      stored.rows[0]?.count ?? 0,
    );
    console.log(table);
    if (!complete) {
      console.log(
        `No result event counted all ${STUDENTS} responses within ${FINAL_RESULT_TIMEOUT_MS} ms.`,
      );
    }
    writePollStormSection(table);

    return passed && complete;
  } finally {
    await server?.stop();
    await database.drop();
  }
}

run().then(
  (passed) => {
    process.exitCode = passed ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
