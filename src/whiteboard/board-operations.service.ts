import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { RealtimeEvents } from '../realtime/realtime-events';
import { PhaseToolGate } from '../sessions/phase-tool-gate';
import { BoardAccess, BoardActor, WRITABLE_SESSION_STATUSES } from './board-access';
import { Board } from './board.entity';
import {
  ELEMENT_COLUMNS,
  elementFromRow,
  ElementRow,
  OPERATION_COLUMNS,
  operationFromRow,
  OperationRow,
} from './board-rows';
import {
  BoardState,
  BoardStateSource,
  checkOperationShape,
  InverseEntry,
  PlannedOperation,
} from './board-state';
import { BoardOperationInput } from './dto/board-operation.input';
import { BoardOperation, BoardOperationPage, BoardOperationsResult } from './dto/board-results';
import { WhiteboardService } from './whiteboard.service';
import { WhiteboardErrors } from './whiteboard.errors';
import {
  DEFAULT_OPERATIONS_PAGE,
  MAX_BATCH_OPERATIONS,
  MAX_OPERATION_BYTES,
  RATE_LIMIT_OPERATIONS,
  RATE_WINDOW_MS,
} from './whiteboard-limits';
import { runAfterCommit } from '../common/after-commit';

/** Columns of one element upsert, in order. */
const ELEMENT_INSERT_COLUMNS = [
  'board_id',
  'element_id',
  'organization_id',
  'kind',
  'properties',
  'deleted',
  'byte_size',
  'created_sequence',
  'last_sequence',
  'updated_at',
];

/** Columns of one operation insert, in order. */
const OPERATION_INSERT_COLUMNS = [
  'organization_id',
  'session_id',
  'board_id',
  'sequence',
  'type',
  'client_operation_id',
  'request_hash',
  'element_id',
  'undone_sequence',
  'elements',
  'inverse',
  'participant_id',
  'api_key_id',
  'created_at',
];

/** PostgreSQL allows 65,535 bind parameters in one statement. */
const ELEMENTS_PER_INSERT = Math.floor(65_535 / ELEMENT_INSERT_COLUMNS.length);

/** The board row as locked for a submission. */
interface LockedBoard {
  id: string;
  session_id: string;
  draw_policy: Board['drawPolicy'];
  selected_participant_ids: string[];
  locked: boolean;
  sequence: string;
  element_count: number;
  byte_size: number;
}

/**
 * Appends operations to a board's log. Each submission locks the board row, so operations get
 * gap-free sequence numbers in commit order; it updates the current elements, the board's
 * counters and the engagement events in the same transaction, and publishes the new operations
 * to `boardOperationAdded` subscribers after the commit.
 */
/** Work that another module runs after new operations of a board have committed. */
export type BoardOperationsStoredListener = (ctx: RequestContext, board: Board) => Promise<void>;

@Injectable()
export class BoardOperationsService {
  private readonly logger = new Logger(BoardOperationsService.name);

  private readonly storedListeners: BoardOperationsStoredListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: WhiteboardService,
    private readonly access: BoardAccess,
    private readonly toolGate: PhaseToolGate,
    private readonly engagement: EngagementEventsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  /**
   * Registers work that runs after new operations of a board have committed, such as updating
   * a breakout group's status. A failure is logged and does not fail the submission.
   */
  onOperationsStored(listener: BoardOperationsStoredListener): void {
    this.storedListeners.push(listener);
  }

