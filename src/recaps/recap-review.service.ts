import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { instanceToPlain } from 'class-transformer';
import { DataSource, EntityManager } from 'typeorm';
import { recordDomainEvent } from '../webhooks/domain-events';
import { RequestContext } from '../common/request-context';
import { JobsService } from '../jobs/jobs.service';
import { queueParentUpdateGeneration } from '../parent-updates/parent-update-queue';
import { SessionsService } from '../sessions/sessions.service';
import { EditRecapInput, RejectRecapInput } from './dto/recap-review.input';
import { actorOf } from './recap-actor';
import { RecapContent } from './recap-content';
import { checkRecapContent } from './recap-content-rules';
import { RECAP_LIMITS } from './recap-limits';
import { RecapVersion } from './recap-version.entity';
import { Recap } from './recap.entity';
import { RecapAction, RecapErrors } from './recaps.errors';
import { RecapsService } from './recaps.service';

/** The instructor's review of a draft: edit it, approve it, or reject it. */
@Injectable()
export class RecapReviewService {
  private readonly logger = new Logger(RecapReviewService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recaps: RecapsService,
    private readonly sessions: SessionsService,
    private readonly jobs: JobsService,
  ) {}

  /** Adds a version with the edited content; raises BAD_USER_INPUT for content the draft's inputs do not support. */
  async edit(ctx: RequestContext, id: string, input: EditRecapInput): Promise<Recap> {
    const version = await this.dataSource.transaction(async (manager) => {
      const recap = await this.lockDraft(manager, ctx, id, 'edit');
      const problems = checkRecapContent(input.content, {
        objectiveCodes: recap.input.objectiveCodes,
        segmentCount: recap.input.segmentCount ?? 0,
      });
      if (problems.length > 0) {
        throw RecapErrors.invalidContent(problems);
      }

      return this.addVersion(manager, ctx, recap, input);
    });
    this.logger.log({ ...this.ids(ctx, id), version: version.number }, 'Recap edited');

    return this.recaps.get(ctx, id);
  }

  /**
   * Approves a draft and moves its session from ended to documented in the same transaction,
   * which also queues the drafting of parent updates. A session that is already documented, by
   * an earlier approved recap, stays documented.
   */
  async approve(ctx: RequestContext, id: string): Promise<Recap> {
    const recap = await this.recaps.get(ctx, id);
    const session = await this.sessions.get(ctx, recap.sessionId, 'sessionId');
    const documented = await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, ctx, id, 'approve');
      await manager.update(
        Recap,
        { id, organizationId: ctx.organizationId },
        { status: 'approved', approvedAt: new Date(), reviewer: actorOf(ctx) },
      );
      await recordDomainEvent(manager, ctx.organizationId, 'recap.approved', {
        recapId: id,
        sessionId: recap.sessionId,
        reviewer: actorOf(ctx),
      });
      await queueParentUpdateGeneration(this.jobs, manager, {
        organizationId: ctx.organizationId,
        recapId: id,
        sessionId: recap.sessionId,
      });
      if (session.status === 'documented') {
        return undefined;
      }

      return this.sessions.markDocumented(ctx, recap.sessionId, manager);
    });
    this.logger.log({ ...this.ids(ctx, id), sessionId: recap.sessionId }, 'Recap approved');
    if (documented) {
      await this.sessions.publishStatusChange(ctx, documented, 'ended');
    }

    return this.recaps.get(ctx, id);
  }

  async reject(ctx: RequestContext, id: string, input: RejectRecapInput): Promise<Recap> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, ctx, id, 'reject');
      await manager.update(
        Recap,
        { id, organizationId: ctx.organizationId },
        {
          status: 'rejected',
          rejectedAt: new Date(),
          rejectionReason: input.reason.trim(),
          reviewer: actorOf(ctx),
        },
      );
      const rejected = await manager.findOneByOrFail(Recap, {
        id,
        organizationId: ctx.organizationId,
      });
      await recordDomainEvent(manager, ctx.organizationId, 'recap.rejected', {
        recapId: id,
        sessionId: rejected.sessionId,
        reason: input.reason.trim(),
      });
    });
    this.logger.log(this.ids(ctx, id), 'Recap rejected');

    return this.recaps.get(ctx, id);
  }

  /** Locks the recap row for the transaction and checks that it is a draft. */
  private async lockDraft(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    action: RecapAction,
  ): Promise<Recap> {
    const recap = await manager.findOne(Recap, {
      where: { id, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!recap) {
      throw RecapErrors.notFound(id);
    }
    RecapErrors.assertDraft(action, id, recap.status);

    return recap;
  }

  private async addVersion(
    manager: EntityManager,
    ctx: RequestContext,
    recap: Recap,
    input: EditRecapInput,
  ): Promise<RecapVersion> {
    const latest = (await manager.maximum(RecapVersion, 'number', { recapId: recap.id })) ?? 0;
    if (latest >= RECAP_LIMITS.versions) {
      throw RecapErrors.tooManyVersions(recap.id);
    }
    const version = await manager.save(
      manager.create(RecapVersion, {
        organizationId: ctx.organizationId,
        recapId: recap.id,
        number: latest + 1,
        source: 'edited',
        content: instanceToPlain(input.content) as RecapContent,
        editor: actorOf(ctx),
        note: input.note?.trim() || null,
      }),
    );
    await manager.update(
      Recap,
      { id: recap.id, organizationId: ctx.organizationId },
      { currentVersionId: version.id },
    );

    return version;
  }

  private ids(ctx: RequestContext, recapId: string): Record<string, string> {
    return { organizationId: ctx.organizationId, recapId };
  }
}
