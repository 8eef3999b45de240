import { Injectable, Logger } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { WhiteboardService } from '../whiteboard/whiteboard.service';

/** The whiteboards of breakout groups, made and read through the whiteboard module. */
@Injectable()
export class BreakoutBoards {
  private readonly logger = new Logger(BreakoutBoards.name);

  constructor(private readonly whiteboard: WhiteboardService) {}

  /** Creates the group's board in the caller's transaction and returns its id. */
  async createBoard(
    manager: EntityManager,
    ctx: RequestContext,
    board: { sessionId: string; breakoutGroupId: string; title: string },
  ): Promise<string> {
    const created = await this.whiteboard.createBoard(manager, ctx, board);

    return created.id;
  }

  /**
   * Returns the board's snapshot as stored in a group's output, or null when the board no
   * longer exists.
   */
  async snapshot(ctx: RequestContext, boardId: string): Promise<Record<string, unknown> | null> {
    try {
      return instanceToPlain(await this.whiteboard.snapshot(ctx, boardId));
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.NotFound) {
        this.logger.warn(
          { organizationId: ctx.organizationId, boardId },
          'Breakout board not found; the group output has no board snapshot',
        );

        return null;
      }
      throw error;
    }
  }
}
