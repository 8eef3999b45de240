import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecapInput, RecapObjective, RecapTranscriptSegment } from '../../src/ai/ai-provider';

const DATA_DIR = join(__dirname, '../../examples/data');

/** Speaking time per word, about 150 words per minute. */
const MS_PER_WORD = 400;
/** Silence between two segments. */
const PAUSE_MS = 1_000;

interface MathDialFile {
  id: string;
  segments: { speaker: 'instructor' | 'student'; name: string; text: string }[];
}

interface CurriculumFile {
  items: RecapObjective[];
}

/**
 * Builds a recap input from MathDial dialogues in examples/data/transcripts/mathdial. Several
 * files are joined into one session in the given order. Segment times come from word counts
 * because the dataset has no timing.
 */
export function loadMathDialRecapInput(
  files: string[],
  objectiveCodes: string[],
  plannedObjectiveCodes: string[] = objectiveCodes.slice(0, 1),
): RecapInput {
  const dialogues = files.map(
    (file) =>
      JSON.parse(
        readFileSync(join(DATA_DIR, 'transcripts/mathdial', file), 'utf8'),
      ) as MathDialFile,
  );
  const transcript: RecapTranscriptSegment[] = [];
  let clockMs = 0;
  for (const segment of dialogues.flatMap((dialogue) => dialogue.segments)) {
    const durationMs = segment.text.split(/\s+/).length * MS_PER_WORD;
    transcript.push({
      index: transcript.length,
      speakerRole: segment.speaker,
      speakerName: segment.name,
      startMs: clockMs,
      endMs: clockMs + durationMs,
      text: segment.text,
    });
    clockMs += durationMs + PAUSE_MS;
  }
  const studentNames = [
    ...new Set(transcript.filter((s) => s.speakerRole === 'student').map((s) => s.speakerName)),
  ];

  return {
    sessionId: dialogues.map((dialogue) => dialogue.id).join('+'),
    transcript,
    objectives: loadObjectives(objectiveCodes),
    plannedObjectiveCodes,
    studentNames,
  };
}

/** Reads objectives by code from the grades 6-8 Common Core curriculum example. */
export function loadObjectives(codes: string[]): RecapObjective[] {
  const curriculum = JSON.parse(
    readFileSync(join(DATA_DIR, 'curriculum/ccss-math-grades-6-8.json'), 'utf8'),
  ) as CurriculumFile;

  return codes.map((code) => {
    const item = curriculum.items.find((candidate) => candidate.code === code);
    if (!item) {
      throw new Error(`Objective ${code} is not in ccss-math-grades-6-8.json`);
    }

    return { code: item.code, title: item.title, description: item.description };
  });
}
