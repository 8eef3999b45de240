import { EventEmitter } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';

type QueryCallback = (error: Error | null, result?: PgResult) => void;
type ConnectCallback = (error: Error | null, client?: PGliteClient, release?: () => void) => void;

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

/** Serializes access: PGlite has one backend, so an open transaction must own it until released. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);

    return ready;
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql);

  return (match?.[1] ?? '').toUpperCase();
}

/** A checked-out connection to the embedded database, shaped like a `pg` client. */
class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback) {
    const done = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    try {
      const result = await this.run(sql, values);
      done?.(null, result);

      return result;
    } catch (error) {
      done?.(error as Error);
      throw error;
    }
  }

  private async run(sql: string, values?: unknown[]): Promise<PgResult> {
    if (values && values.length > 0) {
      const result = await this.db.query(sql, values);

      return {
        rows: result.rows,
        rowCount: result.affectedRows ?? result.rows.length,
        command: commandOf(sql),
      };
    }
    // exec accepts several statements; the driver expects the last statement's result.
    const results = await this.db.exec(sql);
    const last = results[results.length - 1];

    return {
      rows: last?.rows ?? [],
      rowCount: last?.affectedRows ?? last?.rows.length ?? 0,
      command: commandOf(sql),
    };
  }
}

/**
 * A `pg.Pool` stand-in over one PGlite instance, for TypeORM's postgres driver. A connection
 * is exclusive between connect and release, so concurrent transactions never interleave on
 * the single embedded backend.
 */
export function createPGlitePoolClass(dataDir: string) {
  let instance: Promise<PGlite> | undefined;
  let unlock: (() => void) | undefined;
  const mutex = new Mutex();
  const create = async () => {
    if (!dataDir.startsWith('memory://')) {
      unlock = lockDataDir(dataDir);
    }

    return PGlite.create(dataDir);
  };
  const open = () => (instance ??= create());

  return class PGlitePool extends EventEmitter {
    connect(callback: ConnectCallback): void {
      void (async () => {
        try {
          const db = await open();
          const release = await mutex.acquire();
          let released = false;
          callback(null, new PGliteClient(db), () => {
            if (!released) {
              released = true;
              release();
            }
          });
        } catch (error) {
          callback(error as Error);
        }
      })();
    }

    async query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback) {
      const db = await open();
      const release = await mutex.acquire();
      try {
        return await new PGliteClient(db).query(sql, params, callback);
      } finally {
        release();
      }
    }

    end(callback?: (error: Error | null) => void): void {
      const closing = instance ? instance.then((db) => db.close()) : Promise.resolve();
      instance = undefined;
      const release = unlock;
      unlock = undefined;
      closing
        .finally(() => release?.())
        .then(
          () => callback?.(null),
          (error: Error) => callback?.(error),
        );
    }
  };
}
