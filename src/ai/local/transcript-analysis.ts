import { EvidenceQuote, RecapTranscriptSegment, SpeakerRole } from '../ai-provider';
import { ArithmeticClaim } from './arithmetic-claims';
import { checkTurnArithmetic, findExpressionKeys } from './arithmetic-checker';
import {
  challengeStrength,
  classifyInstructorTurn,
  InstructorAct,
  isAcceptance,
  isRevision,
  turnChallengeStrength,
} from './dialogue-acts';
import {
  findWrittenNumbers,
  instructorStatedValues,
  parseWrittenNumber,
  statesAnyValue,
  WRITTEN_NUMBER_SOURCE,
} from './stated-values';
import { countWords, formatNumber, isNumberTerm, parseNumber, splitSentences } from './text-utils';

/** One sentence of a turn, with its terms and checked arithmetic. */
export interface AnalyzedSentence {
  /** Position in `AnalyzedTranscript.sentences`. */
  id: number;
  turn: AnalyzedTurn;
  /** Position of the sentence within its turn. */
  indexInTurn: number;
  text: string;
  /** Character range in the segment text. */
  charStart: number;
  charEnd: number;
  terms: string[];
  numberTerms: string[];
  claims: ArithmeticClaim[];
  /** Identities of every operation in the sentence, as `findExpressionKeys` returns them. */
  expressionKeys: string[];
}

/** One transcript segment, split into sentences. */
export interface AnalyzedTurn {
  /** Position of the segment in `RecapInput.transcript`. */
  position: number;
  segment: RecapTranscriptSegment;
  role: SpeakerRole;
  words: number;
  sentences: AnalyzedSentence[];
  /** Response of an instructor turn to the answer before it, absent for other roles. */
  act?: InstructorAct;
  /** The same for the first sentence alone, which often contains the verdict (`Not quite.`). */
  openingAct?: InstructorAct;
  /** Challenge strength of the most challenging sentence of an instructor turn, 0..1. */
  challenge: number;
}

/** A transcript split into sentences, with term statistics across sentences. */
export interface AnalyzedTranscript {
  turns: AnalyzedTurn[];
  sentences: AnalyzedSentence[];
  /** Inverse sentence frequency of a term, `ln(1 + N / df)`, so rare terms weigh more. */
  idf(term: string): number;
}

/** Splits every segment into sentences, extracts terms and checks student arithmetic. */
export function analyzeTranscript(segments: RecapTranscriptSegment[]): AnalyzedTranscript {
  const sentences: AnalyzedSentence[] = [];
  const turns = segments.map((segment, position) => {
    const turn = analyzeTurn(segment, position, sentences.length);
    sentences.push(...turn.sentences);

    return turn;
  });
  const frequencies = countSentenceFrequencies(sentences);
  const total = Math.max(1, sentences.length);

  return {
    turns,
    sentences,
    idf: (term) => Math.log(1 + total / (frequencies.get(term) ?? 1)),
  };
}

function analyzeTurn(segment: RecapTranscriptSegment, position: number, firstId: number) {
  const spans = splitSentences(segment.text);
  const claims = checkTurnArithmetic(spans.map((span) => span.text));
  const turn: AnalyzedTurn = {
    position,
    segment,
    role: segment.speakerRole,
    words: countWords(segment.text),
    sentences: [],
    challenge: 0,
  };
  if (segment.speakerRole === 'instructor') {
    turn.act = classifyInstructorTurn(segment.text);
    turn.openingAct = classifyInstructorTurn(spans[0]?.text ?? '');
    turn.challenge = Math.max(
      challengeStrength(turn.act),
      turnChallengeStrength(spans.map((span) => span.text)),
    );
  }
  turn.sentences = spans.map((span, indexInTurn) => ({
    id: firstId + indexInTurn,
    turn,
    indexInTurn,
    text: span.text,
    charStart: span.start,
    charEnd: span.end,
    terms: span.terms,
    numberTerms: span.terms.filter(isNumberTerm),
    claims: claims[indexInTurn],
    expressionKeys: findExpressionKeys(span.text),
  }));

  return turn;
}

