import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { Participant } from '../sessions/participant.entity';
import { PhaseToolGate } from '../sessions/phase-tool-gate';
import { Session } from '../sessions/session.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import { BreakoutActivityResults } from './activity-results';
import { assertRunsSession, assertSameSession } from './breakout-access';
import { BreakoutBoards } from './breakout-boards';
import { BreakoutCloser } from './breakout-closer';
import {
  BreakoutGroup,
  BreakoutMember,
  BreakoutStrategy,
  MAX_GROUPS_PER_SESSION,
  MAX_OPEN_GROUPS,
} from './breakout-group.entity';
import { BreakoutPublisher } from './breakout-publisher';
import { findGroups } from './breakout-rows';
import { BreakoutErrors } from './breakouts.errors';
import { CreateBreakoutGroupsInput } from './dto/create-breakout-groups.input';
import { BreakoutStatus } from './dto/breakout-views';
import { assignBalanced, assignRandom, countGroups, GroupCandidate } from './group-assignment';
import { recordDomainEvent } from '../webhooks/domain-events';

/** One group to insert: its name, task and members. */
interface PlannedGroup {
  name: string;
  instructions: string;
  participantIds: string[];
}

/** The session's participants and who is in an open group, read in the create transaction. */
interface Roster {
  participants: Map<string, Participant>;
  /** Participant id to the name of the open group they are in. */
  assigned: Map<string, string>;
  openGroups: number;
  totalGroups: number;
}

/** Creates, lists and reads the live status of breakout groups. */
@Injectable()
export class BreakoutsService {
  private readonly logger = new Logger(BreakoutsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly toolGate: PhaseToolGate,
    private readonly closer: BreakoutCloser,
    private readonly publisher: BreakoutPublisher,
    private readonly boards: BreakoutBoards,
    private readonly activityResults: BreakoutActivityResults,
    private readonly engagement: EngagementEventsService,
  ) {}

  /**
   * Opens a set of groups in a live session from its students, by the input's strategy. Every
   * group gets its own LiveKit room, an optional board and a job that closes it at the time limit.
   */
  async create(
    ctx: RequestContext,
    sessionId: string,
    input: CreateBreakoutGroupsInput,
  ): Promise<BreakoutGroup[]> {
    assertRunsSession(ctx, sessionId, 'create breakout groups');
    checkStrategyFields(input);
    await this.closer.closeDue(ctx, sessionId);

    const created = await this.dataSource.transaction(async (manager) => {
      const session = await this.lockLiveSession(manager, ctx, sessionId);
      await this.toolGate.assertToolEnabled(ctx, sessionId, 'breakouts', manager);
      const roster = await this.readRoster(manager, ctx, sessionId);
      const planned =
        input.strategy === 'manual'
          ? planManual(input, roster)
          : await this.planDealt(manager, ctx, sessionId, input, roster);
      const field = sizingField(input);
      if (roster.openGroups + planned.length > MAX_OPEN_GROUPS) {
        throw BreakoutErrors.tooManyGroups(field, planned.length, roster.openGroups);
      }
      if (roster.totalGroups + planned.length > MAX_GROUPS_PER_SESSION) {
        throw BreakoutErrors.tooManyGroups(field, planned.length, roster.openGroups);
      }
      if (
        input.activityId &&
        !(await this.activityResults.isSessionActivity(manager, ctx, sessionId, input.activityId))
      ) {
        throw BreakoutErrors.activityNotInSession(input.activityId);
      }

      const groups = await this.insertGroups(
        manager,
        ctx,
        session,
        input,
        planned,
        roster.totalGroups,
      );
      await recordDomainEvent(manager, ctx.organizationId, 'breakout.opened', {
        sessionId,
        strategy: input.strategy,
        activityId: input.activityId ?? null,
        groups: groups.map((group) => ({
          breakoutGroupId: group.id,
          name: group.name,
          position: group.position,
          participantIds: group.participantIds,
          boardId: group.boardId,
          closesAt: group.closesAt.toISOString(),
        })),
      });

      return groups;
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId,
        strategy: input.strategy,
        breakoutGroupIds: created.map((group) => group.id),
      },
      'Breakout groups created',
    );
    await this.publisher.publishStatus(ctx, sessionId);

    return created;
  }

  /** Lists the session's groups, open first; closes those past their time limit first. */
  async list(ctx: RequestContext, sessionId: string): Promise<BreakoutGroup[]> {
    assertSameSession(ctx, sessionId);
    await this.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);

