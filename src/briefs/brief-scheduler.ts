import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Job } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { computeReminderTime } from '../reminders/reminder-time';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import {
  BRIEF_GENERATE_JOB,
  BRIEF_LIMITS,
  BriefTrigger,
  requestedBriefKey,
  scheduledBriefKey,
} from './brief-limits';

/** Payload of a `session_brief.generate` job. */
export interface BriefGenerateJobPayload extends Record<string, unknown> {
  sessionId: string;
  trigger: BriefTrigger;
}

/**
 * Queues the brief of each new session at `HILINK_BRIEF_LEAD_MINUTES` before its start, in the
 * transaction that creates it, and drops the queued job in the transaction that cancels it.
 */
@Injectable()
export class BriefScheduler {
  private readonly logger = new Logger(BriefScheduler.name);

  constructor(
    private readonly jobs: JobsService,
    sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    sessions.onSessionCreated(async (ctx, session, manager) => {
      await this.schedule(ctx, session, manager);
    });
    sessions.onSessionCancelled((ctx, session, manager) => this.drop(ctx, session, manager));
    // TODO: SessionsService has no reschedule operation yet. Call schedule() in its transaction
    // when one exists, so that the queued job moves with the new start.
  }

  /** Returns when a session's brief is due: the lead time before its start, in its time zone. */
  dueTime(session: Session): Date {
    return computeReminderTime(
      session.scheduledStart,
      session.timeZone,
      this.config.briefs.leadMinutes,
    );
  }

  /**
   * Queues the scheduled brief job, or moves the queued one to the session's current due time.
   * A session created inside the lead time gets its brief now, and a session whose start has
   * passed gets none. Uses only `manager`, so the job commits with the session.
   */
  async schedule(ctx: RequestContext, session: Session, manager: EntityManager): Promise<Job | null> {
    const ids = { organizationId: ctx.organizationId, sessionId: session.id };
    const now = new Date();
    if (session.status !== 'scheduled' || session.scheduledStart.getTime() <= now.getTime()) {
      this.logger.log({ ...ids, status: session.status }, 'Session brief not scheduled: the session has started or passed');

      return null;
    }
    const due = this.dueTime(session);
    const runAt = due.getTime() > now.getTime() ? due : now;
    const payload: BriefGenerateJobPayload = { sessionId: session.id, trigger: 'scheduled' };
    const job = await this.jobs.enqueue(manager, {
      organizationId: ctx.organizationId,
      kind: BRIEF_GENERATE_JOB,
      payload,
      uniqueKey: scheduledBriefKey(session.id),
      maxAttempts: BRIEF_LIMITS.generationAttempts,
      runAt,
    });
    if (job.status === 'queued' && job.runAt.getTime() !== runAt.getTime()) {
      await manager.update(Job, { id: job.id, status: 'queued' }, { runAt });
      job.runAt = runAt;
    }
    this.logger.log({ ...ids, jobId: job.id, runAt: runAt.toISOString() }, 'Session brief scheduled');

    return job;
  }

  /**
   * Deletes the session's queued brief jobs. A job that is already running finds the session
   * cancelled and stores nothing.
   */
  async drop(ctx: RequestContext, session: Session, manager: EntityManager): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(Job)
      .where('organization_id = :organizationId', { organizationId: ctx.organizationId })
      .andWhere(`status = 'queued'`)
      .andWhere('unique_key IN (:...keys)', {
        keys: [scheduledBriefKey(session.id), requestedBriefKey(session.id)],
      })
      .execute();
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId: session.id, dropped: result.affected ?? 0 },
      'Session brief jobs dropped',
    );
  }

  /**
   * Queues a brief of the session now through `manager`. While a requested brief of the session
   * is queued or running, returns that job instead.
   */
  request(ctx: RequestContext, sessionId: string, manager: EntityManager): Promise<Job> {
    const payload: BriefGenerateJobPayload = { sessionId, trigger: 'requested' };

    return this.jobs.enqueue(manager, {
      organizationId: ctx.organizationId,
      kind: BRIEF_GENERATE_JOB,
      payload,
      uniqueKey: requestedBriefKey(sessionId),
      maxAttempts: BRIEF_LIMITS.generationAttempts,
    });
  }
}
