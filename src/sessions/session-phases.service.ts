import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { badInput } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertInstructorOf } from '../realtime/session-access';
import { SessionPhaseTiming, SessionPhaseTimings } from './dto/session-phase-timings';
import {
  actualMinutes,
  endActivePhase,
  publishPhaseTransitions,
  recordTransitions,
  roundMinutes,
} from './session-phase-log';
import { MAX_PHASES, SessionPhase } from './session-phase.entity';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { Session } from './session.entity';
import { SessionErrors } from './sessions.errors';

/** The locked live session and its phases in plan order, as read inside a phase change. */
interface LiveLessonPlan {
  session: Session;
  phases: SessionPhase[];
}

/**
 * Live control of a session's lesson phases. Every change locks the session row, requires the
 * session to be live, records its transitions in the same transaction and publishes them to
 * `sessionPhaseChanged` subscribers after the commit.
 */
@Injectable()
export class SessionPhasesService {
  private readonly logger = new Logger(SessionPhasesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SessionPhaseTransition)
    private readonly transitions: Repository<SessionPhaseTransition>,
    private readonly realtime: RealtimeEvents,
  ) {}

  /** Starts a planned phase and ends the active one, if any. */
  startPhase(ctx: RequestContext, sessionId: string, phaseId: string): Promise<Session> {
    return this.change(ctx, sessionId, async (manager, plan, now) => {
      const phase = plan.phases.find((candidate) => candidate.id === phaseId);
      if (!phase) {
        throw SessionErrors.phaseNotFound(phaseId);
      }
      if (phase.status !== 'planned') {
        throw SessionErrors.phaseNotPlanned(phaseId, phase.status, 'start');
      }
      const ended = await endActivePhase(manager, ctx, sessionId, now);
      const started = await this.begin(manager, ctx, phase, now);

      return [...ended, ...started];
    });
  }

  /**
   * Ends the active phase and starts the first planned phase in plan order. When no phase is
   * planned, it only ends the active one. Raises CONFLICT when there is neither.
   */
  advancePhase(ctx: RequestContext, sessionId: string): Promise<Session> {
    return this.change(ctx, sessionId, async (manager, plan, now) => {
      const next = plan.phases.find((phase) => phase.status === 'planned');
      const hasActive = plan.phases.some((phase) => phase.status === 'active');
      if (!next && !hasActive) {
        throw SessionErrors.noPhaseToAdvance();
      }
      const ended = await endActivePhase(manager, ctx, sessionId, now);
      const started = next ? await this.begin(manager, ctx, next, now) : [];

      return [...ended, ...started];
    });
  }

  /** Marks a planned phase skipped, so advancing passes over it. */
  skipPhase(ctx: RequestContext, sessionId: string, phaseId: string): Promise<Session> {
    return this.change(ctx, sessionId, async (manager, plan, now) => {
      const phase = plan.phases.find((candidate) => candidate.id === phaseId);
      if (!phase) {
        throw SessionErrors.phaseNotFound(phaseId);
      }
      if (phase.status !== 'planned') {
        throw SessionErrors.phaseNotPlanned(phaseId, phase.status, 'skip');
      }
      await manager.update(
        SessionPhase,
        { id: phase.id, organizationId: ctx.organizationId },
        { status: 'skipped' },
      );

      return recordTransitions(manager, ctx, [phase], 'skipped', now);
    });
  }

  /**
   * Puts the planned phases in the given order. They take the plan positions that planned
   * phases held before, so active, done and skipped phases keep their places.
   */
  reorderPhases(ctx: RequestContext, sessionId: string, phaseIds: string[]): Promise<Session> {
    if (phaseIds.length > MAX_PHASES) {
      // The GraphQL argument has no validation pipe, so the REST body limit is checked here too.
      throw badInput(
        'phaseIds',
        `phaseIds has ${phaseIds.length} ids, but a session has at most ${MAX_PHASES} phases. List each planned phase once.`,
        'TOO_MANY_PHASE_IDS',
      );
    }

    return this.change(ctx, sessionId, async (manager, plan, now) => {
      const planned = plan.phases.filter((phase) => phase.status === 'planned');
      checkOrder(planned, phaseIds);
      const byId = new Map(planned.map((phase) => [phase.id, phase]));
      const positions = planned.map((phase) => phase.position);
      const reordered = phaseIds.map((id, index) =>
        Object.assign(byId.get(id) as SessionPhase, { position: positions[index] }),
      );
      // (session_id, position) is unique and checked row by row, so the phases first move to
      // free negative positions and then to their new ones.
      for (const [index, phase] of reordered.entries()) {
        await manager.update(
          SessionPhase,
          { id: phase.id, organizationId: ctx.organizationId },
          { position: -1 - index },
        );
      }
      for (const phase of reordered) {
        await manager.update(
          SessionPhase,
          { id: phase.id, organizationId: ctx.organizationId },
          { position: phase.position },
        );
      }

      return recordTransitions(manager, ctx, reordered, 'reordered', now);
    });
  }

  /** Reads the session's lesson plan with planned and actual minutes per phase. */
  async readTimings(ctx: RequestContext, sessionId: string): Promise<SessionPhaseTimings> {
    const session = await this.getSession(ctx, sessionId);
    const phases = await this.dataSource.manager.find(SessionPhase, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { position: 'ASC' },
    });
    const now = new Date();
    const timed = phases.map((phase) =>
      Object.assign(new SessionPhaseTiming(), phase, { actualMinutes: actualMinutes(phase, now) }),
    );

    return Object.assign(new SessionPhaseTimings(), {
      sessionId,
      sessionStatus: session.status,
      currentPhaseId: phases.find((phase) => phase.status === 'active')?.id ?? null,
      plannedMinutes: phases.reduce((sum, phase) => sum + phase.plannedMinutes, 0),
      actualMinutes: roundMinutes(
        timed.reduce((sum, phase) => sum + (phase.actualMinutes ?? 0), 0),
      ),
      phases: timed,
    });
  }

  /** Returns one session's phase transitions in the order they happened. */
  async listTransitions(ctx: RequestContext, sessionId: string): Promise<SessionPhaseTransition[]> {
    await this.getSession(ctx, sessionId);

    return this.findTransitions(ctx, [sessionId]);
  }

  /** Returns the sessions' phase transitions, each session's in the order they happened. */
  findTransitions(
    ctx: RequestContext,
    sessionIds: readonly string[],
  ): Promise<SessionPhaseTransition[]> {
    if (sessionIds.length === 0) {
      return Promise.resolve([]);
    }

    return this.transitions.find({
      where: { organizationId: ctx.organizationId, sessionId: In([...sessionIds]) },
      order: { sessionId: 'ASC', sequence: 'ASC' },
    });
  }

  private async getSession(ctx: RequestContext, sessionId: string): Promise<Session> {
    const session = await this.dataSource.manager.findOneBy(Session, {
      id: sessionId,
      organizationId: ctx.organizationId,
    });
    if (!session) {
      throw SessionErrors.notFound(sessionId);
    }

    return session;
  }

  private async begin(
    manager: EntityManager,
    ctx: RequestContext,
    phase: SessionPhase,
    startedAt: Date,
  ): Promise<SessionPhaseTransition[]> {
    await manager.update(
      SessionPhase,
      { id: phase.id, organizationId: ctx.organizationId },
      { status: 'active', startedAt, endedAt: null },
    );

    return recordTransitions(manager, ctx, [phase], 'started', startedAt);
  }

  /**
   * Runs one phase change in a transaction on the locked live session, then publishes the
   * transitions it recorded and returns the session.
   */
  private async change(
    ctx: RequestContext,
    sessionId: string,
    apply: (
      manager: EntityManager,
      plan: LiveLessonPlan,
      now: Date,
    ) => Promise<SessionPhaseTransition[]>,
  ): Promise<Session> {
    assertInstructorOf(ctx, sessionId, 'change lesson phases');
    const { session, transitions } = await this.dataSource.transaction(async (manager) => {
      const plan = await this.lockLivePlan(manager, ctx, sessionId);
      const recorded = await apply(manager, plan, new Date());

      return { session: plan.session, transitions: recorded };
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId,
        transitions: transitions.map((transition) => `${transition.action}:${transition.phaseId}`),
      },
      'Session phases changed',
    );
    await publishPhaseTransitions(this.realtime, ctx, sessionId, transitions);

    return session;
  }

  private async lockLivePlan(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<LiveLessonPlan> {
    const session = await manager.findOne(Session, {
      where: { id: sessionId, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }
    SessionErrors.assertAllowed('change phases', session.status);
    const phases = await manager.find(SessionPhase, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { position: 'ASC' },
    });

    return { session, phases };
  }
}

/** Raises BAD_USER_INPUT unless `phaseIds` lists every planned phase exactly once. */
function checkOrder(planned: SessionPhase[], phaseIds: string[]): void {
  const plannedIds = new Set(planned.map((phase) => phase.id));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of phaseIds) {
    if (seen.has(id)) {
      duplicates.add(id);
    }
    seen.add(id);
  }
  const missing = [...plannedIds].filter((id) => !seen.has(id));
  const unexpected = [...seen].filter((id) => !plannedIds.has(id));
  if (missing.length > 0 || unexpected.length > 0 || duplicates.size > 0) {
    throw SessionErrors.phaseOrderMismatch(missing, unexpected, [...duplicates]);
  }
}
