import { EvidenceKind, ProgressStatus, SessionCoverageStatus } from './progress-status';

/** The facts of one evidence item that the rules read. */
export interface EvidenceFact {
  kind: EvidenceKind;
  sessionId: string | null;
  correct: boolean | null;
}

export interface ProgressAssessment {
  status: ProgressStatus;
  confidence: number;
}

/** Share of correct check answers, over at least two sessions, that makes an objective mastered. */
export const MASTERY_CORRECT_SHARE = 0.8;
export const MASTERY_MIN_SESSIONS = 2;
/** Below this share of correct check answers, a taught objective is not landing. */
export const LANDING_CORRECT_SHARE = 0.5;

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * Derives a status and a confidence from every evidence item of a record. Instructor ratings are
 * not read here: an override replaces the status instead (see applyOverride).
 */
export function assessProgress(evidence: readonly EvidenceFact[]): ProgressAssessment {
  const answers = evidence.filter((item) => item.kind === 'check_result' && item.correct !== null);
  const introductions = evidence.filter(
    (item) => item.kind === 'lesson_plan' || item.kind === 'recap',
  );
  if (answers.length === 0) {
    if (introductions.length === 0) {
      return { status: 'not_started', confidence: 0 };
    }
    const sessions = new Set(introductions.map((item) => item.sessionId)).size;
    const recapBonus = introductions.some((item) => item.kind === 'recap') ? 0.1 : 0;

    return { status: 'introduced', confidence: round(Math.min(0.5, 0.2 * sessions + recapBonus)) };
  }
  const correct = answers.filter((item) => item.correct).length;
  const share = correct / answers.length;
  const answerSessions = new Set(answers.map((item) => item.sessionId)).size;
  const mastered = answerSessions >= MASTERY_MIN_SESSIONS && share >= MASTERY_CORRECT_SHARE;
  // More answers raise confidence, and answers that agree (all right or all wrong) raise it more
  // than an even split does.
  const amount = answers.length / (answers.length + 3);
  const agreement = Math.abs(share - 0.5) * 2;

  return {
    status: mastered ? 'mastered' : 'practicing',
    confidence: round(amount * (0.5 + 0.5 * agreement)),
  };
}

/**
 * Returns the confidence of a record while an instructor's override is in effect: at least 0.8
 * when the evidence agrees with the instructor, else 0.6. One instructor rating outweighs the
 * automatic evidence but does not erase it.
 */
export function overrideConfidence(
  override: ProgressStatus,
  automatic: ProgressAssessment,
): number {
  return override === automatic.status ? Math.max(automatic.confidence, 0.8) : 0.6;
}

/** The facts of one documented session about one objective of one enrollment. */
export interface SessionObjectiveFacts {
  plannedDone: boolean;
  plannedSkipped: boolean;
  recapMatched: boolean;
  checksAnswered: number;
  checksCorrect: number;
}

/**
 * Classifies an objective in one documented session:
 * - skipped: planned, but no phase planning it was done, the recap did not match it and no
 *   check on it was answered;
 * - not_landing: taught, and under half of the answers to its checks were correct;
 * - covered: planned in a done phase or matched by the recap, and none of its planned phases skipped;
 * - partially_covered: taught otherwise (some planned phases skipped, or only checks show it).
 */
export function classifySessionObjective(facts: SessionObjectiveFacts): SessionCoverageStatus {
  const taught = facts.plannedDone || facts.recapMatched || facts.checksAnswered > 0;
  if (!taught) {
    return 'skipped';
  }
  if (
    facts.checksAnswered > 0 &&
    facts.checksCorrect / facts.checksAnswered < LANDING_CORRECT_SHARE
  ) {
    return 'not_landing';
  }
  if ((facts.plannedDone || facts.recapMatched) && !facts.plannedSkipped) {
    return 'covered';
  }

  return 'partially_covered';
}
