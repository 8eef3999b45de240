import { StoredElement } from './board-state';
import { BoardElement, BoardOperation } from './dto/board-results';
import { ElementKind, OperationType } from './whiteboard-limits';

/** A board_elements row as node-postgres returns it: bigint columns arrive as strings. */
export interface ElementRow {
  element_id: string;
  kind: ElementKind;
  properties: Record<string, unknown>;
  deleted: boolean;
  byte_size: number;
  created_sequence: string;
  last_sequence: string;
}

/** A board_operations row as node-postgres returns it. */
export interface OperationRow {
  id: string;
  board_id: string;
  session_id: string;
  sequence: string;
  type: OperationType;
  client_operation_id: string;
  request_hash: string;
  element_id: string | null;
  undone_sequence: string | null;
  elements: BoardElement[];
  participant_id: string | null;
  api_key_id: string | null;
  created_at: Date;
}

/** The columns of OperationRow, for SELECT and RETURNING lists. */
export const OPERATION_COLUMNS = `id, board_id, session_id, sequence, type, client_operation_id, request_hash,
  element_id, undone_sequence, elements, participant_id, api_key_id, created_at`;

export const ELEMENT_COLUMNS =
  'element_id, kind, properties, deleted, byte_size, created_sequence, last_sequence';

export function elementFromRow(row: ElementRow): StoredElement {
  return {
    id: row.element_id,
    kind: row.kind,
    properties: row.properties,
    deleted: row.deleted,
    byteSize: row.byte_size,
    createdSequence: Number(row.created_sequence),
    lastSequence: Number(row.last_sequence),
  };
}

export function operationFromRow(row: OperationRow): BoardOperation {
  return Object.assign(new BoardOperation(), {
    id: row.id,
    boardId: row.board_id,
    sessionId: row.session_id,
    sequence: Number(row.sequence),
    type: row.type,
    clientOperationId: row.client_operation_id,
    elementId: row.element_id,
    undoneSequence: row.undone_sequence === null ? null : Number(row.undone_sequence),
    elements: row.elements,
    participantId: row.participant_id,
    apiKeyId: row.api_key_id,
    createdAt: new Date(row.created_at),
  });
}

/** A stored operation as published to subscribers: its JSON form, with the date as an ISO string. */
export type BoardOperationEvent = Omit<BoardOperation, 'createdAt'> & { createdAt: string };

export function operationFromEvent(event: BoardOperationEvent): BoardOperation {
  return Object.assign(new BoardOperation(), event, { createdAt: new Date(event.createdAt) });
}
