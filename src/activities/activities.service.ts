import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { JobsService } from '../jobs/jobs.service';
import { RealtimeEvents } from '../realtime/realtime-events';
import { PhaseToolGate } from '../sessions/phase-tool-gate';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { assertInstructorOf, isInstructorCaller } from '../alerts/instructor-access';
import { ActivityErrors } from './activities.errors';
import { buildDefinition } from './activity-answers';
import { ActivityAlertRules } from './activity-alert-rules';
import { ACTIVITY_CLOSE_JOB, ActivityCloseJobPayload } from './activity-jobs';
import { activityChangeEvent, activityView, revealsKey } from './activity-view';
import { Activity, CloseReason, MAX_ACTIVITIES_PER_SESSION } from './activity.entity';
import { CreateActivityInput } from './dto/create-activity.input';
import { ResultsPublisher } from './results-publisher';
import { ActivityResultsReader } from './activity-results-reader';
import { recordDomainEvent } from '../webhooks/domain-events';

/** Session statuses in which activities may be created. */
const PLANNABLE_STATUSES = ['scheduled', 'live'];

/** Returns the fields of an activity that its webhook events carry. */
function activityEventData(activity: Activity): Record<string, unknown> {
  return {
    sessionId: activity.sessionId,
    activityId: activity.id,
    kind: activity.kind,
    questionType: activity.questionType,
    prompt: activity.prompt,
    objectiveCode: activity.objectiveCode,
    anonymous: activity.anonymous,
  };
}

/** The lifecycle of polls and checks: create, open, close (by hand or by time limit), read. */
@Injectable()
export class ActivitiesService implements OnModuleInit {
  private readonly logger = new Logger(ActivitiesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly enrollments: EnrollmentsService,
    private readonly curricula: CurriculaService,
    private readonly toolGate: PhaseToolGate,
    private readonly jobs: JobsService,
    private readonly realtime: RealtimeEvents,
    private readonly alertRules: ActivityAlertRules,
    private readonly results: ResultsPublisher,
    private readonly resultsReader: ActivityResultsReader,
  ) {}

  onModuleInit(): void {
    this.sessions.onSessionEnded((ctx, session) => this.closeForEndedSession(ctx, session.id));
  }

