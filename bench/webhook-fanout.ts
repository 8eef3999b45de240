import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { verifyWebhook } from '../sdk/src';
import { loadConfig } from '../src/config/config';
import { recordDomainEvent } from '../src/webhooks/domain-events';
import { WebhookEventType } from '../src/webhooks/event-types';
import { createBenchDatabase } from './database';
import { callApi } from './fixtures';
import { HilinkServer, startHilink } from './processes';
import { writeSection } from './results-file';
import type { RawClientInput, RawClientResult } from './webhook-raw-client';
import type { ReceiverDump } from './webhook-receiver-process';

/**
 * Webhook fan-out: 10,000 events to 20 subscriptions on 127.0.0.1, 200,000 deliveries. The
 * events are written by this driver with the product's `recordDomainEvent`, in short
 * transactions against HiLink's database while HiLink's dispatcher sends them. The report gives
 * the deliveries per second from the first event to the last receipt and the lag from each
 * event's `occurred_at` to its receipt. Beside them, a plain Node.js HTTP client sends the same
 * requests without HiLink in the same run, to the same receiver with the same concurrency.
 */

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_RATIO = 0.5;
/** Events per producer transaction; each event commits with its deliveries, as in the API. */
const EVENTS_PER_TRANSACTION = 10;
const PRODUCERS = 2;
/** Every n-th request the receiver gets is kept whole for a signature check. */
const SAMPLE_EVERY = 100;
/** The run stops waiting when no request arrived for this long. */
const STALL_TIMEOUT_MS = 60_000;
const EVENT_TYPES: WebhookEventType[] = [
  'session.started',
  'progress.updated',
  'recap.drafted',
  'session.ended',
  'risk.level_changed',
];

interface Options {
  events: number;
  subscriptions: number;
  sessions: number;
  concurrency: number;
}

function parseOptions(argv: string[]): Options {
  const defaults = loadConfig({}).webhooks;
  const options: Options = {
    events: 10_000,
    subscriptions: 20,
    sessions: 500,
    concurrency: defaults.concurrency,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index]!.replace(/^--/, '') as keyof Options;
    const raw = argv[index + 1];
    if (!(name in options) || raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(
        `Unknown or invalid option "${argv[index]} ${raw ?? ''}": expected --events, --subscriptions, --sessions or --concurrency with a whole number of at least 1.`,
      );
    }
    options[name] = Number(raw);
    index += 1;
  }

  return options;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function percentile(sorted: ArrayLike<number>, share: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);

  return sorted[Math.max(0, index)]!;
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Child processes

interface Receiver {
  child: ChildProcess;
  url: string;
  request<T>(message: object, key: string): Promise<T>;
  stop(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const child = fork(join(__dirname, 'webhook-receiver-process.js'), [], { stdio: 'inherit' });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  const request = async <T>(payload: object, key: string): Promise<T> => {
    const answer = new Promise<T>((resolve) => {
      const listener = (reply: Record<string, unknown>) => {
        if (key in reply) {
          child.off('message', listener);
          resolve(reply as T);
        }
      };
      child.on('message', listener);
    });
    child.send(payload);

    return answer;
  };

  return {
    child,
    url: `http://127.0.0.1:${message.port}`,
    request,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** CPU seconds (user + system) that a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');

    // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Adds up the CPU time of the PostgreSQL backends of one database (HiLink's pool and the
 * producers' connections), sampled every second, since each was first seen. A backend that ends
 * between two samples loses at most its last second.
 */
class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly databaseName: string) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  sample(): void {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (command.startsWith('postgres') && command.includes(` ${this.databaseName} `)) {
          const pid = Number(entry);
          const cpu = cpuSeconds(pid);
          if (!this.first.has(pid)) {
            this.first.set(pid, cpu);
          }
          this.last.set(pid, cpu);
        }
      } catch {
        // The process ended while the list was read.
      }
    }
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    let total = 0;
    for (const [pid, cpu] of this.last) {
      total += cpu - this.first.get(pid)!;
    }

    return total;
  }
}

// ---------------------------------------------------------------------------------------------
// Setup

interface Subscription {
  number: number;
  id: string;
  url: string;
  secret: string;
}

