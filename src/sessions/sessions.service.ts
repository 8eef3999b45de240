import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { JobsService } from '../jobs/jobs.service';
import { RealtimeEvents } from '../realtime/realtime-events';
import { queueRecapGeneration } from '../recaps/recap-queue';
import { Room } from '../rooms/room.entity';
import { RoomErrors } from '../rooms/rooms.errors';
import { RoomsService } from '../rooms/rooms.service';
import { CreateSessionInput } from './dto/create-session.input';
import { sessionStatusEvent } from './dto/session-status-change';
import { SessionFilter } from './dto/session-filter';
import { LivekitService } from './livekit.service';
import { Participant } from './participant.entity';
import { endActivePhase, publishPhaseTransitions } from './session-phase-log';
import { SessionPhase } from './session-phase.entity';
import { insertLinks, insertParticipants, insertPhases } from './session-rows';
import { SessionPlanner } from './session-planner';
import { parseSchedule } from './session-schedule';
import { Session, SessionEnrollment, SessionStatus } from './session.entity';
import { SessionAction, SessionErrors } from './sessions.errors';
import { runAfterCommit } from '../common/after-commit';
import { recordDomainEvent } from '../webhooks/domain-events';
import { WebhookEventType } from '../webhooks/event-types';

/** A session with everything that hangs off it. */
export interface SessionWithRelations {
  session: Session;
  room: Room;
  phases: SessionPhase[];
  participants: Participant[];
  enrollmentIds: string[];
}

/** Sort key of session lists and cursors. */
export const sessionSortValue = (session: Session): string => session.scheduledStart.toISOString();

/** The webhook event type of each status a session can move to. */
const SESSION_EVENT_TYPES: Record<SessionStatus, WebhookEventType> = {
  scheduled: 'session.created',
  live: 'session.started',
  ended: 'session.ended',
  documented: 'session.documented',
  cancelled: 'session.cancelled',
};

/** The data of a session event: the session's schedule and status, and the status before. */
function sessionEventData(
  session: Session,
  previousStatus: SessionStatus | null,
): Record<string, unknown> {
  return {
    sessionId: session.id,
    roomId: session.roomId,
    title: session.title,
    status: session.status,
    previousStatus,
    scheduledStart: session.scheduledStart.toISOString(),
    scheduledEnd: session.scheduledEnd.toISOString(),
    timeZone: session.timeZone,
    actualStart: session.actualStart?.toISOString() ?? null,
    actualEnd: session.actualEnd?.toISOString() ?? null,
  };
}

/** Work that another module runs after a session has ended. */
export type SessionEndedListener = (ctx: RequestContext, session: Session) => Promise<void>;

