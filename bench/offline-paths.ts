import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAiProvider } from '../src/ai/local/local-ai.provider';
import { HilinkServer, readRssMegabytes } from './processes';
import { limitRow, ResultRow } from './report';
import { mathDialRecapInput } from './transcript-data';

const RECAP_WORDS = 10_000;
const RECAP_LIMIT_MS = 2_000;
const RECAP_RUNS = 3;
const RSS_LIMIT_MB = 250;
/** Upper bound for one demo run. By default the demo runs 20 sessions with a recap each. */
const DEMO_TIMEOUT_MS = 300_000;

/**
 * Path (e): times the local provider's recap of about 10,000 words of MathDial dialogue, in
 * this process. The slowest of three runs is reported, the first one included.
 */
export async function measureRecap(): Promise<ResultRow> {
  const { input, words } = mathDialRecapInput(RECAP_WORDS);
  const provider = new LocalAiProvider();
  const timesMs: number[] = [];
  for (let run = 0; run < RECAP_RUNS; run += 1) {
    const started = process.hrtime.bigint();
    await provider.generateRecap(input);
    timesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const runs = timesMs.map((ms) => ms.toFixed(0)).join(', ');
  const note = `${words.toLocaleString('en-US')} words in ${input.transcript.length} segments. Runs: ${runs} ms.`;

  return limitRow(
    'e. Local AI recap of a one-hour transcript',
    Math.max(...timesMs),
    'ms',
    RECAP_LIMIT_MS,
    note,
  );
}

/**
 * Runs the compiled tutoring-day demo (`examples/tutoring-day/main.js` of this build) against
 * the bench server, with its Markdown reports in a temporary folder.
 */
async function runDemo(server: HilinkServer): Promise<void> {
  const demoEntry = join(__dirname, '..', 'examples', 'tutoring-day', 'main.js');
  if (!existsSync(demoEntry)) {
    throw new Error(`The tutoring-day demo is not in this build (${demoEntry}).`);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'hilink-bench-demo-'));
  const child = spawn(process.execPath, [demoEntry], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HILINK_URL: server.url,
      HILINK_API_KEY: server.adminKey,
      HILINK_DEMO_OUT: outDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_TIMEOUT_MS);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (code !== 0) {
      const reason =
        signal === 'SIGKILL' ? `timed out after ${DEMO_TIMEOUT_MS} ms` : `exited with code ${code}`;
      throw new Error(
        `The tutoring-day demo ${reason}. Its output ends with:\n${output.slice(-1500)}`,
      );
    }
  } finally {
    clearTimeout(timer);
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Path (f): resident memory of the HiLink process after the tutoring-day demo ran against it. */
export async function measureDemoRss(server: HilinkServer): Promise<ResultRow> {
  const pid = server.child.pid;
  if (pid === undefined) {
    throw new Error('The HiLink process has no pid.');
  }
  const before = readRssMegabytes(pid);
  const started = Date.now();
  await runDemo(server);
  const seconds = (Date.now() - started) / 1000;
  const note = `RSS ${before.toFixed(1)} MB before the demo, which took ${seconds.toFixed(1)} s.`;

  return limitRow('f. Server RSS after the demo', readRssMegabytes(pid), 'MB', RSS_LIMIT_MB, note);
}
