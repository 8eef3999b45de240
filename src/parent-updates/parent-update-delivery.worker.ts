import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobHandler, NonRetryableJobError } from '../jobs/job-handler';
import { toStoredError } from '../jobs/job-store';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { recordDomainEvent } from '../webhooks/domain-events';
import { MailDeliveryError, Mailer } from './mailer';
import { PARENT_UPDATE_DELIVER_JOB, SMTP_NOT_CONFIGURED } from './parent-update-limits';
import { ParentUpdate, ParentUpdateDelivery } from './parent-update.entity';
import { ParentUpdateDeliverJobPayload, ParentUpdatesService } from './parent-updates.service';

/** Retry delays of delivery jobs: up to 1 s, 2 s, 4 s and 8 s, half of each random. */
const RETRY_OPTIONS = {
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 5 * 60_000,
  timeoutMs: 2 * 60_000,
};

/**
 * Runs `parent_update.deliver` jobs, which send an approved update's email once. A 4xx SMTP
 * reply or a connection error is retried with backoff. A 5xx reply or the last failed attempt
 * marks the delivery failed.
 */
@Injectable()
export class ParentUpdateDeliveryWorker
  implements JobHandler, OnModuleInit, OnApplicationBootstrap
{
  private readonly logger = new Logger(ParentUpdateDeliveryWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly updates: ParentUpdatesService,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(PARENT_UPDATE_DELIVER_JOB, this, RETRY_OPTIONS);
  }

  /** Queues the deliveries that waited for SMTP, now that this process has SMTP configured. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.mailer.configured) {
      return;
    }
    try {
      const waiting = await this.dataSource
        .getRepository(ParentUpdateDelivery)
        .findBy({ status: 'pending', reason: SMTP_NOT_CONFIGURED });
      for (const delivery of waiting) {
        await this.dataSource.transaction(async (manager) => {
          await manager.update(ParentUpdateDelivery, { id: delivery.id }, { reason: null });
          await this.updates.queueDelivery(
            manager,
            delivery.organizationId,
            delivery.parentUpdateId,
            delivery.id,
          );
        });
      }
      if (waiting.length > 0) {
        this.logger.log(
          { count: waiting.length },
          'Queued parent update deliveries that waited for SMTP',
        );
      }
    } catch (error) {
      // Before the first migration the table does not exist yet, so nothing can be waiting.
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'Could not queue parent update deliveries that waited for SMTP',
      );
    }
  }

  async run(job: Job): Promise<JobData> {
    const { parentUpdateId } = job.payload as Partial<ParentUpdateDeliverJobPayload>;
    if (typeof parentUpdateId !== 'string') {
      throw new NonRetryableJobError(`Job ${job.id} payload is invalid: expected parentUpdateId.`);
    }
    const ids = { organizationId: job.organizationId, parentUpdateId, jobId: job.id };
    const deliveries = this.dataSource.getRepository(ParentUpdateDelivery);
    const delivery = await deliveries.findOneBy({
      organizationId: job.organizationId,
      parentUpdateId,
    });
    const update = await this.dataSource
      .getRepository(ParentUpdate)
      .findOneBy({ id: parentUpdateId, organizationId: job.organizationId });
    if (!delivery || !update || update.status !== 'approved') {
      throw new NonRetryableJobError(`Parent update ${parentUpdateId} has no approved delivery.`);
    }
    if (delivery.status !== 'pending') {
      this.logger.log(
        { ...ids, status: delivery.status },
        'Parent update delivery already finished',
      );

      return { parentUpdateId, skipped: true };
    }
    if (!this.mailer.configured) {
      await deliveries.update({ id: delivery.id }, { reason: SMTP_NOT_CONFIGURED });
      this.logger.warn(ids, 'SMTP is not configured; parent update delivery stays pending');

      return { parentUpdateId, skipped: true };
    }
    const attempts = delivery.attempts + 1;
    await deliveries.update({ id: delivery.id }, { attempts });
    let messageId: string;
    try {
      messageId = await this.mailer.send({
        to: delivery.recipient,
        subject: update.subject,
        text: update.body,
        language: update.language,
      });
    } catch (error) {
      return this.recordFailure(delivery, error, ids);
    }
    await this.dataSource.transaction(async (manager) => {
      const sentAt = new Date();
      await manager.update(
        ParentUpdateDelivery,
        { id: delivery.id },
        {
          status: 'sent',
          sentAt,
          messageId: messageId.slice(0, 300),
          reason: null,
          lastError: null,
        },
      );
      await recordDomainEvent(manager, job.organizationId, 'parent_update.delivered', {
        parentUpdateId,
        deliveryId: delivery.id,
        guardianId: delivery.guardianId,
        sessionId: update.sessionId,
        studentId: update.studentId,
        attempts,
        sentAt: sentAt.toISOString(),
      });
    });
    this.logger.log({ ...ids, attempts }, 'Parent update sent');

    return { parentUpdateId, attempts };
  }

  /** Marks a pending delivery failed once the job gives up, with the last error. */
  async onGiveUp(job: Job, reason: string, manager: EntityManager): Promise<void> {
    const { parentUpdateId } = job.payload as Partial<ParentUpdateDeliverJobPayload>;
    if (typeof parentUpdateId !== 'string') {
      return;
    }
    await manager.update(
      ParentUpdateDelivery,
      { organizationId: job.organizationId, parentUpdateId, status: 'pending' },
      {
        status: 'failed',
        failedAt: new Date(),
        reason: 'SMTP_RETRIES_EXHAUSTED',
        lastError: toStoredError(reason),
      },
    );
    // A permanent SMTP failure marked the delivery failed before the job gave up.
    const delivery = await manager.findOneBy(ParentUpdateDelivery, {
      organizationId: job.organizationId,
      parentUpdateId,
    });
    const update = await manager.findOneBy(ParentUpdate, {
      id: parentUpdateId,
      organizationId: job.organizationId,
    });
    if (delivery?.status === 'failed' && update) {
      await recordDomainEvent(manager, job.organizationId, 'parent_update.failed', {
        parentUpdateId,
        deliveryId: delivery.id,
        guardianId: delivery.guardianId,
        sessionId: update.sessionId,
        studentId: update.studentId,
        reason: delivery.reason,
        attempts: delivery.attempts,
      });
    }
    this.logger.error(
      { organizationId: job.organizationId, parentUpdateId, jobId: job.id, reason },
      'Parent update delivery failed',
    );
  }

  private async recordFailure(
    delivery: ParentUpdateDelivery,
    error: unknown,
    ids: Record<string, string>,
  ): Promise<never> {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof MailDeliveryError && error.permanent;
    const deliveries = this.dataSource.getRepository(ParentUpdateDelivery);
    if (permanent) {
      await deliveries.update(
        { id: delivery.id },
        {
          status: 'failed',
          failedAt: new Date(),
          reason: 'SMTP_PERMANENT_FAILURE',
          lastError: toStoredError(message),
        },
      );
      this.logger.error({ ...ids, error: message }, 'SMTP server rejected the parent update');
      throw new NonRetryableJobError(`SMTP server rejected the message: ${message}`);
    }
    await deliveries.update(
      { id: delivery.id },
      { reason: 'SMTP_TEMPORARY_FAILURE', lastError: toStoredError(message) },
    );
    this.logger.warn(
      { ...ids, error: message },
      'Parent update delivery failed; it will be retried',
    );
    throw new Error(`SMTP delivery failed: ${message}`);
  }
}