  /** Creates a draft activity in a scheduled or live session. */
  async create(
    ctx: RequestContext,
    sessionId: string,
    input: CreateActivityInput,
  ): Promise<Activity> {
    assertInstructorOf(ctx, sessionId, 'create activities');
    const definition = buildDefinition(input);
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    if (!PLANNABLE_STATUSES.includes(session.status)) {
      throw ActivityErrors.sessionNotPlannable(sessionId, session.status);
    }
    if (input.objectiveCode) {
      await this.checkObjective(ctx, sessionId, input.objectiveCode);
    }

    const activity = await this.dataSource.transaction(async (manager) => {
      // The session row lock serializes creates, so the count check holds.
      await manager.findOne(Session, {
        where: { id: sessionId, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      const count = await manager.countBy(Activity, {
        organizationId: ctx.organizationId,
        sessionId,
      });
      if (count >= MAX_ACTIVITIES_PER_SESSION) {
        throw ActivityErrors.tooManyActivities(MAX_ACTIVITIES_PER_SESSION);
      }

      return manager.save(
        manager.create(Activity, {
          organizationId: ctx.organizationId,
          sessionId,
          kind: input.kind,
          questionType: input.questionType,
          prompt: input.prompt,
          ...definition,
          objectiveCode: input.objectiveCode ?? null,
          anonymous: input.anonymous ?? false,
          timeLimitSeconds: input.timeLimitSeconds ?? null,
          status: 'draft',
          opensAt: null,
          closesAt: null,
          closedAt: null,
          closeReason: null,
        }),
      );
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId,
        activityId: activity.id,
        kind: activity.kind,
      },
      'Activity created',
    );

    return activityView(activity, true);
  }

  /** Lists the session's activities in creation order; students and observers see no drafts. */
  async list(ctx: RequestContext, sessionId: string): Promise<Activity[]> {
    if (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== sessionId) {
      throw new AppError(
        ErrorCode.Forbidden,
        'This participant token belongs to another session.',
        {
          reason: 'PARTICIPANT_WRONG_SESSION',
          field: 'sessionId',
        },
      );
    }
    await this.sessions.get(ctx, sessionId, 'sessionId');
    await this.closeExpiredInSession(ctx, sessionId);
    const activities = await this.dataSource.manager.find(Activity, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });

    const visible = isInstructorCaller(ctx)
      ? activities
      : activities.filter((activity) => activity.status !== 'draft');

    return visible.map((activity) => activityView(activity, revealsKey(ctx, activity)));
  }

  /** Reads one activity as the caller may see it. */
  async get(ctx: RequestContext, id: string, field = 'activityId'): Promise<Activity> {
    const activity = await this.load(ctx, id, field);

    return activityView(activity, revealsKey(ctx, activity));
  }

  /**
   * Loads an activity of the caller's organization, closing it first when its time limit has
   * passed. A participant token sees only its own session's activities, and students and
   * observers see no drafts.
   */
  async load(ctx: RequestContext, id: string, field = 'activityId'): Promise<Activity> {
    let activity = await this.dataSource.manager.findOneBy(Activity, {
      id,
      organizationId: ctx.organizationId,
    });
    const hidden =
      !activity ||
      (ctx.actor.kind === 'participant' &&
        (ctx.actor.sessionId !== activity.sessionId ||
          (ctx.actor.role !== 'instructor' && activity.status === 'draft')));
    if (hidden || !activity) {
      throw ActivityErrors.notFound(id, field);
    }
    if (isExpired(activity)) {
      activity = (await this.closeExpired(ctx, id)) ?? activity;
    }

    return activity;
  }

  /** Opens a draft activity of a live session; with a time limit, a job closes it at closesAt. */
  async open(ctx: RequestContext, id: string): Promise<Activity> {
    const activity = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockForInstructor(manager, ctx, id, 'open activities');
      if (locked.status !== 'draft') {
        throw ActivityErrors.illegalTransition(id, locked.status, 'open');
      }
      const session = await manager.findOneByOrFail(Session, {
        id: locked.sessionId,
        organizationId: ctx.organizationId,
      });
      if (session.status !== 'live') {
        throw ActivityErrors.sessionNotLive(session.id, session.status, 'open');
      }
      await this.toolGate.assertToolEnabled(ctx, locked.sessionId, 'polls', manager);
      const now = new Date();
      locked.status = 'open';
      locked.opensAt = now;
      locked.closesAt = locked.timeLimitSeconds
        ? new Date(now.getTime() + locked.timeLimitSeconds * 1000)
        : null;
      await manager.update(
        Activity,
        { id, organizationId: ctx.organizationId },
        { status: 'open', opensAt: locked.opensAt, closesAt: locked.closesAt },
      );
      if (locked.closesAt) {
        const payload: ActivityCloseJobPayload = { activityId: id, sessionId: locked.sessionId };
        await this.jobs.enqueue(manager, {
          organizationId: ctx.organizationId,
          kind: ACTIVITY_CLOSE_JOB,
          payload,
          uniqueKey: `activity-close:${id}`,
          runAt: locked.closesAt,
        });
      }
      await recordDomainEvent(manager, ctx.organizationId, 'activity.opened', {
        ...activityEventData(locked),
        opensAt: locked.opensAt.toISOString(),
        closesAt: locked.closesAt?.toISOString() ?? null,
      });

      return locked;
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: activity.sessionId,
        activityId: id,
        closesAt: activity.closesAt,
      },
      'Activity opened',
    );
    await this.realtime.publish(ctx.organizationId, activity.sessionId, 'activityChanged', [
      activityChangeEvent(activity, 'opened', activity.opensAt as Date),
    ]);
    this.results.schedule(ctx.organizationId, activity.sessionId, id);

    return activityView(activity, true);
  }

  /** Closes an open activity by hand. */
  async close(ctx: RequestContext, id: string): Promise<Activity> {
    const activity = await this.closeWith(ctx, id, async (manager) => {
      const locked = await this.lockForInstructor(manager, ctx, id, 'close activities');
      if (locked.status !== 'open') {
        throw ActivityErrors.illegalTransition(id, locked.status, 'close');
      }
      if (isExpired(locked)) {
        return { activity: locked, reason: 'time_limit' as const };
      }

      return { activity: locked, reason: 'manual' as const };
    });

    return activityView(activity as Activity, true);
  }

