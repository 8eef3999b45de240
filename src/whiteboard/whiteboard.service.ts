import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { SessionsService } from '../sessions/sessions.service';
import { BoardAccess, BoardActor, WRITABLE_SESSION_STATUSES } from './board-access';
import { Participant } from '../sessions/participant.entity';
import { Board } from './board.entity';
import { toBoardElement } from './board-state';
import { CreateBoardInput, UpdateBoardInput } from './dto/board-settings.input';
import { BoardSnapshot } from './dto/board-results';
import { elementFromRow, ElementRow } from './board-rows';
import { WhiteboardErrors } from './whiteboard.errors';
import { DrawPolicy, MAX_BOARDS_PER_SESSION } from './whiteboard-limits';

/** A board to create: a session's main board, or the board of one breakout group. */
export interface NewBoard {
  sessionId: string;
  breakoutGroupId?: string | null;
  title: string;
  drawPolicy?: DrawPolicy;
  selectedParticipantIds?: string[];
  locked?: boolean;
}

export const DEFAULT_BOARD_TITLE = 'Main board';

/** Creates boards, changes their settings and reads them with their current elements. */
@Injectable()
export class WhiteboardService {
  private readonly logger = new Logger(WhiteboardService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: BoardAccess,
  ) {}

  /**
   * Creates a board in the caller's transaction. Instructors of the session, API keys and
   * background work may create boards while the session is scheduled or live. Raises CONFLICT
   * when the session already has its main board, or the breakout group its board.
   */
  async createBoard(manager: EntityManager, ctx: RequestContext, input: NewBoard): Promise<Board> {
    const actor = await this.access.instructorFor(ctx, input.sessionId, 'create boards', manager);
    assertWritable(actor);
    await this.checkSelected(ctx, input.sessionId, input.selectedParticipantIds, manager);
    const existing: { id: string; breakout_group_id: string | null }[] = await manager.query(
      `SELECT id, breakout_group_id FROM boards WHERE organization_id = $1 AND session_id = $2`,
      [ctx.organizationId, input.sessionId],
    );
    const breakoutGroupId = input.breakoutGroupId ?? null;
    const same = existing.find((board) => board.breakout_group_id === breakoutGroupId);
    if (same) {
      throw breakoutGroupId
        ? WhiteboardErrors.breakoutBoardExists(breakoutGroupId, same.id)
        : WhiteboardErrors.mainBoardExists(input.sessionId, same.id);
    }
    if (existing.length >= MAX_BOARDS_PER_SESSION) {
      throw WhiteboardErrors.tooManyBoards(input.sessionId);
    }
    const board = await manager.save(
      manager.create(Board, {
        organizationId: ctx.organizationId,
        sessionId: input.sessionId,
        breakoutGroupId,
        title: input.title,
        drawPolicy: input.drawPolicy ?? 'everyone',
        selectedParticipantIds: input.selectedParticipantIds ?? [],
        locked: input.locked ?? false,
        createdByParticipantId: actor.participantId,
        createdByApiKeyId: actor.apiKeyId,
      }),
    );
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: input.sessionId,
        boardId: board.id,
        breakoutGroupId,
      },
      'Board created',
    );

    return board;
  }

  /** Creates the session's main board in a transaction of its own. */
  createMainBoard(ctx: RequestContext, sessionId: string, input: CreateBoardInput): Promise<Board> {
    return this.dataSource.transaction((manager) =>
      this.createBoard(manager, ctx, {
        sessionId,
        title: input.title ?? DEFAULT_BOARD_TITLE,
        drawPolicy: input.drawPolicy,
        selectedParticipantIds: input.selectedParticipantIds,
        locked: input.locked,
      }),
    );
  }

  /** Changes a board's title, draw policy, selected participants or lock. */
  async updateBoard(ctx: RequestContext, boardId: string, input: UpdateBoardInput): Promise<Board> {
    const found = await this.findBoard(ctx, boardId);
    const actor = await this.access.instructorFor(ctx, found.sessionId, 'change board settings');
    assertWritable(actor);
    await this.checkSelected(ctx, found.sessionId, input.selectedParticipantIds);

    const board = await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(Board, {
        where: { id: boardId, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) {
        throw WhiteboardErrors.boardNotFound(boardId);
      }
      Object.assign(locked, {
        title: input.title ?? locked.title,
        drawPolicy: input.drawPolicy ?? locked.drawPolicy,
        selectedParticipantIds: input.selectedParticipantIds ?? locked.selectedParticipantIds,
        locked: input.locked ?? locked.locked,
      });

      return manager.save(locked);
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        boardId,
        drawPolicy: board.drawPolicy,
        locked: board.locked,
        selected: board.selectedParticipantIds.length,
      },
      'Board settings changed',
    );

    return board;
  }

  /** Reads a board that the caller may see. */
  async getBoard(ctx: RequestContext, boardId: string): Promise<Board> {
    const board = await this.findBoard(ctx, boardId);
    await this.access.actorFor(ctx, board.sessionId);

    return board;
  }

  /** Lists a session's boards: the main board first, then breakout boards by creation. */
  async listBoards(ctx: RequestContext, sessionId: string): Promise<Board[]> {
    await this.access.actorFor(ctx, sessionId);
    const boards = await this.dataSource.getRepository(Board).find({
      where: { organizationId: ctx.organizationId, sessionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });

    return boards.sort(
      (a, b) => Number(a.breakoutGroupId !== null) - Number(b.breakoutGroupId !== null),
    );
  }

  /**
   * Reads a board's elements that are not deleted and the sequence they reflect, in one
   * REPEATABLE READ transaction so both belong to the same moment.
   */
  async snapshot(ctx: RequestContext, boardId: string): Promise<BoardSnapshot> {
    const found = await this.findBoard(ctx, boardId);
    await this.access.actorFor(ctx, found.sessionId);

    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const board = await manager.findOneByOrFail(Board, {
        id: boardId,
        organizationId: ctx.organizationId,
      });
      const rows: ElementRow[] = await manager.query(
        `SELECT element_id, kind, properties, deleted, byte_size, created_sequence, last_sequence
           FROM board_elements
          WHERE board_id = $1 AND organization_id = $2 AND NOT deleted
          ORDER BY created_sequence, element_id`,
        [boardId, ctx.organizationId],
      );
      const elements = rows.map((row) => toBoardElement(elementFromRow(row)));

      return Object.assign(new BoardSnapshot(), { board, sequence: board.sequence, elements });
    });
  }

  /** Reads a board of the caller's organization. Raises NOT_FOUND for any other. */
  async findBoard(ctx: RequestContext, boardId: string, field = 'boardId'): Promise<Board> {
    const board = await this.dataSource
      .getRepository(Board)
      .findOneBy({ id: boardId, organizationId: ctx.organizationId });
    if (!board) {
      throw WhiteboardErrors.boardNotFound(boardId, field);
    }

    return board;
  }

  /** Raises BAD_USER_INPUT unless every id is a participant of the session. */
  private async checkSelected(
    ctx: RequestContext,
    sessionId: string,
    ids: string[] | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!ids || ids.length === 0) {
      return;
    }
    const participants = await manager.find(Participant, {
      where: { organizationId: ctx.organizationId, sessionId },
      select: { id: true },
    });
    const known = new Set(participants.map((participant) => participant.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw WhiteboardErrors.unknownSelectedParticipants(unknown);
    }
  }
}

function assertWritable(actor: BoardActor): void {
  if (!WRITABLE_SESSION_STATUSES.includes(actor.session.status)) {
    throw WhiteboardErrors.sessionClosed(actor.session.id, actor.session.status);
  }
}