  /**
   * Applies up to MAX_BATCH_OPERATIONS operations in order, in one transaction: one rejected
   * operation rejects them all. An operation whose clientOperationId the board already stored
   * is returned as stored when it is identical, and raises CONFLICT when it differs.
   */
  async submit(
    ctx: RequestContext,
    boardId: string,
    inputs: BoardOperationInput[],
  ): Promise<BoardOperationsResult> {
    checkBatch(inputs);
    const found = await this.boards.findBoard(ctx, boardId);
    const actor = await this.access.actorFor(ctx, found.sessionId);
    if (actor.role === 'observer') {
      throw WhiteboardErrors.observerCannotDraw();
    }
    const hashes = inputs.map((input) => requestHash(actor, input));
    const now = new Date();

    const outcome = await this.dataSource.transaction(async (manager) => {
      const board = await lockBoard(manager, ctx, boardId);
      const repeats = await this.findRepeats(manager, boardId, inputs, hashes);
      const fresh = inputs
        .map((input, index) => ({ input, index }))
        .filter(({ input }) => !repeats.has(input.clientOperationId));
      if (fresh.length === 0) {
        return { repeats, inserted: [] as OperationRow[], sequence: Number(board.sequence) };
      }
      await this.assertMayDraw(manager, ctx, actor, board);
      if (actor.participantId) {
        await assertRate(manager, ctx, actor.participantId, fresh.length, now);
      }
      const state = new BoardState(
        stateSource(manager, ctx, boardId, actor),
        Number(board.sequence),
        board.element_count,
        board.byte_size,
      );
      for (const { input, index } of fresh) {
        await state.apply(input, index);
      }
      const inserted = await this.write(manager, ctx, board, actor, state, hashes, now);

      return { repeats, inserted, sequence: state.sequence };
    });

    const insertedOperations = outcome.inserted.map(operationFromRow);
    if (insertedOperations.length > 0) {
      this.logger.log(
        {
          organizationId: ctx.organizationId,
          sessionId: found.sessionId,
          boardId,
          participantId: actor.participantId,
          operations: insertedOperations.length,
          sequence: outcome.sequence,
        },
        'Board operations stored',
      );
      await this.realtime.publish(
        ctx.organizationId,
        found.sessionId,
        'boardOperationAdded',
        insertedOperations,
      );
      await runAfterCommit(
        this.storedListeners,
        [ctx, found],
        this.logger,
        { organizationId: ctx.organizationId, boardId },
        'Work after storing board operations failed',
      );
    }
    const byClientId = new Map<string, BoardOperation>();
    for (const row of outcome.repeats.values()) {
      byClientId.set(row.client_operation_id, operationFromRow(row));
    }
    for (const operation of insertedOperations) {
      byClientId.set(operation.clientOperationId, operation);
    }

    return Object.assign(new BoardOperationsResult(), {
      boardId,
      operations: inputs.map((input) => byClientId.get(input.clientOperationId) as BoardOperation),
      applied: insertedOperations.length,
      repeated: outcome.repeats.size,
      latestSequence: outcome.sequence,
    });
  }

