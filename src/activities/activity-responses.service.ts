import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Alert } from '../alerts/alert.entity';
import { assertInstructorOf, isInstructorCaller } from '../alerts/instructor-access';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { EntityColumns } from '../database/entity-columns';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { PhaseToolGate } from '../sessions/phase-tool-gate';
import { ActivitiesService, isExpired } from './activities.service';
import { ActivityErrors } from './activities.errors';
import { ActivityAlertRules } from './activity-alert-rules';
import { gradeAnswer, parseAnswer } from './activity-answers';
import { ActivityResponse, NamedActivityResponse } from './activity-response.entity';
import { ActivityResultsReader } from './activity-results-reader';
import { responseView, revealsKey } from './activity-view';
import { Activity } from './activity.entity';
import { ActivityResponseInput } from './dto/activity-response.input';
import { ActivityResults } from './dto/activity-results';
import { ResultsPublisher } from './results-publisher';
import { recordDomainEvent } from '../webhooks/domain-events';
import { runAfterCommit } from '../common/after-commit';

interface ResponderRow {
  role: string;
  displayName: string;
  removedAt: Date | null;
}

interface ActivityRow {
  activity: Activity;
  sessionStatus: string;
  /** The responding participant, when it is a participant of the activity's session. */
  responder: ResponderRow | null;
}

/**
 * Inserts a participant's response, or replaces it when the answer differs. The unique index on
 * (activity_id, participant_id) makes concurrent submissions of one participant update one row;
 * an identical repeat matches the WHERE clause of no row and returns nothing.
 */
const UPSERT_SQL = `
  INSERT INTO activity_responses (organization_id, session_id, activity_id, participant_id, answer, correct)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6)
  ON CONFLICT (activity_id, participant_id) DO UPDATE SET
    answer = EXCLUDED.answer,
    correct = EXCLUDED.correct,
    revision = activity_responses.revision + 1,
    updated_at = now()
  WHERE activity_responses.answer IS DISTINCT FROM EXCLUDED.answer
  RETURNING id, organization_id AS "organizationId", session_id AS "sessionId", activity_id AS "activityId",
    participant_id AS "participantId", answer, correct, revision,
    submitted_at AS "submittedAt", updated_at AS "updatedAt"`;

const SELECT_RESPONSE_SQL = `
  SELECT id, organization_id AS "organizationId", session_id AS "sessionId", activity_id AS "activityId",
         participant_id AS "participantId", answer, correct, revision,
         submitted_at AS "submittedAt", updated_at AS "updatedAt"
    FROM activity_responses`;

/** Work that another module runs after a response has committed. */
export type ResponseStoredListener = (ctx: RequestContext, activity: Activity) => Promise<void>;

