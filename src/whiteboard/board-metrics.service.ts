import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { SessionsService } from '../sessions/sessions.service';
import { BoardAccess } from './board-access';
import { computeParticipantMetrics, MetricOperation, PhaseSpan } from './board-metrics';
import { BoardMetrics, ParticipantBoardMetrics } from './dto/board-metrics.dto';
import { WhiteboardService } from './whiteboard.service';
import { DEFAULT_IDLE_GAP_SECONDS, OperationType } from './whiteboard-limits';

interface MetricRow {
  board_id: string;
  participant_id: string | null;
  type: OperationType;
  created_at: Date;
}

/** Per-participant whiteboard metrics for instructors and API keys. */
@Injectable()
export class BoardMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly boards: WhiteboardService,
    private readonly sessions: SessionsService,
    private readonly access: BoardAccess,
  ) {}

  async forBoard(
    ctx: RequestContext,
    boardId: string,
    idleGapSeconds = DEFAULT_IDLE_GAP_SECONDS,
  ): Promise<BoardMetrics> {
    const board = await this.boards.findBoard(ctx, boardId);
    await this.access.instructorFor(ctx, board.sessionId, 'read board metrics');
    const rows: MetricRow[] = await this.dataSource.query(
      `SELECT board_id, participant_id, type, created_at FROM board_operations
        WHERE organization_id = $1 AND board_id = $2 ORDER BY sequence`,
      [ctx.organizationId, boardId],
    );

    return this.build(
      ctx,
      board.sessionId,
      boardId,
      new Map([[board.id, board.createdAt]]),
      rows,
      idleGapSeconds,
    );
  }

  async forSession(
    ctx: RequestContext,
    sessionId: string,
    idleGapSeconds = DEFAULT_IDLE_GAP_SECONDS,
  ): Promise<BoardMetrics> {
    await this.access.instructorFor(ctx, sessionId, 'read board metrics');
    const boards: { id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT id, created_at FROM boards WHERE organization_id = $1 AND session_id = $2`,
      [ctx.organizationId, sessionId],
    );
    const rows: MetricRow[] = await this.dataSource.query(
      `SELECT board_id, participant_id, type, created_at FROM board_operations
        WHERE organization_id = $1 AND session_id = $2 ORDER BY created_at, board_id, sequence`,
      [ctx.organizationId, sessionId],
    );
    const created = new Map(boards.map((board) => [board.id, new Date(board.created_at)]));

    return this.build(ctx, sessionId, null, created, rows, idleGapSeconds);
  }

  private async build(
    ctx: RequestContext,
    sessionId: string,
    boardId: string | null,
    boardCreatedAt: Map<string, Date>,
    rows: MetricRow[],
    idleGapSeconds: number,
  ): Promise<BoardMetrics> {
    const [participants, phases] = await Promise.all([
      this.sessions.findParticipants(ctx, [sessionId]),
      this.sessions.findPhases(ctx, [sessionId]),
    ]);
    const spans: PhaseSpan[] = phases
      .filter((phase) => phase.startedAt !== null)
      .map((phase) => ({ startedAt: phase.startedAt as Date, endedAt: phase.endedAt }));
    const operations: MetricOperation[] = rows
      .filter((row) => row.participant_id !== null)
      .map((row) => ({
        boardId: row.board_id,
        participantId: row.participant_id as string,
        type: row.type,
        createdAt: new Date(row.created_at),
      }));
    const byId = new Map(participants.map((participant) => [participant.id, participant]));
    const values = computeParticipantMetrics(
      operations,
      boardCreatedAt,
      spans,
      idleGapSeconds * 1000,
    );
    const metrics = values
      .sort((a, b) => (a.firstOperationAt?.getTime() ?? 0) - (b.firstOperationAt?.getTime() ?? 0))
      .map((value) => {
        const participant = byId.get(value.participantId);

        return Object.assign(new ParticipantBoardMetrics(), value, {
          displayName: participant?.displayName ?? '',
          role: participant?.role ?? 'student',
        });
      });

    return Object.assign(new BoardMetrics(), {
      sessionId,
      boardId,
      boardCount: boardCreatedAt.size,
      totalOperations: rows.length,
      idleGapSeconds,
      participants: metrics,
    });
  }
}
