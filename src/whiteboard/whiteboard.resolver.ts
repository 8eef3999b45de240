import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { BoardMetricsService } from './board-metrics.service';
import { BoardOperationsService } from './board-operations.service';
import { Board } from './board.entity';
import { BoardMetrics, BoardMetricsQuery } from './dto/board-metrics.dto';
import { SubmitBoardOperationsInput } from './dto/board-operation.input';
import {
  BoardOperationPage,
  BoardOperationsArgs,
  BoardOperationsResult,
  BoardSnapshot,
} from './dto/board-results';
import { CreateBoardInput, UpdateBoardInput } from './dto/board-settings.input';
import { WhiteboardService } from './whiteboard.service';
import { MAX_BATCH_OPERATIONS } from './whiteboard-limits';

const uuid = (field: string) => new ParseUuidPipe(field);

@ArgsType()
class BoardMetricsArgs extends BoardMetricsQuery {
  @Field(() => ID)
  @IsUUID('all', { message: 'boardId must be a UUID' })
  boardId: string;
}

@ArgsType()
class SessionBoardMetricsArgs extends BoardMetricsQuery {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;
}

/** Boards, their operation logs and metrics over GraphQL. */
@Resolver(() => Board)
export class WhiteboardResolver {
  constructor(
    private readonly whiteboards: WhiteboardService,
    private readonly operations: BoardOperationsService,
    private readonly metrics: BoardMetricsService,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => Board, {
    description: 'One board. A participant token may read only its own session’s boards.',
  })
  board(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<Board> {
    return this.whiteboards.getBoard(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => [Board], {
    description: 'A session’s boards: its main board first, then breakout group boards.',
  })
  boards(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<Board[]> {
    return this.whiteboards.listBoards(ctx, sessionId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => BoardSnapshot, {
    description:
      'A board’s current elements and the sequence they reflect; continue with boardOperations after that sequence.',
  })
  boardSnapshot(
    @Ctx() ctx: RequestContext,
    @Args('boardId', { type: () => ID }, uuid('boardId')) boardId: string,
  ): Promise<BoardSnapshot> {
    return this.whiteboards.snapshot(ctx, boardId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => BoardOperationPage, {
    description: 'A board’s operations after a sequence number, in order.',
  })
  boardOperations(
    @Ctx() ctx: RequestContext,
    @Args() args: BoardOperationsArgs,
  ): Promise<BoardOperationPage> {
    return this.operations.listOperations(ctx, args.boardId, args.afterSequence, args.limit);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => BoardMetrics, {
    description: 'Per-participant activity on one board. Instructors and API keys only.',
  })
  boardMetrics(@Ctx() ctx: RequestContext, @Args() args: BoardMetricsArgs): Promise<BoardMetrics> {
    return this.metrics.forBoard(ctx, args.boardId, args.idleGapSeconds);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => BoardMetrics, {
    description:
      'Per-participant activity across all boards of a session. Instructors and API keys only.',
  })
  sessionBoardMetrics(
    @Ctx() ctx: RequestContext,
    @Args() args: SessionBoardMetricsArgs,
  ): Promise<BoardMetrics> {
    return this.metrics.forSession(ctx, args.sessionId, args.idleGapSeconds);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Board, {
    description:
      'Creates the session’s main board while the session is scheduled or live. Instructors and API keys only; ' +
      'CONFLICT when the session already has one.',
  })
  createBoard(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('input', { type: () => CreateBoardInput, nullable: true }) input?: CreateBoardInput,
  ): Promise<Board> {
    return this.whiteboards.createMainBoard(ctx, sessionId, input ?? {});
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Board, {
    description:
      'Changes a board’s title, draw policy, selected participants or lock. Instructors and API keys only.',
  })
  updateBoard(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
    @Args('input') input: UpdateBoardInput,
  ): Promise<Board> {
    return this.whiteboards.updateBoard(ctx, id, input);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => BoardOperationsResult, {
    description:
      `Appends 1 to ${MAX_BATCH_OPERATIONS} operations to a board’s log in one transaction; one rejected operation ` +
      'rejects them all. A repeated clientOperationId returns the stored operation.',
  })
  submitBoardOperations(
    @Ctx() ctx: RequestContext,
    @Args('boardId', { type: () => ID }, uuid('boardId')) boardId: string,
    @Args('input') input: SubmitBoardOperationsInput,
  ): Promise<BoardOperationsResult> {
    return this.operations.submit(ctx, boardId, input.operations);
  }
}