async function createSubscriptions(
  server: HilinkServer,
  receiverUrl: string,
  count: number,
): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (let number = 0; number < count; number += 1) {
    const url = `${receiverUrl}/hooks/${number}`;
    // Half take every type, half name the areas of the generated events.
    const eventTypes = number % 2 === 0 ? ['*'] : ['session.*', 'progress.*', 'recap.*', 'risk.*'];
    const created = await callApi<{ subscription: { id: string }; secret: string }>(
      server.url,
      server.adminKey,
      'POST',
      '/v1/webhooks/subscriptions',
      { url, eventTypes, description: `Fan-out bench ${number}` },
    );
    subscriptions.push({ number, id: created.subscription.id, url, secret: created.secret });
  }

  return subscriptions;
}

function uuidFrom(seed: number): string {
  const hex = seed.toString(16).padStart(12, '0');

  return `5e55e000-0000-4000-8000-${hex}`;
}

/**
 * Writes `options.events` events with `recordDomainEvent`, EVENTS_PER_TRANSACTION per
 * transaction, from PRODUCERS connections in parallel. Each producer owns a share of the
 * sessions, so a session's events commit in the order of their `seq`.
 */
async function produce(
  databaseUrl: string,
  organizationId: string,
  options: Options,
): Promise<{ seconds: number }> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: PRODUCERS });
  await dataSource.initialize();
  try {
    const sequence = new Array<number>(options.sessions).fill(0);
    const perProducer: {
      sessionId: string;
      roomId: string;
      seq: number;
      type: WebhookEventType;
    }[][] = Array.from({ length: PRODUCERS }, () => []);
    for (let index = 0; index < options.events; index += 1) {
      const session = index % options.sessions;
      sequence[session]! += 1;
      perProducer[session % PRODUCERS]!.push({
        sessionId: uuidFrom(session + 1),
        roomId: uuidFrom(1_000_000 + (session % 50)),
        seq: sequence[session]!,
        type: EVENT_TYPES[index % EVENT_TYPES.length]!,
      });
    }
    const started = process.hrtime.bigint();
    await Promise.all(
      perProducer.map(async (events) => {
        for (let offset = 0; offset < events.length; offset += EVENTS_PER_TRANSACTION) {
          await dataSource.transaction(async (manager) => {
            for (const event of events.slice(offset, offset + EVENTS_PER_TRANSACTION)) {
              await recordDomainEvent(manager, organizationId, event.type, {
                sessionId: event.sessionId,
                roomId: event.roomId,
                seq: event.seq,
                title: `Fractions with unlike denominators, lesson ${event.seq}`,
                status: event.type === 'session.ended' ? 'ended' : 'live',
                previousStatus: 'scheduled',
                scheduledStart: '2026-12-04T16:00:00.000Z',
                scheduledEnd: '2026-12-04T17:00:00.000Z',
              });
            }
          });
        }
      }),
    );

    return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    await dataSource.destroy();
  }
}