    return findGroups(this.dataSource.manager, ctx, sessionId);
  }

  /** Returns one group of the session, or raises NOT_FOUND. */
  async get(ctx: RequestContext, sessionId: string, groupId: string): Promise<BreakoutGroup> {
    assertSameSession(ctx, sessionId);
    await this.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);

    return this.findGroup(ctx, sessionId, groupId);
  }

  /** Reads the live status of every group; instructors and API keys only. */
  async status(ctx: RequestContext, sessionId: string): Promise<BreakoutStatus> {
    assertRunsSession(ctx, sessionId, 'monitor breakout groups');
    await this.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);

    return this.publisher.readStatus(ctx, sessionId);
  }

  /** Closes one open group; raises CONFLICT when it is already closed. */
  async closeOne(ctx: RequestContext, sessionId: string, groupId: string): Promise<BreakoutGroup> {
    assertRunsSession(ctx, sessionId, 'close breakout groups');
    await this.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);
    const group = await this.findGroup(ctx, sessionId, groupId);
    if (group.status !== 'open') {
      throw BreakoutErrors.groupClosed(groupId);
    }
    const [closed] = await this.closer.close(ctx, sessionId, [group], 'closed_by_instructor');
    if (!closed) {
      throw BreakoutErrors.groupClosed(groupId);
    }

    return this.findGroup(ctx, sessionId, groupId);
  }

  /** Closes every open group of the session and returns them; an empty list when none is open. */
  async closeAll(ctx: RequestContext, sessionId: string): Promise<BreakoutGroup[]> {
    assertRunsSession(ctx, sessionId, 'close breakout groups');
    await this.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);
    const open = (await findGroups(this.dataSource.manager, ctx, sessionId)).filter(
      (group) => group.status === 'open',
    );
    const closed = await this.closer.close(ctx, sessionId, open, 'closed_by_instructor');

    return findGroups(
      this.dataSource.manager,
      ctx,
      sessionId,
      closed.map((group) => group.id),
    );
  }

  /**
   * Finds the group that uses a LiveKit room, across organizations, for LiveKit webhooks, which
   * name only the room. Returns null when no group uses it.
   */
  async findByLivekitRoomName(
    roomName: string,
  ): Promise<{ organizationId: string; sessionId: string; groupId: string } | null> {
    const group = await this.dataSource.manager.findOne(BreakoutGroup, {
      where: { livekitRoomName: roomName },
      select: { id: true, organizationId: true, sessionId: true },
    });

    return group
      ? { organizationId: group.organizationId, sessionId: group.sessionId, groupId: group.id }
      : null;
  }

  /** Returns the session, or raises NOT_FOUND for an unknown or other-organization id. */
  async getSession(ctx: RequestContext, sessionId: string): Promise<Session> {
    const session = await this.dataSource.manager.findOneBy(Session, {
      id: sessionId,
      organizationId: ctx.organizationId,
    });
    if (!session) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }

    return session;
  }

  /** Returns a group of the session with its member ids, or raises NOT_FOUND. */
  async findGroup(ctx: RequestContext, sessionId: string, groupId: string): Promise<BreakoutGroup> {
    const [group] = await findGroups(this.dataSource.manager, ctx, sessionId, [groupId]);
    if (!group) {
      throw BreakoutErrors.groupNotFound(groupId);
    }

    return group;
  }

  private async lockLiveSession(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<Session> {
    const session = await manager.findOne(Session, {
      where: { id: sessionId, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }
    if (session.status !== 'live') {
      throw BreakoutErrors.sessionNotLive(session.status);
    }

    return session;
  }

  private async readRoster(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<Roster> {
    const participants = await manager.find(Participant, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const assignedRows: { participant_id: string; name: string }[] = await manager.query(
      `SELECT m.participant_id, g.name
         FROM breakout_members m
         JOIN breakout_groups g ON g.id = m.group_id
        WHERE m.organization_id = $1 AND m.session_id = $2 AND m.ended_at IS NULL`,
      [ctx.organizationId, sessionId],
    );
    const [counts]: { open: string; total: string }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'open') AS open, count(*) AS total
         FROM breakout_groups WHERE organization_id = $1 AND session_id = $2`,
      [ctx.organizationId, sessionId],
    );

    return {
      participants: new Map(participants.map((participant) => [participant.id, participant])),
      assigned: new Map(assignedRows.map((row) => [row.participant_id, row.name])),
      openGroups: Number(counts?.open ?? 0),
      totalGroups: Number(counts?.total ?? 0),
    };
  }

  /** Plans random or balanced groups from the students who are not removed or assigned. */
  private async planDealt(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
    input: CreateBreakoutGroupsInput,
    roster: Roster,
  ): Promise<PlannedGroup[]> {
    const students = [...roster.participants.values()].filter(
      (participant) =>
        participant.role === 'student' &&
        !participant.removedAt &&
        !roster.assigned.has(participant.id),
    );
    if (students.length === 0) {
      throw BreakoutErrors.noStudents();
    }
    const groupCount = countGroups(students.length, input);
    if (groupCount > students.length) {
      throw BreakoutErrors.moreGroupsThanStudents('groupCount', groupCount, students.length);
    }
    const shares =
      input.strategy === 'balanced'
        ? await this.activityResults.correctShares(manager, ctx, sessionId)
        : new Map<string, number>();
    const candidates: GroupCandidate[] = students.map((student) => ({
      participantId: student.id,
      correctShare: shares.get(student.id) ?? null,
    }));
    const dealt =
      input.strategy === 'balanced'
        ? assignBalanced(candidates, groupCount)
        : assignRandom(candidates, groupCount);

    return dealt.map((participantIds, index) => ({
      name: `Group ${roster.totalGroups + index + 1}`,
      instructions: input.instructions,
      participantIds,
    }));
  }

  private async insertGroups(
    manager: EntityManager,
    ctx: RequestContext,
    session: Session,
    input: CreateBreakoutGroupsInput,
    planned: PlannedGroup[],
    existingGroups: number,
  ): Promise<BreakoutGroup[]> {
    const now = new Date();
    const closesAt = new Date(now.getTime() + input.timeLimitMinutes * 60_000);
    const groups: BreakoutGroup[] = [];
    for (const [index, plan] of planned.entries()) {
      const position = existingGroups + index + 1;
      const group = await manager.save(
        manager.create(BreakoutGroup, {
          organizationId: ctx.organizationId,
          sessionId: session.id,
          position,
          name: plan.name,
          strategy: input.strategy as BreakoutStrategy,
          instructions: plan.instructions,
          activityId: input.activityId ?? null,
          boardId: null,
          livekitRoomName: `${session.livekitRoomName}-breakout-${position}`,
          status: 'open',
          closesAt,
          closedAt: null,
          closedReason: null,
          output: null,
        }),
      );
      await manager.insert(
        BreakoutMember,
        plan.participantIds.map((participantId) => ({
          organizationId: ctx.organizationId,
          sessionId: session.id,
          groupId: group.id,
          participantId,
          assignedAt: now,
          endedAt: null,
        })),
      );
      if (input.createBoards) {
        group.boardId = await this.boards.createBoard(manager, ctx, {
          sessionId: session.id,
          breakoutGroupId: group.id,
          title: plan.name,
        });
        await manager.update(
          BreakoutGroup,
          { id: group.id, organizationId: ctx.organizationId },
          { boardId: group.boardId },
        );
      }
      await this.closer.scheduleClose(manager, ctx, group);
      group.participantIds = plan.participantIds;
      groups.push(group);
    }

    return groups;
  }
}

/** Returns the input field that sets the number of groups, for error messages. */
function sizingField(input: CreateBreakoutGroupsInput): string {
  if (input.strategy === 'manual') {
    return 'groups';
  }

  return input.groupCount ? 'groupCount' : 'groupSize';
}

/** Raises BAD_USER_INPUT when the sizing fields do not fit the strategy. */
function checkStrategyFields(input: CreateBreakoutGroupsInput): void {
  const sized = input.groupCount !== undefined && input.groupCount !== null;
  const bySize = input.groupSize !== undefined && input.groupSize !== null;
  if (input.strategy === 'manual') {
    if (!input.groups) {
      throw BreakoutErrors.strategyFields(
        'manual',
        'groups',
        'is required: list each group’s participantIds',
      );
    }
    if (sized || bySize) {
      throw BreakoutErrors.strategyFields(
        'manual',
        sized ? 'groupCount' : 'groupSize',
        'is not allowed: the groups list sets the groups',
      );
    }

    return;
  }
  if (input.groups) {
    throw BreakoutErrors.strategyFields(
      input.strategy,
      'groups',
      'is not allowed: use strategy "manual" to list groups, or leave groups out',
    );
  }
  if (sized === bySize) {
    throw BreakoutErrors.strategyFields(
      input.strategy,
      'groupCount',
      sized ? 'and groupSize cannot both be given: give one of them' : 'or groupSize is required',
    );
  }
}

/** Checks a manual assignment against the session's participants and returns the groups. */
function planManual(input: CreateBreakoutGroupsInput, roster: Roster): PlannedGroup[] {
  const seen = new Map<string, string>();
  const alreadyAssigned: { participantId: string; groupName: string }[] = [];
  const specs = input.groups ?? [];
  specs.forEach((spec, groupIndex) => {
    spec.participantIds.forEach((participantId, index) => {
      const field = `groups.${groupIndex}.participantIds.${index}`;
      const first = seen.get(participantId);
      if (first) {
        throw BreakoutErrors.duplicateParticipant(field, participantId, first);
      }
      seen.set(participantId, field);
      const participant = roster.participants.get(participantId);
      if (!participant) {
        throw BreakoutErrors.notAParticipant(field, participantId);
      }
      if (participant.role !== 'student') {
        throw BreakoutErrors.notAStudent(field, participantId, participant.role);
      }
      if (participant.removedAt) {
        throw BreakoutErrors.removedParticipant(field, participantId);
      }
      const groupName = roster.assigned.get(participantId);
      if (groupName !== undefined) {
        alreadyAssigned.push({ participantId, groupName });
      }
    });
  });
  if (alreadyAssigned.length > 0) {
    throw BreakoutErrors.alreadyInOpenGroup(alreadyAssigned);
  }

  return specs.map((spec, index) => ({
    name: spec.name ?? `Group ${roster.totalGroups + index + 1}`,
    instructions: spec.instructions ?? input.instructions,
    participantIds: spec.participantIds,
  }));
}
