/** Maximum events in one batch request. */
export const MAX_BATCH_EVENTS = 1_000;
export const MAX_CLIENT_EVENT_ID_LENGTH = 100;
/** Client event ids of events from LiveKit webhooks start with this; clients may not use it. */
export const RESERVED_CLIENT_EVENT_ID_PREFIX = 'livekit:';
export const MAX_CONNECTION_ID_LENGTH = 100;
export const MAX_CHAT_TEXT_LENGTH = 2_000;
export const MAX_BOARD_OPERATION_LENGTH = 32;
/** Longest `spoke` event, milliseconds (4 hours). */
export const MAX_SPOKE_MS = 4 * 60 * 60 * 1000;
/** How far ahead of the server clock occurredAt may be, milliseconds, to allow for clock skew. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/**
 * How long before a session's creation or scheduled start, whichever is earlier, occurredAt may
 * be, milliseconds (24 hours).
 */
export const MAX_EARLY_MS = 24 * 60 * 60 * 1000;

/** The reactions a `reaction` event may carry. */
export const REACTION_KINDS = [
  'thumbs_up',
  'thumbs_down',
  'clap',
  'heart',
  'laugh',
  'surprised',
  'confused',
] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Sessions of these statuses accept no events. */
export const CLOSED_SESSION_STATUSES = ['cancelled'] as const;

/** Default and maximum number of sessions in a student's engagement trend. */
export const DEFAULT_TREND_SESSIONS = 20;
export const MAX_TREND_SESSIONS = 100;
/** Sessions in the moving average of a student's participation score. */
export const TREND_MOVING_AVERAGE_WINDOW = 3;
