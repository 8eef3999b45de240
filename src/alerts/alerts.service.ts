import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { SessionsService } from '../sessions/sessions.service';
import { Alert, AlertType } from './alert.entity';
import {
  AlertSettings,
  AlertSettingsInput,
  DEFAULT_INCORRECT_SHARE,
  DEFAULT_MISSED_ACTIVITIES,
} from './alert-settings.entity';
import { AlertErrors } from './alerts.errors';
import { assertInstructorOf } from './instructor-access';

/** An alert to raise. `conditionKey` names the condition: a second raise with the same key is ignored. */
export interface NewAlert {
  sessionId: string;
  type: AlertType;
  participantId?: string | null;
  activityId?: string | null;
  conditionKey: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Most recent alerts that one list returns. */
export const MAX_LISTED_ALERTS = 500;

/** The alert as published to subscribers; dates travel as ISO strings. */
export type AlertEvent = Omit<
  Alert,
  'createdAt' | 'acknowledgedAt' | 'conditionKey' | 'organizationId'
> & {
  createdAt: string;
  acknowledgedAt: string | null;
};

export function alertEvent(alert: Alert): AlertEvent {
  return {
    id: alert.id,
    sessionId: alert.sessionId,
    type: alert.type,
    participantId: alert.participantId,
    activityId: alert.activityId,
    message: alert.message,
    data: alert.data,
    createdAt: alert.createdAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
  };
}

export function alertFromEvent(event: AlertEvent): Alert {
  return Object.assign(new Alert(), event, {
    createdAt: new Date(event.createdAt),
    acknowledgedAt: event.acknowledgedAt ? new Date(event.acknowledgedAt) : null,
  });
}

const RETURNING = `RETURNING id, session_id AS "sessionId", type, participant_id AS "participantId",
  activity_id AS "activityId", condition_key AS "conditionKey", message, data,
  created_at AS "createdAt", acknowledged_at AS "acknowledgedAt"`;

/** Instructor alerts of a session: raised by other modules, read and acknowledged by instructors. */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  /**
   * Stores an alert in the caller's transaction and returns it, or null when an alert with the
   * same conditionKey exists in the session. The caller passes the returned alerts to
   * `publishRaised` after its transaction commits.
   */
  async raise(manager: EntityManager, ctx: RequestContext, alert: NewAlert): Promise<Alert | null> {
    const rows: Alert[] = await manager.query(
      `INSERT INTO alerts (organization_id, session_id, type, participant_id, activity_id, condition_key, message, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (organization_id, session_id, condition_key) DO NOTHING
       ${RETURNING}`,
      [
        ctx.organizationId,
        alert.sessionId,
        alert.type,
        alert.participantId ?? null,
        alert.activityId ?? null,
        alert.conditionKey,
        alert.message,
        JSON.stringify(alert.data ?? {}),
      ],
    );
    const stored = rows[0];
    if (!stored) {
      return null;
    }
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: alert.sessionId,
        alertId: stored.id,
        type: alert.type,
      },
      'Alert raised',
    );

    return this.hydrate(ctx, stored);
  }

  /** Sends committed alerts to `instructorAlertRaised` subscribers. */
  async publishRaised(ctx: RequestContext, alerts: readonly Alert[]): Promise<void> {
    const bySession = new Map<string, Alert[]>();
    for (const alert of alerts) {
      bySession.set(alert.sessionId, [...(bySession.get(alert.sessionId) ?? []), alert]);
    }
    for (const [sessionId, raised] of bySession) {
      await this.realtime.publish(
        ctx.organizationId,
        sessionId,
        'instructorAlertRaised',
        raised.map(alertEvent),
      );
    }
  }

  /** Lists the session's alerts, newest first, at most MAX_LISTED_ALERTS. */
  async list(ctx: RequestContext, sessionId: string, unacknowledgedOnly = false): Promise<Alert[]> {
    assertInstructorOf(ctx, sessionId, 'read alerts');
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const query = this.dataSource
      .getRepository(Alert)
      .createQueryBuilder('alert')
      .where('alert.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('alert.sessionId = :sessionId', { sessionId })
      .orderBy('alert.createdAt', 'DESC')
      .addOrderBy('alert.id', 'DESC')
      .take(MAX_LISTED_ALERTS);
    if (unacknowledgedOnly) {
      query.andWhere('alert.acknowledgedAt IS NULL');
    }

    return query.getMany();
  }

  /** Marks an alert acknowledged. Raises CONFLICT when it already is. */
  async acknowledge(ctx: RequestContext, id: string): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await manager.findOne(Alert, {
        where: { id, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!alert || (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== alert.sessionId)) {
        throw AlertErrors.notFound(id);
      }
      assertInstructorOf(ctx, alert.sessionId, 'acknowledge alerts');
      if (alert.acknowledgedAt) {
        throw AlertErrors.alreadyAcknowledged(id, alert.acknowledgedAt);
      }
      alert.acknowledgedAt = new Date();
      await manager.update(
        Alert,
        { id, organizationId: ctx.organizationId },
        { acknowledgedAt: alert.acknowledgedAt },
      );
      this.logger.log(
        { organizationId: ctx.organizationId, sessionId: alert.sessionId, alertId: id },
        'Alert acknowledged',
      );

      return alert;
    });
  }

  /** Returns the session's alert settings, or the defaults when none were set. */
  async getSettings(
    ctx: RequestContext,
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AlertSettings> {
    const stored = await manager.findOneBy(AlertSettings, {
      sessionId,
      organizationId: ctx.organizationId,
    });

    return (
      stored ??
      Object.assign(new AlertSettings(), {
        sessionId,
        organizationId: ctx.organizationId,
        incorrectShareThreshold: DEFAULT_INCORRECT_SHARE,
        missedActivitiesThreshold: DEFAULT_MISSED_ACTIVITIES,
      })
    );
  }

  /** Reads the settings for an instructor. */
  async readSettings(ctx: RequestContext, sessionId: string): Promise<AlertSettings> {
    assertInstructorOf(ctx, sessionId, 'read alert settings');
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.getSettings(ctx, sessionId);
  }

  /** Changes the given settings of a session; fields left out keep their values. */
  async updateSettings(
    ctx: RequestContext,
    sessionId: string,
    input: AlertSettingsInput,
  ): Promise<AlertSettings> {
    assertInstructorOf(ctx, sessionId, 'change alert settings');
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO session_alert_settings (session_id, organization_id) VALUES ($1, $2)
         ON CONFLICT (session_id) DO NOTHING`,
        [sessionId, ctx.organizationId],
      );
      const changes: Partial<AlertSettings> = {};
      if (input.incorrectShareThreshold !== undefined && input.incorrectShareThreshold !== null) {
        changes.incorrectShareThreshold = input.incorrectShareThreshold;
      }
      if (
        input.missedActivitiesThreshold !== undefined &&
        input.missedActivitiesThreshold !== null
      ) {
        changes.missedActivitiesThreshold = input.missedActivitiesThreshold;
      }
      if (Object.keys(changes).length > 0) {
        await manager.update(
          AlertSettings,
          { sessionId, organizationId: ctx.organizationId },
          changes,
        );
      }

      return this.getSettings(ctx, sessionId, manager);
    });
  }

  private hydrate(ctx: RequestContext, row: Alert): Alert {
    return Object.assign(new Alert(), row, {
      organizationId: ctx.organizationId,
      createdAt: new Date(row.createdAt),
      acknowledgedAt: row.acknowledgedAt ? new Date(row.acknowledgedAt) : null,
    });
  }
}
