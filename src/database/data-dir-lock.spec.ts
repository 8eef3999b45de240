import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDataDirFree, DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hilink-lock-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the process id and releases it', () => {
    const release = lockDataDir(dataDir);

    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('rejects a folder held by a running process', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dataDir, LOCK_FILE_NAME), String(holder.pid));

      expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dataDir)).toThrow(/in use by process \d+.*HILINK_DATA_DIR/);
    } finally {
      holder.kill();
    }
  });

  it('checks a folder before taking it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      expect(() => assertDataDirFree(dataDir)).not.toThrow();
      writeFileSync(join(dataDir, LOCK_FILE_NAME), String(holder.pid));

      expect(() => assertDataDirFree(dataDir)).toThrow(DataDirInUseError);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a stopped process', () => {
    const stopped = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]);
    writeFileSync(join(dataDir, LOCK_FILE_NAME), stopped.stdout.toString());

    const release = lockDataDir(dataDir);

    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
    release();
  });
});
