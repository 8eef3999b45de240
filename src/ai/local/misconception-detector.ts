import { Misconception } from '../ai-provider';
import { ArithmeticClaim } from './arithmetic-claims';
import { Candidate, collectCandidates } from './misconception-candidates';
import { describeMisconception } from './misconception-description';
import { CandidateGroup, groupCandidates, restates } from './misconception-grouping';
import {
  AnalyzedSentence,
  AnalyzedTranscript,
  isTurnAccepted,
  quoteSentence,
  sentenceResult,
  studentSentences,
  studentTurns,
  turnAnswer,
} from './transcript-analysis';
import { formatNumber, isNumberTerm, parseNumber } from './text-utils';

/** A detected error with what the recap needs beyond the public `Misconception`. */
export interface DetectedMisconception {
  misconception: Misconception;
  confidence: number;
  /** The evidence that best describes the error. */
  primary: Candidate;
  group: CandidateGroup;
}

const MIN_CONFIDENCE = 0.35;
const MAX_MISCONCEPTIONS = 5;
const MAX_EVIDENCE = 3;
const RESTATEMENT_BONUS = 0.05;
const MAX_RESTATEMENT_BONUS = 0.15;
const MAX_CONFIDENCE = 0.98;

/** Candidate kinds in the order they describe a group, most specific first. */
const KIND_PRIORITY: Candidate['kind'][] = [
  'arithmetic',
  'challenged',
  'repeated',
  'revised',
  'self-report',
];

/**
 * Finds the student's errors in a transcript, ordered by confidence. Every evidence quote
 * comes from a student turn. An error counts as resolved when a later student sentence on
 * the same topic is accepted by the instructor or closes the session.
 *
 * NOTE: errors are not attributed to one student. In a group session, similar sentences
 * of different students can form one misconception, and `resolved` may mix them.
 */
export function detectMisconceptions(transcript: AnalyzedTranscript): DetectedMisconception[] {
  const student = studentSentences(transcript);
  const candidates = collectCandidates(transcript);
  const challenged = candidates.filter((c) => c.kind === 'challenged').map((c) => c.sentence);
  const groups = groupCandidates(candidates, student);
  const detected = groups.map((group) => toDetected(transcript, group, challenged));

  return detected
    .filter((item) => item.confidence >= MIN_CONFIDENCE)
    .sort(
      (a, b) => b.confidence - a.confidence || a.group.sentences[0].id - b.group.sentences[0].id,
    )
    .slice(0, MAX_MISCONCEPTIONS);
}

function toDetected(
  transcript: AnalyzedTranscript,
  group: CandidateGroup,
  challenged: AnalyzedSentence[],
): DetectedMisconception {
  const primary = choosePrimary(group);
  const confidence = groupConfidence(group);
  const correction =
    findCorrection(transcript, group, primary, challenged) ??
    findAcceptedFinalAnswer(transcript, group);
  const misconception: Misconception = {
    description: describeMisconception(primary, group),
    evidence: chooseEvidence(group, primary).map(quoteSentence),
    resolved: correction !== undefined,
  };
  if (correction) {
    misconception.correction = quoteSentence(correction);
  }

  return { misconception, confidence, primary, group };
}

function choosePrimary(group: CandidateGroup): Candidate {
  const ranked = [...group.candidates].sort(
    (a, b) =>
      KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) ||
      b.strength - a.strength ||
      a.sentence.id - b.sentence.id,
  );

  return ranked[0];
}

/** Combines independent evidence with a noisy-OR and adds a little for each restatement. */
function groupConfidence(group: CandidateGroup): number {
  const missed = group.candidates.reduce((product, c) => product * (1 - c.strength), 1);
  const bonus = Math.min(MAX_RESTATEMENT_BONUS, group.restatements * RESTATEMENT_BONUS);

  return Math.round(Math.min(MAX_CONFIDENCE, 1 - missed + bonus) * 100) / 100;
}

/** Keeps the first statement, the primary evidence and the last restatement. */
function chooseEvidence(group: CandidateGroup, primary: Candidate): AnalyzedSentence[] {
  const { sentences } = group;
  const picked = new Map<number, AnalyzedSentence>();
  for (const sentence of [sentences[0], primary.sentence, sentences[sentences.length - 1]]) {
    picked.set(sentence.id, sentence);
  }

  return [...picked.values()].sort((a, b) => a.id - b.id).slice(0, MAX_EVIDENCE);
}

/**
 * Finds the sentence where the student corrects the error. A wrong operation is corrected
 * by a later statement of the same operation with the right value, or by the right value
 * in an accepted turn. A wrong rewrite is corrected only in the first way. Other errors
 * are corrected by the most related sentence of the first accepted student turn after
 * their last statement, unless a later challenged sentence shows the error again.
 */
