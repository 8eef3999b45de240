import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The admin key printed on first start, when this start created it. */
  adminKey?: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..');

/** Runs `src/main.ts` as its own process, as `npm start` would, and waits until it listens. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!/GraphQL\s+(http\S+)\/graphql/.test(output)) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = /GraphQL\s+(http\S+)\/graphql/.exec(output)?.[1] ?? '';
  const adminKey = /HILINK_API_KEY=(\S+)/.exec(output)?.[1];

  return {
    child,
    url,
    adminKey,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) {
        return child.exitCode;
      }
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];

      return code;
    },
  };
}

/** Runs `src/main.ts` and waits for it to exit, e.g. on invalid configuration. */
export function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return runScriptToExit('src/main.ts', env);
}

/** Runs a TypeScript entry point of the repository with its arguments and waits for it to exit. */
export async function runScriptToExit(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', script, ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];

  return { code, output };
}
