import { SPEAKER_ROLES, SpeakerRole } from '../transcript-limits';
import {
  checkParsedSegment,
  ParsedSegment,
  speakingDurationMs,
  TranscriptParseError,
} from './parsed-segment';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRole(value: unknown): value is SpeakerRole {
  return typeof value === 'string' && (SPEAKER_ROLES as readonly string[]).includes(value);
}

/** Returns the array of segments from `[...]` or `{ "segments": [...] }`. */
function segmentArray(document: unknown): unknown[] {
  if (Array.isArray(document)) {
    return document;
  }
  if (isObject(document) && Array.isArray(document.segments)) {
    return document.segments;
  }
  throw new TranscriptParseError(
    'The JSON transcript must be an array of segments or an object with a "segments" array.',
    'segments',
  );
}

function optionalString(
  item: JsonObject,
  key: string,
  field: string,
  index: number,
): string | undefined {
  const value = item[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new TranscriptParseError(`${field}: expected a string, got ${typeof value}.`, field, {
      index,
    });
  }

  return value.trim();
}

function optionalMs(
  item: JsonObject,
  key: string,
  field: string,
  index: number,
): number | undefined {
  const value = item[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TranscriptParseError(
      `${field}: expected a whole number of milliseconds, 0 or more, got ${JSON.stringify(value)}.`,
      field,
      { index },
    );
  }

  return value;
}

/** Reads the speaker: `name` or `speakerLabel` is the label, and `speaker` is a role or else the label. */
function readSpeaker(item: JsonObject, prefix: string, index: number) {
  const speaker = optionalString(item, 'speaker', `${prefix}.speaker`, index);
  const name =
    optionalString(item, 'name', `${prefix}.name`, index) ??
    optionalString(item, 'speakerLabel', `${prefix}.speakerLabel`, index);
  const explicitRole = optionalString(item, 'speakerRole', `${prefix}.speakerRole`, index);
  if (explicitRole !== undefined && !isRole(explicitRole)) {
    throw new TranscriptParseError(
      `${prefix}.speakerRole: expected one of ${SPEAKER_ROLES.join(', ')}, got "${explicitRole.slice(0, 40)}".`,
      `${prefix}.speakerRole`,
      { index },
    );
  }
  const speakerRole = explicitRole ?? (isRole(speaker) ? speaker : null);
  const speakerLabel = name || speaker;
  if (!speakerLabel) {
    throw new TranscriptParseError(
      `${prefix}: the speaker is missing. Set "name" (the speaker's name) or "speaker".`,
      `${prefix}.name`,
      { index },
    );
  }

  return { speakerLabel, speakerRole };
}

function readSegment(item: unknown, index: number, previousEndMs: number): ParsedSegment {
  const prefix = `segments.${index}`;
  if (!isObject(item)) {
    throw new TranscriptParseError(
      `${prefix}: expected an object with "speaker" and "text".`,
      prefix,
      { index },
    );
  }
  const text = optionalString(item, 'text', `${prefix}.text`, index);
  if (!text) {
    throw new TranscriptParseError(
      `${prefix}.text: the text is missing or empty.`,
      `${prefix}.text`,
      { index },
    );
  }
  const startMs = optionalMs(item, 'startMs', `${prefix}.startMs`, index) ?? previousEndMs;
  const endMs =
    optionalMs(item, 'endMs', `${prefix}.endMs`, index) ?? startMs + speakingDurationMs(text);
  const segment = { ...readSpeaker(item, prefix, index), text, startMs, endMs };
  checkParsedSegment(segment, prefix, `${prefix}.`, { index });

  return segment;
}

/**
 * Parses a JSON transcript: an array of segments, or an object with a `segments` array, each
 * `{ speaker, name?, text, startMs?, endMs? }`. A missing start is the previous segment's end,
 * and a missing end adds the speaking time of the text at WORDS_PER_MINUTE.
 */
export function parseJsonTranscript(content: string | unknown): ParsedSegment[] {
  let document = content;
  if (typeof content === 'string') {
    try {
      document = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new TranscriptParseError(`The content is not valid JSON: ${reason}.`, 'content');
    }
  }
  const items = segmentArray(document);
  if (items.length === 0) {
    throw new TranscriptParseError('The transcript is empty: "segments" has no items.', 'segments');
  }
  const segments: ParsedSegment[] = [];
  items.forEach((item, index) => {
    segments.push(readSegment(item, index, segments[index - 1]?.endMs ?? 0));
  });

  return segments;
}
