import { badInput } from '../common/app-error';
import { BoardOperationInput } from './dto/board-operation.input';
import { BoardElement } from './dto/board-results';
import {
  checkElementId,
  checkProperties,
  ElementProperties,
  mergeProperties,
} from './element-rules';
import { WhiteboardErrors } from './whiteboard.errors';
import {
  ElementKind,
  MAX_BOARD_BYTES,
  MAX_BOARD_ELEMENTS,
  OperationType,
} from './whiteboard-limits';

/** One row of board_elements. */
export interface StoredElement {
  id: string;
  kind: ElementKind;
  properties: ElementProperties;
  deleted: boolean;
  byteSize: number;
  createdSequence: number;
  /** The sequence of the operation that produced the current state. */
  lastSequence: number;
}

/**
 * An element's state before an operation changed it, which an undo restores. `kind` and
 * `properties` are present when the operation replaced them (update, re-add of a deleted id).
 * `lastSequence` is null when the element did not exist before.
 */
export interface InverseEntry {
  id: string;
  deleted: boolean;
  lastSequence: number | null;
  kind?: ElementKind;
  properties?: ElementProperties;
}

/** An operation from the log that an undo may revert. */
export interface UndoCandidate {
  sequence: number;
  inverse: InverseEntry[];
}

/** Reads board state that the batch has not touched yet. */
export interface BoardStateSource {
  loadElements(ids: string[]): Promise<StoredElement[]>;
  /** Elements that are not deleted. */
  loadLiveElements(): Promise<StoredElement[]>;
  /** The author's latest operation in the log that is not an undo and not undone, ignoring `excluded`. */
  findUndoCandidate(excluded: number[]): Promise<UndoCandidate | undefined>;
}

/** An operation planned in the batch, ready to insert. */
export interface PlannedOperation {
  index: number;
  sequence: number;
  type: OperationType;
  clientOperationId: string;
  elementId: string | null;
  undoneSequence: number | null;
  elements: BoardElement[];
  inverse: InverseEntry[];
}

/**
 * Applies a batch of operations to a board's elements in memory, loading elements on first
 * use. The caller holds the board row lock, so nothing else changes the board meanwhile, and
 * writes the changed elements and planned operations in the same transaction.
 */
export class BoardState {
  readonly planned: PlannedOperation[] = [];
  /** Elements touched by the batch; null marks an id known to have no row. */
  private readonly elements = new Map<string, StoredElement | null>();
  private readonly changed = new Set<string>();
  private readonly undone = new Set<number>();
  private liveLoaded = false;

  constructor(
    private readonly source: BoardStateSource,
    public sequence: number,
    public elementCount: number,
    public byteSize: number,
  ) {}

  /** The elements whose rows must be written. */
  changedElements(): StoredElement[] {
    return [...this.changed].map((id) => this.elements.get(id) as StoredElement);
  }

  /** Applies one operation and returns it with its sequence number. */
  async apply(input: BoardOperationInput, index: number): Promise<PlannedOperation> {
    const sequence = this.sequence + 1;
    const field = `operations.${index}`;
    const planned: PlannedOperation = {
      index,
      sequence,
      type: input.type,
      clientOperationId: input.clientOperationId,
      elementId: input.elementId ?? null,
      undoneSequence: null,
      elements: [],
      inverse: [],
    };
    const before = { count: this.elementCount, bytes: this.byteSize };
    switch (input.type) {
      case 'add':
        await this.add(field, input, planned);
        break;
      case 'update':
        await this.update(field, input, planned);
        break;
      case 'delete':
        await this.remove(field, input, planned);
        break;
      case 'clear':
        await this.clear(planned);
        break;
      case 'undo':
        await this.undo(field, planned);
        break;
    }
    if (this.elementCount > MAX_BOARD_ELEMENTS && this.elementCount > before.count) {
      throw WhiteboardErrors.tooManyElements(field, this.elementCount);
    }
    if (this.byteSize > MAX_BOARD_BYTES && this.byteSize > before.bytes) {
      throw WhiteboardErrors.tooManyBytes(field, this.byteSize);
    }
    this.sequence = sequence;
    this.planned.push(planned);

    return planned;
  }

