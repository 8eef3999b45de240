import {
  MAX_SEGMENT_MS,
  MAX_SPEAKER_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  SpeakerRole,
  WORDS_PER_MINUTE,
} from '../transcript-limits';

/** One turn of speech read from a transcript file, with times in milliseconds from its start. */
export interface ParsedSegment {
  speakerLabel: string;
  /** Set only when the file states the role; otherwise the service infers it. */
  speakerRole: SpeakerRole | null;
  text: string;
  startMs: number;
  endMs: number;
}

/** Location of a parse error: a 1-based line of a text file, or a 0-based index of a JSON array. */
export interface ParseLocation {
  line?: number;
  index?: number;
}

/** A transcript file that cannot be read, with the line or segment index and the field at fault. */
export class TranscriptParseError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly location: ParseLocation = {},
  ) {
    super(message);
    this.name = 'TranscriptParseError';
  }
}

const MS_PER_WORD = 60_000 / WORDS_PER_MINUTE;

/** Counts whitespace-separated words; an empty text counts as one word so it still has a duration. */
export function countWords(text: string): number {
  const words = text.split(/\s+/).filter((word) => word.length > 0);

  return Math.max(1, words.length);
}

/** Duration of a text spoken at WORDS_PER_MINUTE, in milliseconds. */
export function speakingDurationMs(text: string): number {
  return countWords(text) * MS_PER_WORD;
}

/**
 * Checks the limits every stored segment must meet, so a bad file fails at its line or index
 * rather than in the database. `where` prefixes each message, e.g. "line 12" or "segments.3".
 */
export function checkParsedSegment(
  segment: ParsedSegment,
  where: string,
  fieldPrefix: string,
  location: ParseLocation,
): void {
  const fail = (field: string, message: string) => {
    throw new TranscriptParseError(`${where}: ${message}`, `${fieldPrefix}${field}`, location);
  };
  if (segment.speakerLabel.length < 1 || segment.speakerLabel.length > MAX_SPEAKER_LABEL_LENGTH) {
    fail('speakerLabel', `the speaker name must be 1 to ${MAX_SPEAKER_LABEL_LENGTH} characters.`);
  }
  if (segment.text.length < 1 || segment.text.length > MAX_TEXT_LENGTH) {
    fail(
      'text',
      `the text must be 1 to ${MAX_TEXT_LENGTH} characters, got ${segment.text.length}.`,
    );
  }
  if (segment.endMs > MAX_SEGMENT_MS) {
    fail(
      'endMs',
      `the segment ends at ${segment.endMs} ms, after the 24-hour maximum (${MAX_SEGMENT_MS} ms).`,
    );
  }
  if (segment.endMs < segment.startMs) {
    fail('endMs', `the end (${segment.endMs} ms) is before the start (${segment.startMs} ms).`);
  }
}
