import { StudentPerformance } from '../ai-provider';
import { challengeStrength, classifyInstructorTurn } from './dialogue-acts';
import { findFirstSolution } from './misconception-candidates';
import { clause } from './misconception-description';
import { DetectedMisconception } from './misconception-detector';
import { formatNumber } from './text-utils';
import {
  AnalyzedSentence,
  AnalyzedTranscript,
  AnalyzedTurn,
  isTurnAccepted,
  studentTurns,
  turnAnswer,
} from './transcript-analysis';

/** Challenge strength from which an instructor turn counts as a turning point. */
const TURNING_POINT_CHALLENGE = 0.5;
const MAX_TURNING_POINTS = 2;

/** An answer the student gave, with the sentence that states it. */
interface StudentAnswer {
  value: number;
  sentence: AnalyzedSentence;
}

/** Returns the name to use for the students: the one student speaker, or `the students`. */
export function studentLabel(transcript: AnalyzedTranscript, studentNames: string[]): string {
  const speakers = new Set(studentTurns(transcript).map((turn) => turn.segment.speakerName));
  if (speakers.size === 1) {
    return [...speakers][0];
  }
  if (speakers.size > 1) {
    return 'the students';
  }

  return studentNames.length === 1 ? studentNames[0] : 'the student';
}

/**
 * Writes the recap summary from quoted sentences: how the session opened, the student's
 * first answer, the instructor challenges that changed it, and the final answer.
 */
export function buildSummary(transcript: AnalyzedTranscript, student: string): string {
  if (transcript.sentences.length === 0) {
    return 'No speech was recorded in this session.';
  }
  const parts = [describeOpening(transcript)];
  if (studentTurns(transcript).length === 0) {
    parts.push(`Only the instructor spoke; ${student} had no recorded turns.`);

    return parts.join(' ');
  }
  const answers = studentAnswers(transcript);
  const first = firstAnswer(transcript);
  if (first) {
    parts.push(
      `${capitalize(student)}'s first answer was ${formatNumber(first.value)}: "${clause(first.sentence)}".`,
    );
  }
  parts.push(...describeTurningPoints(transcript, answers, student));
  parts.push(describeFinalAnswer(transcript, first, answers, student));

  return parts.filter((part) => part !== '').join(' ');
}

function describeOpening(transcript: AnalyzedTranscript): string {
  const opening =
    transcript.sentences.find((sentence) => sentence.numberTerms.length > 0) ??
    transcript.sentences.find((sentence) => sentence.terms.length >= 3) ??
    transcript.sentences[0];
  const speaker =
    opening.turn.role === 'instructor' ? 'the instructor' : opening.turn.segment.speakerName;

  return `The work opened with ${speaker}: "${clause(opening)}".`;
}

function firstAnswer(transcript: AnalyzedTranscript): StudentAnswer | undefined {
  const turn = findFirstSolution(transcript);

  return turn && turnAnswer(turn);
}

/** Returns the answer of each student turn that states one, in transcript order. */
function studentAnswers(transcript: AnalyzedTranscript): StudentAnswer[] {
  return studentTurns(transcript)
    .map(turnAnswer)
    .filter((answer): answer is StudentAnswer => answer !== undefined);
}

/**
 * Finds the instructor challenges after which the student's answer changed, keeps the
 * strongest two and tells them in transcript order.
 */
function describeTurningPoints(
  transcript: AnalyzedTranscript,
  answers: StudentAnswer[],
  student: string,
): string[] {
  const points: { turn: AnalyzedTurn; before: StudentAnswer; after: StudentAnswer }[] = [];
  for (let i = 1; i < answers.length; i += 1) {
    const before = answers[i - 1];
    const after = answers[i];
    const challenge = strongestChallengeBetween(
      transcript,
      before.sentence.turn,
      after.sentence.turn,
    );
    if (challenge && before.value !== after.value) {
      points.push({ turn: challenge, before, after });
    }
  }
  points.sort((a, b) => b.turn.challenge - a.turn.challenge || a.turn.position - b.turn.position);

  return points
    .slice(0, MAX_TURNING_POINTS)
    .sort((a, b) => a.turn.position - b.turn.position)
    .map(({ turn, before, after }) => {
      const quote = clause(strongestChallengeSentence(turn));
      const change = `from ${formatNumber(before.value)} to ${formatNumber(after.value)}`;

      return `After the instructor said "${quote}", ${student} changed the answer ${change}.`;
    });
}