  /** Lists a board's operations after a sequence number, in order. */
  async listOperations(
    ctx: RequestContext,
    boardId: string,
    afterSequence = 0,
    limit = DEFAULT_OPERATIONS_PAGE,
  ): Promise<BoardOperationPage> {
    const found = await this.boards.findBoard(ctx, boardId);
    await this.access.actorFor(ctx, found.sessionId);

    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [board]: { sequence: string }[] = await manager.query(
        `SELECT sequence FROM boards WHERE id = $1 AND organization_id = $2`,
        [boardId, ctx.organizationId],
      );
      const rows: OperationRow[] = await manager.query(
        `SELECT ${OPERATION_COLUMNS} FROM board_operations
          WHERE board_id = $1 AND organization_id = $2 AND sequence > $3
          ORDER BY sequence LIMIT $4`,
        [boardId, ctx.organizationId, afterSequence, limit + 1],
      );

      return Object.assign(new BoardOperationPage(), {
        boardId,
        operations: rows.slice(0, limit).map(operationFromRow),
        latestSequence: Number(board?.sequence ?? 0),
        hasMore: rows.length > limit,
      });
    });
  }

  /** Reads the operations of a board with sequences in (afterSequence, upToSequence], in order. */
  async operationsBetween(
    ctx: RequestContext,
    boardId: string,
    afterSequence: number,
    upToSequence: number,
  ): Promise<BoardOperation[]> {
    const rows: OperationRow[] = await this.dataSource.query(
      `SELECT ${OPERATION_COLUMNS} FROM board_operations
        WHERE board_id = $1 AND organization_id = $2 AND sequence > $3 AND sequence <= $4
        ORDER BY sequence`,
      [boardId, ctx.organizationId, afterSequence, upToSequence],
    );

    return rows.map(operationFromRow);
  }

  /** Reads the latest sequence of each board of a session, or of one board. */
  async latestSequences(
    ctx: RequestContext,
    sessionId: string,
    boardId?: string,
  ): Promise<Map<string, number>> {
    const rows: { id: string; sequence: string }[] = await this.dataSource.query(
      `SELECT id, sequence FROM boards
        WHERE organization_id = $1 AND session_id = $2 AND ($3::uuid IS NULL OR id = $3)`,
      [ctx.organizationId, sessionId, boardId ?? null],
    );

    return new Map(rows.map((row) => [row.id, Number(row.sequence)]));
  }

  /** Raises FORBIDDEN or CONFLICT when the caller may not draw on the board now. */
  private async assertMayDraw(
    manager: EntityManager,
    ctx: RequestContext,
    actor: BoardActor,
    board: LockedBoard,
  ): Promise<void> {
    const session = actor.session;
    if (!WRITABLE_SESSION_STATUSES.includes(session.status)) {
      throw WhiteboardErrors.sessionClosed(session.id, session.status);
    }
    if (actor.role !== 'student') {
      // Instructors and API keys need only the room to enable the whiteboard.
      await this.toolGate.assertToolEnabled(ctx, session.id, 'whiteboard', manager);

      return;
    }
    if (session.status !== 'live') {
      throw WhiteboardErrors.studentsDrawOnlyLive(session.status);
    }
    await this.toolGate.assertToolEnabled(ctx, session.id, 'whiteboard', manager);
    if (board.locked) {
      throw WhiteboardErrors.boardLocked(board.id);
    }
    if (board.draw_policy === 'instructor_only') {
      throw WhiteboardErrors.instructorOnlyBoard(board.id);
    }
    if (
      board.draw_policy === 'selected' &&
      !board.selected_participant_ids.includes(actor.participantId ?? '')
    ) {
      throw WhiteboardErrors.notSelected(board.id);
    }
  }

  /**
   * Reads the stored operations with the submission's clientOperationIds, and raises CONFLICT
   * when one of them differs from what was submitted now.
   */
  private async findRepeats(
    manager: EntityManager,
    boardId: string,
    inputs: BoardOperationInput[],
    hashes: string[],
  ): Promise<Map<string, OperationRow>> {
    const rows: OperationRow[] = await manager.query(
      `SELECT ${OPERATION_COLUMNS} FROM board_operations
        WHERE board_id = $1 AND client_operation_id = ANY($2)`,
      [boardId, inputs.map((input) => input.clientOperationId)],
    );
    const repeats = new Map(rows.map((row) => [row.client_operation_id, row]));
    inputs.forEach((input, index) => {
      const stored = repeats.get(input.clientOperationId);
      if (stored && stored.request_hash !== hashes[index]) {
        throw WhiteboardErrors.clientOperationIdReused(
          `operations.${index}.clientOperationId`,
          input.clientOperationId,
          Number(stored.sequence),
        );
      }
    });

    return repeats;
  }

  /** Writes the batch's element changes, operations, board counters and engagement events. */
  private async write(
    manager: EntityManager,
    ctx: RequestContext,
    board: LockedBoard,
    actor: BoardActor,
    state: BoardState,
    hashes: string[],
    now: Date,
  ): Promise<OperationRow[]> {
    await upsertElements(manager, ctx, board.id, state, now);
    const inserted = await insertOperations(manager, ctx, board, actor, state.planned, hashes, now);
    await manager.query(
      `UPDATE boards SET sequence = $3, element_count = $4, byte_size = $5, updated_at = $6
        WHERE id = $1 AND organization_id = $2`,
      [board.id, ctx.organizationId, state.sequence, state.elementCount, state.byteSize, now],
    );
    if (actor.participantId) {
      const participantId = actor.participantId;
      await this.engagement.append(
        manager,
        ctx,
        state.planned.map((operation) => ({
          sessionId: board.session_id,
          participantId,
          type: 'board_operation' as const,
          occurredAt: now,
          data: { boardId: board.id, operation: operation.type, sequence: operation.sequence },
        })),
      );
    }

    return inserted;
  }
}

