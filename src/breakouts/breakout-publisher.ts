import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { ActivityResponsesService } from '../activities/activity-responses.service';
import { RealtimeEvents } from '../realtime/realtime-events';
import { BoardOperationsService } from '../whiteboard/board-operations.service';
import { BreakoutMessage } from './breakout-group.entity';
import { findGroups } from './breakout-rows';
import { BreakoutStatusReader } from './breakout-status.reader';
import { BreakoutStatus } from './dto/breakout-views';

/** Reads the live status of a session's groups and sends it and broadcast messages to subscribers. */
@Injectable()
export class BreakoutPublisher implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly realtime: RealtimeEvents,
    private readonly statusReader: BreakoutStatusReader,
    private readonly boardOperations: BoardOperationsService,
    private readonly responses: ActivityResponsesService,
  ) {}

  /** Sends the status when a group's board or task progress changes, since both are part of it. */
  onModuleInit(): void {
    this.boardOperations.onOperationsStored(async (ctx, board) => {
      if (board.breakoutGroupId) {
        await this.publishStatus(ctx, board.sessionId);
      }
    });
    // Responses to a group's linked activity are its task progress.
    this.responses.onResponseStored(async (ctx, activity) => {
      if (
        this.realtime.mayHaveSubscribers(
          ctx.organizationId,
          activity.sessionId,
          'breakoutStatusChanged',
        ) &&
        (await this.worksOn(ctx, activity.sessionId, activity.id))
      ) {
        await this.publishStatus(ctx, activity.sessionId);
      }
    });
  }

  /** True when an open group of the session has the activity as its task. */
  private async worksOn(
    ctx: RequestContext,
    sessionId: string,
    activityId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM breakout_groups
        WHERE organization_id = $1 AND session_id = $2 AND activity_id = $3 AND status = 'open'
        LIMIT 1`,
      [ctx.organizationId, sessionId, activityId],
    );

    return rows.length > 0;
  }

  /** Reads the live status of every group of the session; the caller has checked access. */
  async readStatus(ctx: RequestContext, sessionId: string): Promise<BreakoutStatus> {
    const manager = this.dataSource.manager;
    const groups = await findGroups(manager, ctx, sessionId);

    return Object.assign(new BreakoutStatus(), {
      sessionId,
      readAt: new Date(),
      groups: await this.statusReader.read(manager, ctx, groups),
    });
  }

  /**
   * Sends the session's current status to `breakoutStatusChanged` subscribers. Call it after
   * the change has committed; it reads nothing when no replica has a subscriber.
   */
  async publishStatus(ctx: RequestContext, sessionId: string): Promise<void> {
    if (!this.realtime.mayHaveSubscribers(ctx.organizationId, sessionId, 'breakoutStatusChanged')) {
      return;
    }
    const status = await this.readStatus(ctx, sessionId);
    await this.realtime.publish(ctx.organizationId, sessionId, 'breakoutStatusChanged', [status]);
  }

  /** Sends a committed broadcast message to `breakoutMessagePosted` subscribers. */
  publishMessage(ctx: RequestContext, message: BreakoutMessage): Promise<void> {
    return this.realtime.publish(ctx.organizationId, message.sessionId, 'breakoutMessagePosted', [
      message,
    ]);
  }
}
