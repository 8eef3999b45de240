import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the lock file in the embedded database folder; it contains the owner's process id. */
export const LOCK_FILE_NAME = 'hilink.pid';

/** Raised when another live process has the embedded database folder open. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database folder ${dataDir} is in use by process ${pid}. ` +
        'PGlite allows one process per folder, and a second one would overwrite its data. ' +
        'Stop that process, set HILINK_DATA_DIR to another folder, or use DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);

    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Raises DataDirInUseError when another running process holds the folder's lock. It lets a
 * server stop with one clear line before it starts its modules; lockDataDir still takes the
 * lock, so two servers that start at the same moment are kept apart too.
 */
export function assertDataDirFree(dataDir: string): void {
  const owner = readOwner(join(dataDir, LOCK_FILE_NAME));
  if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
    throw new DataDirInUseError(dataDir, owner);
  }
}

/**
 * Claims the embedded database folder for this process with an exclusive lock file, so two
 * servers never open the same PGlite folder. A lock left by a process that no longer runs is
 * taken over. Returns a function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);

      return () => {
        if (readOwner(path) === process.pid) {
          rmSync(path, { force: true });
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const owner = readOwner(path);
    if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
      throw new DataDirInUseError(dataDir, owner);
    }
    rmSync(path, { force: true });
  }
  throw new Error(`Could not create the lock file ${path}; check that the folder is writable.`);
}
