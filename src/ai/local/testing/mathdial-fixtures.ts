import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  Misconception,
  RecapInput,
  RecapObjective,
  RecapTranscriptSegment,
} from '../../ai-provider';
import { checkArithmetic } from '../arithmetic-checker';
import { contentTerms, countWords, isNumberTerm } from '../text-utils';

/** A MathDial tutoring chat from `examples/data/transcripts/mathdial`. */
export interface MathDialDialogue {
  id: string;
  segments: { speaker: 'instructor' | 'student'; name: string; text: string }[];
  metadata: {
    problem: string;
    correctSolution: string;
    correctAnswer: string;
    studentInitialIncorrectSolution: string;
    tutorDescribedConfusion: string;
    outcome: 'solved' | 'solved_after_tutor_revealed_answer' | 'not_solved';
  };
}

/** Speaking rate used to give the untimed chats segment times. */
export const WORDS_PER_MINUTE = 150;

/** Finds `examples/data` by walking up from this file, so it works from `src` and `dist`. */
export function exampleDataDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'data', 'manifest.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`examples/data/manifest.json not found above ${__dirname}`);
    }
    dir = parent;
  }

  return join(dir, 'examples', 'data');
}

/** Loads every MathDial chat, sorted by id. */
export function loadDialogues(): MathDialDialogue[] {
  const dir = join(exampleDataDir(), 'transcripts', 'mathdial');

  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as MathDialDialogue);
}

/** Loads the grades 6-8 Common Core standards as recap objectives. */
export function loadCurriculum(): RecapObjective[] {
  const file = join(exampleDataDir(), 'curriculum', 'ccss-math-grades-6-8.json');
  const curriculum = JSON.parse(readFileSync(file, 'utf8')) as { items: RecapObjective[] };

  return curriculum.items.map(({ code, title, description }) => ({ code, title, description }));
}

/** Gives each segment back-to-back times from its word count at `WORDS_PER_MINUTE`. */
export function timeSegments(
  dialogue: MathDialDialogue,
  startMs = 0,
  firstIndex = 0,
): RecapTranscriptSegment[] {
  let clock = startMs;

  return dialogue.segments.map((segment, i) => {
    const durationMs = Math.max(1, countWords(segment.text)) * (60_000 / WORDS_PER_MINUTE);
    const timed: RecapTranscriptSegment = {
      index: firstIndex + i,
      speakerRole: segment.speaker,
      speakerName: segment.name,
      startMs: clock,
      endMs: clock + durationMs,
      text: segment.text,
    };
    clock += durationMs;

    return timed;
  });
}

/** Builds one long session from chats played back to back, until it has `minWords` words. */
export function concatenateDialogues(
  dialogues: MathDialDialogue[],
  minWords: number,
): RecapTranscriptSegment[] {
  const segments: RecapTranscriptSegment[] = [];
  let words = 0;
  for (let round = 0; words < minWords && dialogues.length > 0; round += 1) {
    const dialogue = dialogues[round % dialogues.length];
    const startMs = segments.length > 0 ? segments[segments.length - 1].endMs : 0;
    const timed = timeSegments(dialogue, startMs, segments.length);
    segments.push(...timed);
    words += timed.reduce((sum, segment) => sum + countWords(segment.text), 0);
  }

  return segments;
}

/** Builds the provider input for one chat and leaves the annotated metadata out. */
export function toRecapInput(
  dialogue: MathDialDialogue,
  objectives: RecapObjective[],
  plannedObjectiveCodes: string[] = [],
): RecapInput {
  return {
    sessionId: dialogue.id,
    transcript: timeSegments(dialogue),
    objectives,
    plannedObjectiveCodes,
    studentNames: ['Student A'],
  };
}

/** Minimum share of the shorter side's terms that a quote and a solution line must share. */
const MIN_LINE_OVERLAP = 0.5;
const MIN_SHARED_TERMS = 3;

/**
 * Checks whether a quote restates part of an annotated solution. It does when it repeats
 * one of the solution's calculations with the same result. It also does when it shares
 * three or more terms, one a number, with a solution line, and these are at least half of
 * the terms of the shorter of the two.
 */
export function quoteOverlapsSolution(quote: string, solution: string): boolean {
  const lines = solution.split('\n').filter((line) => line.trim() !== '');
  const calculations = new Set(lines.flatMap(checkArithmetic).map(claimIdentity));
  if (checkArithmetic(quote).some((claim) => calculations.has(claimIdentity(claim)))) {
    return true;
  }
  const quoteTerms = new Set(contentTerms(quote));

  return lines.some((line) => {
    const lineTerms = new Set(contentTerms(line));
    const shared = [...quoteTerms].filter((term) => lineTerms.has(term));
    const smaller = Math.min(quoteTerms.size, lineTerms.size);

    return (
      shared.length >= MIN_SHARED_TERMS &&
      shared.some(isNumberTerm) &&
      shared.length / Math.max(1, smaller) >= MIN_LINE_OVERLAP
    );
  });
}

function claimIdentity(claim: { key: string; claimedValue?: number }): string {
  return `${claim.key}=${claim.claimedValue}`;
}

/**
 * Returns the numbers of the wrong solution that neither the problem nor the correct
 * solution uses, such as a wrong total. A quote with one of them states the wrong part.
 */
export function distinctiveWrongNumbers(dialogue: MathDialDialogue): Set<string> {
  const { studentInitialIncorrectSolution, correctSolution, problem } = dialogue.metadata;
  const known = new Set([...contentTerms(correctSolution), ...contentTerms(problem)]);

  return new Set(
    contentTerms(studentInitialIncorrectSolution).filter((t) => isNumberTerm(t) && !known.has(t)),
  );
}

/** Checks whether a misconception has a student quote that restates the annotated wrong solution. */
export function findsAnnotatedError(
  dialogue: MathDialDialogue,
  misconception: Misconception,
): boolean {
  const solution = dialogue.metadata.studentInitialIncorrectSolution;

  return misconception.evidence.some(
    (quote) => quote.speakerRole === 'student' && quoteOverlapsSolution(quote.text, solution),
  );
}

/** Checks whether a misconception has a student quote with a number only the wrong solution uses. */
export function quotesWrongNumber(
  dialogue: MathDialDialogue,
  misconception: Misconception,
): boolean {
  const wrong = distinctiveWrongNumbers(dialogue);

  return misconception.evidence.some(
    (quote) =>
      quote.speakerRole === 'student' && contentTerms(quote.text).some((term) => wrong.has(term)),
  );
}
