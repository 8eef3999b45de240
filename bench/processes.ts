import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 60_000;

export interface HilinkServer {
  child: ChildProcess;
  /** Base URL such as http://127.0.0.1:41234. */
  url: string;
  /** Admin API key that the server prints on its first start against an empty database. */
  adminKey: string;
  /** The server's stdout (its JSON log lines and the start banner) followed by its stderr. */
  output(): string;
  /** Stops the server and deletes its stdout file. */
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts the compiled API (`src/main.js` of the same build as this file) against the given
 * database and waits for the line that carries its URL. It runs as in production: with
 * NODE_ENV=production and the default LOG_LEVEL=info, with stdout, where it writes a JSON line per request, going to a
 * file as a log shipper would read it, and not to a pipe of this process. `extraEnv` adds or
 * overrides variables, such as the webhook settings of the fan-out bench.
 */
export async function startHilink(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<HilinkServer> {
  const logDirectory = mkdtempSync(join(tmpdir(), 'hilink-bench-'));
  const logFile = join(logDirectory, 'stdout.log');
  const stdout = openSync(logFile, 'w');
  const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      AI_PROVIDER: 'local',
      // The load runs send thousands of requests per second with one key. The per-key limit
      // exists to reject such traffic, so the paths are measured without it.
      RATE_LIMIT_API_KEY_PER_MINUTE: '0',
      RATE_LIMIT_PARTICIPANT_PER_MINUTE: '0',
      ...extraEnv,
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  // The child has its own descriptor of the file, so this process closes its copy.
  closeSync(stdout);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const output = () => `${readFileSync(logFile, 'utf8')}${errors}`;
  const stop = async () => {
    await stopChild(child);
    rmSync(logDirectory, { recursive: true, force: true });
  };
  const started = Date.now();
  let text = output();
  while (!/GraphQL\s+(http\S+)\/graphql/.test(text)) {
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      rmSync(logDirectory, { recursive: true, force: true });
      throw new Error(`HiLink did not start within ${START_TIMEOUT_MS} ms. Output:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = output();
  }
  const adminKey = /HILINK_API_KEY=(\S+)/.exec(text)?.[1];
  if (!adminKey) {
    await stop();
    throw new Error(
      `HiLink started but printed no admin key, which it does only on an empty database. Output:\n${text}`,
    );
  }

  return {
    child,
    url: /GraphQL\s+(http\S+)\/graphql/.exec(text)?.[1] ?? '',
    adminKey,
    output,
    stop,
  };
}

/** Starts the bare Fastify echo server in its own process and returns its URL. */
export async function startEchoServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = fork(join(__dirname, 'echo-server.js'), [], { stdio: 'inherit' });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The echo server exited with code ${String(code)} before it listened.`);
  });
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [{ port: number }];

  return { url: `http://127.0.0.1:${message.port}`, stop: () => stopChild(child) };
}

/** Resident set size of a process in megabytes (10^6 bytes), from VmRSS in /proc/<pid>/status. */
export function readRssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) {
    throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  }

  // VmRSS is in kB units of 1,024 bytes.
  return (Number(match[1]) * 1024) / 1e6;
}