  private async add(
    field: string,
    input: BoardOperationInput,
    planned: PlannedOperation,
  ): Promise<void> {
    const id = input.elementId as string;
    const kind = input.kind as ElementKind;
    const bytes = checkProperties(
      `${field}.properties`,
      kind,
      input.properties as ElementProperties,
    );
    const current = await this.element(id);
    if (current && !current.deleted) {
      throw WhiteboardErrors.elementExists(`${field}.elementId`, id);
    }
    planned.inverse = [
      current
        ? {
            id,
            deleted: true,
            lastSequence: current.lastSequence,
            kind: current.kind,
            properties: current.properties,
          }
        : { id, deleted: true, lastSequence: null },
    ];
    const next: StoredElement = {
      id,
      kind,
      properties: input.properties as ElementProperties,
      deleted: false,
      byteSize: bytes,
      createdSequence: current?.createdSequence ?? planned.sequence,
      lastSequence: planned.sequence,
    };
    this.put(current, next);
    planned.elements = [toBoardElement(next)];
  }

  private async update(
    field: string,
    input: BoardOperationInput,
    planned: PlannedOperation,
  ): Promise<void> {
    const id = input.elementId as string;
    const current = await this.liveElement(`${field}.elementId`, id);
    if (input.kind !== undefined && input.kind !== current.kind) {
      throw WhiteboardErrors.kindMismatch(`${field}.kind`, id, current.kind, input.kind);
    }
    const properties = mergeProperties(current.properties, input.properties as ElementProperties);
    const bytes = checkProperties(`${field}.properties`, current.kind, properties);
    planned.inverse = [
      {
        id,
        deleted: false,
        lastSequence: current.lastSequence,
        kind: current.kind,
        properties: current.properties,
      },
    ];
    const next = { ...current, properties, byteSize: bytes, lastSequence: planned.sequence };
    this.put(current, next);
    planned.elements = [toBoardElement(next)];
  }

  private async remove(
    field: string,
    input: BoardOperationInput,
    planned: PlannedOperation,
  ): Promise<void> {
    const id = input.elementId as string;
    const current = await this.liveElement(`${field}.elementId`, id);
    planned.inverse = [{ id, deleted: false, lastSequence: current.lastSequence }];
    const next = { ...current, deleted: true, lastSequence: planned.sequence };
    this.put(current, next);
    planned.elements = [toBoardElement(next)];
  }

  private async clear(planned: PlannedOperation): Promise<void> {
    await this.loadLive();
    for (const current of this.elements.values()) {
      if (!current || current.deleted) {
        continue;
      }
      planned.inverse.push({ id: current.id, deleted: false, lastSequence: current.lastSequence });
      this.put(current, { ...current, deleted: true, lastSequence: planned.sequence });
    }
  }

  /** Reverts the author's latest operation that is not an undo and not undone yet. */
  private async undo(field: string, planned: PlannedOperation): Promise<void> {
    const target = await this.undoCandidate();
    if (!target) {
      throw WhiteboardErrors.nothingToUndo(field);
    }
    const currents = await Promise.all(target.inverse.map((entry) => this.element(entry.id)));
    const changedSince = target.inverse
      .filter((entry, position) => currents[position]?.lastSequence !== target.sequence)
      .map((entry) => entry.id);
    if (changedSince.length > 0) {
      throw WhiteboardErrors.undoConflict(field, target.sequence, changedSince);
    }
    target.inverse.forEach((entry, position) => {
      const current = currents[position] as StoredElement;
      const properties = entry.properties ?? current.properties;
      const next: StoredElement = {
        ...current,
        kind: entry.kind ?? current.kind,
        properties,
        deleted: entry.deleted,
        byteSize: entry.properties ? byteSizeOf(properties) : current.byteSize,
        // An element restored to its earlier state gets its earlier sequence back, so the
        // author can undo the operation before this one too.
        lastSequence: entry.lastSequence ?? planned.sequence,
      };
      this.put(current, next);
      planned.elements.push(toBoardElement(next));
    });
    planned.undoneSequence = target.sequence;
    this.undone.add(target.sequence);
  }

