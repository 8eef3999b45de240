import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobHandler, NonRetryableJobError } from '../jobs/job-handler';
import { toStoredError } from '../jobs/job-store';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { recordDomainEvent } from '../webhooks/domain-events';
import { MailDeliveryError, Mailer } from '../parent-updates/mailer';
import { Session } from '../sessions/session.entity';
import { formatLocalTime } from './reminder-time';
import { REMINDER_JOB, SessionReminder } from './reminder.entity';
import { ReminderJobPayload } from './reminders.service';

function describeLead(leadMinutes: number): string {
  if (leadMinutes % 1_440 === 0) {
    const days = leadMinutes / 1_440;

    return days === 1 ? 'tomorrow' : `in ${days} days`;
  }
  if (leadMinutes % 60 === 0) {
    const hours = leadMinutes / 60;

    return hours === 1 ? 'in 1 hour' : `in ${hours} hours`;
  }

  return `in ${leadMinutes} minutes`;
}

/**
 * Runs `session.reminder` jobs: sends one reminder email and records a `session.reminder`
 * domain event. A reminder that is no longer pending, or whose session is no longer scheduled,
 * is not sent. A 4xx SMTP reply or a connection error is retried with backoff.
 */
@Injectable()
export class ReminderDeliveryWorker implements JobHandler, OnModuleInit {
  private readonly logger = new Logger(ReminderDeliveryWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(REMINDER_JOB, this, {
      retryBaseDelayMs: 1_000,
      retryMaxDelayMs: 5 * 60_000,
      timeoutMs: 2 * 60_000,
    });
  }

  async run(job: Job): Promise<JobData> {
    const { reminderId } = job.payload as Partial<ReminderJobPayload>;
    if (typeof reminderId !== 'string') {
      throw new NonRetryableJobError(`Job ${job.id} payload is invalid: expected reminderId.`);
    }
    const ids = { organizationId: job.organizationId, reminderId, jobId: job.id };
    const reminders = this.dataSource.getRepository(SessionReminder);
    const reminder = await reminders.findOneBy({ id: reminderId, organizationId: job.organizationId });
    if (!reminder) {
      throw new NonRetryableJobError(`Reminder ${reminderId} was not found.`);
    }
    if (reminder.status !== 'pending') {
      this.logger.log({ ...ids, status: reminder.status }, 'Reminder is not pending; not sent');

      return { reminderId, skipped: true };
    }
    const session = await this.dataSource
      .getRepository(Session)
      .findOneByOrFail({ id: reminder.sessionId, organizationId: job.organizationId });
    if (session.status !== 'scheduled') {
      await reminders.update(
        { id: reminder.id, status: 'pending' },
        { status: 'skipped', reason: 'SESSION_NOT_SCHEDULED' },
      );

      return { reminderId, skipped: true };
    }
    if (!this.mailer.configured) {
      await reminders.update(
        { id: reminder.id, status: 'pending' },
        { status: 'skipped', reason: 'SMTP_NOT_CONFIGURED' },
      );
      this.logger.warn(ids, 'SMTP is not configured; reminder skipped');

      return { reminderId, skipped: true };
    }
    const attempts = reminder.attempts + 1;
    await reminders.update({ id: reminder.id }, { attempts });
    const startsAt = formatLocalTime(session.scheduledStart, session.timeZone);
    try {
      await this.mailer.send({
        to: reminder.email,
        subject: `Reminder: ${session.title} starts ${describeLead(reminder.leadMinutes)}`,
        text:
          `${session.title} starts on ${startsAt} (${session.timeZone}).\n\n` +
          'This is an automatic reminder of a scheduled session.',
        language: 'en',
      });
    } catch (error) {
      return this.recordFailure(reminder, error, ids);
    }
    await this.dataSource.transaction(async (manager) => {
      const sentAt = new Date();
      await manager.update(
        SessionReminder,
        { id: reminder.id },
        { status: 'sent', sentAt, reason: null, lastError: null },
      );
      await recordDomainEvent(manager, job.organizationId, 'session.reminder', {
        reminderId: reminder.id,
        sessionId: session.id,
        recipientKind: reminder.recipientKind,
        recipientId: reminder.recipientId,
        leadMinutes: reminder.leadMinutes,
        scheduledStart: session.scheduledStart.toISOString(),
        timeZone: session.timeZone,
        sentAt: sentAt.toISOString(),
      });
    });
    this.logger.log({ ...ids, attempts }, 'Reminder sent');

    return { reminderId, attempts };
  }

  /** Marks a pending reminder failed once the job gives up. */
  async onGiveUp(job: Job, reason: string, manager: EntityManager): Promise<void> {
    const { reminderId } = job.payload as Partial<ReminderJobPayload>;
    if (typeof reminderId !== 'string') {
      return;
    }
    await manager.update(
      SessionReminder,
      { id: reminderId, organizationId: job.organizationId, status: 'pending' },
      { status: 'failed', reason: 'SMTP_RETRIES_EXHAUSTED', lastError: toStoredError(reason) },
    );
    this.logger.error({ organizationId: job.organizationId, reminderId, jobId: job.id, reason }, 'Reminder failed');
  }

  private async recordFailure(
    reminder: SessionReminder,
    error: unknown,
    ids: Record<string, string>,
  ): Promise<never> {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof MailDeliveryError && error.permanent;
    const reminders = this.dataSource.getRepository(SessionReminder);
    if (permanent) {
      await reminders.update(
        { id: reminder.id },
        { status: 'failed', reason: 'SMTP_PERMANENT_FAILURE', lastError: toStoredError(message) },
      );
      this.logger.error({ ...ids, error: message }, 'SMTP server rejected the reminder');
      throw new NonRetryableJobError(`SMTP server rejected the message: ${message}`);
    }
    await reminders.update({ id: reminder.id }, { lastError: toStoredError(message) });
    this.logger.warn({ ...ids, error: message }, 'Reminder delivery failed; it will be retried');
    throw new Error(`SMTP delivery failed: ${message}`);
  }
}
