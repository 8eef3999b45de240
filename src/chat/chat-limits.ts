/** Characters of one chat message; the same limit as the `text` of a `chat_message` engagement event. */
export const MAX_CHAT_MESSAGE_LENGTH = 2000;

/** Messages stored per session; a session that reaches it rejects new messages. */
export const MAX_CHAT_MESSAGES_PER_SESSION = 10_000;

/** Messages one participant may send within CHAT_RATE_WINDOW_SECONDS. */
export const MAX_CHAT_MESSAGES_PER_WINDOW = 10;

export const CHAT_RATE_WINDOW_SECONDS = 10;

/** Default and maximum number of messages one read returns. */
export const DEFAULT_CHAT_PAGE = 100;
export const MAX_CHAT_PAGE = 500;
