import { AppError, badInput, ErrorCode, notFound } from '../common/app-error';
import {
  MAX_BOARD_BYTES,
  MAX_BOARD_ELEMENTS,
  MAX_BOARDS_PER_SESSION,
  RATE_LIMIT_OPERATIONS,
  RATE_WINDOW_MS,
} from './whiteboard-limits';

export const WhiteboardErrors = {
  boardNotFound: (id: string, field = 'boardId') => notFound('Board', id, field),
  mainBoardExists: (sessionId: string, boardId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" already has a main board ("${boardId}"). Read it with board or boards instead of creating another.`,
      { reason: 'BOARD_EXISTS', field: 'sessionId', details: { boardId } },
    ),
  breakoutBoardExists: (breakoutGroupId: string, boardId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Breakout group "${breakoutGroupId}" already has a board ("${boardId}").`,
      { reason: 'BOARD_EXISTS', field: 'breakoutGroupId', details: { boardId } },
    ),
  tooManyBoards: (sessionId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" already has the maximum of ${MAX_BOARDS_PER_SESSION} boards.`,
      { reason: 'TOO_MANY_BOARDS', field: 'sessionId' },
    ),
  sessionClosed: (sessionId: string, status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}, so its boards are read-only. Boards change only while the session is scheduled or live.`,
      { reason: 'BOARD_READ_ONLY', details: { sessionStatus: status } },
    ),
  studentsDrawOnlyLive: (status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `The session is ${status}; students draw only while it is live. Wait until the instructor starts the session.`,
      { reason: 'SESSION_NOT_LIVE', details: { sessionStatus: status } },
    ),
  instructorOnlyAction: (action: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Only an instructor of the session or an API key can ${action}.`,
      { reason: 'INSTRUCTOR_ONLY' },
    ),
  observerCannotDraw: () =>
    new AppError(
      ErrorCode.Forbidden,
      'Observers can read boards but not draw on them. Join as an instructor or student to draw.',
      { reason: 'OBSERVER_CANNOT_DRAW' },
    ),
  boardLocked: (boardId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Board "${boardId}" is locked by the instructor; students cannot draw until it is unlocked.`,
      { reason: 'BOARD_LOCKED' },
    ),
  instructorOnlyBoard: (boardId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Only instructors draw on board "${boardId}" (drawPolicy instructor_only).`,
      { reason: 'DRAW_POLICY_INSTRUCTOR_ONLY' },
    ),
  notSelected: (boardId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Only selected participants draw on board "${boardId}" (drawPolicy selected), and this participant is not one of them.`,
      { reason: 'NOT_SELECTED_TO_DRAW' },
    ),
  participantRemoved: (participantId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Participant "${participantId}" was removed from this session and cannot use its boards.`,
      { reason: 'PARTICIPANT_REMOVED' },
    ),
  otherSession: () =>
    new AppError(
      ErrorCode.Forbidden,
      "This participant token belongs to another session than the board's.",
      { reason: 'PARTICIPANT_WRONG_SESSION' },
    ),
  rateLimited: (recent: number, submitted: number) =>
    new AppError(
      ErrorCode.TooManyRequests,
      `Too many board operations: ${recent} in the last ${RATE_WINDOW_MS / 1000} seconds plus ${submitted} submitted ` +
        `exceeds the limit of ${RATE_LIMIT_OPERATIONS} per participant. Retry after ${RATE_WINDOW_MS / 1000} seconds, ` +
        'or send fewer, larger batches.',
      {
        reason: 'RATE_LIMITED',
        field: 'operations',
        details: {
          limit: RATE_LIMIT_OPERATIONS,
          windowMs: RATE_WINDOW_MS,
          retryAfterMs: RATE_WINDOW_MS,
        },
      },
    ),
  tooManyElements: (field: string, count: number) =>
    new AppError(
      ErrorCode.Conflict,
      `${field} would leave the board with ${count} elements; a board holds at most ${MAX_BOARD_ELEMENTS}. ` +
        'Delete elements or use another board.',
      { reason: 'BOARD_FULL', field, details: { maxElements: MAX_BOARD_ELEMENTS } },
    ),
  tooManyBytes: (field: string, bytes: number) =>
    new AppError(
      ErrorCode.Conflict,
      `${field} would make the board's elements ${bytes} bytes; a board holds at most ${MAX_BOARD_BYTES} bytes. ` +
        'Delete elements or use another board.',
      { reason: 'BOARD_FULL', field, details: { maxBytes: MAX_BOARD_BYTES } },
    ),
  elementExists: (field: string, elementId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `${field} "${elementId}" is already on the board. Send an update to change it, or add it with a new id.`,
      { reason: 'ELEMENT_EXISTS', field },
    ),
  unknownElement: (field: string, elementId: string) =>
    badInput(
      field,
      `${field} "${elementId}" is not on the board (never added, or deleted). Add the element first.`,
      'UNKNOWN_ELEMENT',
    ),
  kindMismatch: (field: string, elementId: string, kind: string, given: string) =>
    badInput(
      field,
      `${field} is "${given}", but element "${elementId}" is a ${kind}. An element's kind cannot change: ` +
        'delete it and add a new element instead.',
      'ELEMENT_KIND_MISMATCH',
    ),
  nothingToUndo: (field: string) =>
    new AppError(
      ErrorCode.Conflict,
      `${field}: this author has no operation on the board left to undo.`,
      { reason: 'NOTHING_TO_UNDO', field },
    ),
  undoConflict: (field: string, sequence: number, elementIds: string[]) =>
    new AppError(
      ErrorCode.Conflict,
      `${field}: operation ${sequence} cannot be undone because elements it changed were changed again since: ` +
        `${elementIds.slice(0, 10).join(', ')}. Change them with new operations instead.`,
      {
        reason: 'UNDO_CONFLICT',
        field,
        details: { undoneSequence: sequence, elementIds: elementIds.slice(0, 100) },
      },
    ),
  clientOperationIdReused: (field: string, clientOperationId: string, sequence: number) =>
    new AppError(
      ErrorCode.Conflict,
      `${field} "${clientOperationId}" was already used on this board for a different operation (sequence ${sequence}). ` +
        'Use a new clientOperationId for each operation; resend an identical operation only to retry it.',
      { reason: 'CLIENT_OPERATION_ID_REUSED', field, details: { sequence } },
    ),
  unknownSelectedParticipants: (ids: string[]) =>
    badInput(
      'selectedParticipantIds',
      `selectedParticipantIds contains ids that are not participants of the board's session: ${ids.slice(0, 10).join(', ')}. ` +
        'List participants of this session.',
      'UNKNOWN_PARTICIPANTS',
    ),
};
