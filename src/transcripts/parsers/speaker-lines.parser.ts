import {
  checkParsedSegment,
  ParsedSegment,
  speakingDurationMs,
  TranscriptParseError,
} from './parsed-segment';
import { splitSpeakerPrefix } from './speaker-role';

interface Turn {
  speakerLabel: string;
  lines: string[];
  firstLine: number;
}

/** Groups `Speaker: text` lines into turns; a line without a speaker continues the previous turn. */
function readTurns(content: string): Turn[] {
  const turns: Turn[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, offset) => {
    const line = raw.trim();
    if (line === '') {
      return;
    }
    const prefixed = splitSpeakerPrefix(line);
    const current = turns[turns.length - 1];
    if (prefixed) {
      turns.push({ speakerLabel: prefixed.speaker, lines: [prefixed.text], firstLine: offset + 1 });
    } else if (current) {
      current.lines.push(line);
    } else {
      throw new TranscriptParseError(
        `line ${offset + 1}: expected "Speaker: text", got "${line.slice(0, 60)}". Start the transcript with a speaker name and a colon.`,
        'content',
        { line: offset + 1 },
      );
    }
  });

  return turns;
}

/**
 * Parses a plain-text transcript of `Speaker: text` lines. Blank lines are ignored. Times are
 * assigned back to back from word counts at WORDS_PER_MINUTE, starting at 0.
 */
export function parseSpeakerLines(content: string): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  let startMs = 0;
  for (const turn of readTurns(content)) {
    const text = turn.lines.join(' ').trim();
    const endMs = startMs + speakingDurationMs(text);
    const segment = { speakerLabel: turn.speakerLabel, speakerRole: null, text, startMs, endMs };
    checkParsedSegment(segment, `line ${turn.firstLine}`, '', { line: turn.firstLine });
    segments.push(segment);
    startMs = endMs;
  }
  if (segments.length === 0) {
    throw new TranscriptParseError(
      'The transcript is empty: expected at least one "Speaker: text" line.',
      'content',
    );
  }

  return segments;
}
