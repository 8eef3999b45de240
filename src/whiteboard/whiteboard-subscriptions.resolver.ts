import { PipeTransform } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import { BoardAccess } from './board-access';
import { BoardOperationsService } from './board-operations.service';
import { BoardOperationEvent, operationFromEvent } from './board-rows';
import { BoardOperation } from './dto/board-results';
import { OrderedBoardOperations } from './ordered-operations';
import { WhiteboardService } from './whiteboard.service';
import { WhiteboardErrors } from './whiteboard.errors';

/** Converts stored operations to the JSON form that subscribers receive. */
function toEvents(operations: BoardOperation[]): BoardOperationEvent[] {
  return operations.map((operation) => ({
    ...operation,
    createdAt: operation.createdAt.toISOString(),
  }));
}

/** Like ParseUuidPipe, but passes an omitted value through. */
class OptionalUuidPipe implements PipeTransform<unknown, string | undefined> {
  private readonly uuid: ParseUuidPipe;

  constructor(field: string) {
    this.uuid = new ParseUuidPipe(field);
  }

  transform(value: unknown): string | undefined {
    return value === undefined || value === null ? undefined : this.uuid.transform(value);
  }
}

/** Live board operations over GraphQL subscriptions (graphql-ws at /graphql). */
@Resolver()
export class WhiteboardSubscriptionsResolver {
  constructor(
    private readonly boards: WhiteboardService,
    private readonly operations: BoardOperationsService,
    private readonly access: BoardAccess,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => BoardOperation, {
    description:
      'Each operation stored on the session’s boards, or on one board, from the moment of subscribing: every board’s ' +
      'operations arrive in sequence order without gaps. Subscribe first, then read boardSnapshot and apply only ' +
      'operations with a greater sequence. A participant token may subscribe only to its own session.',
    resolve: (event: BoardOperationEvent) => operationFromEvent(event),
  })
  async boardOperationAdded(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
    @Args('boardId', { type: () => ID, nullable: true }, new OptionalUuidPipe('boardId'))
    boardId?: string,
  ): Promise<OrderedBoardOperations> {
    assertOwnSession(ctx, sessionId);
    await this.access.actorFor(ctx, sessionId);
    if (boardId !== undefined) {
      const board = await this.boards.findBoard(ctx, boardId);
      if (board.sessionId !== sessionId) {
        throw WhiteboardErrors.boardNotFound(boardId);
      }
    }
    const loadBetween = async (id: string, after: number, upTo: number) =>
      toEvents(await this.operations.operationsBetween(ctx, id, after, upTo));

    // Sequences read before subscribing set where delivery starts; operations committed
    // between that read and the subscription are read back from the database.
    const baseline = await this.operations.latestSequences(ctx, sessionId, boardId);
    const events = await this.realtime.subscribe<BoardOperationEvent>(
      ctx.organizationId,
      sessionId,
      'boardOperationAdded',
    );
    const ordered = new OrderedBoardOperations(events, new Map(baseline), loadBetween, boardId);
    try {
      const current = await this.operations.latestSequences(ctx, sessionId, boardId);
      for (const [id, sequence] of current) {
        const after = baseline.get(id) ?? 0;
        if (sequence > after) {
          ordered.prime(await loadBetween(id, after, sequence));
        }
      }
    } catch (error) {
      await ordered.return();
      throw error;
    }

    return ordered;
  }
}
