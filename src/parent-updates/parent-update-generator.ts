import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AiProvider,
  AiProviderError,
  ParentUpdateInput,
  ParentUpdateResult,
} from '../ai/ai-provider';
import { recordDomainEvent } from '../webhooks/domain-events';
import { RequestContext, systemContext } from '../common/request-context';
import { JobHandler, JobRunContext, NonRetryableJobError } from '../jobs/job-handler';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { RECAP_AI_PROVIDER } from '../recaps/recap-provider';
import { Recap } from '../recaps/recap.entity';
import { RecapsService } from '../recaps/recaps.service';
import { SessionsService } from '../sessions/sessions.service';
import { Guardian } from '../students/guardian.entity';
import { StudentsService } from '../students/students.service';
import { PARENT_UPDATE_GENERATE_JOB } from './parent-update-limits';
import { ParentUpdateGenerateJobPayload } from './parent-update-queue';
import { ParentUpdateVersion } from './parent-update-version.entity';
import { ParentUpdate } from './parent-update.entity';
import { ProgressRecordView } from '../progress/progress-record.entity';
import { ProgressService } from '../progress/progress.service';

const RETRY_OPTIONS = { retryBaseDelayMs: 1_000, retryMaxDelayMs: 60_000, timeoutMs: 10 * 60_000 };

function readPayload(job: Job): ParentUpdateGenerateJobPayload {
  const { recapId, sessionId } = job.payload as Partial<ParentUpdateGenerateJobPayload>;
  if (typeof recapId !== 'string' || typeof sessionId !== 'string') {
    throw new NonRetryableJobError(
      `Job ${job.id} payload is invalid: expected recapId and sessionId.`,
    );
  }

  return { recapId, sessionId };
}

/**
 * Runs `parent_update.generate` jobs: drafts one parent update per guardian of each student of
 * an approved recap's session, in the guardian's preferred language. A retry skips the drafts
 * that already exist, so each guardian gets at most one draft per recap.
 */
@Injectable()
export class ParentUpdateGenerator implements JobHandler, OnModuleInit {
  private readonly logger = new Logger(ParentUpdateGenerator.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly recaps: RecapsService,
    private readonly sessions: SessionsService,
    private readonly students: StudentsService,
    private readonly progress: ProgressService,
    @Inject(RECAP_AI_PROVIDER) private readonly provider: AiProvider,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(PARENT_UPDATE_GENERATE_JOB, this, RETRY_OPTIONS);
  }

  async run(job: Job, context: JobRunContext): Promise<JobData> {
    const { recapId, sessionId } = readPayload(job);
    const ctx = systemContext(job.organizationId, `job:${job.id}`);
    const ids = { organizationId: job.organizationId, recapId, sessionId, jobId: job.id };
    const recap = await this.recaps.get(ctx, recapId);
    if (recap.status !== 'approved' || !recap.content || !recap.currentVersionNumber) {
      this.logger.log({ ...ids, status: recap.status }, 'Recap is not approved; no parent updates');

      return { recapId, drafted: 0 };
    }
    const { session, participants } = await this.sessions.getWithRelations(ctx, sessionId);
    const studentIds = [
      ...new Set(
        participants
          .filter((participant) => participant.role === 'student' && participant.studentId)
          .map((participant) => participant.studentId as string),
      ),
    ];
    let drafted = 0;
    for (const studentId of studentIds) {
      const student = await this.students.get(ctx, studentId, 'studentId');
      const guardians = await this.students.guardiansOf(ctx, studentId);
      const records =
        guardians.length > 0 ? await this.progress.studentProgress(ctx, studentId) : [];
      for (const guardian of guardians) {
        const input = this.buildInput(recap, session.title, student.name, guardian, records);
        if (await this.exists(ctx, recapId, studentId, guardian.id)) {
          continue;
        }
        const result = await this.generate(input, context.signal);
        if (await this.store(ctx, recap, studentId, guardian, result)) {
          drafted += 1;
        }
      }
    }
    this.logger.log(
      { ...ids, drafted, provider: this.provider.name },
      'Parent update drafts stored',
    );

    return { recapId, drafted };
  }

