import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Job } from '../jobs/job.entity';
import { recordDomainEvent } from '../webhooks/domain-events';
import { actorOf } from '../recaps/recap-actor';
import { Session } from '../sessions/session.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import { SessionsService } from '../sessions/sessions.service';
import { BriefContent } from './brief-content';
import { BRIEF_LIMITS } from './brief-limits';
import { BriefScheduler } from './brief-scheduler';
import { BriefAction, BriefErrors } from './briefs.errors';
import { EditSessionBriefInput, RejectSessionBriefInput } from './dto/brief.input';
import { SessionBrief, SessionBriefVersion } from './session-brief.entity';

/** Reads session briefs, queues them on request and runs the review: edit, approve, reject. */
@Injectable()
export class BriefsService {
  private readonly logger = new Logger(BriefsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly scheduler: BriefScheduler,
  ) {}

  /** Returns the session's newest brief, or null. Raises NOT_FOUND for another organization's session. */
  async latestForSession(ctx: RequestContext, sessionId: string): Promise<SessionBrief | null> {
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.dataSource.getRepository(SessionBrief).findOne({
      where: { organizationId: ctx.organizationId, sessionId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Returns the session's newest brief, or raises NOT_FOUND naming how to request one. */
  async requireLatestForSession(ctx: RequestContext, sessionId: string): Promise<SessionBrief> {
    const brief = await this.latestForSession(ctx, sessionId);
    if (!brief) {
      throw BriefErrors.noBrief(sessionId);
    }

    return brief;
  }

  async get(ctx: RequestContext, id: string): Promise<SessionBrief> {
    const brief = await this.dataSource
      .getRepository(SessionBrief)
      .findOneBy({ id, organizationId: ctx.organizationId });
    if (!brief) {
      throw BriefErrors.notFound(id);
    }

    return brief;
  }

  /** Returns the versions of a brief, oldest first. */
  async listVersions(
    ctx: RequestContext,
    id: string,
    page: PageRequest,
  ): Promise<Page<SessionBriefVersion>> {
    await this.get(ctx, id);
    const query = this.dataSource
      .getRepository(SessionBriefVersion)
      .createQueryBuilder('version')
      .where('version.briefId = :id', { id })
      .andWhere('version.organizationId = :organizationId', {
        organizationId: ctx.organizationId,
      });

    return paginate(query, page, {
      sortColumn: 'version.number',
      idColumn: 'version.id',
      sortValue: (version) => version.number,
    });
  }

  /**
   * Queues a brief of a scheduled session now and returns its job. While a requested brief of the
   * session is queued or running, returns that job instead.
   */
  async request(ctx: RequestContext, sessionId: string): Promise<Job> {
    const job = await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(Session, {
        where: { id: sessionId, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) {
        throw SessionErrors.notFound(sessionId, 'sessionId');
      }
      if (session.status !== 'scheduled') {
        throw BriefErrors.sessionNotScheduled(sessionId, session.status);
      }

      return this.scheduler.request(ctx, sessionId, manager);
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, jobId: job.id },
      'Session brief requested',
    );

    return job;
  }

  /** Saves edited content as the next version of a draft. */
  async edit(ctx: RequestContext, id: string, input: EditSessionBriefInput): Promise<SessionBrief> {
    const content = trimContent(input.content);
    const number = await this.dataSource.transaction(async (manager) => {
      const brief = await this.lockDraft(manager, ctx, id, 'edit');
      if (brief.currentVersionNumber >= BRIEF_LIMITS.versions) {
        throw BriefErrors.tooManyVersions(id);
      }
      const next = brief.currentVersionNumber + 1;
      await manager.insert(SessionBriefVersion, {
        organizationId: ctx.organizationId,
        briefId: id,
        number: next,
        source: 'edited',
        content,
        editor: actorOf(ctx),
        note: input.note?.trim() || null,
      });
      await manager.update(
        SessionBrief,
        { id, organizationId: ctx.organizationId },
        { content, currentVersionNumber: next },
      );

      return next;
    });
    this.logger.log({ ...this.ids(ctx, id), version: number }, 'Session brief edited');

    return this.get(ctx, id);
  }

  /** Approves a draft and records a `session_brief.approved` outbox event in the same transaction. */
  async approve(ctx: RequestContext, id: string): Promise<SessionBrief> {
    await this.dataSource.transaction(async (manager) => {
      const brief = await this.lockDraft(manager, ctx, id, 'approve');
      const approvedAt = new Date();
      await manager.update(
        SessionBrief,
        { id, organizationId: ctx.organizationId },
        { status: 'approved', approvedAt, reviewer: actorOf(ctx) },
      );
      await recordDomainEvent(manager, ctx.organizationId, 'session_brief.approved', {
        briefId: id,
        sessionId: brief.sessionId,
        versionNumber: brief.currentVersionNumber,
        approvedAt: approvedAt.toISOString(),
      });
    });
    this.logger.log(this.ids(ctx, id), 'Session brief approved');

    return this.get(ctx, id);
  }

  async reject(
    ctx: RequestContext,
    id: string,
    input: RejectSessionBriefInput,
  ): Promise<SessionBrief> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, ctx, id, 'reject');
      await manager.update(
        SessionBrief,
        { id, organizationId: ctx.organizationId },
        {
          status: 'rejected',
          rejectedAt: new Date(),
          rejectionReason: input.reason.trim(),
          reviewer: actorOf(ctx),
        },
      );
    });
    this.logger.log(this.ids(ctx, id), 'Session brief rejected');

    return this.get(ctx, id);
  }

  private async lockDraft(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    action: BriefAction,
  ): Promise<SessionBrief> {
    const brief = await manager.findOne(SessionBrief, {
      where: { id, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!brief) {
      throw BriefErrors.notFound(id);
    }
    BriefErrors.assertDraft(action, id, brief.status);

    return brief;
  }

  private ids(ctx: RequestContext, briefId: string): Record<string, string> {
    return { organizationId: ctx.organizationId, briefId };
  }
}

function trimContent(content: BriefContent): BriefContent {
  return {
    summary: content.summary.trim(),
    focusPoints: content.focusPoints.map((point) => point.trim()).filter((point) => point !== ''),
    warmUpQuestions: content.warmUpQuestions.map((item) => ({
      question: item.question.trim(),
      gap: item.gap.trim(),
    })),
  };
}