/** Responses to activities and their results. */
@Injectable()
export class ActivityResponsesService {
  private readonly logger = new Logger(ActivityResponsesService.name);
  private columns?: EntityColumns<Activity>;
  private readonly storedListeners: ResponseStoredListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly toolGate: PhaseToolGate,
    private readonly engagement: EngagementEventsService,
    private readonly alertRules: ActivityAlertRules,
    private readonly reader: ActivityResultsReader,
    private readonly publisher: ResultsPublisher,
  ) {}

  /**
   * Registers work that runs after a new or changed response has committed, such as updating
   * the status of the breakout group working on the activity. A failure is logged and does not
   * fail the response.
   */
  onResponseStored(listener: ResponseStoredListener): void {
    this.storedListeners.push(listener);
  }

  /**
   * Stores a participant's answer to an open activity, replacing an earlier different one. An
   * identical repeat changes nothing and returns the stored response. The response, its
   * `responded` engagement event and an incorrect_streak alert it raises commit together.
   */
  async submit(
    ctx: RequestContext,
    activityId: string,
    input: ActivityResponseInput,
  ): Promise<ActivityResponse> {
    const participantId = this.responderId(ctx, input);
    let outcome: {
      response: ActivityResponse;
      activity: Activity;
      changed: boolean;
      alerts: Alert[];
    };
    try {
      outcome = await this.dataSource.transaction((manager) =>
        this.write(manager, ctx, activityId, participantId, input),
      );
    } catch (error) {
      if (
        error instanceof AppError &&
        error.reason === 'ACTIVITY_CLOSED' &&
        error.details?.expired === true
      ) {
        // Recorded outside the failed transaction, which held only a share lock on the activity.
        await this.activities.closeExpired(ctx, activityId);
      }
      throw error;
    }
    const { response, activity, changed, alerts } = outcome;
    if (changed) {
      this.publisher.schedule(ctx.organizationId, activity.sessionId, activity.id);
      await this.alertRules.publish(ctx, alerts);
      await runAfterCommit(
        this.storedListeners,
        [ctx, activity],
        this.logger,
        { organizationId: ctx.organizationId, activityId: activity.id },
        'Work after storing a response failed',
      );
    }

    return responseView(response, activity.anonymous, revealsKey(ctx, activity));
  }

  /** Returns the aggregate results; students and observers read them only once the activity closed. */
  async results(ctx: RequestContext, activityId: string): Promise<ActivityResults> {
    const activity = await this.activities.load(ctx, activityId);
    const instructor = isInstructorCaller(ctx);
    if (!instructor && activity.status !== 'closed') {
      throw ActivityErrors.resultsNotAvailable(activityId);
    }

    return this.reader.summarize(activity, { revealKey: true, includeTexts: instructor });
  }

  /** Lists who answered what, for instructors, on named activities only. */
  async listResponses(ctx: RequestContext, activityId: string): Promise<NamedActivityResponse[]> {
    const activity = await this.activities.load(ctx, activityId);
    assertInstructorOf(ctx, activity.sessionId, 'read the responses of others');
    if (activity.anonymous) {
      throw ActivityErrors.anonymousResponses(activityId);
    }
    const rows: NamedActivityResponse[] = await this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.activity_id AS "activityId", r.participant_id AS "participantId",
              r.answer, r.correct, r.revision, r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt",
              p.display_name AS "displayName"
         FROM activity_responses r
         JOIN participants p ON p.id = r.participant_id
        WHERE r.organization_id = $1 AND r.activity_id = $2
        ORDER BY r.submitted_at ASC, r.id ASC`,
      [ctx.organizationId, activityId],
    );

    return rows.map((row) => Object.assign(new NamedActivityResponse(), row));
  }

  /** Returns the caller's own response, or null before they respond. Needs a participant token. */
  async ownResponse(ctx: RequestContext, activityId: string): Promise<ActivityResponse | null> {
    if (ctx.actor.kind !== 'participant') {
      throw ActivityErrors.participantTokenRequired();
    }
    const activity = await this.activities.load(ctx, activityId);
    const rows: ActivityResponse[] = await this.dataSource.query(
      `${SELECT_RESPONSE_SQL} WHERE organization_id = $1 AND activity_id = $2 AND participant_id = $3`,
      [ctx.organizationId, activityId, ctx.actor.participantId],
    );
    const row = rows[0];

    return row
      ? responseView(
          Object.assign(new ActivityResponse(), row),
          activity.anonymous,
          revealsKey(ctx, activity),
        )
      : null;
  }

  /** Returns the participant who responds: the token's own, or the API key's participantId. */
  private responderId(ctx: RequestContext, input: ActivityResponseInput): string {
    if (ctx.actor.kind === 'participant') {
      if (ctx.actor.role !== 'student') {
        throw ActivityErrors.studentsOnly();
      }
      if (input.participantId && input.participantId !== ctx.actor.participantId) {
        throw ActivityErrors.otherParticipant();
      }

      return ctx.actor.participantId;
    }
    if (!input.participantId) {
      throw ActivityErrors.participantIdRequired();
    }

    return input.participantId;
  }

  private async write(
    manager: EntityManager,
    ctx: RequestContext,
    activityId: string,
    participantId: string,
    input: ActivityResponseInput,
  ) {
    const { activity, sessionStatus, responder } = await this.lockOpenActivity(
      manager,
      ctx,
      activityId,
      participantId,
    );
    const answer = parseAnswer(activity, input);
    const correct = gradeAnswer(activity, answer);
    if (sessionStatus !== 'live') {
      // NOTE: ending a session does not close its open activities; they stay open in reads,
      // but reject every response from then on.
      throw ActivityErrors.sessionNotLive(activity.sessionId, sessionStatus, 'accept responses');
    }
    checkResponder(responder, participantId);
    await this.toolGate.assertToolEnabled(ctx, activity.sessionId, 'polls', manager);

    const upserted: ActivityResponse[] = await manager.query(UPSERT_SQL, [
      ctx.organizationId,
      activity.sessionId,
      activity.id,
      participantId,
      JSON.stringify(answer),
      correct,
    ]);
    const changed = upserted.length > 0;
    const stored = changed
      ? upserted
      : ((await manager.query(
          `${SELECT_RESPONSE_SQL} WHERE organization_id = $1 AND activity_id = $2 AND participant_id = $3`,
          [ctx.organizationId, activity.id, participantId],
        )) as ActivityResponse[]);
    const response = Object.assign(new ActivityResponse(), stored[0]);
    let alerts: Alert[] = [];
    if (changed) {
      await this.engagement.append(manager, ctx, [
        {
          sessionId: activity.sessionId,
          participantId,
          type: 'responded',
          occurredAt: response.updatedAt,
          clientEventId: `activity-response:${response.id}:${response.revision}`,
          // An anonymous activity's event records that the participant responded, never what or how well.
          data: activity.anonymous
            ? { activityId: activity.id, kind: activity.kind, anonymous: true }
            : { activityId: activity.id, kind: activity.kind, correct },
        },
      ]);
      if (!activity.anonymous) {
        await recordDomainEvent(manager, ctx.organizationId, 'activity.response_submitted', {
          sessionId: activity.sessionId,
          activityId: activity.id,
          kind: activity.kind,
          participantId,
          answer,
          correct,
          revision: response.revision,
          submittedAt: new Date(response.updatedAt).toISOString(),
        });
      }
      alerts = await this.alertRules.onResponse(
        manager,
        ctx,
        activity,
        { id: participantId, displayName: responder?.displayName ?? '' },
        correct,
      );
      this.logger.debug(
        {
          organizationId: ctx.organizationId,
          activityId: activity.id,
          revision: response.revision,
        },
        'Activity response stored',
      );
    }

    return { response, activity, changed, alerts };
  }

  /**
   * Reads the activity with a share lock, which lets responses run in parallel but makes a close
   * wait for them, together with its session's status and the responding participant, in one
   * statement. Raises CONFLICT unless the activity is open and within its time limit.
   */
  private async lockOpenActivity(
    manager: EntityManager,
    ctx: RequestContext,
    activityId: string,
    participantId: string,
  ): Promise<ActivityRow> {
    const columns = this.activityColumns();
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${columns.selectList}, s.status AS session_status,
              p.role AS p_role, p.display_name AS p_display_name, p.removed_at AS p_removed_at
         FROM activities a
         JOIN sessions s ON s.id = a.session_id
         LEFT JOIN participants p ON p.id = $3 AND p.session_id = a.session_id AND p.organization_id = a.organization_id
        WHERE a.id = $1 AND a.organization_id = $2
          FOR SHARE OF a`,
      [activityId, ctx.organizationId, participantId],
    );
    const row = rows[0];
    const activity = row ? columns.hydrate(row) : undefined;
    if (
      !row ||
      !activity ||
      (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== activity.sessionId)
    ) {
      throw ActivityErrors.notFound(activityId);
    }
    if (activity.status !== 'open') {
      throw ActivityErrors.notOpen(activityId, activity.status, activity.closedAt);
    }
    if (isExpired(activity)) {
      const error = ActivityErrors.notOpen(activityId, 'closed', activity.closesAt);
      (error.details as Record<string, unknown>).expired = true;
      throw error;
    }
    const responder =
      row.p_role === null || row.p_role === undefined
        ? null
        : {
            role: String(row.p_role),
            displayName: String(row.p_display_name),
            removedAt: row.p_removed_at as Date | null,
          };

    return { activity, sessionStatus: String(row.session_status), responder };
  }

  private activityColumns(): EntityColumns<Activity> {
    this.columns ??= new EntityColumns(this.dataSource, Activity, 'a');

    return this.columns;
  }
}

/** Raises unless the participant is a student of the activity's session who was not removed. */
function checkResponder(responder: ResponderRow | null, participantId: string): void {
  if (!responder) {
    throw ActivityErrors.participantNotInSession(participantId);
  }
  if (responder.removedAt) {
    throw ActivityErrors.participantRemoved(participantId);
  }
  if (responder.role !== 'student') {
    throw ActivityErrors.participantNotStudent(participantId, responder.role);
  }
}