function countSentenceFrequencies(sentences: AnalyzedSentence[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const sentence of sentences) {
    for (const term of new Set(sentence.terms)) {
      frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
  }

  return frequencies;
}

/**
 * Quotes one sentence of a segment. Its times are interpolated from the segment times by
 * character position, which assumes an even speaking rate within the segment.
 */
export function quoteSentence(sentence: AnalyzedSentence): EvidenceQuote {
  const { segment } = sentence.turn;
  const length = Math.max(1, segment.text.length);
  const duration = Math.max(0, segment.endMs - segment.startMs);
  const at = (offset: number) => segment.startMs + Math.round((duration * offset) / length);

  return {
    segmentIndex: segment.index,
    speaker: segment.speakerName,
    speakerRole: segment.speakerRole,
    startMs: at(sentence.charStart),
    endMs: at(sentence.charEnd),
    text: sentence.text,
  };
}

/** Returns the student turns in transcript order. */
export function studentTurns(transcript: AnalyzedTranscript): AnalyzedTurn[] {
  return transcript.turns.filter((turn) => turn.role === 'student');
}

/** Returns the value a sentence gives as its result: the last stated claim value. */
export function sentenceResult(sentence: AnalyzedSentence): number | undefined {
  const claimed = sentence.claims.filter((claim) => claim.claimedValue !== undefined);

  return claimed.length > 0 ? claimed[claimed.length - 1].claimedValue : undefined;
}

/**
 * Returns the answer a student turn ends on: the last claim result, else the number of a
 * closing sentence such as `So the answer is 22.` A bare `11` after `… still has 11 left.`
 * is reported with that earlier sentence, which gives it context.
 */
export function turnAnswer(
  turn: AnalyzedTurn,
): { value: number; sentence: AnalyzedSentence } | undefined {
  for (let i = turn.sentences.length - 1; i >= 0; i -= 1) {
    const sentence = turn.sentences[i];
    const value = sentenceResult(sentence) ?? closingNumber(sentence);
    if (value === undefined) {
      continue;
    }
    const previous = turn.sentences[i - 1];
    const bare = BARE_NUMBER.test(sentence.text);
    const context =
      bare && previous?.numberTerms.includes(formatNumber(value)) ? previous : sentence;

    return { value, sentence: context };
  }

  return undefined;
}

const BARE_NUMBER = new RegExp(String.raw`^\W*(${WRITTEN_NUMBER_SOURCE})\W*$`);
const CLOSING_OPENER = /^\W*(so|therefore|thus|finally|in total)\b/i;
const ANSWER_PHRASE = new RegExp(
  String.raw`\b(answer|total)\b[^\d$.!?]{0,20}(${WRITTEN_NUMBER_SOURCE})`,
  'i',
);
/**
 * A sentence that ends by stating one value after a copula: `It is 3/8.`, `50% of her salary
 * would be $25,000.`, `That's 75 seeds.` Up to three words may follow the number.
 */
const STATED_VALUE = new RegExp(
  String.raw`(?:'s|’s|\b(?:is|was|are|were|would be|will be|should be|equals))\s+(?:about\s+|actually\s+|exactly\s+|only\s+)?(${WRITTEN_NUMBER_SOURCE})(?:\s+[a-z]+){0,3}\W*$`,
  'i',
);

/**
 * Returns the number of `So he has 11 left.`, `the answer is 22`, `It is 3/8.` or a bare
 * `11`. A fraction counts as one number, so `So it is 3 / 8 of the pizza.` gives 0.375.
 */
function closingNumber(sentence: AnalyzedSentence): number | undefined {
  const { text } = sentence;
  const phrase = ANSWER_PHRASE.exec(text);
  if (phrase) {
    return parseWrittenNumber(phrase[2]);
  }
  const stated = STATED_VALUE.exec(text);
  if (stated) {
    return parseWrittenNumber(stated[1]);
  }
  const closes = CLOSING_OPENER.test(text) || BARE_NUMBER.test(text);
  if (!closes || sentence.numberTerms.length === 0) {
    return undefined;
  }
  const written = findWrittenNumbers(text);
  const last = written[written.length - 1];
  if (last?.isFraction && !/\d/.test(text.slice(last.end))) {
    return last.value;
  }

  return parseNumber(sentence.numberTerms[sentence.numberTerms.length - 1]);
}

/**
 * Checks whether the instructor accepts a student turn: the next instructor turn opens with
 * praise. A turn that no instructor turn follows is judged against the last instructor
 * turn: when that turn states values (`the answer is 16 weeks`), the student turn must
 * state one of them. Otherwise it counts as accepted when it changes the student's answer,
 * or when it has no answer but revises (`Ah, I understand now`).
 */
export function isTurnAccepted(transcript: AnalyzedTranscript, turn: AnalyzedTurn): boolean {
  let accepted = acceptedTurns.get(turn);
  if (accepted === undefined) {
    accepted = computeAcceptance(transcript, turn);
    acceptedTurns.set(turn, accepted);
  }

  return accepted;
}

/** Acceptance of each analyzed turn, computed once because error detection calls for it repeatedly. */
const acceptedTurns = new WeakMap<AnalyzedTurn, boolean>();

function computeAcceptance(transcript: AnalyzedTranscript, turn: AnalyzedTurn): boolean {
  const reply = transcript.turns.find((other) => other.position > turn.position && other.act);
  if (reply?.act && reply.openingAct) {
    return isAcceptance(reply.act, reply.openingAct);
  }
  const lastInstructor = transcript.turns
    .filter((other) => other.role === 'instructor' && other.position < turn.position)
    .pop();
  const verdict = lastInstructor && agreesWithInstructor(turn, lastInstructor);
  if (verdict !== undefined) {
    return verdict;
  }
  const answer = turnAnswer(turn);
  const earlier = studentTurns(transcript).filter((other) => other.position < turn.position);
  const previous = earlier
    .map(turnAnswer)
    .filter((a) => a !== undefined)
    .pop();
  if (answer && previous) {
    return answer.value !== previous.value;
  }

  return isRevision(turn.segment.text);
}

/**
 * Compares a student turn with the values the instructor stated just before it. The turn
 * agrees when its answer is a value the instructor stated as an answer, or when it states
 * one of the instructor's results or, without an answer of its own, one of the answers.
 * Returns undefined when the instructor stated no value.
 */
function agreesWithInstructor(turn: AnalyzedTurn, instructor: AnalyzedTurn): boolean | undefined {
  const { results, answers } = instructorStatedValues(instructor);
  if (results.size === 0 && answers.size === 0) {
    return undefined;
  }
  const answer = turnAnswer(turn);
  if (answer && answers.has(formatNumber(answer.value))) {
    return true;
  }

  return statesAnyValue(turn, results) || (!answer && statesAnyValue(turn, answers));
}

/** Returns the sentences of student turns in transcript order. */
export function studentSentences(transcript: AnalyzedTranscript): AnalyzedSentence[] {
  return transcript.sentences.filter((sentence) => sentence.turn.role === 'student');
}
