import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { BoardMetricsService } from './board-metrics.service';
import { BoardOperationsService } from './board-operations.service';
import { Board } from './board.entity';
import { BoardMetrics, BoardMetricsQuery } from './dto/board-metrics.dto';
import { SubmitBoardOperationsInput } from './dto/board-operation.input';
import {
  BoardOperationPage,
  BoardOperationsQuery,
  BoardOperationsResult,
  BoardSnapshot,
} from './dto/board-results';
import { CreateBoardInput, UpdateBoardInput } from './dto/board-settings.input';
import { WhiteboardService } from './whiteboard.service';
import { MAX_BATCH_OPERATIONS } from './whiteboard-limits';

const SESSION_ID = new ParseUuidPipe('sessionId');
const BOARD_ID = new ParseUuidPipe('boardId');

/** Boards, their operation logs and metrics over REST. Participant tokens reach their own session. */
@ApiTags('whiteboard')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class WhiteboardController {
  constructor(
    private readonly boards: WhiteboardService,
    private readonly operations: BoardOperationsService,
    private readonly metrics: BoardMetricsService,
  ) {}

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('sessions/:sessionId/boards')
  @ApiOperation({
    summary:
      'Create the session’s main board while the session is scheduled or live. Instructors and API keys only; ' +
      '409 when the session already has one.',
  })
  @ApiCreatedResponse({ type: Board })
  create(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: CreateBoardInput,
  ): Promise<Board> {
    return this.boards.createMainBoard(ctx, sessionId, input);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('sessions/:sessionId/boards')
  @ApiOperation({
    summary: 'List the session’s boards: the main board first, then breakout group boards.',
  })
  @ApiOkResponse({ type: [Board] })
  list(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
  ): Promise<Board[]> {
    return this.boards.listBoards(ctx, sessionId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('sessions/:sessionId/board-metrics')
  @ApiOperation({
    summary: 'Per-participant activity across the session’s boards. Instructors and API keys only.',
  })
  @ApiOkResponse({ type: BoardMetrics })
  sessionMetrics(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Query() query: BoardMetricsQuery,
  ): Promise<BoardMetrics> {
    return this.metrics.forSession(ctx, sessionId, query.idleGapSeconds);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('boards/:boardId')
  @ApiOkResponse({ type: Board })
  get(@Ctx() ctx: RequestContext, @Param('boardId', BOARD_ID) boardId: string): Promise<Board> {
    return this.boards.getBoard(ctx, boardId);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Patch('boards/:boardId')
  @ApiOperation({
    summary:
      'Change the title, draw policy, selected participants or lock. Instructors and API keys only.',
  })
  @ApiOkResponse({ type: Board })
  update(
    @Ctx() ctx: RequestContext,
    @Param('boardId', BOARD_ID) boardId: string,
    @Body() input: UpdateBoardInput,
  ): Promise<Board> {
    return this.boards.updateBoard(ctx, boardId, input);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('boards/:boardId/snapshot')
  @ApiOperation({ summary: 'The current elements and the sequence they reflect.' })
  @ApiOkResponse({ type: BoardSnapshot })
  snapshot(
    @Ctx() ctx: RequestContext,
    @Param('boardId', BOARD_ID) boardId: string,
  ): Promise<BoardSnapshot> {
    return this.boards.snapshot(ctx, boardId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('boards/:boardId/operations')
  @ApiOperation({ summary: 'Operations after afterSequence, in order.' })
  @ApiOkResponse({ type: BoardOperationPage })
  listOperations(
    @Ctx() ctx: RequestContext,
    @Param('boardId', BOARD_ID) boardId: string,
    @Query() query: BoardOperationsQuery,
  ): Promise<BoardOperationPage> {
    return this.operations.listOperations(ctx, boardId, query.afterSequence, query.limit);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('boards/:boardId/operations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      `Append 1 to ${MAX_BATCH_OPERATIONS} operations in one transaction; one rejected operation rejects them all. ` +
      'A repeated clientOperationId returns the stored operation.',
  })
  @ApiOkResponse({ type: BoardOperationsResult })
  submit(
    @Ctx() ctx: RequestContext,
    @Param('boardId', BOARD_ID) boardId: string,
    @Body() input: SubmitBoardOperationsInput,
  ): Promise<BoardOperationsResult> {
    return this.operations.submit(ctx, boardId, input.operations);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('boards/:boardId/metrics')
  @ApiOperation({
    summary: 'Per-participant activity on the board. Instructors and API keys only.',
  })
  @ApiOkResponse({ type: BoardMetrics })
  boardMetrics(
    @Ctx() ctx: RequestContext,
    @Param('boardId', BOARD_ID) boardId: string,
    @Query() query: BoardMetricsQuery,
  ): Promise<BoardMetrics> {
    return this.metrics.forBoard(ctx, boardId, query.idleGapSeconds);
  }
}