function strongestChallengeBetween(
  transcript: AnalyzedTranscript,
  from: AnalyzedTurn,
  to: AnalyzedTurn,
): AnalyzedTurn | undefined {
  const between = transcript.turns.filter(
    (turn) =>
      turn.role === 'instructor' &&
      turn.position > from.position &&
      turn.position < to.position &&
      turn.challenge >= TURNING_POINT_CHALLENGE,
  );

  return between.sort((a, b) => b.challenge - a.challenge || a.position - b.position)[0];
}

function strongestChallengeSentence(turn: AnalyzedTurn): AnalyzedSentence {
  const scored = turn.sentences.map((sentence) => ({
    sentence,
    strength: challengeStrength(classifyInstructorTurn(sentence.text)),
  }));
  scored.sort((a, b) => b.strength - a.strength || a.sentence.id - b.sentence.id);

  return scored[0].sentence;
}

function describeFinalAnswer(
  transcript: AnalyzedTranscript,
  first: StudentAnswer | undefined,
  answers: StudentAnswer[],
  student: string,
): string {
  const final = answers[answers.length - 1];
  if (!final) {
    return `${capitalize(student)} did not state a numeric answer.`;
  }
  const value = formatNumber(final.value);
  const finalTurn = final.sentence.turn;
  const answered = transcript.turns.some(
    (turn) => turn.role === 'instructor' && turn.position > finalTurn.position,
  );
  const verdict = isTurnAccepted(transcript, finalTurn)
    ? 'and the instructor did not challenge it'
    : answered
      ? 'but the instructor challenged it'
      : 'and the session ended before the instructor accepted it';
  if (!first || first.sentence.id === final.sentence.id) {
    return `${capitalize(student)}'s final answer was ${value}, ${verdict}.`;
  }
  const change =
    first.value === final.value
      ? 'the same as the first answer'
      : `changed from ${formatNumber(first.value)}`;

  return `${capitalize(student)}'s final answer was ${value} ("${clause(final.sentence)}"), ${change}, ${verdict}.`;
}

/** Counts turns, talk share and errors, and writes a sentence from those facts. */
export function buildPerformance(
  transcript: AnalyzedTranscript,
  detected: DetectedMisconception[],
  student: string,
): StudentPerformance {
  const students = studentTurns(transcript);
  const instructors = transcript.turns.filter((turn) => turn.role === 'instructor');
  const totalWords = transcript.turns.reduce((sum, turn) => sum + turn.words, 0);
  const studentWords = students.reduce((sum, turn) => sum + turn.words, 0);
  const share = totalWords === 0 ? 0 : Math.round((studentWords / totalWords) * 100) / 100;
  const corrected = detected.filter((item) => item.misconception.resolved).length;
  const performance: StudentPerformance = {
    summary: '',
    studentTurns: students.length,
    instructorTurns: instructors.length,
    studentTalkShare: share,
    errorsFound: detected.length,
    errorsCorrected: corrected,
  };
  performance.summary = describePerformance(performance, transcript.turns.length, student);

  return performance;
}

function describePerformance(
  performance: StudentPerformance,
  turns: number,
  student: string,
): string {
  const name = capitalize(student);
  if (performance.studentTurns === 0) {
    return turns === 0 ? 'No one spoke in this session.' : `${name} did not speak in this session.`;
  }
  const percent = Math.round(performance.studentTalkShare * 100);
  const talk = `${name} took ${performance.studentTurns} of ${turns} turns and spoke ${percent}% of the words.`;
  const { errorsFound, errorsCorrected } = performance;
  if (errorsFound === 0) {
    return `${talk} The recap found no errors in ${student}'s work.`;
  }
  if (errorsFound === 1) {
    const outcome =
      errorsCorrected === 1 ? `${student} corrected it` : `${student} did not correct it`;

    return `${talk} The recap found 1 error, and ${outcome}.`;
  }
  const corrected = errorsCorrected === 0 ? 'none' : String(errorsCorrected);

  return `${talk} The recap found ${errorsFound} errors, and ${student} corrected ${corrected} of them.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