async function waitForReceipts(
  receiver: Receiver,
  expected: number,
  phase: string,
): Promise<number> {
  let last = -1;
  let lastChange = Date.now();
  let lastLog = Date.now();
  for (;;) {
    const { count } = await receiver.request<{ count: number }>({ cmd: 'count' }, 'count');
    if (count >= expected) {
      return count;
    }
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_TIMEOUT_MS) {
      log(`${phase}: no request for ${STALL_TIMEOUT_MS / 1000} s; stopping at ${count}`);

      return count;
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`${phase}: ${integer(count)} of ${integer(expected)} received`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function dump(receiver: Receiver, directory: string, name: string): Promise<ReceiverDump> {
  const file = join(directory, `${name}.json`);
  await receiver.request({ cmd: 'dump', file }, 'dumped');

  return JSON.parse(readFileSync(file, 'utf8')) as ReceiverDump;
}

// ---------------------------------------------------------------------------------------------
// Analysis

interface StoredEvent {
  id: string;
  type: string;
  occurred_ms: number;
  occurred_at: string;
  payload: Record<string, unknown>;
}

interface HilinkPhase {
  expected: number;
  received: number;
  unique: number;
  duplicates: number;
  missing: number;
  unknown: number;
  seconds: number;
  rate: number;
  lags: Float64Array;
  orderViolations: number;
  samplesVerified: number;
  samplesFailed: number;
  firstSignatureError?: string;
}

function analyseHilink(
  received: ReceiverDump,
  events: StoredEvent[],
  subscriptions: Subscription[],
): HilinkPhase {
  const byId = new Map(events.map((event) => [event.id, event]));
  const expected = events.length * subscriptions.length;
  const firstReceipt = new Map<string, number>();
  let duplicates = 0;
  let unknown = 0;
  const lastSeq = new Map<string, number>();
  let orderViolations = 0;
  for (let index = 0; index < received.times.length; index += 1) {
    const event = byId.get(received.ids[index]!);
    const subscription = received.subscriptions[index]!;
    if (!event || subscription < 0 || subscription >= subscriptions.length) {
      unknown += 1;
      continue;
    }
    const key = `${subscription} ${event.id}`;
    if (firstReceipt.has(key)) {
      duplicates += 1;
      continue;
    }
    firstReceipt.set(key, received.times[index]!);
    const stream = `${subscription} ${String(event.payload.sessionId)}`;
    const seq = Number(event.payload.seq);
    if ((lastSeq.get(stream) ?? 0) > seq) {
      orderViolations += 1;
    }
    lastSeq.set(stream, Math.max(seq, lastSeq.get(stream) ?? 0));
  }
  const lags = new Float64Array(firstReceipt.size);
  let index = 0;
  let lastReceipt = 0;
  for (const [key, time] of firstReceipt) {
    const event = byId.get(key.slice(key.indexOf(' ') + 1))!;
    lags[index] = time - event.occurred_ms;
    index += 1;
    lastReceipt = Math.max(lastReceipt, time);
  }
  lags.sort();
  const firstEvent = Math.min(...events.map((event) => event.occurred_ms));
  const seconds = (lastReceipt - firstEvent) / 1000;
  let samplesVerified = 0;
  let samplesFailed = 0;
  let firstSignatureError: string | undefined;
  for (const sample of received.samples) {
    const subscription = subscriptions[sample.subscription];
    try {
      if (!subscription) {
        throw new Error(`no subscription ${sample.subscription}`);
      }
      const event = verifyWebhook(
        sample.body,
        sample.headers as Record<string, string>,
        subscription.secret,
        { now: sample.receivedAt },
      );
      if (event.id !== sample.headers['webhook-id']) {
        throw new Error('the body id differs from webhook-id');
      }
      samplesVerified += 1;
    } catch (error) {
      samplesFailed += 1;
      firstSignatureError ??= error instanceof Error ? error.message : String(error);
    }
  }

  return {
    expected,
    received: received.times.length,
    unique: firstReceipt.size,
    duplicates,
    missing: expected - firstReceipt.size,
    unknown,
    seconds,
    rate: firstReceipt.size / seconds,
    lags,
    orderViolations,
    samplesVerified,
    samplesFailed,
    firstSignatureError,
  };
}

interface DeliveryStats {
  statuses: string;
  attempts: number;
  /** Rows of webhook_delivery_attempts. */
  attemptRows: number;
  /** Successful attempts stored on their delivery rows. */
  storedSuccesses: number;
  failedAttempts: number;
}

async function deliveryStats(client: Client): Promise<DeliveryStats> {
  const statuses = await client.query<{ status: string; count: number; attempts: number }>(
    `SELECT status, count(*)::int AS count, sum(attempts)::int AS attempts
       FROM webhook_deliveries GROUP BY status ORDER BY status`,
  );
  const attempts = await client.query<{ rows: number; failed: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE outcome <> 'succeeded')::int AS failed
       FROM webhook_delivery_attempts`,
  );
  const stored = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM webhook_deliveries WHERE success_attempted_at IS NOT NULL`,
  );

  return {
    statuses: statuses.rows.map((row) => `${row.status} ${integer(row.count)}`).join(', '),
    attempts: statuses.rows.reduce((sum, row) => sum + row.attempts, 0),
    attemptRows: attempts.rows[0]?.rows ?? 0,
    storedSuccesses: stored.rows[0]?.count ?? 0,
    failedAttempts: attempts.rows[0]?.failed ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Baseline

async function runRawClient(input: RawClientInput, directory: string): Promise<RawClientResult> {
  const file = join(directory, 'raw-input.json');
  writeFileSync(file, JSON.stringify(input));
  const child = fork(join(__dirname, 'webhook-raw-client.js'), [file], { stdio: 'inherit' });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The raw client exited with code ${String(code)} before it reported.`);
  });
  const [result] = (await Promise.race([once(child, 'message'), exited])) as [RawClientResult];
  await once(child, 'exit').catch(() => undefined);

  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

interface Report {
  options: Options;
  databaseName: string;
  production: { seconds: number };
  hilink: HilinkPhase;
  stats: DeliveryStats;
  raw: RawClientResult;
  rawReceived: number;
  /** TCP connections the receiver accepted in each phase. */
  connections: { hilink: number; raw: number };
  cpu: { hilink: number; receiverHilink: number; postgres: number; receiverRaw: number };
  date: Date;
  load: number[];
  postgresVersion: string;
  bodyBytes: number;
}

function render(report: Report): { markdown: string; passed: boolean } {
  const { hilink, raw, stats, options } = report;
  const rawRate = raw.succeeded / raw.seconds;
  const ratio = hilink.rate / rawRate;
  const exactlyOnce = hilink.missing === 0 && hilink.duplicates === 0 && hilink.unknown === 0;
  const ordered = hilink.orderViolations === 0;
  const signed = hilink.samplesFailed === 0 && hilink.samplesVerified > 0;
  const rawClean = raw.failed === 0 && report.rawReceived === raw.sent;
  const passed = ratio >= TARGET_RATIO && exactlyOnce && ordered && signed && rawClean;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const ms = (value: number) => `${integer(value)} ms`;
  const perDelivery = (seconds: number) => `${((seconds * 1e6) / hilink.expected).toFixed(0)} µs`;
  const rows = [
    [
      'HiLink deliveries',
      `${integer(hilink.rate)} deliveries/s`,
      `${integer(hilink.unique)} in ${hilink.seconds.toFixed(1)} s, first event to last receipt, ${report.connections.hilink} connections`,
      '',
    ],
    [
      'Raw HTTP client, same requests',
      `${integer(rawRate)} req/s`,
      `${integer(raw.succeeded)} in ${raw.seconds.toFixed(1)} s, ${raw.failed} failed, ${report.connections.raw} connections`,
      verdict(rawClean),
    ],
    [
      'Ratio',
      ratio.toFixed(2),
      `target ≥ ${TARGET_RATIO.toFixed(2)}`,
      verdict(ratio >= TARGET_RATIO),
    ],
    ['Lag from occurred_at to receipt, p50', ms(percentile(hilink.lags, 0.5)), '', ''],
    ['Lag from occurred_at to receipt, p99', ms(percentile(hilink.lags, 0.99)), '', ''],
    ['Lag from occurred_at to receipt, max', ms(percentile(hilink.lags, 1)), '', ''],
    [
      'Delivered exactly once (webhook-id and subscription)',
      `${integer(hilink.unique)} of ${integer(hilink.expected)}`,
      `${hilink.duplicates} duplicates, ${hilink.missing} missing, ${hilink.unknown} unknown`,
      verdict(exactlyOnce),
    ],
    [
      'Per-session order per subscription',
      `${hilink.orderViolations} out of order`,
      'arrival order of each session’s seq per subscription',
      verdict(ordered),
    ],
    [
      'Signatures (SDK verifyWebhook)',
      `${hilink.samplesVerified} of ${hilink.samplesVerified + hilink.samplesFailed} verified`,
      `every ${SAMPLE_EVERY}th request${hilink.firstSignatureError ? `; ${hilink.firstSignatureError}` : ''}`,
      verdict(signed),
    ],
    [
      'Deliveries and attempt log',
      stats.statuses,
      `${integer(stats.attemptRows + stats.storedSuccesses)} attempts logged (${integer(stats.storedSuccesses)} successes on delivery rows, ${integer(stats.attemptRows)} attempt rows), ${stats.failedAttempts} failed; attempts counted ${integer(stats.attempts)}`,
      '',
    ],
  ];
  const table = [
    '| Measure | Value | Detail | Result |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  const load = report.load.map((value) => value.toFixed(2)).join(', ');
  const markdown = [
    '## Webhook fan-out',
    '',
    'Written by `npm run bench:webhooks` (bench/webhook-fanout.ts). Events are written by the',
    'driver with the product’s `recordDomainEvent` against HiLink’s database, in transactions',
    `of ${EVENTS_PER_TRANSACTION} events from ${PRODUCERS} connections, while HiLink’s dispatcher sends them; HiLink`,
    'runs as the compiled server in its own process. The baseline sends the same requests',
    '(same bodies, same headers, signed before its clock starts) from a plain Node.js HTTP',
    'client with a keep-alive agent in its own process, to the same receiver, with the same',
    'number of requests in flight.',
    '',
    `- Command: \`npm run bench:webhooks${options.events === 10_000 ? '' : ` -- --events ${options.events}`}\``,
    `- Date: ${report.date.toISOString()}; ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown'}; load average at start ${load}; Node.js ${process.version}; PostgreSQL ${report.postgresVersion}.`,
    `- Settings: ${integer(options.events)} events of ${options.sessions} sessions (the session id is the ordering key), ${EVENT_TYPES.length} event types, ${options.subscriptions} subscriptions on one receiver at 127.0.0.1 (a separate Node.js process answering 204), ${integer(hilink.expected)} deliveries; about ${report.bodyBytes} bytes per body; WEBHOOK_CONCURRENCY=${options.concurrency} and ${options.concurrency} requests in flight for the raw client; HiLink with NODE_ENV=production, LOG_LEVEL=info, WEBHOOK_ALLOW_PRIVATE_TARGETS=true, rate limits off.`,
    `- CPU bound: the raw path costs ${perDelivery(raw.cpuSeconds + report.cpu.receiverRaw)} of CPU per request (client and receiver) and HiLink's ${perDelivery(report.cpu.hilink + report.cpu.postgres + report.cpu.receiverHilink)} per delivery (HiLink, PostgreSQL and receiver), so with every core busy the ratio comes to about ${((raw.cpuSeconds + report.cpu.receiverRaw) / (report.cpu.hilink + report.cpu.postgres + report.cpu.receiverHilink)).toFixed(2)}.`,
    `- Event production took ${report.production.seconds.toFixed(1)} s, so most deliveries wait behind a backlog: the lag is queueing time, not the idle latency of one event.`,
    `- CPU time per delivery (user and system, from /proc): HiLink ${perDelivery(report.cpu.hilink)}, PostgreSQL backends of the bench database (HiLink’s pool and the producers) ${perDelivery(report.cpu.postgres)}, receiver ${perDelivery(report.cpu.receiverHilink)}; baseline: raw client ${perDelivery(raw.cpuSeconds)}, receiver ${perDelivery(report.cpu.receiverRaw)}. In all, HiLink phase ${(report.cpu.hilink + report.cpu.postgres + report.cpu.receiverHilink).toFixed(1)} CPU s in ${hilink.seconds.toFixed(1)} s, baseline ${(raw.cpuSeconds + report.cpu.receiverRaw).toFixed(1)} CPU s in ${raw.seconds.toFixed(1)} s.`,
    '',
    table,
    '',
  ].join('\n');

  return { markdown, passed };
}

// ---------------------------------------------------------------------------------------------

async function run(options: Options): Promise<boolean> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const date = new Date();
  const load = loadavg();
  const directory = mkdtempSync(join(tmpdir(), 'hilink-bench-webhooks-'));
  const database = await createBenchDatabase(serverUrl, 'hilink_bench_webhooks');
  log(`Created database ${database.name}`);
  const receiver = await startReceiver();
  let server: HilinkServer | undefined;
  const client = new Client({ connectionString: database.url });
  try {
    server = await startHilink(database.url, {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_CONCURRENCY: String(options.concurrency),
    });
    await client.connect();
    const postgresVersion = (await client.query<{ server_version: string }>('SHOW server_version'))
      .rows[0]!.server_version;
    const subscriptions = await createSubscriptions(server, receiver.url, options.subscriptions);
    const organizationId = (
      await client.query<{ organization_id: string }>(
        'SELECT organization_id FROM webhook_subscriptions WHERE id = $1',
        [subscriptions[0]!.id],
      )
    ).rows[0]!.organization_id;
    await receiver.request({ cmd: 'reset', sampleEvery: SAMPLE_EVERY }, 'reset');
    const expected = options.events * options.subscriptions;

    log(
      `HiLink: producing ${integer(options.events)} events for ${options.subscriptions} subscriptions`,
    );
    const cpuBefore = {
      hilink: cpuSeconds(server.child.pid!),
      receiver: cpuSeconds(receiver.child.pid!),
    };
    const backends = new BackendCpu(database.name);
    const production = await produce(database.url, organizationId, options);
    log(
      `Produced in ${production.seconds.toFixed(1)} s; waiting for ${integer(expected)} deliveries`,
    );
    await waitForReceipts(receiver, expected, 'HiLink');
    // Late duplicates, if any, arrive within this grace period.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const cpu = {
      hilink: cpuSeconds(server.child.pid!) - cpuBefore.hilink,
      receiverHilink: cpuSeconds(receiver.child.pid!) - cpuBefore.receiver,
      postgres: backends.stop(),
      receiverRaw: 0,
    };
    const received = await dump(receiver, directory, 'hilink');
    const events = (
      await client.query<StoredEvent>(
        `SELECT id, type, payload, occurred_at::text AS occurred_at,
                extract(epoch FROM occurred_at) * 1000 AS occurred_ms
           FROM domain_events WHERE type = ANY($1) ORDER BY occurred_at, id`,
        [EVENT_TYPES],
      )
    ).rows.map((row) => ({ ...row, occurred_ms: Number(row.occurred_ms) }));
    const hilink = analyseHilink(received, events, subscriptions);
    const stats = await deliveryStats(client);
    log(
      `HiLink: ${integer(hilink.rate)} deliveries/s, p99 lag ${integer(percentile(hilink.lags, 0.99))} ms, ${hilink.duplicates} duplicates, ${hilink.missing} missing`,
    );
    await server.stop();
    server = undefined;

    log(`Raw client: ${integer(expected)} requests, ${options.concurrency} in flight`);
    await receiver.request({ cmd: 'reset', sampleEvery: 0 }, 'reset');
    const receiverBefore = cpuSeconds(receiver.child.pid!);
    const raw = await runRawClient(
      {
        concurrency: options.concurrency,
        events: events.map((event) => ({
          id: event.id,
          type: event.type,
          occurredAt: new Date(event.occurred_ms).toISOString(),
          payload: event.payload,
        })),
        subscriptions: subscriptions.map(({ url, secret }) => ({ url, secret })),
      },
      directory,
    );
    cpu.receiverRaw = cpuSeconds(receiver.child.pid!) - receiverBefore;
    const rawCount = await receiver.request<{ count: number; connections: number }>(
      { cmd: 'count' },
      'count',
    );
    const rawReceived = rawCount.count;
    log(`Raw client: ${integer(raw.succeeded / raw.seconds)} req/s`);
    const bodyBytes = Math.round(
      received.samples.reduce((sum, sample) => sum + Buffer.byteLength(sample.body), 0) /
        Math.max(1, received.samples.length),
    );
    const { markdown, passed } = render({
      options,
      databaseName: database.name,
      production,
      hilink,
      stats,
      raw,
      rawReceived,
      connections: { hilink: received.connections, raw: rawCount.connections },
      cpu,
      date,
      load,
      postgresVersion,
      bodyBytes,
    });
    console.log(markdown);
    writeSection('Webhook fan-out', markdown);

    return passed;
  } finally {
    await client.end().catch(() => undefined);
    await server?.stop();
    await receiver.stop();
    await database.drop();
    log(`Dropped database ${database.name}`);
    rmSync(directory, { recursive: true, force: true });
  }
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
run(options).then(
  (passed) => {
    process.exitCode = passed ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
