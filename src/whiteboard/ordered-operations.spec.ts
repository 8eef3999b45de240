import { EventIterator } from '../realtime/event-iterator';
import { BoardOperationEvent } from './board-rows';
import { OrderedBoardOperations } from './ordered-operations';

function event(boardId: string, sequence: number): BoardOperationEvent {
  return {
    id: `${boardId}-${sequence}`,
    boardId,
    sessionId: 's',
    sequence,
    type: 'add',
    clientOperationId: `c${sequence}`,
    elementId: `e${sequence}`,
    undoneSequence: null,
    elements: [],
    participantId: null,
    apiKeyId: null,
    createdAt: new Date(0).toISOString(),
  };
}

describe('OrderedBoardOperations', () => {
  it('fills a gap from the loader and skips the late event', async () => {
    const events = new EventIterator<BoardOperationEvent>('channel', () => undefined);
    const loads: [string, number, number][] = [];
    const ordered = new OrderedBoardOperations(
      events,
      new Map([['b', 1]]),
      async (boardId, after, upTo) => {
        loads.push([boardId, after, upTo]);

        return [event(boardId, 2), event(boardId, 3)];
      },
    );

    events.push(event('b', 4));
    events.push(event('b', 2));
    events.push(event('b', 5));
    const sequences = [];
    for (let index = 0; index < 4; index += 1) {
      sequences.push((await ordered.next()).value.sequence);
    }

    expect(sequences).toEqual([2, 3, 4, 5]);
    expect(loads).toEqual([['b', 1, 3]]);
  });

  it('filters other boards when one is given', async () => {
    const events = new EventIterator<BoardOperationEvent>('channel', () => undefined);
    const ordered = new OrderedBoardOperations(events, new Map(), async () => [], 'b');

    events.push(event('a', 1));
    events.push(event('b', 1));

    expect((await ordered.next()).value.boardId).toBe('b');
  });

  it('ends when returned while waiting', async () => {
    let finished = false;
    const events = new EventIterator<BoardOperationEvent>('channel', () => {
      finished = true;
    });
    const ordered = new OrderedBoardOperations(events, new Map(), async () => []);

    const pending = ordered.next();
    await ordered.return();

    expect((await pending).done).toBe(true);
    expect(finished).toBe(true);
  });
});
