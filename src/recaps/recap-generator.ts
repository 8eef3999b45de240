import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AiProvider, AiProviderError, RecapInput, RecapResult } from '../ai/ai-provider';
import { AppError } from '../common/app-error';
import { RequestContext, systemContext } from '../common/request-context';
import { JobHandler, JobRunContext, NonRetryableJobError } from '../jobs/job-handler';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { buildEmptyTranscriptDraft } from './empty-transcript-draft';
import { PreparedRecapInput, RecapInputBuilder } from './recap-input-builder';
import { RECAP_GENERATE_JOB } from './recap-limits';
import { RECAP_AI_PROVIDER } from './recap-provider';
import { RecapJobPayload } from './recap-queue';
import { RecapsService } from './recaps.service';

/** Retry delays of generation jobs: about 1 s, then 2 s, with jitter. */
const RETRY_OPTIONS = { retryBaseDelayMs: 1_000, retryMaxDelayMs: 60_000, timeoutMs: 15 * 60_000 };

function readPayload(job: Job): RecapJobPayload {
  const { recapId, sessionId } = job.payload as Partial<RecapJobPayload>;
  if (typeof recapId !== 'string' || typeof sessionId !== 'string') {
    throw new NonRetryableJobError(
      `Job ${job.id} payload is invalid: expected recapId and sessionId.`,
    );
  }

  return { recapId, sessionId };
}

/**
 * Runs `recap.generate` jobs: drafts a recap with the configured AI provider and stores it with
 * its provenance. A provider error that retrying can fix is rethrown, so the job retries. Any
 * other failure, or a failed last attempt, marks the recap failed with the reason.
 */
@Injectable()
export class RecapGenerator implements JobHandler, OnModuleInit {
  private readonly logger = new Logger(RecapGenerator.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly recaps: RecapsService,
    private readonly inputs: RecapInputBuilder,
    @Inject(RECAP_AI_PROVIDER) private readonly provider: AiProvider,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(RECAP_GENERATE_JOB, this, RETRY_OPTIONS);
  }

  async run(job: Job, context: JobRunContext): Promise<JobData> {
    const { recapId, sessionId } = readPayload(job);
    const ctx = systemContext(job.organizationId, `job:${job.id}`);
    const ids = { organizationId: job.organizationId, recapId, sessionId, jobId: job.id };
    if (!(await this.recaps.findPending(ctx, recapId))) {
      this.logger.log(ids, 'Recap is no longer pending; nothing to generate');

      return { recapId, skipped: true };
    }
    const prepared = await this.prepare(ctx, sessionId);
    const result =
      prepared.input.transcript.length === 0
        ? buildEmptyTranscriptDraft(prepared.input)
        : await this.generate(prepared.input, context.signal);
    const stored = await this.recaps.storeDraft(ctx, recapId, {
      result,
      transcriptVersion: prepared.transcriptVersion,
      segmentCount: prepared.input.transcript.length,
      objectiveCodes: prepared.input.objectives.map((objective) => objective.code),
      plannedObjectiveCodes: prepared.input.plannedObjectiveCodes,
    });
    this.logger.log(
      {
        ...ids,
        stored,
        provider: result.provider,
        model: result.model,
        totalTokens: result.usage.totalTokens,
      },
      stored ? 'Recap draft stored' : 'Recap changed during generation; draft discarded',
    );

    return { recapId, stored, transcriptVersion: prepared.transcriptVersion };
  }

  async onGiveUp(job: Job, reason: string, manager: EntityManager): Promise<void> {
    const { recapId } = job.payload as Partial<RecapJobPayload>;
    if (typeof recapId !== 'string') {
      this.logger.error(
        { jobId: job.id, organizationId: job.organizationId, reason },
        'Recap job without a recapId gave up',
      );

      return;
    }
    await this.recaps.markFailed(manager, job.organizationId, recapId, reason);
  }

  /** Reads the inputs; a missing session or enrollment cannot appear by retrying. */
  private async prepare(ctx: RequestContext, sessionId: string): Promise<PreparedRecapInput> {
    try {
      return await this.inputs.build(ctx, sessionId);
    } catch (error) {
      if (error instanceof AppError) {
        throw new NonRetryableJobError(`Reading the recap input failed: ${error.message}`);
      }
      throw error;
    }
  }

  private async generate(input: RecapInput, signal: AbortSignal): Promise<RecapResult> {
    try {
      return await this.provider.generateRecap(input, { signal });
    } catch (error) {
      if (!(error instanceof AiProviderError)) {
        throw error;
      }
      const message = `The ${this.provider.name} provider (model ${this.provider.model}) failed: ${error.message}`;
      throw error.retryable ? new Error(message) : new NonRetryableJobError(message);
    }
  }
}
