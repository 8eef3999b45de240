import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { JobsService } from '../jobs/jobs.service';
import { actorOf } from '../recaps/recap-actor';
import { GuardiansService } from '../students/guardians.service';
import { recordDomainEvent } from '../webhooks/domain-events';
import { EditParentUpdateInput, RejectParentUpdateInput } from './dto/parent-update.input';
import { Mailer } from './mailer';
import { assertReviewerOf } from './parent-update-access';
import {
  PARENT_UPDATE_DELIVER_JOB,
  PARENT_UPDATE_LIMITS,
  ParentUpdateStatus,
  SMTP_NOT_CONFIGURED,
} from './parent-update-limits';
import { ParentUpdateVersion } from './parent-update-version.entity';
import { ParentUpdate, ParentUpdateDelivery } from './parent-update.entity';
import { ParentUpdateAction, ParentUpdateErrors } from './parent-updates.errors';

export const parentUpdateSortValue = (update: ParentUpdate): string =>
  update.createdAt.toISOString();

export interface ParentUpdateFilters {
  sessionId?: string;
  status?: ParentUpdateStatus;
}

/** Payload of a `parent_update.deliver` job. */
export interface ParentUpdateDeliverJobPayload extends Record<string, unknown> {
  parentUpdateId: string;
}

/** Lists parent updates and runs the instructor's review: edit, approve (and queue delivery), reject. */
@Injectable()
export class ParentUpdatesService {
  private readonly logger = new Logger(ParentUpdatesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly guardians: GuardiansService,
    private readonly mailer: Mailer,
  ) {}

  /** Lists updates newest first. An instructor's participant token gets only its own session's updates. */
  async list(
    ctx: RequestContext,
    filters: ParentUpdateFilters,
    page: PageRequest,
  ): Promise<Page<ParentUpdate>> {
    let sessionId = filters.sessionId;
    if (ctx.actor.kind === 'participant') {
      assertReviewerOf(ctx, sessionId ?? ctx.actor.sessionId);
      sessionId = ctx.actor.sessionId;
    }
    const query = this.dataSource
      .getRepository(ParentUpdate)
      .createQueryBuilder('update')
      .where('update.organizationId = :organizationId', { organizationId: ctx.organizationId });
    if (sessionId) {
      query.andWhere('update.sessionId = :sessionId', { sessionId });
    }
    if (filters.status) {
      query.andWhere('update.status = :status', { status: filters.status });
    }
    const result = await paginate(query, page, {
      sortColumn: 'update.createdAt',
      idColumn: 'update.id',
      sortValue: parentUpdateSortValue,
      direction: 'DESC',
    });
    await this.attachDeliveries(ctx, result.items);

    return result;
  }

  /** Returns one update with its delivery, or raises NOT_FOUND. */
  async get(ctx: RequestContext, id: string): Promise<ParentUpdate> {
    this.assertMayReview(ctx);
    const update = await this.dataSource
      .getRepository(ParentUpdate)
      .findOneBy({ id, organizationId: ctx.organizationId });
    if (!update) {
      throw ParentUpdateErrors.notFound(id);
    }
    assertReviewerOf(ctx, update.sessionId);
    await this.attachDeliveries(ctx, [update]);

    return update;
  }

  /** Returns the versions of an update, oldest first. */
  async listVersions(
    ctx: RequestContext,
    id: string,
    page: PageRequest,
  ): Promise<Page<ParentUpdateVersion>> {
    await this.get(ctx, id);
    const query = this.dataSource
      .getRepository(ParentUpdateVersion)
      .createQueryBuilder('version')
      .where('version.parentUpdateId = :id', { id })
      .andWhere('version.organizationId = :organizationId', {
        organizationId: ctx.organizationId,
      });

    return paginate(query, page, {
      sortColumn: 'version.number',
      idColumn: 'version.id',
      sortValue: (version) => version.number,
    });
  }

  /** Saves a new subject and body as the next version of a draft. */
  async edit(ctx: RequestContext, id: string, input: EditParentUpdateInput): Promise<ParentUpdate> {
    this.assertMayReview(ctx);
    const number = await this.dataSource.transaction(async (manager) => {
      const update = await this.lockDraft(manager, ctx, id, 'edit');
      if (update.currentVersionNumber >= PARENT_UPDATE_LIMITS.versions) {
        throw ParentUpdateErrors.tooManyVersions(id);
      }
      const next = update.currentVersionNumber + 1;
      const subject = input.subject.trim();
      const body = input.body.trim();
      await manager.insert(ParentUpdateVersion, {
        organizationId: ctx.organizationId,
        parentUpdateId: id,
        number: next,
        source: 'edited',
        subject,
        body,
        editor: actorOf(ctx),
        note: input.note?.trim() || null,
      });
      await manager.update(
        ParentUpdate,
        { id, organizationId: ctx.organizationId },
        { subject, body, currentVersionNumber: next },
      );

      return next;
    });
    this.logger.log({ ...this.ids(ctx, id), version: number }, 'Parent update edited');

    return this.get(ctx, id);
  }