/** Work that another module runs in the transaction that moves a session to documented. */
export type SessionDocumentedListener = (
  ctx: RequestContext,
  session: Session,
  manager: EntityManager,
) => Promise<void>;

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly endedListeners: SessionEndedListener[] = [];
  private readonly documentedListeners: SessionDocumentedListener[] = [];
  private readonly createdListeners: SessionDocumentedListener[] = [];
  private readonly cancelledListeners: SessionDocumentedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(SessionPhase) private readonly phases: Repository<SessionPhase>,
    @InjectRepository(SessionEnrollment) private readonly links: Repository<SessionEnrollment>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly rooms: RoomsService,
    private readonly planner: SessionPlanner,
    private readonly livekit: LivekitService,
    private readonly jobs: JobsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  /** Creates a session with its lesson plan, its enrollments and a participant per enrolled person. */
  async create(ctx: RequestContext, input: CreateSessionInput): Promise<Session> {
    const schedule = parseSchedule(input.scheduledStart, input.scheduledEnd);
    const room = await this.rooms.get(ctx, input.roomId, 'roomId');
    if (room.archivedAt) {
      throw RoomErrors.archived(room.id);
    }
    const plan = await this.planner.planRoster(ctx, input.enrollmentIds);
    const phases = input.phases ?? [];
    await this.planner.checkObjectives(ctx, plan.enrollments, phases);
    phases.forEach((phase, index) => {
      const missing = (phase.tools ?? []).filter((tool) => !room.enabledTools.includes(tool));
      if (missing.length > 0) {
        throw SessionErrors.toolsNotInRoom(index, missing, room.enabledTools);
      }
    });
    if (plan.participants.length > room.capacity) {
      throw SessionErrors.tooManyParticipants(plan.participants.length, room.capacity);
    }

    const id = randomUUID();
    const session = this.sessions.create({
      id,
      organizationId: ctx.organizationId,
      roomId: room.id,
      title: input.title,
      status: 'scheduled',
      ...schedule,
      timeZone: input.timeZone,
      actualStart: null,
      actualEnd: null,
      cancelledAt: null,
      livekitRoomName: `${room.livekitRoomPrefix}-${id.replace(/-/g, '')}`,
    });
    const saved = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(session);
      await insertPhases(manager, created, phases);
      await insertLinks(manager, created, input.enrollmentIds);
      await insertParticipants(manager, created, plan.participants);
      await recordDomainEvent(
        manager,
        ctx.organizationId,
        'session.created',
        sessionEventData(created, null),
      );
      for (const listener of this.createdListeners) {
        await listener(ctx, created, manager);
      }

      return created;
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId: id, roomId: room.id },
      'Session created',
    );

    return saved;
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Session> {
    const session = await this.sessions.findOneBy({ id, organizationId: ctx.organizationId });
    if (!session) {
      throw SessionErrors.notFound(id, field);
    }

    return session;
  }

  async getWithRelations(ctx: RequestContext, id: string): Promise<SessionWithRelations> {
    const session = await this.get(ctx, id);
    const [room, phases, participants, enrollmentIds] = await Promise.all([
      this.rooms.get(ctx, session.roomId, 'roomId'),
      this.findPhases(ctx, [id]),
      this.findParticipants(ctx, [id]),
      this.findEnrollmentIds(ctx, [id]),
    ]);

    return {
      session,
      room,
      phases,
      participants,
      enrollmentIds: enrollmentIds.map((l) => l.enrollmentId),
    };
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Session[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }

    return this.sessions.findBy({ id: In([...ids]), organizationId: ctx.organizationId });
  }

  list(ctx: RequestContext, filter: SessionFilter, page: PageRequest): Promise<Page<Session>> {
    const query = this.sessions
      .createQueryBuilder('session')
      .where('session.organizationId = :organizationId', { organizationId: ctx.organizationId });
    if (filter.roomId) {
      query.andWhere('session.roomId = :roomId', { roomId: filter.roomId });
    }
    if (filter.status) {
      query.andWhere('session.status = :status', { status: filter.status });
    }
    if (filter.enrollmentId) {
      query.andWhere(
        'session.id IN (SELECT link.session_id FROM session_enrollments link ' +
          'WHERE link.organization_id = :organizationId AND link.enrollment_id = :enrollmentId)',
        { enrollmentId: filter.enrollmentId },
      );
    }
    if (filter.from) {
      query.andWhere('session.scheduledStart >= :from', { from: new Date(filter.from) });
    }
    if (filter.to) {
      query.andWhere('session.scheduledStart < :to', { to: new Date(filter.to) });
    }

    return paginate(query, page, {
      sortColumn: 'session.scheduledStart',
      idColumn: 'session.id',
      sortValue: sessionSortValue,
    });
  }

  /** Moves a scheduled session to live and opens its LiveKit room when LiveKit is configured. */
  async start(ctx: RequestContext, id: string): Promise<Session> {
    const session = await this.transition(ctx, id, 'start', {
      status: 'live',
      actualStart: new Date(),
    });
    await this.publishStatusChange(ctx, session, 'scheduled');
    const room = await this.rooms.get(ctx, session.roomId, 'roomId');
    await this.livekit.openRoom(session.livekitRoomName, room.capacity, this.ids(ctx, session));

    return session;
  }

  /**
   * Registers work that runs after a session has ended and the change has committed, such as
   * closing its breakout groups. A failure is logged and does not undo the end.
   */
  onSessionEnded(listener: SessionEndedListener): void {
    this.endedListeners.push(listener);
  }

  /**
   * Moves a live session to ended and marks its active phase done. afterEnd runs in the same
   * transaction, and the LiveKit room closes after the commit.
   */
  async end(ctx: RequestContext, id: string): Promise<Session> {
    const { session, phaseTransitions } = await this.dataSource.transaction(async (manager) => {
      const actualEnd = new Date();
      const ended = await this.transition(ctx, id, 'end', { status: 'ended', actualEnd }, manager);
      const endedPhases = await endActivePhase(manager, ctx, id, actualEnd);
      await this.afterEnd(ctx, ended, manager);

      return { session: ended, phaseTransitions: endedPhases };
    });
    await this.publishStatusChange(ctx, session, 'live');
    await publishPhaseTransitions(this.realtime, ctx, session.id, phaseTransitions);
    await runAfterCommit(
      this.endedListeners,
      [ctx, session],
      this.logger,
      this.ids(ctx, session),
      'Work after the session ended failed',
    );
    await this.livekit.closeRoom(session.livekitRoomName, this.ids(ctx, session));

    return session;
  }

  async cancel(ctx: RequestContext, id: string): Promise<Session> {
    const session = await this.dataSource.transaction(async (manager) => {
      const cancelled = await this.transition(
        ctx,
        id,
        'cancel',
        { status: 'cancelled', cancelledAt: new Date() },
        manager,
      );
      for (const listener of this.cancelledListeners) {
        await listener(ctx, cancelled, manager);
      }

      return cancelled;
    });
    await this.publishStatusChange(ctx, session, 'scheduled');

    return session;
  }

  /**
   * Sends a `sessionStatusChanged` event. Call it only after the transaction that changed the
   * status has committed, so subscribers never see a change that was rolled back.
   */
  publishStatusChange(
    ctx: RequestContext,
    session: Session,
    previousStatus: SessionStatus,
  ): Promise<void> {
    return this.realtime.publish(ctx.organizationId, session.id, 'sessionStatusChanged', [
      sessionStatusEvent(session, previousStatus),
    ]);
  }

  /**
   * Moves an ended session to documented inside the caller's transaction. Raises NOT_FOUND for
   * another organization's session, and CONFLICT unless the session is ended. The caller
   * publishes the change with publishStatusChange after its transaction commits.
   */
  async markDocumented(
    ctx: RequestContext,
    sessionId: string,
    manager: EntityManager,
  ): Promise<Session> {
    const session = await this.transition(
      ctx,
      sessionId,
      'document',
      { status: 'documented' },
      manager,
      'sessionId',
    );
    for (const listener of this.documentedListeners) {
      await listener(ctx, session, manager);
    }

    return session;
  }

  /**
   * Registers work that runs inside markDocumented's transaction, such as updating progress
   * records. The listener must use only the given manager; an error it raises rolls back the
   * whole change, so the session stays ended.
   */
  onSessionDocumented(listener: SessionDocumentedListener): void {
    this.documentedListeners.push(listener);
  }

  /** Registers work that runs in the transaction that creates a session, such as scheduling reminders. */
  onSessionCreated(listener: SessionDocumentedListener): void {
    this.createdListeners.push(listener);
  }

  /** Registers work that runs in the transaction that cancels a session. */
  onSessionCancelled(listener: SessionDocumentedListener): void {
    this.cancelledListeners.push(listener);
  }

  /** Runs in endSession's transaction, so work queued here commits together with the end. */
  protected async afterEnd(
    ctx: RequestContext,
    session: Session,
    manager: EntityManager,
  ): Promise<void> {
    const recap = await queueRecapGeneration(this.jobs, manager, {
      organizationId: ctx.organizationId,
      sessionId: session.id,
      trigger: 'session_ended',
    });
    this.logger.log(
      { ...this.ids(ctx, session), recapId: recap.id, jobId: recap.jobId },
      'Session ended; recap queued',
    );
  }

  findPhases(ctx: RequestContext, sessionIds: readonly string[]): Promise<SessionPhase[]> {
    return this.phases.find({
      where: { organizationId: ctx.organizationId, sessionId: In([...sessionIds]) },
      order: { sessionId: 'ASC', position: 'ASC' },
    });
  }

  findParticipants(ctx: RequestContext, sessionIds: readonly string[]): Promise<Participant[]> {
    return this.participants.find({
      where: { organizationId: ctx.organizationId, sessionId: In([...sessionIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Finds the session that uses a LiveKit room, in any organization. Only for callers that are
   * authenticated without an organization, such as signed LiveKit webhooks.
   */
  findByLivekitRoomName(roomName: string): Promise<Session | null> {
    return this.sessions.findOneBy({ livekitRoomName: roomName });
  }

  /** Returns every participant row of a student, across the organization's sessions. */
  findStudentParticipants(ctx: RequestContext, studentId: string): Promise<Participant[]> {
    return this.participants.find({
      where: { organizationId: ctx.organizationId, studentId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findEnrollmentIds(
    ctx: RequestContext,
    sessionIds: readonly string[],
  ): Promise<SessionEnrollment[]> {
    return this.links.find({
      where: { organizationId: ctx.organizationId, sessionId: In([...sessionIds]) },
      order: { enrollmentId: 'ASC' },
    });
  }

  /**
   * Locks the session row, checks that the action is allowed from its status and applies the
   * changes. Runs in the given transaction, or in a new one.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    action: SessionAction,
    changes: Partial<Session> & { status: SessionStatus },
    manager?: EntityManager,
    field = 'id',
  ): Promise<Session> {
    if (!manager) {
      return this.dataSource.transaction((own) =>
        this.transition(ctx, id, action, changes, own, field),
      );
    }
    const session = await manager.findOne(Session, {
      where: { id, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) {
      throw SessionErrors.notFound(id, field);
    }
    SessionErrors.assertAllowed(action, session.status);
    await manager.update(Session, { id, organizationId: ctx.organizationId }, changes);
    this.logger.log(
      { ...this.ids(ctx, session), from: session.status, to: changes.status },
      'Session status changed',
    );
    const changed = await manager.findOneOrFail(Session, {
      where: { id, organizationId: ctx.organizationId },
    });
    await recordDomainEvent(
      manager,
      ctx.organizationId,
      SESSION_EVENT_TYPES[changes.status],
      sessionEventData(changed, session.status),
    );

    return changed;
  }

  private ids(ctx: RequestContext, session: Session): Record<string, string> {
    return { organizationId: ctx.organizationId, sessionId: session.id };
  }
}
