import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryRunner } from 'typeorm';
import { Job, JobData, JobStatus } from './job.entity';

/** Maximum stored length of `last_error`, characters; the column is varchar(2000). */
export const MAX_ERROR_LENGTH = 2000;

/** A job claimed by a worker, with the state it had just before the claim. */
export interface ClaimedJob {
  job: Job;
  /** True when the job was running under another worker whose lease had expired. */
  resumed: boolean;
  previousWorker: string | null;
}

interface ClaimRow {
  id: string;
  previous_status: JobStatus;
  previous_worker: string | null;
}

/**
 * Claims due jobs in one statement, so the claim is its own short transaction: the handler
 * then runs outside it. SKIP LOCKED lets several workers claim at once without waiting on
 * each other. A running job whose lease has expired is claimed again.
 */
const CLAIM_SQL = `
  UPDATE jobs AS job
  SET status = 'running',
      attempts = job.attempts + 1,
      locked_by = $1,
      locked_until = now() + make_interval(secs => $2),
      updated_at = now()
  FROM (
    SELECT id, status AS previous_status, locked_by AS previous_worker
    FROM jobs
    WHERE kind = ANY($4)
      AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
    ORDER BY run_at
    LIMIT $3
    FOR UPDATE SKIP LOCKED
  ) AS due
  WHERE job.id = due.id
  RETURNING job.id, due.previous_status, due.previous_worker`;

/** Truncates an error message to the column size. */
export function toStoredError(message: string): string {
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/** Database operations of the job worker. Each update checks that the worker still holds the lease. */
@Injectable()
export class JobStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims up to `limit` due jobs of the given kinds for `workerId`, with a lease of `leaseMs`. */
  async claim(
    workerId: string,
    kinds: string[],
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedJob[]> {
    if (limit <= 0 || kinds.length === 0) {
      return [];
    }
    const rows = await this.update<ClaimRow>(CLAIM_SQL, [workerId, leaseMs / 1000, limit, kinds]);
    if (rows.length === 0) {
      return [];
    }
    const jobs = await this.dataSource
      .getRepository(Job)
      .findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(jobs.map((job) => [job.id, job]));

    return rows
      .filter((row) => byId.has(row.id))
      .map((row) => ({
        job: byId.get(row.id) as Job,
        resumed: row.previous_status === 'running',
        previousWorker: row.previous_worker,
      }));
  }

  /** Extends the lease; returns false when the worker no longer holds it. */
  async renewLease(job: Job, workerId: string, leaseMs: number): Promise<boolean> {
    const rows = await this.update(
      `UPDATE jobs SET locked_until = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'
       RETURNING id`,
      [job.id, workerId, leaseMs / 1000],
    );

    return rows.length === 1;
  }

  async markSucceeded(job: Job, workerId: string, result: JobData | null): Promise<boolean> {
    const rows = await this.update(
      `UPDATE jobs
       SET status = 'succeeded', result = $3::jsonb, last_error = NULL, locked_by = NULL,
           locked_until = NULL, finished_at = now(), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'
       RETURNING id`,
      [job.id, workerId, result === null ? null : JSON.stringify(result)],
    );

    return rows.length === 1;
  }

  /** Returns the job to the queue with its next attempt `delayMs` from now. */
  async scheduleRetry(
    job: Job,
    workerId: string,
    error: string,
    delayMs: number,
  ): Promise<boolean> {
    const rows = await this.update(
      `UPDATE jobs
       SET status = 'queued', run_at = now() + make_interval(secs => $4), last_error = $3,
           locked_by = NULL, locked_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'
       RETURNING id`,
      [job.id, workerId, toStoredError(error), delayMs / 1000],
    );

    return rows.length === 1;
  }

  /**
   * Ends the job as `failed` or `dead`, and runs `onGiveUp` in the same transaction so that the
   * domain records the failure together with the job. Returns false when the lease was lost.
   */
  giveUp(
    job: Job,
    workerId: string,
    status: 'failed' | 'dead',
    error: string,
    onGiveUp?: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.update(
        `UPDATE jobs
         SET status = $3, attempts = LEAST(attempts, max_attempts), last_error = $4, locked_by = NULL,
             locked_until = NULL, finished_at = now(), updated_at = now()
         WHERE id = $1 AND locked_by = $2 AND status = 'running'
         RETURNING id`,
        [job.id, workerId, status, toStoredError(error)],
        manager.queryRunner,
      );
      if (rows.length === 1 && onGiveUp) {
        await onGiveUp(manager);
      }

      return rows.length === 1;
    });
  }

  /** Returns an interrupted job to the queue at once; the interrupted attempt does not count. */
  async release(job: Job, workerId: string): Promise<boolean> {
    const rows = await this.update(
      `UPDATE jobs
       SET status = 'queued', attempts = GREATEST(attempts - 1, 0), run_at = now(), locked_by = NULL,
           locked_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'
       RETURNING id`,
      [job.id, workerId],
    );

    return rows.length === 1;
  }

  /** Runs an UPDATE ... RETURNING and returns its rows, on `runner` or on a connection of its own. */
  private async update<T = { id: string }>(
    sql: string,
    parameters: unknown[],
    runner?: QueryRunner,
  ): Promise<T[]> {
    const own = runner ? undefined : this.dataSource.createQueryRunner();
    try {
      const result = await (runner ?? (own as QueryRunner)).query(sql, parameters, true);

      return result.records as T[];
    } finally {
      await own?.release();
    }
  }
}
