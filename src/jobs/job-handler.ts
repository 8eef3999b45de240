import { EntityManager } from 'typeorm';
import { Job, JobData } from './job.entity';

/** Context of one attempt: the attempt number and a signal to stop early. */
export interface JobRunContext {
  /** 1 for the first attempt. */
  attempt: number;
  isLastAttempt: boolean;
  /** Aborted when the job times out, the worker loses its lease or the worker shuts down. */
  signal: AbortSignal;
}

/**
 * Code that runs jobs of one kind. `run` may run more than once for the same job (after a
 * retry, or when a worker stopped mid-job), so it must be idempotent.
 */
export interface JobHandler {
  run(job: Job, context: JobRunContext): Promise<JobData | void>;
  /**
   * Called when the job will not run again (failed or dead), inside the transaction that
   * records that status. Use only `manager` for database work here.
   */
  onGiveUp?(job: Job, reason: string, manager: EntityManager): Promise<void>;
}

export interface JobHandlerOptions {
  /** Maximum run time of one attempt in ms; the signal aborts then and the attempt fails. Default 10 minutes. */
  timeoutMs?: number;
  /** First retry delay in ms, doubled for each further attempt, with jitter. Default 1000. */
  retryBaseDelayMs?: number;
  /** Maximum retry delay in ms. Default 5 minutes. */
  retryMaxDelayMs?: number;
}

export interface RegisteredHandler {
  handler: JobHandler;
  options: Required<JobHandlerOptions>;
}

export const DEFAULT_HANDLER_OPTIONS: Required<JobHandlerOptions> = {
  timeoutMs: 10 * 60_000,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 5 * 60_000,
};

/** Thrown by a handler for a failure that retrying cannot fix: the job becomes `failed` at once. */
export class NonRetryableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableJobError';
  }
}

/**
 * Returns the delay before the next attempt: exponential in the number of failed attempts,
 * with "equal jitter" (half fixed, half random) so that jobs failing together spread out.
 */
export function computeRetryDelayMs(
  failedAttempts: number,
  options: Pick<Required<JobHandlerOptions>, 'retryBaseDelayMs' | 'retryMaxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** exponent);
  const half = ceiling / 2;

  return Math.round(half + random() * half);
}
