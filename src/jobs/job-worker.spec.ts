import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, Repository } from 'typeorm';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { computeRetryDelayMs, JobHandler, NonRetryableJobError } from './job-handler';
import { JobStore } from './job-store';
import { JobWorker, JobWorkerOptions } from './job-worker';
import { Job } from './job.entity';
import { EnqueueJob, JobsService } from './jobs.service';

const FAST_RETRY = { retryBaseDelayMs: 20, retryMaxDelayMs: 40 };

describe('JobWorker', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let jobRows: Repository<Job>;
  let jobs: JobsService;
  let store: JobStore;
  const workers: JobWorker[] = [];

  function createWorker(options: Partial<JobWorkerOptions> = {}): JobWorker {
    const worker = new JobWorker(jobs, store, {
      enabled: false,
      pollIntervalMs: 20,
      concurrency: 2,
      leaseMs: 5_000,
      shutdownGraceMs: 2_000,
      ...options,
    });
    workers.push(worker);

    return worker;
  }

  function enqueue(input: Partial<EnqueueJob> & { kind: string }): Promise<Job> {
    return dataSource.transaction((manager) =>
      jobs.enqueue(manager, { organizationId: t.organizationId, payload: {}, ...input }),
    );
  }

  async function waitForStatus(
    id: string,
    statuses: Job['status'][],
    timeoutMs = 10_000,
  ): Promise<Job> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await jobRows.findOneByOrFail({ id });
      if (statuses.includes(job.status)) {
        return job;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Job ${id} is ${job.status} after ${timeoutMs} ms; expected ${statuses.join(' or ')}.`,
        );
      }
      await sleep(20);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    dataSource = t.app.get(DataSource);
    jobRows = dataSource.getRepository(Job);
    store = new JobStore(dataSource);
  });

  beforeEach(() => {
    jobs = new JobsService(jobRows);
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs a due job and stores its result', async () => {
    jobs.registerHandler('test.echo', { run: async (job) => ({ echoed: job.payload.value }) });
    const job = await enqueue({ kind: 'test.echo', payload: { value: 42 } });
    createWorker().start();

    const done = await waitForStatus(job.id, ['succeeded']);

    expect(done.attempts).toBe(1);
    expect(done.result).toEqual({ echoed: 42 });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.lockedBy).toBeNull();
    expect(done.lastError).toBeNull();
  });

  it('skips future jobs and unregistered kinds', async () => {
    jobs.registerHandler('test.now', { run: async () => undefined });
    const later = await enqueue({ kind: 'test.now', runAt: new Date(Date.now() + 60_000) });
    const unknown = await enqueue({ kind: 'test.unregistered' });
    const worker = createWorker();

    const started = await worker.pollOnce();

    expect(started).toBe(0);
    expect((await jobRows.findOneByOrFail({ id: later.id })).status).toBe('queued');
    expect((await jobRows.findOneByOrFail({ id: unknown.id })).status).toBe('queued');
  });

  it('retries a failed attempt after a backoff', async () => {
    let calls = 0;
    jobs.registerHandler(
      'test.flaky',
      {
        run: async () => {
          calls += 1;
          if (calls === 1) {
            throw new Error('temporary outage');
          }

          return { calls };
        },
      },
      { retryBaseDelayMs: 400, retryMaxDelayMs: 400 },
    );
    const job = await enqueue({ kind: 'test.flaky', maxAttempts: 3 });
    const worker = createWorker();

    await worker.pollOnce();
    const retrying = await waitForStatus(job.id, ['queued']);
    const immediately = await worker.pollOnce();
    worker.start();
    const done = await waitForStatus(job.id, ['succeeded']);

    expect(retrying.attempts).toBe(1);
    expect(retrying.lastError).toBe('temporary outage');
    expect(retrying.runAt.getTime()).toBeGreaterThanOrEqual(retrying.updatedAt.getTime() + 150);
    expect(immediately).toBe(0);
    expect(done.attempts).toBe(2);
    expect(done.result).toEqual({ calls: 2 });
  });

  it('marks a job dead after its last attempt', async () => {
    const givenUp: string[] = [];
    const handler: JobHandler = {
      run: async (_job, context) => {
        throw new Error(`attempt ${context.attempt} failed`);
      },
      onGiveUp: async (job, reason, manager) => {
        givenUp.push(reason);
        await manager.query(`UPDATE jobs SET result = $2::jsonb WHERE id = $1`, [
          job.id,
          JSON.stringify({ cleanedUp: true }),
        ]);
      },
    };
    jobs.registerHandler('test.broken', handler, FAST_RETRY);
    const job = await enqueue({ kind: 'test.broken', maxAttempts: 3 });
    createWorker().start();

    const dead = await waitForStatus(job.id, ['dead']);

    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toBe('attempt 3 failed');
    expect(dead.finishedAt).toBeInstanceOf(Date);
    expect(givenUp).toEqual(['attempt 3 failed']);
    expect(dead.result).toEqual({ cleanedUp: true });
  });

  it('fails a non-retryable job at once', async () => {
    const givenUp: string[] = [];
    jobs.registerHandler('test.invalid', {
      run: async () => {
        throw new NonRetryableJobError('payload names no recap');
      },
      onGiveUp: async (_job, reason) => {
        givenUp.push(reason);
      },
    });
    const job = await enqueue({ kind: 'test.invalid', maxAttempts: 5 });
    createWorker().start();

    const failed = await waitForStatus(job.id, ['failed']);

    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBe('payload names no recap');
    expect(givenUp).toEqual(['payload names no recap']);
  });

  it('resumes a job after its worker stopped', async () => {
    jobs.registerHandler('test.resume', {
      run: async (_job, context) => ({ attempt: context.attempt }),
    });
    const job = await enqueue({ kind: 'test.resume', maxAttempts: 3 });
    // A worker that claims the job and then stops without finishing or releasing it.
    const [claim] = await store.claim('stopped-worker', ['test.resume'], 1, 300);
    const survivor = createWorker();

    const beforeExpiry = await survivor.pollOnce();
    await sleep(400);
    survivor.start();
    const done = await waitForStatus(job.id, ['succeeded']);

    expect(claim?.job.id).toBe(job.id);
    expect(beforeExpiry).toBe(0);
    expect(done.attempts).toBe(2);
    expect(done.result).toEqual({ attempt: 2 });
  });

  it('marks a job dead when its last attempt never finished', async () => {
    const givenUp: string[] = [];
    jobs.registerHandler('test.crash', {
      run: async () => ({ ran: true }),
      onGiveUp: async (_job, reason) => {
        givenUp.push(reason);
      },
    });
    const job = await enqueue({ kind: 'test.crash', maxAttempts: 1 });
    await store.claim('stopped-worker', ['test.crash'], 1, 100);
    await sleep(200);
    createWorker().start();

    const dead = await waitForStatus(job.id, ['dead']);

    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain('did not finish');
    expect(givenUp).toHaveLength(1);
  });

  it('keeps renewing the lease of a long job', async () => {
    jobs.registerHandler('test.long', {
      run: async () => {
        await sleep(700);

        return { finished: true };
      },
    });
    const job = await enqueue({ kind: 'test.long' });
    createWorker({ leaseMs: 300 }).start();
    const other = createWorker({ leaseMs: 300 });

    await waitForStatus(job.id, ['running']);
    await sleep(450);
    const stolen = await other.pollOnce();
    const done = await waitForStatus(job.id, ['succeeded']);

    expect(stolen).toBe(0);
    expect(done.attempts).toBe(1);
  });

  it('fails an attempt that exceeds its timeout', async () => {
    let calls = 0;
    jobs.registerHandler(
      'test.slow',
      {
        run: async (_job, context) => {
          calls += 1;
          if (calls === 1) {
            await sleep(5_000, undefined, { signal: context.signal }).catch(() => undefined);
          }

          return { calls };
        },
      },
      { ...FAST_RETRY, timeoutMs: 100 },
    );
    const job = await enqueue({ kind: 'test.slow', maxAttempts: 2 });
    createWorker().start();

    const done = await waitForStatus(job.id, ['succeeded']);

    expect(done.attempts).toBe(2);
    expect(calls).toBe(2);
  });

  it('finishes a short job on shutdown', async () => {
    jobs.registerHandler('test.short', {
      run: async () => {
        await sleep(200);

        return { finished: true };
      },
    });
    const job = await enqueue({ kind: 'test.short' });
    const worker = createWorker({ shutdownGraceMs: 2_000 });
    await worker.pollOnce();

    await worker.stop();
    const stored = await jobRows.findOneByOrFail({ id: job.id });

    expect(stored.status).toBe('succeeded');
  });

  it('releases a long job on shutdown', async () => {
    let aborted = false;
    jobs.registerHandler('test.endless', {
      run: async (_job, context) => {
        await sleep(10_000, undefined, { signal: context.signal }).catch(() => {
          aborted = true;
        });
      },
    });
    const job = await enqueue({ kind: 'test.endless', maxAttempts: 3 });
    const worker = createWorker({ shutdownGraceMs: 100 });
    worker.start();
    await waitForStatus(job.id, ['running']);

    await worker.stop();
    const released = await jobRows.findOneByOrFail({ id: job.id });

    expect(aborted).toBe(true);
    expect(released.status).toBe('queued');
    expect(released.attempts).toBe(0);
    expect(released.lockedBy).toBeNull();
    expect(released.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('claims each job once across workers', async () => {
    const runs: string[] = [];
    jobs.registerHandler('test.count', {
      run: async (job) => {
        runs.push(job.id);
        await sleep(50);
      },
    });
    const enqueued = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => enqueue({ kind: 'test.count' })),
    );
    const first = createWorker({ concurrency: 3 });
    const second = createWorker({ concurrency: 3 });

    const claimed = await Promise.all([first.pollOnce(), second.pollOnce()]);
    await Promise.all(enqueued.map((job) => waitForStatus(job.id, ['succeeded'])));

    expect(claimed[0] + claimed[1]).toBe(6);
    expect([...runs].sort()).toEqual(enqueued.map((job) => job.id).sort());
  });
});

describe('JobsService.enqueue', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let jobs: JobsService;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    dataSource = t.app.get(DataSource);
    jobs = new JobsService(dataSource.getRepository(Job));
  });

  afterAll(async () => {
    await t.close();
  });

  it('returns the queued job for a repeated unique key', async () => {
    const input = {
      organizationId: t.organizationId,
      kind: 'test.unique',
      payload: { n: 1 },
      uniqueKey: 'k-1',
    };

    const first = await dataSource.transaction((manager) => jobs.enqueue(manager, input));
    const second = await dataSource.transaction((manager) =>
      jobs.enqueue(manager, { ...input, payload: { n: 2 } }),
    );
    await dataSource.query(`UPDATE jobs SET status = 'succeeded' WHERE id = $1`, [first.id]);
    const third = await dataSource.transaction((manager) => jobs.enqueue(manager, input));

    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual({ n: 1 });
    expect(third.id).not.toBe(first.id);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const input = { organizationId: t.organizationId, kind: 'test.rollback', payload: {} };

    const outcome = dataSource.transaction(async (manager) => {
      await jobs.enqueue(manager, input);
      throw new Error('domain change failed');
    });

    await expect(outcome).rejects.toThrow('domain change failed');
    expect(await dataSource.getRepository(Job).countBy({ kind: 'test.rollback' })).toBe(0);
  });

  it('rejects an invalid kind or attempt count', async () => {
    const base = { organizationId: t.organizationId, payload: {} };

    await expect(
      dataSource.transaction((manager) => jobs.enqueue(manager, { ...base, kind: 'Bad Kind' })),
    ).rejects.toThrow(TypeError);
    await expect(
      dataSource.transaction((manager) =>
        jobs.enqueue(manager, { ...base, kind: 'test.x', maxAttempts: 0 }),
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('computeRetryDelayMs', () => {
  const options = { retryBaseDelayMs: 1_000, retryMaxDelayMs: 10_000 };

  it('doubles the delay per failed attempt', () => {
    expect(computeRetryDelayMs(1, options, () => 1)).toBe(1_000);
    expect(computeRetryDelayMs(2, options, () => 1)).toBe(2_000);
    expect(computeRetryDelayMs(3, options, () => 1)).toBe(4_000);
  });

  it('keeps at least half of the delay', () => {
    expect(computeRetryDelayMs(1, options, () => 0)).toBe(500);
    expect(computeRetryDelayMs(3, options, () => 0)).toBe(2_000);
  });

  it('caps the delay at the maximum', () => {
    expect(computeRetryDelayMs(10, options, () => 1)).toBe(10_000);
    expect(computeRetryDelayMs(60, options, () => 0.5)).toBe(7_500);
  });
});