  /**
   * Closes the activity if it is open and its time limit has passed, and returns it; returns
   * undefined when there was nothing to close. The close job and every read and response call it,
   * so an activity is closed at closesAt even when no job has run yet.
   */
  async closeExpired(ctx: RequestContext, id: string): Promise<Activity | undefined> {
    return this.closeWith(ctx, id, async (manager) => {
      const locked = await manager.findOne(Activity, {
        where: { id, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked || locked.status !== 'open' || !isExpired(locked)) {
        return undefined;
      }

      return { activity: locked, reason: 'time_limit' as const };
    });
  }

  /** Closes every open activity of a session that has ended, since no one can answer it any more. */
  async closeForEndedSession(ctx: RequestContext, sessionId: string): Promise<void> {
    const open: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM activities WHERE organization_id = $1 AND session_id = $2 AND status = 'open'`,
      [ctx.organizationId, sessionId],
    );
    for (const { id } of open) {
      await this.closeWith(ctx, id, async (manager) => {
        const locked = await manager.findOne(Activity, {
          where: { id, organizationId: ctx.organizationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!locked || locked.status !== 'open') {
          return undefined;
        }

        return {
          activity: locked,
          reason: isExpired(locked) ? ('time_limit' as const) : ('session_ended' as const),
        };
      });
    }
  }

  private async closeExpiredInSession(ctx: RequestContext, sessionId: string): Promise<void> {
    const expired: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM activities
        WHERE organization_id = $1 AND session_id = $2 AND status = 'open' AND closes_at <= now()`,
      [ctx.organizationId, sessionId],
    );
    for (const { id } of expired) {
      await this.closeExpired(ctx, id);
    }
  }

  /**
   * Runs a close in one transaction: `pick` locks the activity and decides the reason, then the
   * activity is closed and the close-time alert rules run. After the commit, the change, the
   * final results and the alerts are published.
   */
  private async closeWith(
    ctx: RequestContext,
    id: string,
    pick: (
      manager: EntityManager,
    ) => Promise<{ activity: Activity; reason: CloseReason } | undefined>,
  ): Promise<Activity | undefined> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const picked = await pick(manager);
      if (!picked) {
        return undefined;
      }
      const { activity, reason } = picked;
      const now = new Date();
      // A time-limited activity closed late by a job or a read still closed at its deadline.
      activity.closedAt = reason === 'time_limit' && activity.closesAt ? activity.closesAt : now;
      activity.status = 'closed';
      activity.closeReason = reason;
      await manager.update(
        Activity,
        { id, organizationId: ctx.organizationId },
        { status: 'closed', closedAt: activity.closedAt, closeReason: reason },
      );
      const alerts = await this.alertRules.onClose(manager, ctx, activity);
      // Texts stay out of an anonymous activity's event, since a free answer can name its author.
      const results = await this.resultsReader.summarize(
        activity,
        { revealKey: true, includeTexts: !activity.anonymous },
        manager,
      );
      await recordDomainEvent(manager, ctx.organizationId, 'activity.closed', {
        ...activityEventData(activity),
        closedAt: activity.closedAt.toISOString(),
        closeReason: reason,
        results: { ...results },
      });

      return { activity, alerts };
    });
    if (!outcome) {
      return undefined;
    }
    const { activity, alerts } = outcome;
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: activity.sessionId,
        activityId: id,
        reason: activity.closeReason,
        alerts: alerts.length,
      },
      'Activity closed',
    );
    await this.realtime.publish(ctx.organizationId, activity.sessionId, 'activityChanged', [
      activityChangeEvent(activity, 'closed', activity.closedAt as Date),
    ]);
    this.results.schedule(ctx.organizationId, activity.sessionId, id);
    await this.alertRules.publish(ctx, alerts);

    return activity;
  }

  private async lockForInstructor(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    action: string,
  ): Promise<Activity> {
    const activity = await manager.findOne(Activity, {
      where: { id, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (
      !activity ||
      (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== activity.sessionId)
    ) {
      throw ActivityErrors.notFound(id, 'id');
    }
    assertInstructorOf(ctx, activity.sessionId, action);

    return activity;
  }

  /** Raises BAD_USER_INPUT unless the code is an objective of a curriculum of the session's enrollments. */
  private async checkObjective(
    ctx: RequestContext,
    sessionId: string,
    code: string,
  ): Promise<void> {
    const links = await this.sessions.findEnrollmentIds(ctx, [sessionId]);
    const enrollments = await this.enrollments.findByIds(
      ctx,
      links.map((link) => link.enrollmentId),
    );
    const curriculumIds = [...new Set(enrollments.map((enrollment) => enrollment.curriculumId))];
    for (const curriculumId of curriculumIds) {
      try {
        await this.curricula.findObjectivesByCodes(ctx, curriculumId, [code], 'objectiveCode');

        return;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== ErrorCode.NotFound) {
          throw error;
        }
      }
    }
    throw ActivityErrors.unknownObjective(code);
  }
}

/** True when an open activity's time limit has passed. */
export function isExpired(activity: Activity, now = new Date()): boolean {
  return (
    activity.status === 'open' &&
    activity.closesAt !== null &&
    activity.closesAt.getTime() <= now.getTime()
  );
}
