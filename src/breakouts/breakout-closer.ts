import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { RequestContext, systemContext } from '../common/request-context';
import { JobHandler } from '../jobs/job-handler';
import { Job, JobData } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { LivekitService } from '../sessions/livekit.service';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { BreakoutActivityResults } from './activity-results';
import { BreakoutBoards } from './breakout-boards';
import { BreakoutCloseReason, BreakoutGroup, BreakoutMember } from './breakout-group.entity';
import { BreakoutGroupOutput, BreakoutOutputMember } from './breakout-output';
import { BreakoutPublisher } from './breakout-publisher';
import { BreakoutStatusReader } from './breakout-status.reader';
import { recordDomainEvent } from '../webhooks/domain-events';

/** Job kind that closes one group when its time limit passes. */
export const BREAKOUT_CLOSE_JOB = 'breakout.close';

/** Payload of a `breakout.close` job. */
export interface BreakoutCloseJobPayload extends Record<string, unknown> {
  groupId: string;
  sessionId: string;
}

/** Returns the fields of a closed group that `breakout.closed` carries, without the board snapshot. */
function closedGroupEventData(group: BreakoutGroup): Record<string, unknown> {
  const output = group.output;

  return {
    breakoutGroupId: group.id,
    name: group.name,
    position: group.position,
    participantIds: output?.members.map((member) => member.participantId) ?? [],
    boardId: group.boardId,
    activity: output?.activity ? { ...output.activity } : null,
    helpRequestCount: output?.helpRequests.length ?? 0,
  };
}

/**
 * Closes breakout groups: by an instructor, at their time limit (when read, or by the
 * `breakout.close` job) or once the session is no longer live. Closing ends every assignment,
 * stores the group's output and deletes its LiveKit room, which disconnects everyone in it.
 */
@Injectable()
export class BreakoutCloser implements JobHandler, OnModuleInit {
  private readonly logger = new Logger(BreakoutCloser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly livekit: LivekitService,
    private readonly boards: BreakoutBoards,
    private readonly activityResults: BreakoutActivityResults,
    private readonly statusReader: BreakoutStatusReader,
    private readonly publisher: BreakoutPublisher,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(BREAKOUT_CLOSE_JOB, this, { timeoutMs: 60_000 });
    // Everyone returns to the main session when it ends, so its open groups close at once.
    this.sessions.onSessionEnded(async (ctx, session) => {
      await this.closeDue(ctx, session.id);
    });
  }

  /** Queues the job that closes the group at its time limit, in the caller's transaction. */
  async scheduleClose(
    manager: EntityManager,
    ctx: RequestContext,
    group: BreakoutGroup,
  ): Promise<void> {
    const payload: BreakoutCloseJobPayload = { groupId: group.id, sessionId: group.sessionId };
    await this.jobs.enqueue(manager, {
      organizationId: ctx.organizationId,
      kind: BREAKOUT_CLOSE_JOB,
      payload,
      runAt: group.closesAt,
      uniqueKey: `breakout-close:${group.id}`,
    });
  }

  async run(job: Job): Promise<JobData> {
    const { groupId, sessionId } = job.payload as Partial<BreakoutCloseJobPayload>;
    if (typeof groupId !== 'string' || typeof sessionId !== 'string') {
      return { skipped: true, reason: 'payload without groupId and sessionId' };
    }
    const ctx = systemContext(job.organizationId, `job:${job.id}`);
    const closed = await this.closeDue(ctx, sessionId);

    return { groupId, closed: closed.map((group) => group.id) };
  }

  /**
   * Closes the session's open groups whose time limit has passed, or all of them when the
   * session is no longer live. Returns the groups it closed.
   */
  async closeDue(ctx: RequestContext, sessionId: string): Promise<BreakoutGroup[]> {
    const session = await this.dataSource.manager.findOneBy(Session, {
      id: sessionId,
      organizationId: ctx.organizationId,
    });
    if (!session) {
      return [];
    }
    const live = session.status === 'live';
    const due = await this.dataSource.manager.find(BreakoutGroup, {
      where: {
        organizationId: ctx.organizationId,
        sessionId,
        status: 'open',
        ...(live ? { closesAt: LessThanOrEqual(new Date()) } : {}),
      },
    });
    if (due.length === 0) {
      return [];
    }

    return this.close(ctx, sessionId, due, live ? 'time_limit' : 'session_ended');
  }

