import { EventIterator } from '../realtime/event-iterator';
import { BoardOperationEvent } from './board-rows';

/** Reads a board's committed operations with sequences in (afterSequence, upToSequence]. */
export type OperationLoader = (
  boardId: string,
  afterSequence: number,
  upToSequence: number,
) => Promise<BoardOperationEvent[]>;

/**
 * Delivers each board's operations in sequence order without gaps. Operations are published
 * after their transaction commits, and two submissions may publish in the other order than
 * they committed. Because a submission holds the board lock until it commits, every lower
 * sequence is committed once a higher one is published, so a gap is filled from the database
 * and the late event is skipped when it arrives.
 */
export class OrderedBoardOperations implements AsyncIterableIterator<BoardOperationEvent> {
  private readonly ready: BoardOperationEvent[] = [];
  private finished = false;

  /**
   * @param delivered The last sequence delivered per board; boards not listed start at 0.
   * @param boardId When set, only this board's operations are delivered.
   */
  constructor(
    private readonly events: EventIterator<BoardOperationEvent>,
    private readonly delivered: Map<string, number>,
    private readonly loadBetween: OperationLoader,
    private readonly boardId?: string,
  ) {}

  /** Queues operations read from the database before the first event, and advances past them. */
  prime(operations: BoardOperationEvent[]): void {
    for (const operation of operations) {
      this.ready.push(operation);
      this.delivered.set(operation.boardId, operation.sequence);
    }
  }

  async next(): Promise<IteratorResult<BoardOperationEvent>> {
    while (this.ready.length === 0) {
      if (this.finished) {
        return { value: undefined, done: true };
      }
      const result = await this.events.next();
      if (result.done) {
        this.finished = true;
        continue;
      }
      await this.accept(result.value);
    }

    return { value: this.ready.shift() as BoardOperationEvent, done: false };
  }

  return(): Promise<IteratorResult<BoardOperationEvent>> {
    this.finished = true;
    this.ready.length = 0;

    return this.events.return();
  }

  throw(error?: unknown): Promise<IteratorResult<BoardOperationEvent>> {
    this.finished = true;
    this.ready.length = 0;

    return this.events.throw(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<BoardOperationEvent> {
    return this;
  }

  private async accept(event: BoardOperationEvent): Promise<void> {
    if (this.boardId !== undefined && event.boardId !== this.boardId) {
      return;
    }
    const last = this.delivered.get(event.boardId) ?? 0;
    if (event.sequence <= last) {
      return;
    }
    if (event.sequence > last + 1) {
      this.prime(await this.loadBetween(event.boardId, last, event.sequence - 1));
    }
    this.ready.push(event);
    this.delivered.set(event.boardId, event.sequence);
  }
}
