/** Speaker roles of transcript segments. Observers and unmatched speakers are `other`. */
export const SPEAKER_ROLES = ['instructor', 'student', 'other'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** Segment origins: a speech-to-text agent during the session (`live`), or an uploaded file (`upload`). */
export const SEGMENT_SOURCES = ['live', 'upload'] as const;
export type SegmentSource = (typeof SEGMENT_SOURCES)[number];

export const TRANSCRIPT_FORMATS = ['json', 'webvtt', 'text'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** Latest allowed segment end, milliseconds from the session start (24 hours). */
export const MAX_SEGMENT_MS = 24 * 60 * 60 * 1000;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_SPEAKER_LABEL_LENGTH = 200;
export const MAX_CLIENT_SEGMENT_ID_LENGTH = 200;
export const MAX_BATCH_SEGMENTS = 1_000;
export const MAX_UPLOAD_SEGMENTS = 20_000;
/** Maximum upload content, bytes of UTF-8; equal to the server's request body limit. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Speaking rate used to assign times to segments that have none. */
export const WORDS_PER_MINUTE = 150;