  /**
   * Builds the provider input from the approved recap and the student's progress on the
   * objectives it covered, named by their titles.
   */
  private buildInput(
    recap: Recap,
    sessionTitle: string,
    studentName: string,
    guardian: Guardian,
    records: ProgressRecordView[],
  ): ParentUpdateInput {
    const content = recap.content!;
    const byCode = new Map(records.map((record) => [record.objectiveCode, record]));
    const covered = content.objectivesCovered.map((objective) => byCode.get(objective.code));

    return {
      language: guardian.preferredLanguage,
      studentName,
      guardianName: guardian.name,
      sessionTitle,
      recapSummary: content.summary,
      nextSteps: content.nextSteps,
      objectiveTitles: content.objectivesCovered.map(
        (objective, index) => covered[index]?.objectiveTitle ?? objective.code,
      ),
      studentTalkShare: content.studentPerformance?.studentTalkShare,
      progress: covered.flatMap((record) =>
        record ? [{ objective: record.objectiveTitle, status: record.status }] : [],
      ),
    };
  }

  private async exists(
    ctx: RequestContext,
    recapId: string,
    studentId: string,
    guardianId: string,
  ): Promise<boolean> {
    return this.dataSource.getRepository(ParentUpdate).existsBy({
      organizationId: ctx.organizationId,
      recapId,
      studentId,
      guardianId,
    });
  }

  /** Inserts the draft and its first version; returns false when another run stored it first. */
  private async store(
    ctx: RequestContext,
    recap: Recap,
    studentId: string,
    guardian: Guardian,
    result: ParentUpdateResult,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO parent_updates (organization_id, session_id, recap_id, recap_version, student_id,
           guardian_id, language, requested_language, language_note, subject, body, provider, model,
           prompt_version, prompt_tokens, completion_tokens, total_tokens, requests, cost_usd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (recap_id, student_id, guardian_id) DO NOTHING
         RETURNING id`,
        [
          ctx.organizationId,
          recap.sessionId,
          recap.id,
          recap.currentVersionNumber,
          studentId,
          guardian.id,
          result.draft.language,
          guardian.preferredLanguage,
          result.draft.languageNote ?? null,
          result.draft.subject,
          result.draft.body,
          result.provider,
          result.model,
          result.promptVersion,
          result.usage.promptTokens,
          result.usage.completionTokens,
          result.usage.totalTokens,
          result.usage.requests,
          result.usage.costUsd ?? null,
        ],
      );
      const row = inserted[0];
      if (!row) {
        return false;
      }
      await manager.insert(ParentUpdateVersion, {
        organizationId: ctx.organizationId,
        parentUpdateId: row.id,
        number: 1,
        source: 'generated',
        subject: result.draft.subject,
        body: result.draft.body,
        editor: { kind: 'system', id: null },
        note: null,
      });
      await recordDomainEvent(manager, ctx.organizationId, 'parent_update.drafted', {
        parentUpdateId: row.id,
        sessionId: recap.sessionId,
        recapId: recap.id,
        studentId,
        guardianId: guardian.id,
        language: result.draft.language,
      });

      return true;
    });
  }

  private async generate(
    input: ParentUpdateInput,
    signal: AbortSignal,
  ): Promise<ParentUpdateResult> {
    try {
      return await this.provider.generateParentUpdate(input, { signal });
    } catch (error) {
      if (!(error instanceof AiProviderError)) {
        throw error;
      }
      const message = `The ${this.provider.name} provider (model ${this.provider.model}) failed: ${error.message}`;
      throw error.retryable ? new Error(message) : new NonRetryableJobError(message);
    }
  }
}
