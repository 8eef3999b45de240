import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecapInput, SpeakerRole } from '../src/ai/ai-provider';

/** Speaking time per word: 150 words per minute, the rate HiLink assumes for untimed text. */
const MS_PER_WORD = 400;
/** Silence between two segments. */
const PAUSE_MS = 1_000;

/** One timed segment of speech, in the fields that HiLink's transcript segments carry. */
export interface BenchSegment {
  speakerLabel: string;
  speakerRole: SpeakerRole;
  startMs: number;
  endMs: number;
  text: string;
}

interface MathDialFile {
  id: string;
  segments: { speaker: 'instructor' | 'student'; name: string; text: string }[];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Returns the folder of the MathDial dialogues. The bench runs from the repository root. */
export function mathDialFolder(): string {
  return join(process.cwd(), 'examples', 'data', 'transcripts', 'mathdial');
}

/**
 * Reads the MathDial dialogues in file name order and joins them into one timeline. The
 * dataset has no timing, so each segment lasts its word count at 150 words per minute.
 */
export function loadMathDialSegments(): { ids: string[]; segments: BenchSegment[] } {
  const files = readdirSync(mathDialFolder())
    .filter((name) => name.endsWith('.json'))
    .sort();
  const ids: string[] = [];
  const segments: BenchSegment[] = [];
  let clockMs = 0;
  for (const file of files) {
    const dialogue = JSON.parse(readFileSync(join(mathDialFolder(), file), 'utf8')) as MathDialFile;
    ids.push(dialogue.id);
    for (const segment of dialogue.segments) {
      const durationMs = countWords(segment.text) * MS_PER_WORD;
      segments.push({
        speakerLabel: segment.name,
        speakerRole: segment.speaker,
        startMs: clockMs,
        endMs: clockMs + durationMs,
        text: segment.text,
      });
      clockMs += durationMs + PAUSE_MS;
    }
  }

  return { ids, segments };
}

/** Repeats the dialogues until there are `count` segments, with times that keep increasing. */
export function segmentBatch(count: number): BenchSegment[] {
  const { segments } = loadMathDialSegments();
  const batch: BenchSegment[] = [];
  let offsetMs = 0;
  while (batch.length < count) {
    for (const segment of segments.slice(0, count - batch.length)) {
      batch.push({
        ...segment,
        startMs: segment.startMs + offsetMs,
        endMs: segment.endMs + offsetMs,
      });
    }
    offsetMs = batch[batch.length - 1].endMs + PAUSE_MS;
  }

  return batch;
}

interface CurriculumFile {
  items: { code: string; title: string; description: string; grade: string }[];
}

/** Objectives of the grade 7 Common Core math standards, the grade of the MathDial problems. */
function loadGradeSevenObjectives(): RecapInput['objectives'] {
  const path = join(process.cwd(), 'examples', 'data', 'curriculum', 'ccss-math-grades-6-8.json');
  const curriculum = JSON.parse(readFileSync(path, 'utf8')) as CurriculumFile;

  return curriculum.items
    .filter((item) => item.grade === '7')
    .map(({ code, title, description }) => ({ code, title, description }));
}

/**
 * Builds a recap input from MathDial segments in dialogue order, stopping once they reach
 * `minWords` words. 10,000 words is about one hour of speech at 150 words per minute.
 */
export function mathDialRecapInput(minWords: number): { input: RecapInput; words: number } {
  const { segments } = loadMathDialSegments();
  const transcript: RecapInput['transcript'] = [];
  let words = 0;
  for (const segment of segments) {
    if (words >= minWords) {
      break;
    }
    transcript.push({
      index: transcript.length,
      speakerRole: segment.speakerRole,
      speakerName: segment.speakerLabel,
      startMs: segment.startMs,
      endMs: segment.endMs,
      text: segment.text,
    });
    words += countWords(segment.text);
  }
  const studentNames = [
    ...new Set(transcript.filter((s) => s.speakerRole === 'student').map((s) => s.speakerName)),
  ];

  return {
    input: {
      sessionId: 'bench-mathdial',
      transcript,
      objectives: loadGradeSevenObjectives(),
      plannedObjectiveCodes: ['7.EE.B.3', '7.RP.A.3'],
      studentNames,
    },
    words,
  };
}
