import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JobAbortedError, JobAttemptRunner } from './job-attempt';
import { RegisteredHandler } from './job-handler';
import { ClaimedJob, JobStore } from './job-store';
import { JobsService } from './jobs.service';

export interface JobWorkerOptions {
  /** Whether the worker starts on application bootstrap. */
  enabled: boolean;
  /** Delay between two polls for due jobs, ms. */
  pollIntervalMs: number;
  /** Maximum jobs this worker runs at once. */
  concurrency: number;
  /** How long a claim stays valid without renewal, ms; the worker renews it every third of it. */
  leaseMs: number;
  /** On shutdown, how long running jobs may take to finish before they are released, ms. */
  shutdownGraceMs: number;
}

export const JOB_WORKER_OPTIONS = Symbol('JOB_WORKER_OPTIONS');

interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

/** Repeated poll failures are logged at the first one and then once per this many ms. */
const POLL_ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Polls the jobs table, runs due jobs with their registered handlers and records the outcome.
 * A claim is a lease: a worker that stops without finishing leaves the job to be resumed by
 * another worker once the lease expires.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobWorker.name);
  private readonly running = new Map<string, RunningJob>();
  private readonly attempts: JobAttemptRunner;
  private started = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private pollFailures = 0;
  private lastPollErrorLoggedAt = 0;

  constructor(
    private readonly jobs: JobsService,
    private readonly store: JobStore,
    @Inject(JOB_WORKER_OPTIONS) private readonly options: JobWorkerOptions,
  ) {
    this.attempts = new JobAttemptRunner(store, this.workerId, options.leaseMs, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) {
      this.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get isRunning(): boolean {
    return this.started;
  }

  /** Starts polling; calling it again while started does nothing. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this.logger.log(
      { workerId: this.workerId, kinds: this.jobs.registeredKinds(), ...this.options },
      'Job worker started',
    );
    this.schedulePoll(0);
  }

  /**
   * Stops polling and waits up to `shutdownGraceMs` for running jobs. Jobs still running after
   * that are aborted and returned to the queue, so another worker starts them again at once.
   */
  async stop(): Promise<void> {
    const wasStarted = this.started;
    this.started = false;
    clearTimeout(this.timer);
    await this.polling;
    if (!wasStarted && this.running.size === 0) {
      return;
    }
    this.logger.log({ workerId: this.workerId, running: this.running.size }, 'Job worker stopping');
    const finished = await this.waitForRunningJobs(this.options.shutdownGraceMs);
    if (!finished) {
      for (const job of this.running.values()) {
        job.controller.abort(new JobAbortedError('shutdown'));
      }
      await this.waitForRunningJobs(Number.POSITIVE_INFINITY);
    }
    this.logger.log({ workerId: this.workerId }, 'Job worker stopped');
  }

  /** Claims and starts due jobs up to the free capacity; returns how many it started. */
  async pollOnce(): Promise<number> {
    const capacity = this.options.concurrency - this.running.size;
    const kinds = this.jobs.registeredKinds();
    const claimed = await this.store.claim(this.workerId, kinds, capacity, this.options.leaseMs);
    for (const claim of claimed) {
      this.track(claim);
    }

    return claimed.length;
  }

  private schedulePoll(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.polling = this.pollAndReschedule();
    }, delayMs);
  }

  private async pollAndReschedule(): Promise<void> {
    let started = 0;
    try {
      started = await this.pollOnce();
      this.pollFailures = 0;
    } catch (error) {
      this.logPollFailure(error);
    }
    if (this.started) {
      const hasCapacity = this.running.size < this.options.concurrency;
      this.schedulePoll(started > 0 && hasCapacity ? 0 : this.options.pollIntervalMs);
    }
  }

  private logPollFailure(error: unknown): void {
    this.pollFailures += 1;
    const now = Date.now();
    if (this.pollFailures === 1 || now - this.lastPollErrorLoggedAt >= POLL_ERROR_LOG_INTERVAL_MS) {
      this.lastPollErrorLoggedAt = now;
      this.logger.error(
        { err: error, workerId: this.workerId, consecutiveFailures: this.pollFailures },
        'Polling for due jobs failed; retrying at the next poll',
      );
    }
  }

  private track(claim: ClaimedJob): void {
    const controller = new AbortController();
    const registered = this.jobs.handlerFor(claim.job.kind) as RegisteredHandler;
    const done = this.attempts
      .run(claim, registered, controller)
      .finally(() => this.running.delete(claim.job.id));
    this.running.set(claim.job.id, { controller, done });
  }

  private async waitForRunningJobs(timeoutMs: number): Promise<boolean> {
    const all = Promise.allSettled([...this.running.values()].map((job) => job.done)).then(
      () => true,
    );
    if (!Number.isFinite(timeoutMs)) {
      return all;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = await Promise.race([all, timeout]);
    clearTimeout(timer);

    return finished;
  }
}
