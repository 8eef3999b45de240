import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A HiLink server that an example started and must stop. */
export interface StartedServer {
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Finds a loopback port that is free now, so the server's URL is known before it starts. */
async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  return port;
}

async function waitForStart(child: ChildProcess, readOutput: () => string): Promise<string> {
  const started = Date.now();
  for (;;) {
    const key = /HILINK_API_KEY=(\S+)/.exec(readOutput())?.[1];
    if (key && /GraphQL\s+http/.test(readOutput())) {
      return key;
    }
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
      throw new Error(
        `HiLink did not start (exit code ${child.exitCode}). Its output:\n${readOutput()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the compiled server (`dist/src/main.js`) on the embedded database in a new temporary
 * data folder, with `env` added to its environment, and reads the admin key that it prints on
 * its first start.
 */
export async function startLocalServer(env: Record<string, string> = {}): Promise<StartedServer> {
  const mainFile = join(__dirname, '..', '..', 'src', 'main.js');
  if (!existsSync(mainFile)) {
    throw new Error(`${mainFile} is missing: run npm run build first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hilink-demo-'));
  const port = await findFreePort();
  const child = spawn(process.execPath, [mainFile], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      HILINK_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const adminKey = await waitForStart(child, () => output);

    return { url: `http://127.0.0.1:${port}`, adminKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