/** Checks the batch's size, each operation's size and shape, and repeated ids, before any database work. */
function checkBatch(inputs: BoardOperationInput[]): void {
  // The GraphQL argument is validated like the REST body; this guards service callers too.
  if (inputs.length === 0 || inputs.length > MAX_BATCH_OPERATIONS) {
    throw badInput(
      'operations',
      `operations has ${inputs.length} operations; send 1 to ${MAX_BATCH_OPERATIONS} per request.`,
      'INVALID_BATCH_SIZE',
    );
  }
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const bytes = Buffer.byteLength(JSON.stringify(input), 'utf8');
    if (bytes > MAX_OPERATION_BYTES) {
      throw badInput(
        `operations.${index}`,
        `operations.${index} is ${bytes} bytes as JSON; an operation has at most ${MAX_OPERATION_BYTES} bytes. ` +
          'Split a long stroke into several strokes, or link large images by URL.',
        'OPERATION_TOO_LARGE',
      );
    }
    checkOperationShape(input, index);
    if (seen.has(input.clientOperationId)) {
      throw badInput(
        `operations.${index}.clientOperationId`,
        `operations.${index}.clientOperationId "${input.clientOperationId}" appears twice in this submission. Give each operation its own id.`,
        'DUPLICATE_CLIENT_OPERATION_ID',
      );
    }
    seen.add(input.clientOperationId);
  });
}

/** Hashes who submitted what, so a repeated clientOperationId can be compared with the stored one. */
function requestHash(actor: BoardActor, input: BoardOperationInput): string {
  const author = actor.participantId ?? actor.apiKeyId ?? 'system';

  return createHash('sha256')
    .update(
      JSON.stringify([
        author,
        input.type,
        input.elementId ?? null,
        input.kind ?? null,
        input.properties ?? null,
      ]),
    )
    .digest('hex');
}

