import { parseJsonTranscript } from './parsers/json-transcript.parser';
import { ParsedSegment, TranscriptParseError } from './parsers/parsed-segment';
import { parseSpeakerLines } from './parsers/speaker-lines.parser';
import { parseWebVtt } from './parsers/webvtt.parser';
import {
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_SEGMENTS,
  TRANSCRIPT_FORMATS,
  TranscriptFormat,
} from './transcript-limits';
import { TranscriptErrors } from './transcripts.errors';

function isFormat(value: string): value is TranscriptFormat {
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}

function checkText(content: string): void {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_UPLOAD_BYTES) {
    throw TranscriptErrors.uploadTooLarge(bytes);
  }
  if (content.trim() === '') {
    throw TranscriptErrors.emptyUpload();
  }
}

function parseByFormat(format: TranscriptFormat, content: unknown): ParsedSegment[] {
  if (format === 'json') {
    return parseJsonTranscript(content);
  }
  if (typeof content !== 'string') {
    throw TranscriptErrors.wrongContentType(format);
  }
  checkText(content);

  return format === 'webvtt' ? parseWebVtt(content) : parseSpeakerLines(content);
}

/**
 * Parses an uploaded transcript. `content` is the file text, or for `json` also the already
 * decoded JSON document. Parse errors become BAD_USER_INPUT naming the line or segment index.
 */
export function parseUpload(format: string, content: unknown): ParsedSegment[] {
  if (!isFormat(format)) {
    throw TranscriptErrors.unknownFormat(format);
  }
  if (content === undefined || content === null) {
    throw TranscriptErrors.emptyUpload();
  }
  if (typeof content === 'string') {
    checkText(content);
  }
  let segments: ParsedSegment[];
  try {
    segments = parseByFormat(format, content);
  } catch (error) {
    if (error instanceof TranscriptParseError) {
      throw TranscriptErrors.unreadable(error);
    }
    throw error;
  }
  if (segments.length > MAX_UPLOAD_SEGMENTS) {
    throw TranscriptErrors.uploadTooManySegments(segments.length);
  }

  return segments;
}
