import { AppError } from '../common/app-error';
import {
  BoardState,
  BoardStateSource,
  PlannedOperation,
  StoredElement,
  UndoCandidate,
} from './board-state';
import { BoardOperationInput } from './dto/board-operation.input';
import { MAX_BOARD_ELEMENTS } from './whiteboard-limits';

/** A board kept in memory: the rows a committed batch would have written. */
class MemoryBoard implements BoardStateSource {
  readonly rows = new Map<string, StoredElement>();
  readonly log: PlannedOperation[] = [];
  sequence = 0;
  elementCount = 0;
  byteSize = 0;

  async loadElements(ids: string[]): Promise<StoredElement[]> {
    return ids.flatMap((id) =>
      this.rows.has(id) ? [{ ...(this.rows.get(id) as StoredElement) }] : [],
    );
  }

  async loadLiveElements(): Promise<StoredElement[]> {
    return [...this.rows.values()].filter((row) => !row.deleted).map((row) => ({ ...row }));
  }

  async findUndoCandidate(excluded: number[]): Promise<UndoCandidate | undefined> {
    const undone = new Set(
      this.log.map((op) => op.undoneSequence).filter((value) => value !== null),
    );

    return [...this.log]
      .reverse()
      .find(
        (op) => op.type !== 'undo' && !undone.has(op.sequence) && !excluded.includes(op.sequence),
      );
  }

  /** Applies a batch and commits it, or leaves the board unchanged when it fails. */
  async submit(...inputs: Partial<BoardOperationInput>[]): Promise<PlannedOperation[]> {
    const state = new BoardState(this, this.sequence, this.elementCount, this.byteSize);
    for (const [index, input] of inputs.entries()) {
      await state.apply(
        { clientOperationId: `c${this.sequence + index + 1}`, ...input } as BoardOperationInput,
        index,
      );
    }
    for (const element of state.changedElements()) {
      this.rows.set(element.id, element);
    }
    this.log.push(...state.planned);
    this.sequence = state.sequence;
    this.elementCount = state.elementCount;
    this.byteSize = state.byteSize;

    return state.planned;
  }

  live(): Record<string, unknown> {
    return Object.fromEntries(
      [...this.rows.values()].filter((row) => !row.deleted).map((row) => [row.id, row.properties]),
    );
  }
}

const rect = (x: number) => ({ x, y: 0, width: 10, height: 10 });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);

  return error as AppError;
}

