import { ArithmeticClaim, ClaimKind } from './arithmetic-claims';
import { expressionQuestionBonus, findTarget, recentStudentTurns } from './challenge-targets';
import { isSelfReport } from './dialogue-acts';
import {
  AnalyzedSentence,
  AnalyzedTranscript,
  AnalyzedTurn,
  isTurnAccepted,
  studentSentences,
  studentTurns,
  turnAnswer,
} from './transcript-analysis';

/**
 * Where a suspected error comes from: wrong `arithmetic`, a sentence the instructor
 * `challenged`, a result `repeated` over turns that the instructor never accepted, a first
 * answer the student later `revised`, or a student's `self-report` of an earlier error.
 */
export type CandidateKind = 'arithmetic' | 'challenged' | 'repeated' | 'revised' | 'self-report';

/** One piece of evidence that a student sentence states an error. */
export interface Candidate {
  kind: CandidateKind;
  sentence: AnalyzedSentence;
  /** Support that this evidence alone gives an error, 0..1. */
  strength: number;
  claim?: ArithmeticClaim;
  /** The instructor sentence that challenged `sentence`, for `challenged`. */
  challenge?: AnalyzedSentence;
  /** First and final answers of the student, for `revised`. */
  firstAnswer?: number;
  finalAnswer?: number;
  /** The sentence with the final answer, for `revised`. */
  finalSentence?: AnalyzedSentence;
}

// NOTE: the strengths below were tuned by hand on the 30 MathDial chats in examples/data;
// other tutoring styles may need other values.
const CLAIM_STRENGTH: Record<ClaimKind, number> = {
  calculation: 0.8,
  solution: 0.8,
  rewrite: 0.7,
  operation: 0.75,
};
const SELF_CORRECTION_STRENGTH = 0.6;
const SELF_REPORT_STRENGTH = 0.45;
const REVISED_ANSWER_STRENGTH = 0.45;
const FIRST_SOLUTION_BONUS = 0.1;
const MIN_REPEATED_TURNS = 3;
const REPEAT_STRENGTH = 0.15;
const MAX_REPEAT_STRENGTH = 0.6;
const MIN_CHALLENGE = 0.3;
/** Sum of idf-weighted shared terms at which a challenge surely refers to a sentence. */
const FULL_TARGET_SCORE = 6;

/** Collects error evidence from every student sentence and instructor challenge. */
export function collectCandidates(transcript: AnalyzedTranscript): Candidate[] {
  const firstSolution = findFirstSolution(transcript);
  const candidates = [
    ...arithmeticCandidates(transcript),
    ...challengeCandidates(transcript),
    ...revisedAnswerCandidates(transcript, firstSolution),
    ...selfReportCandidates(transcript, firstSolution),
    ...repeatedClaimCandidates(transcript),
  ];
  for (const candidate of candidates) {
    if (candidate.sentence.turn === firstSolution) {
      candidate.strength = Math.min(1, candidate.strength + FIRST_SOLUTION_BONUS);
    }
  }

  return candidates;
}

/** Returns the first student turn that works the problem: one with a checked claim or an answer. */
export function findFirstSolution(transcript: AnalyzedTranscript): AnalyzedTurn | undefined {
  return studentTurns(transcript).find(
    (turn) =>
      turn.sentences.some((sentence) => sentence.claims.length > 0) ||
      (turnAnswer(turn) !== undefined && turn.sentences.some((s) => s.numberTerms.length >= 2)),
  );
}

function arithmeticCandidates(transcript: AnalyzedTranscript): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of studentSentences(transcript)) {
    for (const claim of sentence.claims) {
      if (!claim.correct) {
        candidates.push({
          kind: 'arithmetic',
          sentence,
          claim,
          strength: CLAIM_STRENGTH[claim.kind],
        });
      } else if (claim.withdrawnValue !== undefined) {
        candidates.push({
          kind: 'self-report',
          sentence,
          claim,
          strength: SELF_CORRECTION_STRENGTH,
        });
      }
    }
  }

  return candidates;
}

