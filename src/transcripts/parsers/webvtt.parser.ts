import { checkParsedSegment, ParsedSegment, TranscriptParseError } from './parsed-segment';
import { splitSpeakerPrefix } from './speaker-role';

interface Line {
  text: string;
  number: number;
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const VOICE_TAG = /^<v(?:\.[^\s>]*)?\s+([^>]+)>/;
const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
  '&quot;': '"',
  '&apos;': "'",
};

function fail(line: number, message: string): never {
  throw new TranscriptParseError(`WebVTT line ${line}: ${message}`, 'content', { line });
}

/** Parses `HH:MM:SS.mmm` or `MM:SS.mmm` into milliseconds. */
function parseTimestamp(value: string, line: number): number {
  const match = TIMESTAMP.exec(value);
  if (!match) {
    fail(line, `invalid timestamp "${value.slice(0, 40)}": expected HH:MM:SS.mmm or MM:SS.mmm.`);
  }
  const [hours, minutes, seconds, millis] = match.slice(1).map((part) => Number(part ?? 0));

  return ((hours! * 60 + minutes!) * 60 + seconds!) * 1000 + millis!;
}

/** Splits the file into blocks of non-blank lines, keeping 1-based line numbers. */
function readBlocks(content: string): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  content.split(/\r\n|\r|\n/).forEach((text, offset) => {
    if (text.trim() === '') {
      if (block.length > 0) {
        blocks.push(block);
      }
      block = [];
    } else {
      block.push({ text, number: offset + 1 });
    }
  });
  if (block.length > 0) {
    blocks.push(block);
  }

  return blocks;
}

function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
}

interface Turn {
  speaker: string | undefined;
  parts: string[];
}

/** Splits cue text into turns: a line with a voice tag or a `Speaker:` prefix starts a new one. */
function readTurns(payload: Line[]): Turn[] {
  const turns: Turn[] = [];
  for (const line of payload) {
    const voice = VOICE_TAG.exec(line.text.trim());
    const plain = stripMarkup(line.text);
    const prefixed = voice ? undefined : splitSpeakerPrefix(plain);
    const speaker = voice?.[1]?.trim() ?? prefixed?.speaker;
    const text = prefixed ? prefixed.text : plain;
    const current = turns[turns.length - 1];
    if (speaker !== undefined || !current) {
      turns.push({ speaker, parts: [text] });
    } else {
      current.parts.push(text);
    }
  }

  return turns;
}

function isSkippedBlock(first: string): boolean {
  return /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first);
}

/** Reads the cue timing line `start --> end [settings]` and checks that the end is not before the start. */
function readTiming(line: Line): { startMs: number; endMs: number } {
  const [start, rest] = line.text.split('-->').map((part) => part.trim());
  const end = rest?.split(/[ \t]+/)[0] ?? '';
  const startMs = parseTimestamp(start ?? '', line.number);
  const endMs = parseTimestamp(end, line.number);
  if (endMs < startMs) {
    fail(line.number, `the cue ends (${end}) before it starts (${start}).`);
  }

  return { startMs, endMs };
}

/**
 * Parses one cue block into segments. A cue without a speaker keeps the speaker of the previous
 * cue, because captioners often split one speaker's turn across cues.
 */
function parseCue(block: Line[], previousSpeaker: string | undefined): ParsedSegment[] {
  const timingIndex = block[0]!.text.includes('-->') ? 0 : 1;
  const timingLine = block[timingIndex];
  if (!timingLine?.text.includes('-->')) {
    fail(block[0]!.number, 'expected a cue timing line such as "00:00:01.000 --> 00:00:04.000".');
  }
  const { startMs, endMs } = readTiming(timingLine);
  let speaker = previousSpeaker;
  const segments: ParsedSegment[] = [];
  for (const turn of readTurns(block.slice(timingIndex + 1))) {
    speaker = turn.speaker ?? speaker;
    const text = turn.parts.join(' ').replace(/\s+/g, ' ').trim();
    if (text === '') {
      continue;
    }
    const segment = {
      speakerLabel: speaker ?? 'Unknown speaker',
      speakerRole: null,
      text,
      startMs,
      endMs,
    };
    checkParsedSegment(segment, `WebVTT line ${timingLine.number}`, '', {
      line: timingLine.number,
    });
    segments.push(segment);
  }

  return segments;
}

/**
 * Parses a WebVTT file into segments: cue identifiers are optional, NOTE, STYLE and REGION blocks
 * are skipped, and the speaker comes from a `<v Name>` voice tag or a `Name:` prefix. Errors name
 * the 1-based line.
 */
export function parseWebVtt(content: string): ParsedSegment[] {
  const blocks = readBlocks(content.replace(/^\uFEFF/, ''));
  const header = blocks[0]?.[0];
  if (!header || !HEADER.test(header.text)) {
    fail(header?.number ?? 1, 'a WebVTT file must start with the line "WEBVTT".');
  }
  const segments: ParsedSegment[] = [];
  for (const block of blocks.slice(1)) {
    if (isSkippedBlock(block[0]!.text)) {
      continue;
    }
    segments.push(...parseCue(block, segments[segments.length - 1]?.speakerLabel));
  }
  if (segments.length === 0) {
    throw new TranscriptParseError('The WebVTT file has no cues with text.', 'content', {
      line: 1,
    });
  }

  return segments;
}