async function lockBoard(
  manager: EntityManager,
  ctx: RequestContext,
  boardId: string,
): Promise<LockedBoard> {
  const [board]: LockedBoard[] = await manager.query(
    `SELECT id, session_id, draw_policy, selected_participant_ids, locked, sequence, element_count, byte_size
       FROM boards WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [boardId, ctx.organizationId],
  );
  if (!board) {
    throw WhiteboardErrors.boardNotFound(boardId);
  }

  return board;
}

/** Raises TOO_MANY_REQUESTS when the participant's recent operations and these exceed the limit. */
async function assertRate(
  manager: EntityManager,
  ctx: RequestContext,
  participantId: string,
  submitted: number,
  now: Date,
): Promise<void> {
  const [row]: { recent: number }[] = await manager.query(
    `SELECT count(*)::int AS recent FROM board_operations
      WHERE organization_id = $1 AND participant_id = $2 AND created_at > $3`,
    [ctx.organizationId, participantId, new Date(now.getTime() - RATE_WINDOW_MS)],
  );
  const recent = row?.recent ?? 0;
  if (recent + submitted > RATE_LIMIT_OPERATIONS) {
    throw WhiteboardErrors.rateLimited(recent, submitted);
  }
}

/** Reads board state for BoardState inside the submission's transaction. */
function stateSource(
  manager: EntityManager,
  ctx: RequestContext,
  boardId: string,
  actor: BoardActor,
): BoardStateSource {
  const author =
    actor.participantId !== null
      ? { clause: 'o.participant_id = $3', value: actor.participantId }
      : actor.apiKeyId !== null
        ? { clause: 'o.api_key_id = $3 AND o.participant_id IS NULL', value: actor.apiKeyId }
        : {
            clause: 'o.api_key_id IS NULL AND o.participant_id IS NULL AND $3::text IS NULL',
            value: null,
          };

  return {
    async loadElements(ids) {
      const rows: ElementRow[] = await manager.query(
        `SELECT ${ELEMENT_COLUMNS} FROM board_elements
          WHERE board_id = $1 AND organization_id = $2 AND element_id = ANY($3)`,
        [boardId, ctx.organizationId, ids],
      );

      return rows.map(elementFromRow);
    },
    async loadLiveElements() {
      const rows: ElementRow[] = await manager.query(
        `SELECT ${ELEMENT_COLUMNS} FROM board_elements
          WHERE board_id = $1 AND organization_id = $2 AND NOT deleted`,
        [boardId, ctx.organizationId],
      );

      return rows.map(elementFromRow);
    },
    async findUndoCandidate(excluded) {
      const rows: { sequence: string; inverse: InverseEntry[] }[] = await manager.query(
        `SELECT o.sequence, o.inverse FROM board_operations o
          WHERE o.board_id = $1 AND o.organization_id = $2 AND ${author.clause}
            AND o.type <> 'undo' AND NOT (o.sequence = ANY($4::bigint[]))
            AND NOT EXISTS (
              SELECT 1 FROM board_operations u
               WHERE u.board_id = o.board_id AND u.undone_sequence = o.sequence)
          ORDER BY o.sequence DESC LIMIT 1`,
        [boardId, ctx.organizationId, author.value, excluded],
      );
      const row = rows[0];

      return row ? { sequence: Number(row.sequence), inverse: row.inverse } : undefined;
    },
  };
}

async function upsertElements(
  manager: EntityManager,
  ctx: RequestContext,
  boardId: string,
  state: BoardState,
  now: Date,
): Promise<void> {
  const changed = state.changedElements();
  for (let start = 0; start < changed.length; start += ELEMENTS_PER_INSERT) {
    const params: unknown[] = [];
    const tuples = changed.slice(start, start + ELEMENTS_PER_INSERT).map((element) => {
      const base = params.length;
      params.push(
        boardId,
        element.id,
        ctx.organizationId,
        element.kind,
        JSON.stringify(element.properties),
        element.deleted,
        element.byteSize,
        element.createdSequence,
        element.lastSequence,
        now,
      );

      return `(${ELEMENT_INSERT_COLUMNS.map((_, index) => `$${base + index + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO board_elements (${ELEMENT_INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (board_id, element_id) DO UPDATE SET
         kind = EXCLUDED.kind, properties = EXCLUDED.properties, deleted = EXCLUDED.deleted,
         byte_size = EXCLUDED.byte_size, last_sequence = EXCLUDED.last_sequence,
         updated_at = EXCLUDED.updated_at`,
      params,
    );
  }
}

async function insertOperations(
  manager: EntityManager,
  ctx: RequestContext,
  board: LockedBoard,
  actor: BoardActor,
  planned: PlannedOperation[],
  hashes: string[],
  now: Date,
): Promise<OperationRow[]> {
  const params: unknown[] = [];
  const tuples = planned.map((operation) => {
    const base = params.length;
    params.push(
      ctx.organizationId,
      board.session_id,
      board.id,
      operation.sequence,
      operation.type,
      operation.clientOperationId,
      hashes[operation.index],
      operation.elementId,
      operation.undoneSequence,
      JSON.stringify(operation.elements),
      JSON.stringify(operation.inverse),
      actor.participantId,
      actor.apiKeyId,
      now,
    );

    return `(${OPERATION_INSERT_COLUMNS.map((_, index) => `$${base + index + 1}`).join(', ')})`;
  });

  const rows: OperationRow[] = await manager.query(
    `INSERT INTO board_operations (${OPERATION_INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
     RETURNING ${OPERATION_COLUMNS}`,
    params,
  );

  return rows.sort((a, b) => Number(a.sequence) - Number(b.sequence));
}
