import { EvidenceQuote, RecapDraft } from '../src/ai/ai-provider';
import { contentTerms } from '../src/ai/local/text-utils';

/**
 * Scores one recap draft against the annotations of a MathDial dialogue. Every score is a
 * plain count or ratio, defined in docs/ai-quality.md, so that a reader can recount it.
 */

/** The annotated result of a MathDial chat. */
export type Outcome = 'solved' | 'solved_after_tutor_revealed_answer' | 'not_solved';

export const OUTCOMES: Outcome[] = ['solved', 'solved_after_tutor_revealed_answer', 'not_solved'];

/** The annotations of one dialogue that the scores compare against. */
export interface DialogueAnnotations {
  problem: string;
  correctSolution: string;
  correctAnswer: string;
  studentInitialIncorrectSolution: string;
  tutorDescribedConfusion: string;
  outcome: Outcome;
}

/** The state of a recap's errors: all `resolved`, some `open`, or `none` found. */
export type ResolutionState = 'resolved' | 'open' | 'none';

/** The end of the session as the recap's text reports it. */
export type StatedOutcome = 'solved' | 'not_solved' | 'unclear';

/** The scores of one recap. */
export interface DialogueScores {
  misconceptionFound: boolean;
  /** Evidence quotes of every misconception. */
  evidenceQuotes: number;
  /** Evidence quotes from a student turn that state a number outside the problem and solution. */
  wrongWorkQuotes: number;
  /** Share of the content terms of the tutor's confusion note that the descriptions contain. */
  descriptionRecall: number;
  /** Share of the descriptions' content terms that the tutor's note contains. */
  descriptionPrecision: number;
  resolution: ResolutionState;
  statedOutcome: StatedOutcome;
  /** The recap summary or performance text states the correct final answer as a number. */
  mentionsCorrectAnswer: boolean;
  summaryWords: number;
  coverage: CoverageScores;
}

/** Matched objective codes compared with a hand-labeled set for the dialogue. */
export interface CoverageScores {
  predicted: string[];
  gold: string[];
  /** Predicted codes that match a gold code. */
  truePositives: number;
  /** Gold codes that some predicted code matches. */
  goldFound: number;
  /** The first predicted code (the highest confidence) matches a gold code. */
  topMatches: boolean;
}

/** Scores one recap draft of one dialogue. */
export function scoreDialogue(
  draft: RecapDraft,
  annotations: DialogueAnnotations,
  goldCodes: string[],
): DialogueScores {
  const quotes = draft.misconceptions.flatMap((item) => item.evidence);
  const descriptions = draft.misconceptions.map((item) => item.description).join(' ');
  const overlap = termOverlap(descriptions, annotations.tutorDescribedConfusion);
  const recapText = `${draft.summary} ${draft.studentPerformance.summary}`;

  return {
    misconceptionFound: draft.misconceptions.length > 0,
    evidenceQuotes: quotes.length,
    wrongWorkQuotes: quotes.filter((quote) => isWrongWorkQuote(quote, annotations)).length,
    descriptionRecall: overlap.recall,
    descriptionPrecision: overlap.precision,
    resolution: resolutionState(draft),
    statedOutcome: classifyStatedOutcome(recapText),
    mentionsCorrectAnswer: mentionsNumber(recapText, annotations.correctAnswer),
    summaryWords: countWords(draft.summary),
    coverage: scoreCoverage(
      draft.objectivesCovered.map((item) => item.code),
      goldCodes,
    ),
  };
}

/**
 * Checks whether a quote is a student's wrong work: it comes from a student turn and states
 * a number that neither the problem nor the worked solution contains, such as a wrong
 * intermediate value or a wrong answer. A wrong value that happens to equal a number of the
 * solution is missed, and a correct step written with a new number (`2 x 12`) passes.
 */
export function isWrongWorkQuote(quote: EvidenceQuote, annotations: DialogueAnnotations): boolean {
  return quote.speakerRole === 'student' && hasUnknownNumber(quote.text, annotations);
}

/** Checks whether a text states a number that neither the problem nor the solution contains. */
function hasUnknownNumber(text: string, annotations: DialogueAnnotations): boolean {
  const known = new Set(
    extractNumbers(`${annotations.problem} ${annotations.correctSolution}`).map(String),
  );

  return extractNumbers(text).some((value) => !known.has(String(value)));
}

/**
 * Returns the numbers written in a text as digits, without `$`, `%` or thousands commas. A
 * fraction such as `3/8` gives its numerator and denominator.
 */
export function extractNumbers(text: string): number[] {
  const matches = text.match(/\d[\d,]*(\.\d+)?|\.\d+/g) ?? [];

  return matches
    .map((match) => Number(match.replace(/,(?=\d{3}\b)/g, '').replace(/,$/, '')))
    .filter((value) => Number.isFinite(value));
}

