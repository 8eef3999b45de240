import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { JobsService } from '../jobs/jobs.service';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { findReminderRecipients } from './reminder-recipients';
import { computeReminderTime } from './reminder-time';
import {
  DEFAULT_LEAD_MINUTES,
  REMINDER_JOB,
  ReminderSettings,
  ReminderSettingsInput,
  SessionReminder,
} from './reminder.entity';

/** Payload of a `session.reminder` job. */
export interface ReminderJobPayload extends Record<string, unknown> {
  reminderId: string;
}

const REMINDER_MAX_ATTEMPTS = 5;

/** Reminder settings per organization, and the reminders of each scheduled session. */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly sessions: SessionsService,
  ) {
    this.sessions.onSessionCreated((ctx, session, manager) =>
      this.scheduleReminders(ctx, session, manager),
    );
    this.sessions.onSessionCancelled((ctx, session, manager) =>
      this.cancelReminders(ctx, session, manager),
    );
  }

  /** Returns the organization's settings, or the defaults when it never changed them. */
  async readSettings(ctx: RequestContext, manager?: EntityManager): Promise<ReminderSettings> {
    const repository = (manager ?? this.dataSource.manager).getRepository(ReminderSettings);
    const stored = await repository.findOneBy({ organizationId: ctx.organizationId });

    return (
      stored ??
      repository.create({
        organizationId: ctx.organizationId,
        enabled: true,
        leadMinutes: [...DEFAULT_LEAD_MINUTES],
      })
    );
  }

  /** Replaces the settings; they apply to sessions created afterwards. */
  async updateSettings(
    ctx: RequestContext,
    input: ReminderSettingsInput,
  ): Promise<ReminderSettings> {
    const leadMinutes = [...input.leadMinutes].sort((a, b) => b - a);
    await this.dataSource.query(
      `INSERT INTO reminder_settings (organization_id, enabled, lead_minutes)
       VALUES ($1, $2, $3)
       ON CONFLICT (organization_id)
       DO UPDATE SET enabled = EXCLUDED.enabled, lead_minutes = EXCLUDED.lead_minutes`,
      [ctx.organizationId, input.enabled, leadMinutes],
    );
    this.logger.log(
      { organizationId: ctx.organizationId, enabled: input.enabled, leadMinutes },
      'Reminder settings changed',
    );

    return this.readSettings(ctx);
  }

  /** Lists a session's reminders, soonest first. Raises NOT_FOUND for another organization's session. */
  async listForSession(ctx: RequestContext, sessionId: string): Promise<SessionReminder[]> {
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.dataSource.getRepository(SessionReminder).find({
      where: { organizationId: ctx.organizationId, sessionId },
      order: { sendAt: 'ASC', recipientKind: 'ASC', recipientId: 'ASC' },
    });
  }

  /**
   * Creates a reminder per recipient and lead time and queues a job for each one that is still
   * in the future, in the transaction that creates the session. A reminder whose time has passed
   * is stored as skipped and never sent.
   */
  async scheduleReminders(
    ctx: RequestContext,
    session: Session,
    manager: EntityManager,
  ): Promise<void> {
    const settings = await this.readSettings(ctx, manager);
    if (!settings.enabled || session.status !== 'scheduled') {
      return;
    }
    const recipients = await findReminderRecipients(manager, ctx.organizationId, session.id);
    const now = Date.now();
    let queued = 0;
    for (const leadMinutes of settings.leadMinutes) {
      const sendAt = computeReminderTime(session.scheduledStart, session.timeZone, leadMinutes);
      const passed = sendAt.getTime() <= now;
      for (const recipient of recipients) {
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO session_reminders
             (organization_id, session_id, recipient_kind, recipient_id, email, lead_minutes,
              send_at, status, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (session_id, recipient_kind, recipient_id, lead_minutes) DO NOTHING
           RETURNING id`,
          [
            ctx.organizationId,
            session.id,
            recipient.kind,
            recipient.id,
            recipient.email,
            leadMinutes,
            sendAt.toISOString(),
            passed ? 'skipped' : 'pending',
            passed ? 'SEND_TIME_PASSED' : null,
          ],
        );
        const reminderId = rows[0]?.id;
        if (!reminderId || passed) {
          continue;
        }
        const payload: ReminderJobPayload = { reminderId };
        const job = await this.jobs.enqueue(manager, {
          organizationId: ctx.organizationId,
          kind: REMINDER_JOB,
          payload,
          uniqueKey: `session-reminder:${reminderId}`,
          maxAttempts: REMINDER_MAX_ATTEMPTS,
          runAt: sendAt,
        });
        await manager.update(SessionReminder, { id: reminderId }, { jobId: job.id });
        queued += 1;
      }
    }
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId: session.id, queued },
      'Session reminders scheduled',
    );
  }

  /** Cancels a session's pending reminders in the transaction that cancels the session. */
  async cancelReminders(
    ctx: RequestContext,
    session: Session,
    manager: EntityManager,
  ): Promise<void> {
    const result = await manager.update(
      SessionReminder,
      { organizationId: ctx.organizationId, sessionId: session.id, status: 'pending' },
      { status: 'cancelled', reason: 'SESSION_CANCELLED' },
    );
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId: session.id, cancelled: result.affected },
      'Session reminders cancelled',
    );
  }
}
