import { DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode } from './app-error';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Stored responses are replayed for this long; a key may be reused after it. */
const RETENTION_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Number of claims between two deletions of expired keys. */
const PURGE_EVERY_CLAIMS = 100;

interface StoredRow {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

/** The outcome of claiming a key: run the request, or replay what the first one stored. */
export type IdempotencyClaim =
  { kind: 'claimed' } | { kind: 'replay'; statusCode: number; response: unknown };

/** Raises BAD_USER_INPUT unless `key` is a valid Idempotency-Key header value. */
export function checkIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw badInput(
      'Idempotency-Key',
      'The Idempotency-Key header is invalid: expected 1 to 200 visible ASCII characters, such as a UUID.',
      'INVALID_IDEMPOTENCY_KEY',
    );
  }

  return key;
}

/**
 * Stores requests by organization and Idempotency-Key, for REST creates and GraphQL mutations.
 * The first request with a key claims it and stores its response. A repeat with the same
 * request hash gets that response back, and one with another hash is a CONFLICT.
 */
export class IdempotencyStore {
  private claimsSincePurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly onPurgeError: (error: unknown) => void,
  ) {}

  /** Claims the key for this request, or returns the stored response of an earlier one. */
  async claim(organizationId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    await this.purgeExpired();
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [organizationId, key, requestHash],
    );
    if (claimed.length > 0) {
      return { kind: 'claimed' };
    }
    const rows: StoredRow[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    const stored = rows[0];
    if (!stored || stored.request_hash !== requestHash) {
      throw new AppError(
        ErrorCode.Conflict,
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' },
      );
    }
    if (stored.status_code === null) {
      throw new AppError(
        ErrorCode.Conflict,
        'A request with this Idempotency-Key is still in progress. Retry after it finishes.',
        { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', field: 'Idempotency-Key' },
      );
    }

    return { kind: 'replay', statusCode: stored.status_code, response: stored.response };
  }

  /** Stores the response of a claimed key, for replay to repeats. */
  async complete(
    organizationId: string,
    key: string,
    statusCode: number,
    response: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE organization_id = $1 AND key = $2`,
      [organizationId, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Deletes a claimed key after a failed request, so that a corrected retry may use it again. */
  async release(organizationId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
  }

  private async purgeExpired(): Promise<void> {
    this.claimsSincePurge += 1;
    if (this.claimsSincePurge < PURGE_EVERY_CLAIMS) {
      return;
    }
    this.claimsSincePurge = 0;
    try {
      await this.dataSource.query(
        `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
        [RETENTION_HOURS],
      );
    } catch (error) {
      this.onPurgeError(error);
    }
  }
}