describe('BoardState', () => {
  it('numbers operations without gaps', async () => {
    const board = new MemoryBoard();

    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });
    const planned = await board.submit(
      { type: 'add', elementId: 'b', kind: 'rectangle', properties: rect(1) },
      { type: 'update', elementId: 'a', properties: { x: 5 } },
    );

    expect(planned.map((op) => op.sequence)).toEqual([2, 3]);
    expect(board.live()).toEqual({ a: { ...rect(0), x: 5 }, b: rect(1) });
    expect(board.elementCount).toBe(2);
  });

  it('reports the merged element after an update', async () => {
    const board = new MemoryBoard();
    await board.submit({
      type: 'add',
      elementId: 'a',
      kind: 'rectangle',
      properties: { ...rect(0), color: 'red' },
    });

    const [update] = await board.submit({
      type: 'update',
      elementId: 'a',
      properties: { color: null, x: 3 },
    });

    expect(update.elements).toEqual([
      { id: 'a', kind: 'rectangle', properties: rect(3), deleted: false },
    ]);
  });

  it('rejects adding an element that exists', async () => {
    const board = new MemoryBoard();
    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });

    const error = await failure(
      board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) }),
    );

    expect(error.reason).toBe('ELEMENT_EXISTS');
    expect(error.field).toBe('operations.0.elementId');
  });

  it('rejects update and delete of unknown elements', async () => {
    const board = new MemoryBoard();

    const update = await failure(
      board.submit({ type: 'update', elementId: 'nope', properties: { x: 1 } }),
    );
    const remove = await failure(board.submit({ type: 'delete', elementId: 'nope' }));

    expect(update.reason).toBe('UNKNOWN_ELEMENT');
    expect(remove.reason).toBe('UNKNOWN_ELEMENT');
    expect(board.sequence).toBe(0);
  });

  it('rejects a kind change', async () => {
    const board = new MemoryBoard();
    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });

    const error = await failure(
      board.submit({ type: 'update', elementId: 'a', kind: 'ellipse', properties: { x: 1 } }),
    );

    expect(error.reason).toBe('ELEMENT_KIND_MISMATCH');
  });

  it('clears every element and undoes the clear', async () => {
    const board = new MemoryBoard();
    await board.submit(
      { type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) },
      { type: 'add', elementId: 'b', kind: 'rectangle', properties: rect(1) },
    );

    const [clear] = await board.submit({ type: 'clear' });
    const afterClear = board.live();
    const [undo] = await board.submit({ type: 'undo' });

    expect(clear.elements).toEqual([]);
    expect(afterClear).toEqual({});
    expect(undo.undoneSequence).toBe(3);
    expect(undo.elements.map((element) => element.id).sort()).toEqual(['a', 'b']);
    expect(board.live()).toEqual({ a: rect(0), b: rect(1) });
    expect(board.elementCount).toBe(2);
  });

  it('walks back the author’s operations one undo at a time', async () => {
    const board = new MemoryBoard();
    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });
    await board.submit({ type: 'update', elementId: 'a', properties: { x: 7 } });
    await board.submit({ type: 'delete', elementId: 'a' });

    const [first] = await board.submit({ type: 'undo' });
    const afterFirst = board.live();
    const [second] = await board.submit({ type: 'undo' });
    const afterSecond = board.live();
    const [third] = await board.submit({ type: 'undo' });

    expect(first.undoneSequence).toBe(3);
    expect(afterFirst).toEqual({ a: { ...rect(0), x: 7 } });
    expect(second.undoneSequence).toBe(2);
    expect(afterSecond).toEqual({ a: rect(0) });
    expect(third.undoneSequence).toBe(1);
    expect(third.elements).toEqual([
      { id: 'a', kind: 'rectangle', properties: null, deleted: true },
    ]);
    expect(board.live()).toEqual({});
    expect((await failure(board.submit({ type: 'undo' }))).reason).toBe('NOTHING_TO_UNDO');
  });

  it('undoes within one batch', async () => {
    const board = new MemoryBoard();

    const planned = await board.submit(
      { type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) },
      { type: 'add', elementId: 'b', kind: 'rectangle', properties: rect(1) },
      { type: 'undo' },
    );

    expect(planned[2].undoneSequence).toBe(2);
    expect(board.live()).toEqual({ a: rect(0) });
  });

  it('rejects an undo after another change to the element', async () => {
    const board = new MemoryBoard();
    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });
    const add = board.log[0];
    await board.submit({ type: 'update', elementId: 'a', properties: { x: 2 } });
    // The memory board has no authors, so the update stands for another author's change and
    // the add stays the undo candidate.
    board.findUndoCandidate = async () => add;

    const error = await failure(board.submit({ type: 'undo' }));

    expect(error.reason).toBe('UNDO_CONFLICT');
    expect(error.details).toMatchObject({ undoneSequence: 1, elementIds: ['a'] });
  });

  it('re-adds a deleted id at its first place', async () => {
    const board = new MemoryBoard();
    await board.submit({ type: 'add', elementId: 'a', kind: 'rectangle', properties: rect(0) });
    await board.submit({ type: 'delete', elementId: 'a' });

    await board.submit({ type: 'add', elementId: 'a', kind: 'ellipse', properties: rect(4) });

    expect(board.rows.get('a')).toMatchObject({
      kind: 'ellipse',
      createdSequence: 1,
      deleted: false,
    });
  });

  it('rejects a board over the element limit', async () => {
    const board = new MemoryBoard();
    board.elementCount = MAX_BOARD_ELEMENTS;

    const error = await failure(
      board.submit({ type: 'add', elementId: 'x', kind: 'rectangle', properties: rect(0) }),
    );

    expect(error.reason).toBe('BOARD_FULL');
    expect(error.field).toBe('operations.0');
  });
});