  /**
   * Approves a draft and, in the same transaction, adds its pending delivery, the
   * `parent_update.approved` outbox event and the delivery job. Without SMTP the delivery stays
   * pending with reason SMTP_NOT_CONFIGURED until a process with SMTP_URL starts.
   */
  async approve(ctx: RequestContext, id: string): Promise<ParentUpdate> {
    const current = await this.get(ctx, id);
    const guardian = await this.guardians.get(ctx, current.guardianId, 'guardianId');
    await this.dataSource.transaction(async (manager) => {
      const update = await this.lockDraft(manager, ctx, id, 'approve');
      const approvedAt = new Date();
      await manager.update(
        ParentUpdate,
        { id, organizationId: ctx.organizationId },
        { status: 'approved', approvedAt, reviewer: actorOf(ctx) },
      );
      const delivery = await manager.save(
        manager.create(ParentUpdateDelivery, {
          organizationId: ctx.organizationId,
          parentUpdateId: id,
          guardianId: guardian.id,
          recipient: guardian.email,
          status: 'pending',
          attempts: 0,
          reason: this.mailer.configured ? null : SMTP_NOT_CONFIGURED,
        }),
      );
      await recordDomainEvent(manager, ctx.organizationId, 'parent_update.approved', {
        parentUpdateId: id,
        sessionId: update.sessionId,
        recapId: update.recapId,
        studentId: update.studentId,
        guardianId: update.guardianId,
        language: update.language,
        versionNumber: update.currentVersionNumber,
        approvedAt: approvedAt.toISOString(),
      });
      if (this.mailer.configured) {
        await this.queueDelivery(manager, ctx.organizationId, id, delivery.id);
      }
    });
    this.logger.log(
      { ...this.ids(ctx, id), smtpConfigured: this.mailer.configured },
      'Parent update approved',
    );

    return this.get(ctx, id);
  }

  async reject(
    ctx: RequestContext,
    id: string,
    input: RejectParentUpdateInput,
  ): Promise<ParentUpdate> {
    this.assertMayReview(ctx);
    await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, ctx, id, 'reject');
      await manager.update(
        ParentUpdate,
        { id, organizationId: ctx.organizationId },
        {
          status: 'rejected',
          rejectedAt: new Date(),
          rejectionReason: input.reason.trim(),
          reviewer: actorOf(ctx),
        },
      );
      const rejected = await manager.findOneByOrFail(ParentUpdate, {
        id,
        organizationId: ctx.organizationId,
      });
      await recordDomainEvent(manager, ctx.organizationId, 'parent_update.rejected', {
        parentUpdateId: id,
        sessionId: rejected.sessionId,
        studentId: rejected.studentId,
        guardianId: rejected.guardianId,
        reason: input.reason.trim(),
      });
    });
    this.logger.log(this.ids(ctx, id), 'Parent update rejected');

    return this.get(ctx, id);
  }

  /** Adds the delivery job; its unique key keeps one queued or running job per update. */
  async queueDelivery(
    manager: EntityManager,
    organizationId: string,
    parentUpdateId: string,
    deliveryId: string,
  ): Promise<void> {
    const payload: ParentUpdateDeliverJobPayload = { parentUpdateId };
    const job = await this.jobs.enqueue(manager, {
      organizationId,
      kind: PARENT_UPDATE_DELIVER_JOB,
      payload,
      uniqueKey: `parent-update-delivery:${parentUpdateId}`,
      maxAttempts: PARENT_UPDATE_LIMITS.deliveryAttempts,
    });
    await manager.update(ParentUpdateDelivery, { id: deliveryId }, { jobId: job.id });
  }

  /** Raises FORBIDDEN for a student's or observer's participant token. */
  private assertMayReview(ctx: RequestContext): void {
    if (ctx.actor.kind === 'participant') {
      assertReviewerOf(ctx, ctx.actor.sessionId);
    }
  }

  private async lockDraft(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    action: ParentUpdateAction,
  ): Promise<ParentUpdate> {
    const update = await manager.findOne(ParentUpdate, {
      where: { id, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!update) {
      throw ParentUpdateErrors.notFound(id);
    }
    assertReviewerOf(ctx, update.sessionId);
    ParentUpdateErrors.assertDraft(action, id, update.status);

    return update;
  }

  private async attachDeliveries(ctx: RequestContext, updates: ParentUpdate[]): Promise<void> {
    const approved = updates.filter((update) => update.status === 'approved');
    if (approved.length === 0) {
      return;
    }
    const deliveries = await this.dataSource.getRepository(ParentUpdateDelivery).findBy({
      organizationId: ctx.organizationId,
      parentUpdateId: In(approved.map((update) => update.id)),
    });
    const byUpdate = new Map(deliveries.map((delivery) => [delivery.parentUpdateId, delivery]));
    for (const update of approved) {
      update.delivery = byUpdate.get(update.id) ?? null;
    }
  }

  private ids(ctx: RequestContext, parentUpdateId: string): Record<string, string> {
    return { organizationId: ctx.organizationId, parentUpdateId };
  }
}
