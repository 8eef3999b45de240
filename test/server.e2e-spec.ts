import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './support/ports';
import { runScriptToExit, runServerToExit, startServerProcess } from './support/server-process';

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Each test starts the server two or three times through ts-node, which compiles every source
// file at start; on a busy two-core machine one start can take half a minute.
jest.setTimeout(180_000);

describe('server process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hilink-server-'));

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, logs JSON with request ids, stops on SIGTERM and keeps data', async () => {
    const first = await startServerProcess({ HILINK_DATA_DIR: dataDir });
    const key = first.adminKey ?? '';
    const before = await fetch(`${first.url}/v1/organization`, {
      headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req-e2e-1' },
    });
    const code = await first.stop('SIGTERM');
    const lines = jsonLines(first.output());
    const requestLine = lines.find(
      (line) => (line.req as { id?: string } | undefined)?.id === 'req-e2e-1',
    );

    expect(key).toMatch(/^hlk_/);
    expect(first.output()).toContain('/docs');
    expect(before.status).toBe(200);
    expect(before.headers.get('x-request-id')).toBe('req-e2e-1');
    expect(code).toBe(0);
    expect(requestLine).toBeDefined();
    expect(JSON.stringify(lines)).not.toContain(key.slice(20));
    expect(
      lines.some((line) => line.msg === 'Shutdown complete: database connections closed'),
    ).toBe(true);

    const second = await startServerProcess({ HILINK_DATA_DIR: dataDir });
    const after = await fetch(`${second.url}/v1/organization`, {
      headers: { authorization: `Bearer ${key}` },
    });
    await second.stop();

    expect(second.adminKey).toBeUndefined();
    expect(after.status).toBe(200);
  });

  it('creates a replacement admin key offline', async () => {
    const running = await startServerProcess({ HILINK_DATA_DIR: dataDir });
    const whileRunning = await runScriptToExit('src/organizations/create-admin-key.ts', {
      HILINK_DATA_DIR: dataDir,
    });
    await running.stop();

    expect(whileRunning.code).toBe(1);
    expect(whileRunning.output).toContain(`the server (process ${running.child.pid})`);

    const created = await runScriptToExit(
      'src/organizations/create-admin-key.ts',
      { HILINK_DATA_DIR: dataDir },
      ['Recovery key'],
    );
    const key = /HILINK_API_KEY=(\S+)/.exec(created.output)?.[1] ?? '';
    const server = await startServerProcess({ HILINK_DATA_DIR: dataDir });
    const response = await fetch(`${server.url}/v1/api-keys`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const names = ((await response.json()) as { name: string }[]).map((apiKey) => apiKey.name);
    await server.stop();

    expect(created.code).toBe(0);
    expect(key).toMatch(/^hlk_/);
    expect(response.status).toBe(200);
    expect(names).toContain('Recovery key');
  });

  it('rejects a taken data folder or port', async () => {
    const running = await startServerProcess({ HILINK_DATA_DIR: dataDir });
    const port = new URL(running.url).port;
    const otherDir = mkdtempSync(join(tmpdir(), 'hilink-other-'));
    const sameFolder = await runServerToExit({ PORT: '0', HILINK_DATA_DIR: dataDir });
    const samePort = await runServerToExit({ PORT: port, HILINK_DATA_DIR: otherDir });
    await running.stop();
    rmSync(otherDir, { recursive: true, force: true });

    expect(sameFolder.code).toBe(1);
    expect(sameFolder.output).toContain(`in use by process ${running.child.pid}`);
    // One line that names the fix, and no logged stack trace before it.
    expect(sameFolder.output.trim().split('\n')).toHaveLength(1);
    expect(samePort.code).toBe(1);
    expect(samePort.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('refuses to boot with an invalid variable', async () => {
    const result = await runServerToExit({ PORT: 'eighty', LOG_LEVEL: 'loud' });

    expect(result.code).toBe(2);
    expect(result.output).toContain('PORT="eighty" is invalid');
    expect(result.output).toContain('LOG_LEVEL');
  });

  it('names the fix for a missing database', async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      return;
    }
    const missing = new URL(serverUrl);
    missing.pathname = '/hilink_database_that_does_not_exist';

    const result = await runServerToExit({ PORT: '0', DATABASE_URL: missing.toString() });

    expect(result.code).toBe(1);
    expect(result.output).toContain('does not exist. Create it first (createdb');
  });

  it('names the fix for an unreachable database server', async () => {
    const port = await closedPort();

    const result = await runServerToExit({
      PORT: '0',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/hilink`,
    });

    expect(result.code).toBe(1);
    expect(result.output).toContain('No PostgreSQL server answered there');
  });

  it('names the fix for a database without tables', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'hilink-unmigrated-'));
    try {
      const result = await runServerToExit({
        PORT: '0',
        HILINK_DATA_DIR: emptyDir,
        HILINK_MIGRATE_ON_START: 'false',
      });

      expect(result.code).toBe(1);
      expect(result.output).toContain('The database has no HiLink tables: run npm run migrate');
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
