import { sentenceCueTerms } from './objective-cues';
import { ObjectiveMatch } from './objective-matcher';
import { clause } from './misconception-description';
import { DetectedMisconception } from './misconception-detector';
import { AnalyzedSentence } from './transcript-analysis';

const MAX_ITEMS = 3;

/** Next steps for the instructor and follow-up questions for the student. */
export interface NextSteps {
  nextSteps: string[];
  followUps: string[];
}

/**
 * Derives next steps from the unresolved errors and the objectives they belong to, and
 * follow-up questions from the quoted wrong steps and corrections.
 */
export function buildNextSteps(
  detected: DetectedMisconception[],
  matches: ObjectiveMatch[],
  student: string,
): NextSteps {
  const unresolved = detected.filter((item) => !item.misconception.resolved);
  const resolved = detected.filter((item) => item.misconception.resolved);
  const nextSteps: string[] = [];
  for (const item of unresolved.slice(0, 2)) {
    const objective = relatedObjective(item, matches);
    if (objective) {
      nextSteps.push(`Revisit ${objective.objective.code}: ${objective.objective.title}`);
    }
    nextSteps.push(
      `Work through the step again with ${student}: ${item.misconception.description}`,
    );
  }
  if (unresolved.length === 0 && resolved.length > 0) {
    const fixed =
      resolved[0].misconception.correction?.text ?? resolved[0].misconception.description;
    nextSteps.push(`Give ${student} a similar problem to confirm the correction holds: "${fixed}"`);
  }
  if (nextSteps.length === 0 && matches.length > 0) {
    const { code, title } = matches[0].objective;
    nextSteps.push(`Build on ${code}: ${title}`);
  }

  return {
    nextSteps: unique(nextSteps).slice(0, MAX_ITEMS),
    followUps: unique([...unresolved, ...resolved].map((item) => followUp(item, student))).slice(
      0,
      MAX_ITEMS,
    ),
  };
}

/** Picks the matched objective whose terms weigh most in the error's evidence sentences. */
function relatedObjective(
  item: DetectedMisconception,
  matches: ObjectiveMatch[],
): ObjectiveMatch | undefined {
  const sentences = item.group.sentences;
  let best: { match: ObjectiveMatch; score: number } | undefined;
  for (const match of matches) {
    const score = sentences.reduce((sum, sentence) => sum + relevance(sentence, match), 0);
    if (!best || score > best.score) {
      best = { match, score };
    }
  }

  return best?.match;
}

function relevance(sentence: AnalyzedSentence, match: ObjectiveMatch): number {
  const terms = new Set(sentenceCueTerms(sentence));

  return [...terms].reduce((sum, term) => sum + (match.weights.get(term) ?? 0), 0);
}

/** Writes a follow-up: re-check a wrong calculation, or explain a challenged or corrected step. */
function followUp(item: DetectedMisconception, student: string): string {
  const { primary, misconception } = item;
  if (misconception.resolved && misconception.correction) {
    return `Ask ${student} to explain why the corrected step is right: "${misconception.correction.text}"`;
  }
  if (primary.claim?.kind === 'solution') {
    return `Ask ${student} to re-check the solution of ${primary.claim.expression}: ${primary.claim.claimed}`;
  }
  if (primary.claim) {
    return `Ask ${student} to re-check: ${primary.claim.text}`;
  }

  return `Ask ${student} to explain the reasoning behind: "${clause(primary.sentence)}"`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