function findCorrection(
  transcript: AnalyzedTranscript,
  group: CandidateGroup,
  primary: Candidate,
  challenged: AnalyzedSentence[],
): AnalyzedSentence | undefined {
  const { claim } = primary;
  if (claim?.withdrawnValue !== undefined) {
    return primary.sentence;
  }
  const stated = group.sentences.filter((sentence) => !isExplanationOnly(group, sentence));
  const statements = stated.length > 0 ? stated : group.sentences;
  let after = statements.length > 0 ? statements[statements.length - 1].id : primary.sentence.id;
  if (claim && primary.kind === 'arithmetic') {
    const restated = findRestatedClaim(transcript, claim, after);
    if (restated || claim.kind === 'rewrite') {
      return restated?.correct ? restated.sentence : undefined;
    }
  }
  if (primary.kind === 'revised') {
    const final = primary.finalSentence;

    return final && isTurnAccepted(transcript, final.turn) ? final : undefined;
  }
  const wrongValues = new Set(
    group.candidates.map(statedWrongValue).filter((v) => v !== undefined),
  );
  for (const turn of transcript.turns) {
    if (turn.role !== 'student' || !isTurnAccepted(transcript, turn)) {
      continue;
    }
    const later = turn.sentences.filter(
      (sentence) =>
        sentence.id > after && !sentence.numberTerms.some((term) => wrongValues.has(term)),
    );
    const best = bestRelated(transcript, later, statements, expectedValue(primary));
    const relapse = best && challenged.find((s) => s.id > best.id && isRelated(statements, s));
    if (best && !relapse) {
      return best;
    }
    after = relapse ? relapse.id : after;
  }

  return undefined;
}

/**
 * Returns the sentence of the student's final answer when the instructor accepts it and it
 * comes after every statement of the error without repeating a wrong value. An accepted
 * final answer resolves the errors on the way to it, such as a wrong sum that the student
 * dropped instead of recomputing.
 */
function findAcceptedFinalAnswer(
  transcript: AnalyzedTranscript,
  group: CandidateGroup,
): AnalyzedSentence | undefined {
  const final = studentTurns(transcript)
    .map(turnAnswer)
    .filter((answer) => answer !== undefined)
    .pop();
  const lastStatement = group.sentences[group.sentences.length - 1];
  if (!final || final.sentence.turn.position <= lastStatement.turn.position) {
    return undefined;
  }
  const wrongValues = new Set(
    group.candidates.map(statedWrongValue).filter((v) => v !== undefined),
  );
  if (wrongValues.has(formatNumber(final.value))) {
    return undefined;
  }

  return isTurnAccepted(transcript, final.sentence.turn) ? final.sentence : undefined;
}

/** Checks whether a group sentence comes only from a self-report, which explains the error. */
function isExplanationOnly(group: CandidateGroup, sentence: AnalyzedSentence): boolean {
  const sources = group.candidates.filter((candidate) => candidate.sentence.id === sentence.id);

  return sources.length > 0 && sources.every((c) => c.kind === 'self-report' && !c.claim);
}

/** The right value of a wrong operation, which a correction must then state. */
function expectedValue(primary: Candidate): number | undefined {
  const { claim } = primary;
  if (!claim || primary.kind !== 'arithmetic' || claim.kind === 'rewrite') {
    return undefined;
  }

  return parseNumber(claim.actual.replace(/^x = /, '').replace('%', ''));
}

/** Returns the last student statement of the same operation after `after`, if any. */
function findRestatedClaim(transcript: AnalyzedTranscript, claim: ArithmeticClaim, after: number) {
  let found: { sentence: AnalyzedSentence; correct: boolean } | undefined;
  for (const sentence of transcript.sentences) {
    if (sentence.id <= after || sentence.turn.role !== 'student') {
      continue;
    }
    const same = sentence.claims.find((other) => other.key === claim.key);
    found = same ? { sentence, correct: same.correct } : found;
  }

  return found;
}

/** Returns the value a candidate states wrongly, as a term: a wrong claim value or a challenged result. */
function statedWrongValue(candidate: Candidate): string | undefined {
  if (candidate.kind === 'self-report') {
    return undefined;
  }
  if (candidate.claim?.claimedValue !== undefined) {
    return formatNumber(candidate.claim.claimedValue);
  }
  const result = candidate.firstAnswer ?? sentenceResult(candidate.sentence);

  return result === undefined ? undefined : formatNumber(result);
}

function isRelated(reference: AnalyzedSentence[], sentence: AnalyzedSentence): boolean {
  const terms = new Set(reference.flatMap((r) => r.terms));
  const shared = new Set(sentence.terms.filter((term) => terms.has(term)));

  return [...shared].some(isNumberTerm) && shared.size >= 2;
}

/**
 * Picks the sentence that shares the most idf-weighted terms with the error, at least one
 * number or two terms. With an `expected` value, only sentences that state it qualify.
 */
function bestRelated(
  transcript: AnalyzedTranscript,
  sentences: AnalyzedSentence[],
  reference: AnalyzedSentence[],
  expected: number | undefined,
): AnalyzedSentence | undefined {
  const referenceTerms = new Set(reference.flatMap((sentence) => sentence.terms));
  let best: { sentence: AnalyzedSentence; score: number } | undefined;
  for (const sentence of sentences) {
    const statesExpected =
      expected === undefined || sentence.numberTerms.includes(formatNumber(expected));
    if (!statesExpected || reference.some((r) => restates(r, sentence))) {
      continue;
    }
    const shared = [...new Set(sentence.terms.filter((term) => referenceTerms.has(term)))];
    if (!shared.some(isNumberTerm) && shared.length < 2) {
      continue;
    }
    const score = shared.reduce((sum, term) => sum + transcript.idf(term), 0);
    if (!best || score > best.score) {
      best = { sentence, score };
    }
  }

  return best?.sentence;
}
