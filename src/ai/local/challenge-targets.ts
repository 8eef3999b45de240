import { lexMath } from './arithmetic-lexer';
import { challengeStrength, classifyInstructorTurn, refersBack } from './dialogue-acts';
import { formatNumber } from './text-utils';
import {
  AnalyzedSentence,
  AnalyzedTranscript,
  AnalyzedTurn,
  turnAnswer,
} from './transcript-analysis';

const MIN_TARGET_SCORE = 1.5;
/** Challenge strength of `What is 16 x 60?` right after the student used 16 and 60. */
const EXPRESSION_QUESTION_STRENGTH = 0.5;
/** Score per pair of adjacent terms that a challenge repeats, as in `each sandwich needs 2 croissants`. */
const SHARED_PHRASE_SCORE = 1;
/** Score added when the instructor repeats an operation of the sentence, as in `Does 35000 + 3000 = 58000?`. */
const SHARED_OPERATION_SCORE = 8;
/** Weight of a sentence's own challenge when picking the instructor sentence to quote. */
const CHALLENGE_QUOTE_WEIGHT = 3;

/** Returns the last two student turns before `position` with three or more terms, nearest first. */
export function recentStudentTurns(
  transcript: AnalyzedTranscript,
  position: number,
): AnalyzedTurn[] {
  const found: AnalyzedTurn[] = [];
  for (let i = position - 1; i >= 0 && found.length < 2; i -= 1) {
    const turn = transcript.turns[i];
    if (turn.role === 'student' && turn.sentences.some((s) => s.terms.length >= 3)) {
      found.push(turn);
    }
  }

  return found;
}

/**
 * Returns a mild challenge strength for an instructor question with an operation on
 * numbers the student just used, such as `What is 16 x 60?`, and 0 otherwise.
 */
export function expressionQuestionBonus(
  turn: AnalyzedTurn,
  answered: AnalyzedTurn | undefined,
): number {
  if (!answered || !turn.segment.text.includes('?')) {
    return 0;
  }
  const tokens = lexMath(turn.segment.text);
  const studentNumbers = new Set(answered.sentences.flatMap((s) => s.numberTerms));
  const hasOperation = tokens.some((token, i) => {
    const next = tokens[i + 1];

    return (
      token.kind === 'number' &&
      next?.kind === 'operator' &&
      studentNumbers.has(formatNumber(token.value))
    );
  });

  return hasOperation ? EXPRESSION_QUESTION_STRENGTH : 0;
}

export interface Target {
  sentence: AnalyzedSentence;
  challenge: AnalyzedSentence;
  score: number;
}

/**
 * Picks the student sentence a challenge refers to: the most idf-weighted shared terms,
 * with numbers and repeated arithmetic counting extra. Falls back to the sentence with
 * the student's answer when nothing is shared.
 */
export function findTarget(
  transcript: AnalyzedTranscript,
  turn: AnalyzedTurn,
  answered: AnalyzedTurn[],
): Target | undefined {
  let best: { sentence: AnalyzedSentence; score: number } | undefined;
  // `You told me there are 20 windows` confirms an earlier statement, so only the latest
  // student turn can be the one challenged.
  const candidates = refersBack(turn.segment.text) ? answered.slice(0, 1) : answered;
  candidates.forEach((studentTurn, distance) => {
    for (const sentence of studentTurn.sentences) {
      for (const challenge of turn.sentences) {
        const score = targetScore(transcript, sentence, challenge) * (distance === 0 ? 1 : 0.5);
        if (!best || score > best.score) {
          best = { sentence, score };
        }
      }
    }
  });
  if (!best || best.score < MIN_TARGET_SCORE) {
    const answer = turnAnswer(answered[0]);
    best = answer && { sentence: answer.sentence, score: 0 };
  }
  const challenge = best && quotableChallenge(transcript, turn, best.sentence);

  return best && challenge && { ...best, challenge };
}

/** Picks the instructor sentence to quote: the one that challenges most and refers to the target. */
function quotableChallenge(
  transcript: AnalyzedTranscript,
  turn: AnalyzedTurn,
  target: AnalyzedSentence,
): AnalyzedSentence | undefined {
  let best: { sentence: AnalyzedSentence; score: number } | undefined;
  for (const sentence of turn.sentences) {
    const challenge = challengeStrength(classifyInstructorTurn(sentence.text));
    const score = targetScore(transcript, target, sentence) + CHALLENGE_QUOTE_WEIGHT * challenge;
    if (!best || score > best.score) {
      best = { sentence, score };
    }
  }

  return best?.sentence;
}

function targetScore(
  transcript: AnalyzedTranscript,
  sentence: AnalyzedSentence,
  challenge: AnalyzedSentence,
): number {
  const challengeTerms = new Set(challenge.terms);
  let score = 0;
  for (const term of new Set(sentence.terms)) {
    if (challengeTerms.has(term)) {
      score += transcript.idf(term) * (/^\d/.test(term) ? 1.5 : 1);
    }
  }
  const challengePhrases = new Set(adjacentPairs(challenge.terms));
  score +=
    adjacentPairs(sentence.terms).filter((pair) => challengePhrases.has(pair)).length *
    SHARED_PHRASE_SCORE;
  const challengeKeys = new Set(challenge.expressionKeys);
  const sentenceKeys = [...sentence.claims.map((claim) => claim.key), ...sentence.expressionKeys];
  if (sentenceKeys.some((key) => challengeKeys.has(key))) {
    score += SHARED_OPERATION_SCORE;
  }

  return score;
}

function adjacentPairs(terms: string[]): string[] {
  return terms.slice(1).map((term, i) => `${terms[i]} ${term}`);
}
