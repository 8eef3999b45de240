import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestContext } from '../common/request-context';
import {
  DEFAULT_HANDLER_OPTIONS,
  JobHandler,
  JobHandlerOptions,
  RegisteredHandler,
} from './job-handler';
import { Job, JobData } from './job.entity';
import { JobErrors } from './jobs.errors';

export interface EnqueueJob {
  organizationId: string;
  /** The registered handler, e.g. `recap.generate`. */
  kind: string;
  payload: JobData;
  /** While a queued or running job of the organization has this key, enqueue returns that job instead. */
  uniqueKey?: string;
  /** Default 5; from 1 to 100. */
  maxAttempts?: number;
  /** Earliest start; default now. */
  runAt?: Date;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const KIND_PATTERN = /^[a-z][a-z0-9_.:-]{0,99}$/;

/** Inserts the job unless a queued or running job of the organization has the same unique key. */
const INSERT_SQL = `
  INSERT INTO jobs (organization_id, kind, payload, max_attempts, run_at, unique_key)
  VALUES ($1, $2, $3::jsonb, $4, COALESCE($5::timestamptz, now()), $6)
  ON CONFLICT (organization_id, unique_key) WHERE status IN ('queued', 'running') DO NOTHING
  RETURNING id`;

function assertValidJob(job: EnqueueJob): void {
  if (!KIND_PATTERN.test(job.kind)) {
    throw new TypeError(
      `Job kind "${job.kind}" is invalid: expected lowercase words such as recap.generate.`,
    );
  }
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new RangeError(
      `maxAttempts ${maxAttempts} is invalid: expected an integer from 1 to 100.`,
    );
  }
  if (job.uniqueKey !== undefined && (job.uniqueKey.length === 0 || job.uniqueKey.length > 200)) {
    throw new RangeError('uniqueKey is invalid: expected 1 to 200 characters.');
  }
}

/** Durable background jobs: enqueue them with a domain change, read their status, register handlers. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<string, RegisteredHandler>();

  constructor(@InjectRepository(Job) private readonly jobs: Repository<Job>) {}

  /**
   * Adds a job through the caller's EntityManager, so it commits or rolls back with the caller's
   * transaction. Returns the existing job when `uniqueKey` matches a queued or running one.
   */
  async enqueue(manager: EntityManager, input: EnqueueJob): Promise<Job> {
    assertValidJob(input);
    const rows: { id: string }[] = await manager.query(INSERT_SQL, [
      input.organizationId,
      input.kind,
      JSON.stringify(input.payload),
      input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      input.runAt?.toISOString() ?? null,
      input.uniqueKey ?? null,
    ]);
    const inserted = rows[0];
    if (inserted) {
      const job = await manager.findOneByOrFail(Job, { id: inserted.id });
      this.logger.debug(
        { jobId: job.id, kind: job.kind, organizationId: job.organizationId },
        'Job enqueued',
      );

      return job;
    }
    const existing = await manager
      .createQueryBuilder(Job, 'job')
      .where('job.organizationId = :organizationId', { organizationId: input.organizationId })
      .andWhere('job.uniqueKey = :uniqueKey', { uniqueKey: input.uniqueKey })
      .andWhere(`job.status IN ('queued', 'running')`)
      .getOneOrFail();
    this.logger.debug(
      { jobId: existing.id, kind: existing.kind, uniqueKey: input.uniqueKey },
      'Job with the same unique key is already queued or running',
    );

    return existing;
  }

  /** Returns a job of the caller's organization, or raises NOT_FOUND. */
  async get(ctx: RequestContext, id: string): Promise<Job> {
    const job = await this.jobs.findOneBy({ id, organizationId: ctx.organizationId });
    if (!job) {
      throw JobErrors.notFound(id);
    }

    return job;
  }

  /** Registers the handler of a job kind; a JobWorker claims only jobs of registered kinds. */
  registerHandler(kind: string, handler: JobHandler, options: JobHandlerOptions = {}): void {
    if (this.handlers.has(kind)) {
      throw new Error(`A handler for job kind "${kind}" is already registered.`);
    }
    this.handlers.set(kind, { handler, options: { ...DEFAULT_HANDLER_OPTIONS, ...options } });
  }

  handlerFor(kind: string): RegisteredHandler | undefined {
    return this.handlers.get(kind);
  }

  registeredKinds(): string[] {
    return [...this.handlers.keys()];
  }
}
