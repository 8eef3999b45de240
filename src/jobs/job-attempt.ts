import { LoggerService } from '@nestjs/common';
import { computeRetryDelayMs, NonRetryableJobError, RegisteredHandler } from './job-handler';
import { ClaimedJob, JobStore } from './job-store';
import { Job, JobData } from './job.entity';

/** Reason a worker aborted a running job. Only `timeout` counts as a failed attempt. */
type AbortReason = 'timeout' | 'lease_lost' | 'shutdown';

export class JobAbortedError extends Error {
  constructor(readonly reason: AbortReason) {
    super(
      reason === 'timeout' ? 'The attempt timed out.' : `The attempt was interrupted: ${reason}.`,
    );
    this.name = 'JobAbortedError';
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Rejects when `signal` aborts, so an attempt ends even if its handler ignores the signal. */
function raceWithSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Runs single attempts of claimed jobs for one worker: lease renewal, timeout, outcome. */
export class JobAttemptRunner {
  constructor(
    private readonly store: JobStore,
    private readonly workerId: string,
    private readonly leaseMs: number,
    private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>,
  ) {}

  /** Runs one claimed job and records its outcome. It does not reject: failures are recorded or logged. */
  async run(
    claim: ClaimedJob,
    registered: RegisteredHandler,
    controller: AbortController,
  ): Promise<void> {
    const { job } = claim;
    const ids = { jobId: job.id, kind: job.kind, organizationId: job.organizationId };
    if (claim.resumed) {
      this.logger.warn(
        { ...ids, previousWorker: claim.previousWorker },
        'Resuming job whose worker stopped',
      );
    }
    if (job.attempts > job.maxAttempts) {
      const reason = `Attempt ${job.maxAttempts} of ${job.maxAttempts} did not finish: its worker stopped.`;
      await this.finishAsGivenUp(job, registered, 'dead', reason).catch((error: unknown) => {
        this.logger.error({ ...ids, err: error }, 'Recording a dead job failed');
      });

      return;
    }
    this.logger.log({ ...ids, attempt: job.attempts, maxAttempts: job.maxAttempts }, 'Job started');
    const startedAt = Date.now();
    const heartbeat = this.keepLease(job, controller);
    const timeout = setTimeout(
      () => controller.abort(new JobAbortedError('timeout')),
      registered.options.timeoutMs,
    );
    try {
      const work = registered.handler.run(job, {
        attempt: job.attempts,
        isLastAttempt: job.attempts >= job.maxAttempts,
        signal: controller.signal,
      });
      const result = await raceWithSignal(work, controller.signal);
      await this.finishAsSucceeded(job, result ?? null, Date.now() - startedAt);
    } catch (error) {
      await this.handleFailure(job, registered, error);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timeout);
    }
  }

  private keepLease(job: Job, controller: AbortController): NodeJS.Timeout {
    return setInterval(
      () => {
        this.store.renewLease(job, this.workerId, this.leaseMs).then(
          (held) => {
            if (!held) {
              controller.abort(new JobAbortedError('lease_lost'));
            }
          },
          (error: unknown) => {
            this.logger.warn(
              { err: error, jobId: job.id, kind: job.kind },
              'Renewing a job lease failed',
            );
          },
        );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
  }

  private async finishAsSucceeded(
    job: Job,
    result: JobData | null,
    durationMs: number,
  ): Promise<void> {
    const ids = { jobId: job.id, kind: job.kind, organizationId: job.organizationId };
    const recorded = await this.store.markSucceeded(job, this.workerId, result);
    if (recorded) {
      this.logger.log({ ...ids, attempt: job.attempts, durationMs }, 'Job succeeded');
    } else {
      this.logger.warn(ids, 'Job finished after its lease was lost; another worker owns it now');
    }
  }

  private async handleFailure(
    job: Job,
    registered: RegisteredHandler,
    error: unknown,
  ): Promise<void> {
    const ids = { jobId: job.id, kind: job.kind, organizationId: job.organizationId };
    try {
      if (error instanceof JobAbortedError && error.reason === 'shutdown') {
        await this.store.release(job, this.workerId);
        this.logger.warn(ids, 'Job released on shutdown; it will run again');

        return;
      }
      if (error instanceof JobAbortedError && error.reason === 'lease_lost') {
        this.logger.warn(ids, 'Job lease lost; another worker may run the job');

        return;
      }
      await this.recordFailedAttempt(job, registered, error);
    } catch (storeError) {
      // The lease then expires and another worker resumes the job.
      this.logger.error(
        { ...ids, err: storeError, jobError: describeError(error) },
        'Recording a job failure failed',
      );
    }
  }

  private async recordFailedAttempt(
    job: Job,
    registered: RegisteredHandler,
    error: unknown,
  ): Promise<void> {
    const ids = { jobId: job.id, kind: job.kind, organizationId: job.organizationId };
    const message = describeError(error);
    if (error instanceof NonRetryableJobError) {
      await this.finishAsGivenUp(job, registered, 'failed', message);

      return;
    }
    if (job.attempts >= job.maxAttempts) {
      await this.finishAsGivenUp(job, registered, 'dead', message);

      return;
    }
    const delayMs = computeRetryDelayMs(job.attempts, registered.options);
    await this.store.scheduleRetry(job, this.workerId, message, delayMs);
    this.logger.warn(
      { ...ids, err: error, attempt: job.attempts, maxAttempts: job.maxAttempts, delayMs },
      'Job attempt failed; retrying',
    );
  }

  private async finishAsGivenUp(
    job: Job,
    registered: RegisteredHandler,
    status: 'failed' | 'dead',
    reason: string,
  ): Promise<void> {
    const onGiveUp = registered.handler.onGiveUp?.bind(registered.handler);
    const recorded = await this.store.giveUp(
      job,
      this.workerId,
      status,
      reason,
      async (manager) => {
        await onGiveUp?.(job, reason, manager);
      },
    );
    const ids = { jobId: job.id, kind: job.kind, organizationId: job.organizationId };
    if (recorded) {
      this.logger.error({ ...ids, status, attempts: job.attempts, reason }, `Job ${status}`);
    }
  }
}