/** Checks whether a text states `answer` as a number. */
export function mentionsNumber(text: string, answer: string): boolean {
  const expected = Number(answer.replace(/[$,]/g, ''));

  return extractNumbers(text).some((value) => Math.abs(value - expected) < 1e-9);
}

/**
 * Compares the content terms (lemmas without stop words, from wink-nlp) of a recap's
 * misconception descriptions with those of the tutor's note. Both are 0 when either text has no
 * content terms.
 */
export function termOverlap(
  predicted: string,
  reference: string,
): { recall: number; precision: number } {
  const predictedTerms = new Set(contentTerms(predicted));
  const referenceTerms = new Set(contentTerms(reference));
  if (predictedTerms.size === 0 || referenceTerms.size === 0) {
    return { recall: 0, precision: 0 };
  }
  const shared = [...referenceTerms].filter((term) => predictedTerms.has(term)).length;

  return { recall: shared / referenceTerms.size, precision: shared / predictedTerms.size };
}

/** Returns `none` without misconceptions, `resolved` when every one is resolved, else `open`. */
export function resolutionState(draft: RecapDraft): ResolutionState {
  if (draft.misconceptions.length === 0) {
    return 'none';
  }

  return draft.misconceptions.every((item) => item.resolved) ? 'resolved' : 'open';
}

/** Phrases that report that the student ended without the right result. */
const NOT_SOLVED_PATTERNS = [
  /\b(did not|didn't|does not|doesn't|never|not yet|unable to|could not|couldn't|failed to|without)\b[^.]{0,40}\b(correct|solve|fix|resolve|reach|arrive|find|get|fully understand)/i,
  /\bcorrected none\b/i,
  /\b(remained|remains|still) (wrong|incorrect|confused|unresolved|unsolved|open)\b/i,
  /\b(not|never) (resolved|solved|corrected)\b/i,
  /\bunresolved\b/i,
  /\binstructor challenged it\b/i,
  /\b(before|without) the (instructor|tutor|teacher) (accepted|accepting|confirmed|confirming)\b/i,
  /\bfinal answer[^.]{0,40}\b(incorrect|wrong)\b/i,
  /\b(incorrect|wrong) final answer\b/i,
];

/** Phrases that report that the student ended on the right result. */
const SOLVED_PATTERNS = [
  /\b(corrected|solved|fixed|resolved)\b/i,
  /\b(reached|arrived at|found|got|gave|stated|reached) the (correct|right) (answer|total|result|solution)\b/i,
  /\b(correct|right) (final )?(answer|solution) of\b/i,
  /\binstructor did not challenge it\b/i,
];

/**
 * Classifies how a recap reports the end of the session with keyword rules: a phrase of
 * failure (`did not correct`, `corrected none`, `still wrong`, `the instructor challenged it`,
 * `ended before the instructor accepted it`)
 * gives `not_solved`, else a phrase of success (`corrected`, `reached the correct answer`)
 * gives `solved`, else `unclear`. Rules, not a model: a recap worded in other ways counts as
 * `unclear`, and a mixed recap counts as `not_solved`.
 */
export function classifyStatedOutcome(text: string): StatedOutcome {
  if (NOT_SOLVED_PATTERNS.some((pattern) => pattern.test(text))) {
    return 'not_solved';
  }

  return SOLVED_PATTERNS.some((pattern) => pattern.test(text)) ? 'solved' : 'unclear';
}

/**
 * Compares predicted objective codes with gold codes. A predicted code matches a gold code
 * when the codes are equal or one is a sub-standard of the other (`6.RP.A.3c` and `6.RP.A.3`).
 */
export function scoreCoverage(predicted: string[], gold: string[]): CoverageScores {
  const matches = (code: string) => gold.some((goldCode) => codesMatch(code, goldCode));

  return {
    predicted,
    gold,
    truePositives: predicted.filter(matches).length,
    goldFound: gold.filter((goldCode) => predicted.some((code) => codesMatch(code, goldCode)))
      .length,
    topMatches: predicted.length > 0 && matches(predicted[0]),
  };
}

/** Checks whether two standard codes are equal or one is a lettered sub-standard of the other. */
export function codesMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];

  return (
    longer.length === shorter.length + 1 && longer.startsWith(shorter) && /[a-z]$/.test(longer)
  );
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** Totals over the dialogues of one provider. */
export interface ProviderSummary {
  dialogues: number;
  /** Dialogues whose recap failed with an error; they count as misses in every rate. */
  failed: number;
  /** Dialogues with at least one misconception; every MathDial chat starts from a wrong solution. */
  misconceptionRecall: Ratio;
  evidencePrecision: Ratio;
  descriptionRecall: number;
  descriptionPrecision: number;
  /** Rows: annotated outcome; columns: resolution state of the recap. */
  resolutionMatrix: Record<Outcome, Record<ResolutionState, number>>;
  /** Dialogues annotated solved or not_solved whose recap resolved or left open accordingly. */
  resolutionAccuracy: Ratio;
  /** Rows: annotated outcome; columns: outcome stated in the recap text. */
  statedOutcomeMatrix: Record<Outcome, Record<StatedOutcome, number>>;
  statedOutcomeAccuracy: Ratio;
  correctAnswerMentioned: Ratio;
  summaryWords: { mean: number; min: number; max: number };
  coveragePrecision: Ratio;
  coverageRecall: Ratio;
  coverageTopMatch: Ratio;
}