  private async undoCandidate(): Promise<UndoCandidate | undefined> {
    for (let position = this.planned.length - 1; position >= 0; position -= 1) {
      const candidate = this.planned[position];
      if (candidate.type !== 'undo' && !this.undone.has(candidate.sequence)) {
        return candidate;
      }
    }

    return this.source.findUndoCandidate([...this.undone]);
  }

  private async liveElement(field: string, id: string): Promise<StoredElement> {
    const current = await this.element(id);
    if (!current || current.deleted) {
      throw WhiteboardErrors.unknownElement(field, id);
    }

    return current;
  }

  private async element(id: string): Promise<StoredElement | null> {
    if (!this.elements.has(id)) {
      const [row] = await this.source.loadElements([id]);
      this.elements.set(id, row ?? null);
    }

    return this.elements.get(id) ?? null;
  }

  private async loadLive(): Promise<void> {
    if (this.liveLoaded) {
      return;
    }
    for (const row of await this.source.loadLiveElements()) {
      if (!this.elements.has(row.id)) {
        this.elements.set(row.id, row);
      }
    }
    this.liveLoaded = true;
  }

  /** Replaces an element's state and keeps the board's live count and size current. */
  private put(current: StoredElement | null, next: StoredElement): void {
    if (current && !current.deleted) {
      this.elementCount -= 1;
      this.byteSize -= current.byteSize;
    }
    if (!next.deleted) {
      this.elementCount += 1;
      this.byteSize += next.byteSize;
    }
    this.elements.set(next.id, next);
    this.changed.add(next.id);
  }
}

/**
 * Checks what an operation must and must not carry for its type, before any database work.
 * Properties are checked against the element kind later, when the current element is known.
 */
export function checkOperationShape(input: BoardOperationInput, index: number): void {
  const field = `operations.${index}`;
  const needsElement = input.type === 'add' || input.type === 'update' || input.type === 'delete';
  if (needsElement) {
    if (input.elementId === undefined || input.elementId === null) {
      throw badInput(
        `${field}.elementId`,
        `${field}.elementId is required for ${input.type}.`,
        'MISSING_FIELD',
      );
    }
    checkElementId(`${field}.elementId`, input.elementId);
  } else if (input.elementId !== undefined && input.elementId !== null) {
    throw badInput(
      `${field}.elementId`,
      `${field}.elementId must be omitted for ${input.type}, which ${input.type === 'clear' ? 'deletes every element' : 'reverts the author’s last operation'}.`,
      'UNEXPECTED_FIELD',
    );
  }
  if (input.type === 'add' && (input.kind === undefined || input.kind === null)) {
    throw badInput(`${field}.kind`, `${field}.kind is required for add.`, 'MISSING_FIELD');
  }
  if (
    input.type !== 'add' &&
    input.type !== 'update' &&
    input.kind !== undefined &&
    input.kind !== null
  ) {
    throw badInput(
      `${field}.kind`,
      `${field}.kind must be omitted for ${input.type}.`,
      'UNEXPECTED_FIELD',
    );
  }
  const needsProperties = input.type === 'add' || input.type === 'update';
  if (needsProperties && (input.properties === undefined || input.properties === null)) {
    throw badInput(
      `${field}.properties`,
      `${field}.properties is required for ${input.type}.`,
      'MISSING_FIELD',
    );
  }
  if (!needsProperties && input.properties !== undefined && input.properties !== null) {
    throw badInput(
      `${field}.properties`,
      `${field}.properties must be omitted for ${input.type}.`,
      'UNEXPECTED_FIELD',
    );
  }
}

export function toBoardElement(element: StoredElement): BoardElement {
  return {
    id: element.id,
    kind: element.kind,
    properties: element.deleted ? null : element.properties,
    deleted: element.deleted,
  };
}

function byteSizeOf(properties: ElementProperties): number {
  return Buffer.byteLength(JSON.stringify(properties), 'utf8');
}
