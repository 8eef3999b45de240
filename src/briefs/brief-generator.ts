import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AiProvider, AiProviderError, BriefInput, BriefResult } from '../ai/ai-provider';
import { JobHandler, JobRunContext, NonRetryableJobError } from '../jobs/job-handler';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { recordDomainEvent } from '../webhooks/domain-events';
import { RECAP_AI_PROVIDER } from '../recaps/recap-provider';
import { Session } from '../sessions/session.entity';
import { buildBriefInput } from './brief-input-builder';
import { BRIEF_GENERATE_JOB, BRIEF_TRIGGERS, BriefTrigger } from './brief-limits';
import { BriefGenerateJobPayload } from './brief-scheduler';
import { SessionBriefVersion } from './session-brief.entity';

const RETRY_OPTIONS = { retryBaseDelayMs: 1_000, retryMaxDelayMs: 60_000, timeoutMs: 10 * 60_000 };

function readPayload(job: Job): BriefGenerateJobPayload {
  const { sessionId, trigger } = job.payload as Partial<BriefGenerateJobPayload>;
  if (typeof sessionId !== 'string' || !BRIEF_TRIGGERS.includes(trigger as BriefTrigger)) {
    throw new NonRetryableJobError(
      `Job ${job.id} payload is invalid: expected sessionId and trigger (scheduled or requested).`,
    );
  }

  return { sessionId, trigger: trigger as BriefTrigger };
}

/** Returns the SHA-256 of the input as JSON, in hex. */
export function hashBriefInput(input: BriefInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/**
 * Runs `session_brief.generate` jobs. Each run reads the facts of a scheduled session, requests a
 * brief from the provider and stores it as a draft with its first version and a
 * `session_brief.drafted` event. A session that is no longer scheduled gets no brief. A retry of
 * a job that already stored its brief stores nothing more, because briefs are unique per job.
 */
@Injectable()
export class BriefGenerator implements JobHandler, OnModuleInit {
  private readonly logger = new Logger(BriefGenerator.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(RECAP_AI_PROVIDER) private readonly provider: AiProvider,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(BRIEF_GENERATE_JOB, this, RETRY_OPTIONS);
  }

  async run(job: Job, context: JobRunContext): Promise<JobData> {
    const { sessionId, trigger } = readPayload(job);
    const ids = { organizationId: job.organizationId, sessionId, jobId: job.id };
    const session = await this.dataSource
      .getRepository(Session)
      .findOneBy({ id: sessionId, organizationId: job.organizationId });
    if (!session) {
      throw new NonRetryableJobError(`Session ${sessionId} was not found.`);
    }
    if (session.status !== 'scheduled') {
      this.logger.log({ ...ids, status: session.status }, 'Session is not scheduled, so no brief was drafted');

      return { sessionId, skipped: true, sessionStatus: session.status };
    }
    const input = await buildBriefInput(this.dataSource.manager, session);
    const result = await this.generate(input, context.signal);
    const briefId = await this.store(job, trigger, result);
    this.logger.log(
      {
        ...ids,
        briefId,
        provider: result.provider,
        totalTokens: result.usage.totalTokens,
        omittedRecaps: result.omittedRecapIds.length,
      },
      'Session brief drafted',
    );

    return { sessionId, briefId };
  }

  /** Inserts the draft, its first version and the outbox event. Returns the brief's id. */
  private async store(job: Job, trigger: BriefTrigger, result: BriefResult): Promise<string> {
    const { input, draft, usage } = result;
    const inputHash = hashBriefInput(input);
    const sourceRecapIds = input.recentSessions.map((recap) => recap.recapId);

    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO session_briefs (organization_id, session_id, trigger, content, facts, input_hash,
           source_recap_ids, omitted_recap_ids, provider, model, prompt_version, prompt_tokens,
           completion_tokens, total_tokens, requests, cost_usd, job_id)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::uuid[], $8::uuid[], $9, $10, $11, $12, $13,
           $14, $15, $16, $17)
         ON CONFLICT (job_id) DO NOTHING
         RETURNING id`,
        [
          job.organizationId,
          input.sessionId,
          trigger,
          JSON.stringify(draft),
          JSON.stringify(input),
          inputHash,
          sourceRecapIds,
          result.omittedRecapIds,
          result.provider,
          result.model,
          result.promptVersion,
          usage.promptTokens,
          usage.completionTokens,
          usage.totalTokens,
          usage.requests,
          usage.costUsd ?? null,
          job.id,
        ],
      );
      const row = inserted[0];
      if (!row) {
        const existing: { id: string }[] = await manager.query(
          `SELECT id FROM session_briefs WHERE job_id = $1`,
          [job.id],
        );

        return existing[0]?.id ?? '';
      }
      await manager.insert(SessionBriefVersion, {
        organizationId: job.organizationId,
        briefId: row.id,
        number: 1,
        source: 'generated',
        content: draft,
        editor: { kind: 'system', id: null },
        note: null,
      });
      await recordDomainEvent(manager, job.organizationId, 'session_brief.drafted', {
        briefId: row.id,
        sessionId: input.sessionId,
        trigger,
        provider: result.provider,
        model: result.model,
        promptVersion: result.promptVersion,
        inputHash,
        sourceRecapIds,
      });

      return row.id;
    });
  }

  private async generate(input: BriefInput, signal: AbortSignal): Promise<BriefResult> {
    try {
      return await this.provider.generateBrief(input, { signal });
    } catch (error) {
      if (!(error instanceof AiProviderError)) {
        throw error;
      }
      const message = `The ${this.provider.name} provider (model ${this.provider.model}) failed: ${error.message}`;
      this.logger.warn(
        { sessionId: input.sessionId, retryable: error.retryable, usage: error.usage },
        message,
      );
      throw error.retryable ? new Error(message) : new NonRetryableJobError(message);
    }
  }
}