export interface Ratio {
  hits: number;
  total: number;
}

/** One scored dialogue, or an error message when the provider failed on it. */
export interface ScoredDialogue {
  id: string;
  outcome: Outcome;
  goldCodes: string[];
  scores?: DialogueScores;
  error?: string;
}

/** Sums the scores of one provider over all dialogues. */
export function summarize(results: ScoredDialogue[]): ProviderSummary {
  const scored = results.flatMap((result) => (result.scores ? [result.scores] : []));
  const resolutionMatrix = emptyMatrix<ResolutionState>(['resolved', 'open', 'none']);
  const statedOutcomeMatrix = emptyMatrix<StatedOutcome>(['solved', 'not_solved', 'unclear']);
  const resolutionAccuracy: Ratio = { hits: 0, total: 0 };
  const statedOutcomeAccuracy: Ratio = { hits: 0, total: 0 };
  for (const result of results) {
    const decided = result.outcome !== 'solved_after_tutor_revealed_answer';
    const expected = result.outcome === 'solved' ? 'solved' : 'not_solved';
    if (decided) {
      resolutionAccuracy.total += 1;
      statedOutcomeAccuracy.total += 1;
    }
    if (!result.scores) {
      continue;
    }
    resolutionMatrix[result.outcome][result.scores.resolution] += 1;
    statedOutcomeMatrix[result.outcome][result.scores.statedOutcome] += 1;
    const resolved = result.scores.resolution === 'resolved';
    if (decided && resolved === (result.outcome === 'solved')) {
      resolutionAccuracy.hits += 1;
    }
    if (decided && result.scores.statedOutcome === expected) {
      statedOutcomeAccuracy.hits += 1;
    }
  }
  const words = scored.map((score) => score.summaryWords);

  return {
    dialogues: results.length,
    failed: results.length - scored.length,
    misconceptionRecall: {
      hits: scored.filter((score) => score.misconceptionFound).length,
      total: results.length,
    },
    evidencePrecision: {
      hits: sum(scored.map((score) => score.wrongWorkQuotes)),
      total: sum(scored.map((score) => score.evidenceQuotes)),
    },
    descriptionRecall: sum(scored.map((score) => score.descriptionRecall)) / results.length,
    descriptionPrecision: sum(scored.map((score) => score.descriptionPrecision)) / results.length,
    resolutionMatrix,
    resolutionAccuracy,
    statedOutcomeMatrix,
    statedOutcomeAccuracy,
    correctAnswerMentioned: {
      hits: scored.filter((score) => score.mentionsCorrectAnswer).length,
      total: results.length,
    },
    summaryWords: {
      mean: words.length === 0 ? 0 : sum(words) / words.length,
      min: words.length === 0 ? 0 : Math.min(...words),
      max: words.length === 0 ? 0 : Math.max(...words),
    },
    coveragePrecision: {
      hits: sum(scored.map((score) => score.coverage.truePositives)),
      total: sum(scored.map((score) => score.coverage.predicted.length)),
    },
    coverageRecall: {
      hits: sum(scored.map((score) => score.coverage.goldFound)),
      total: sum(results.map((result) => result.goldCodes.length)),
    },
    coverageTopMatch: {
      hits: scored.filter((score) => score.coverage.topMatches).length,
      total: results.length,
    },
  };
}

function emptyMatrix<Column extends string>(
  columns: Column[],
): Record<Outcome, Record<Column, number>> {
  const row = () =>
    Object.fromEntries(columns.map((column) => [column, 0])) as Record<Column, number>;

  return {
    solved: row(),
    solved_after_tutor_revealed_answer: row(),
    not_solved: row(),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Formats a ratio as `0.83 (25/30)`, or `n/a` when nothing was counted. */
export function formatRatio(ratio: Ratio): string {
  if (ratio.total === 0) {
    return 'n/a';
  }

  return `${(ratio.hits / ratio.total).toFixed(2)} (${ratio.hits}/${ratio.total})`;
}