function challengeCandidates(transcript: AnalyzedTranscript): Candidate[] {
  const candidates: Candidate[] = [];
  transcript.turns.forEach((turn, position) => {
    if (!turn.act) {
      return;
    }
    const answered = recentStudentTurns(transcript, position);
    const strength = turn.challenge + expressionQuestionBonus(turn, answered[0]);
    if (answered.length === 0 || strength < MIN_CHALLENGE) {
      return;
    }
    const target = findTarget(transcript, turn, answered);
    if (target) {
      const fit = Math.min(1, target.score / FULL_TARGET_SCORE);
      candidates.push({
        kind: 'challenged',
        sentence: target.sentence,
        challenge: target.challenge,
        strength: Math.min(1, strength) * (0.5 + 0.5 * fit),
      });
    }
  });

  return candidates;
}

function revisedAnswerCandidates(
  transcript: AnalyzedTranscript,
  firstSolution: AnalyzedTurn | undefined,
): Candidate[] {
  const first = firstSolution && turnAnswer(firstSolution);
  const later = studentTurns(transcript).filter(
    (turn) => turn.position > (firstSolution?.position ?? 0),
  );
  const finals = later.map(turnAnswer).filter((answer) => answer !== undefined);
  const final = finals[finals.length - 1];
  const challenged = transcript.turns.some(
    (turn) => turn.position > (firstSolution?.position ?? 0) && turn.challenge >= MIN_CHALLENGE,
  );
  if (!first || !final || final.value === first.value || !challenged) {
    return [];
  }

  return [
    {
      kind: 'revised',
      sentence: first.sentence,
      strength: REVISED_ANSWER_STRENGTH,
      firstAnswer: first.value,
      finalAnswer: final.value,
      finalSentence: final.sentence,
    },
  ];
}

/**
 * Collects student sentences such as `I thought I needed to double the 220 hours`, spoken
 * after the instructor's first turn. The first worked solution is excluded: it explains the method, not an error.
 */
function selfReportCandidates(
  transcript: AnalyzedTranscript,
  firstSolution: AnalyzedTurn | undefined,
): Candidate[] {
  const firstInstructor = transcript.turns.find((turn) => turn.role === 'instructor');

  return studentSentences(transcript)
    .filter((sentence) => sentence.turn !== firstSolution && sentence.terms.length >= 4)
    .filter((sentence) => firstInstructor && sentence.turn.position > firstInstructor.position)
    .filter((sentence) => isSelfReport(sentence.text))
    .filter((sentence) => !sentence.claims.some((claim) => claim.withdrawnValue !== undefined))
    .map((sentence) => ({ kind: 'self-report', sentence, strength: SELF_REPORT_STRENGTH }));
}

/**
 * Flags a result that the student states in three or more turns, when the instructor
 * challenges at least once and accepts none of those turns.
 */
function repeatedClaimCandidates(transcript: AnalyzedTranscript): Candidate[] {
  const byResult = new Map<string, AnalyzedSentence[]>();
  for (const sentence of studentSentences(transcript)) {
    const last = sentence.claims[sentence.claims.length - 1];
    if (last?.claimedValue !== undefined) {
      const key = `${last.key}=${last.claimedValue}`;
      byResult.set(key, [...(byResult.get(key) ?? []), sentence]);
    }
  }
  const candidates: Candidate[] = [];
  for (const sentences of byResult.values()) {
    const turns = [...new Set(sentences.map((sentence) => sentence.turn))];
    const accepted = turns.some((turn) => isTurnAccepted(transcript, turn));
    const challenged = transcript.turns.some(
      (turn) => turn.position > turns[0].position && turn.challenge >= MIN_CHALLENGE,
    );
    if (turns.length >= MIN_REPEATED_TURNS && challenged && !accepted) {
      const strength = Math.min(MAX_REPEAT_STRENGTH, REPEAT_STRENGTH * (turns.length - 1));
      candidates.push({ kind: 'repeated', sentence: sentences[0], strength });
    }
  }

  return candidates;
}