  /**
   * Closes the given groups of one session; groups that another request closed first are left
   * as they are. Returns the groups this call closed.
   */
  async close(
    ctx: RequestContext,
    sessionId: string,
    groups: readonly BreakoutGroup[],
    reason: BreakoutCloseReason,
  ): Promise<BreakoutGroup[]> {
    if (groups.length === 0) {
      return [];
    }
    // Board snapshots come from the whiteboard module's own reads, so they are taken before
    // the transaction that stores them. They are read as background work because a student's
    // read may be what closes a group past its time limit.
    const boardReader = systemContext(ctx.organizationId, ctx.requestId);
    const boards = new Map<string, Record<string, unknown> | null>();
    for (const group of groups) {
      if (group.boardId) {
        boards.set(group.id, await this.boards.snapshot(boardReader, group.boardId));
      }
    }
    const closed = await this.dataSource.transaction(async (manager) => {
      const open = await manager.find(BreakoutGroup, {
        where: {
          organizationId: ctx.organizationId,
          sessionId,
          id: In(groups.map((group) => group.id)),
          status: 'open',
        },
        order: { position: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const closedAt = new Date();
      const activity = await this.activityResults.summarize(
        manager,
        ctx,
        open.map((group) => group.id),
      );
      for (const group of open) {
        const output: BreakoutGroupOutput = Object.assign(new BreakoutGroupOutput(), {
          members: await this.currentMembers(manager, ctx, group),
          board: boards.get(group.id) ?? null,
          activity: activity.get(group.id) ?? null,
          helpRequests: await this.statusReader.helpRequests(manager, ctx, group),
        });
        await manager.update(
          BreakoutGroup,
          { id: group.id, organizationId: ctx.organizationId },
          // The output is stored whole as jsonb; TypeORM's deep-partial type does not fit a free-form board snapshot.
          { status: 'closed', closedAt, closedReason: reason, output: output as never },
        );
        await manager.update(
          BreakoutMember,
          { groupId: group.id, organizationId: ctx.organizationId, endedAt: IsNull() },
          { endedAt: closedAt },
        );
        Object.assign(group, { status: 'closed', closedAt, closedReason: reason, output });
      }
      if (open.length > 0) {
        await recordDomainEvent(manager, ctx.organizationId, 'breakout.closed', {
          sessionId,
          reason,
          closedAt: closedAt.toISOString(),
          groups: open.map((group) => closedGroupEventData(group)),
        });
      }

      return open;
    });
    for (const group of closed) {
      this.logger.log(
        { organizationId: ctx.organizationId, sessionId, breakoutGroupId: group.id, reason },
        'Breakout group closed',
      );
      await this.livekit.closeRoom(group.livekitRoomName, {
        organizationId: ctx.organizationId,
        sessionId,
        breakoutGroupId: group.id,
      });
    }
    if (closed.length > 0) {
      await this.publisher.publishStatus(ctx, sessionId);
    }

    return closed;
  }

  private async currentMembers(
    manager: EntityManager,
    ctx: RequestContext,
    group: BreakoutGroup,
  ): Promise<BreakoutOutputMember[]> {
    const rows: { participant_id: string; display_name: string }[] = await manager.query(
      `SELECT m.participant_id, p.display_name
         FROM breakout_members m
         JOIN participants p ON p.id = m.participant_id AND p.organization_id = m.organization_id
        WHERE m.organization_id = $1 AND m.group_id = $2 AND m.ended_at IS NULL
        ORDER BY p.display_name, m.participant_id`,
      [ctx.organizationId, group.id],
    );

    return rows.map((row) =>
      Object.assign(new BreakoutOutputMember(), {
        participantId: row.participant_id,
        displayName: row.display_name,
      }),
    );
  }
}
