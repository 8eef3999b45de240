/** Element kinds a board stores. */
export const ELEMENT_KINDS = [
  'stroke',
  'rectangle',
  'ellipse',
  'line',
  'arrow',
  'text',
  'sticky_note',
  'image',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Operation types of the board log. */
export const OPERATION_TYPES = ['add', 'update', 'delete', 'clear', 'undo'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** Who may draw on a board besides instructors and API keys. */
export const DRAW_POLICIES = ['everyone', 'instructor_only', 'selected'] as const;
export type DrawPolicy = (typeof DRAW_POLICIES)[number];

/** Operations in one submission. */
export const MAX_BATCH_OPERATIONS = 100;
/** Bytes of one operation serialized as JSON (UTF-8). */
export const MAX_OPERATION_BYTES = 32 * 1024;
/** Bytes of one element's properties serialized as JSON, after an update is merged. */
export const MAX_ELEMENT_BYTES = 32 * 1024;
/**
 * Points of one stroke, line or arrow. With coordinates of two decimals a point takes about 17
 * bytes of JSON, so a stroke at this limit still fits MAX_OPERATION_BYTES.
 */
export const MAX_POINTS = 1_500;
/** Elements on a board that are not deleted. */
export const MAX_BOARD_ELEMENTS = 5_000;
/** Bytes of the properties of all elements on a board that are not deleted. */
export const MAX_BOARD_BYTES = 5 * 1024 * 1024;
/**
 * Operations one participant may submit in RATE_WINDOW_MS, across all boards: 50 per second
 * on average, with bursts of one full batch. API keys are not rate limited.
 */
export const RATE_LIMIT_OPERATIONS = 100;
export const RATE_WINDOW_MS = 2_000;
/** Boards of one session: its main board and one per breakout group. */
export const MAX_BOARDS_PER_SESSION = 100;
/** Participant ids in a board's `selected` draw policy; equal to the maximum room capacity. */
export const MAX_SELECTED_PARTICIPANTS = 500;
export const MAX_TITLE_LENGTH = 200;
export const MAX_ELEMENT_ID_LENGTH = 100;
export const MAX_CLIENT_OPERATION_ID_LENGTH = 100;
/** Element ids such as tldraw's `shape:abc` or Excalidraw's nanoids. */
export const ELEMENT_ID_PATTERN = /^[A-Za-z0-9_:.\-]+$/;
/** Visible ASCII, like an Idempotency-Key. */
export const CLIENT_OPERATION_ID_PATTERN = /^[\x21-\x7e]+$/;
export const MAX_PROPERTY_KEYS = 100;
export const MAX_PROPERTY_KEY_LENGTH = 64;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_URL_LENGTH = 2_048;
/** Largest absolute coordinate or size, in board units. */
export const MAX_COORDINATE = 10_000_000;
export const MAX_STYLE_LENGTH = 64;
/** Operations per page of `boardOperations`. */
export const DEFAULT_OPERATIONS_PAGE = 500;
export const MAX_OPERATIONS_PAGE = 1_000;
/** Default threshold of an idle gap in the board metrics, seconds. */
export const DEFAULT_IDLE_GAP_SECONDS = 60;
export const MAX_IDLE_GAP_SECONDS = 3_600;
