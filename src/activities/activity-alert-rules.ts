import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Alert } from '../alerts/alert.entity';
import {
  INCORRECT_STREAK_LENGTH,
  MIN_RESPONSES_FOR_CLASS_ALERT,
} from '../alerts/alert-settings.entity';
import { AlertsService } from '../alerts/alerts.service';
import { hasCorrectAnswer } from './activity-answers';
import { Activity } from './activity.entity';

/** The responding student, as the alert rules name them. */
export interface Responder {
  id: string;
  displayName: string;
}

function quote(prompt: string): string {
  return prompt.length > 80 ? `"${prompt.slice(0, 77)}..."` : `"${prompt}"`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The instructor alert rules that responses and closes trigger. They run in the caller's
 * transaction, so an alert commits with the change that raised it. Anonymous activities never
 * feed a rule about one student.
 */
@Injectable()
export class ActivityAlertRules {
  constructor(private readonly alerts: AlertsService) {}

  /** Evaluates the per-student rules that an incorrect answer to a named check can trigger. */
  async onResponse(
    manager: EntityManager,
    ctx: RequestContext,
    activity: Activity,
    responder: Responder,
    correct: boolean | null,
  ): Promise<Alert[]> {
    if (activity.kind !== 'check' || correct !== false || activity.anonymous) {
      return [];
    }
    const alert = await this.checkIncorrectStreak(manager, ctx, activity, responder);

    return alert ? [alert] : [];
  }

  /**
   * Evaluates class_incorrect over the responses so far of an open check, once at least
   * MIN_RESPONSES_FOR_CLASS_ALERT responded. ResultsPublisher calls it shortly after responses
   * commit, coalesced like the result events, so a burst of responses costs one evaluation.
   */
  async onResponsesChanged(
    manager: EntityManager,
    ctx: RequestContext,
    activity: Activity,
  ): Promise<Alert[]> {
    if (activity.kind !== 'check') {
      return [];
    }
    const alert = await this.checkClassIncorrect(
      manager,
      ctx,
      activity,
      MIN_RESPONSES_FOR_CLASS_ALERT,
    );

    return alert ? [alert] : [];
  }

  /** Evaluates the rules that run when an activity closes. */
  async onClose(manager: EntityManager, ctx: RequestContext, activity: Activity): Promise<Alert[]> {
    const raised: (Alert | null)[] = [];
    if (activity.kind === 'check') {
      raised.push(await this.checkClassIncorrect(manager, ctx, activity, 1));
    }
    if (!activity.anonymous) {
      raised.push(...(await this.checkMissedResponses(manager, ctx, activity)));
    }

    return raised.filter((alert): alert is Alert => alert !== null);
  }

  publish(ctx: RequestContext, alerts: Alert[]): Promise<void> {
    return alerts.length > 0 ? this.alerts.publishRaised(ctx, alerts) : Promise.resolve();
  }

  /** Raises class_incorrect when more than the session's threshold share of responses is incorrect. */
  private async checkClassIncorrect(
    manager: EntityManager,
    ctx: RequestContext,
    activity: Activity,
    minimumResponses: number,
  ): Promise<Alert | null> {
    if (!hasCorrectAnswer(activity)) {
      return null;
    }
    const rows: { respondents: number; incorrect: number }[] = await manager.query(
      `SELECT count(*)::int AS respondents, (count(*) FILTER (WHERE correct = false))::int AS incorrect
         FROM activity_responses WHERE organization_id = $1 AND activity_id = $2`,
      [ctx.organizationId, activity.id],
    );
    const { respondents, incorrect } = rows[0] ?? { respondents: 0, incorrect: 0 };
    if (respondents < minimumResponses || incorrect === 0) {
      return null;
    }
    const settings = await this.alerts.getSettings(ctx, activity.sessionId, manager);
    const share = incorrect / respondents;
    if (share <= settings.incorrectShareThreshold) {
      return null;
    }

    return this.alerts.raise(manager, ctx, {
      sessionId: activity.sessionId,
      type: 'class_incorrect',
      activityId: activity.id,
      conditionKey: `class_incorrect:${activity.id}`,
      message:
        `${incorrect} of ${respondents} responses to the check ${quote(activity.prompt)} are incorrect ` +
        `(${percent(share)}), more than the session's threshold of ${percent(settings.incorrectShareThreshold)}.`,
      data: {
        activityId: activity.id,
        objectiveCode: activity.objectiveCode,
        respondents,
        incorrect,
        incorrectShare: share,
        threshold: settings.incorrectShareThreshold,
        activityStatus: activity.status,
      },
    });
  }

  /**
   * Raises incorrect_streak when the student's latest INCORRECT_STREAK_LENGTH graded answers to
   * named checks are all incorrect. One alert per streak: the streak's first check names it.
   */
  private async checkIncorrectStreak(
    manager: EntityManager,
    ctx: RequestContext,
    activity: Activity,
    responder: Responder,
  ): Promise<Alert | null> {
    const answers: { activityId: string; correct: boolean; objectiveCode: string | null }[] =
      await manager.query(
        `SELECT a.id AS "activityId", r.correct, a.objective_code AS "objectiveCode"
         FROM activity_responses r
         JOIN activities a ON a.id = r.activity_id
        WHERE r.organization_id = $1 AND r.session_id = $2 AND r.participant_id = $3
          AND a.kind = 'check' AND a.anonymous = false AND r.correct IS NOT NULL
        ORDER BY a.opens_at DESC, a.id DESC`,
        [ctx.organizationId, activity.sessionId, responder.id],
      );
    const streak: typeof answers = [];
    for (const answer of answers) {
      if (answer.correct) {
        break;
      }
      streak.push(answer);
    }
    if (streak.length < INCORRECT_STREAK_LENGTH) {
      return null;
    }
    const first = streak[streak.length - 1];
    const latest = streak.slice(0, INCORRECT_STREAK_LENGTH);

    return this.alerts.raise(manager, ctx, {
      sessionId: activity.sessionId,
      type: 'incorrect_streak',
      participantId: responder.id,
      activityId: activity.id,
      conditionKey: `incorrect_streak:${responder.id}:${first.activityId}`,
      message: `${responder.displayName} answered their last ${INCORRECT_STREAK_LENGTH} checks incorrectly.`,
      data: {
        activityIds: latest.map((answer) => answer.activityId),
        objectiveCodes: [
          ...new Set(latest.map((answer) => answer.objectiveCode).filter((code) => code !== null)),
        ],
      },
    });
  }

  /**
   * Raises missed_responses for each student who did not respond to the session's last N
   * closed named activities. One alert per run of missed activities: its first activity names it.
   */
  private async checkMissedResponses(
    manager: EntityManager,
    ctx: RequestContext,
    activity: Activity,
  ): Promise<Alert[]> {
    const settings = await this.alerts.getSettings(ctx, activity.sessionId, manager);
    const needed = settings.missedActivitiesThreshold;
    const closed: { id: string; opensAt: Date }[] = await manager.query(
      `SELECT id, opens_at AS "opensAt" FROM activities
        WHERE organization_id = $1 AND session_id = $2 AND status = 'closed' AND anonymous = false
        ORDER BY opens_at ASC, id ASC`,
      [ctx.organizationId, activity.sessionId],
    );
    if (closed.length < needed) {
      return [];
    }
    const students: { id: string; displayName: string; lastAnsweredAt: Date | null }[] =
      await manager.query(
        `SELECT p.id, p.display_name AS "displayName", max(a.opens_at) AS "lastAnsweredAt"
         FROM participants p
         LEFT JOIN activity_responses r ON r.participant_id = p.id AND r.organization_id = p.organization_id
         LEFT JOIN activities a ON a.id = r.activity_id AND a.status = 'closed' AND a.anonymous = false
        WHERE p.organization_id = $1 AND p.session_id = $2 AND p.role = 'student' AND p.removed_at IS NULL
        GROUP BY p.id, p.display_name
        ORDER BY p.id`,
        [ctx.organizationId, activity.sessionId],
      );
    const raised: Alert[] = [];
    for (const student of students) {
      const last = student.lastAnsweredAt ? new Date(student.lastAnsweredAt).getTime() : null;
      const missed = closed.filter(
        (candidate) => last === null || new Date(candidate.opensAt).getTime() > last,
      );
      if (missed.length < needed) {
        continue;
      }
      const alert = await this.alerts.raise(manager, ctx, {
        sessionId: activity.sessionId,
        type: 'missed_responses',
        participantId: student.id,
        activityId: activity.id,
        conditionKey: `missed_responses:${student.id}:${missed[0].id}`,
        message: `${student.displayName} did not respond to the last ${missed.length} activities.`,
        data: {
          activityIds: missed.slice(-needed).map((candidate) => candidate.id),
          missed: missed.length,
        },
      });
      if (alert) {
        raised.push(alert);
      }
    }

    return raised;
  }
}
