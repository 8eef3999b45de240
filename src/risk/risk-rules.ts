import { slope } from '../engagement/participation-score';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_SIGNAL_KINDS = [
  'declining_participation',
  'repeated_incorrect_checks',
  'absences_and_late_joins',
  'falling_talk_share',
  'stalled_objectives',
] as const;
export type RiskSignalKind = (typeof RISK_SIGNAL_KINDS)[number];

/** Documented sessions, latest first, that the signals look back over. */
export const RISK_WINDOW_SESSIONS = 5;
/** Sessions with data that a trend needs before it can score above 0. */
export const MIN_TREND_SESSIONS = 3;
/** A join more than this many minutes after the session's start counts as late. */
export const LATE_JOIN_MINUTES = 10;
/** Graded check answers needed before the incorrect share counts. */
export const MIN_GRADED_ANSWERS = 3;
/** A participation score drop, in points (0 to 100) per session, that scores 1. */
export const FULL_PARTICIPATION_DROP = 20;
/** A talk share drop, as a share (0 to 1) per session, that scores 1. */
export const FULL_TALK_SHARE_DROP = 0.15;
/** Documented sessions at one status after which an objective counts as stalled. */
export const STALLED_AFTER_SESSIONS = 3;
/** Signal scores that set the level: see riskLevel. */
export const HIGH_SIGNAL_SCORE = 0.7;
export const ELEVATED_SIGNAL_SCORE = 0.5;
export const MEDIUM_SIGNAL_SCORE = 0.4;

/** Facts about one student in one documented session. */
export interface StudentSessionFacts {
  sessionId: string;
  startedAt: Date;
  /** The student's first join, or null when the student never joined. */
  joinedAt: Date | null;
  /** Participation score, 0 to 100, or null when the student had no participant in the session. */
  participationScore: number | null;
  /** Share of the session's talk, 0 to 1, or null when the student had no participant. */
  talkShare: number | null;
  /** Graded answers to non-anonymous checks. */
  checksAnswered: number;
  checksIncorrect: number;
}

/** A progress record that stayed `introduced` or `practicing` across documented sessions. */
export interface ObjectiveStandstill {
  objectiveCode: string;
  status: string;
  /** Documented sessions with evidence on the record since its status last changed, oldest first. */
  sessionIds: string[];
}

/** One session behind a signal. The unit of `value` depends on the signal kind. */
export interface RiskEvidenceItem {
  sessionId: string;
  value: number | null;
  objectiveCode: string | null;
}

export interface RiskSignalResult {
  kind: RiskSignalKind;
  /** 0 (no sign of risk) to 1 (a strong sign). */
  score: number;
  explanation: string;
  evidence: RiskEvidenceItem[];
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (value: number) => `${Math.round(value * 100)}%`;

function evidenceOf(sessionId: string, value: number | null): RiskEvidenceItem {
  return { sessionId, value: value === null ? null : round2(value), objectiveCode: null };
}

/** Scores the trend of participation scores of the sessions that have one. */
export function decliningParticipation(sessions: StudentSessionFacts[]): RiskSignalResult {
  const points = sessions.filter((s) => s.participationScore !== null);
  const evidence = points.map((s) => evidenceOf(s.sessionId, s.participationScore as number));
  const trend = points.length >= MIN_TREND_SESSIONS ? slope(evidence.map((e) => e.value as number)) : null;
  if (trend === null) {
    return {
      kind: 'declining_participation',
      score: 0,
      explanation: `Only ${points.length} recent session(s) have a participation score; a trend needs ${MIN_TREND_SESSIONS}.`,
      evidence,
    };
  }
  const score = round2(clamp(-trend / FULL_PARTICIPATION_DROP));
  const first = evidence[0].value as number;
  const last = evidence[evidence.length - 1].value as number;

  return {
    kind: 'declining_participation',
    score,
    explanation: participationExplanation(trend, first, last, points.length),
    evidence,
  };
}

/**
 * Describes the participation trend. The score follows the least-squares slope over all the
 * sessions, so the slope can fall while the last score is still at or above the first one.
 */
function participationExplanation(
  trend: number,
  first: number,
  last: number,
  sessions: number,
): string {
  if (trend >= 0) {
    return `Participation held steady or rose over the last ${sessions} sessions (${first} to ${last}).`;
  }
  const perSession = `${round2(-trend)} points per session`;
  if (last < first) {
    return `Participation fell from ${first} to ${last} over the last ${sessions} sessions (a trend of -${perSession}).`;
  }

  return (
    `Participation trended down by ${perSession} over the last ${sessions} sessions, ` +
    `though the last score (${last}) is not below the first (${first}).`
  );
}

/** Scores the share of incorrect answers to non-anonymous checks over the recent sessions. */
export function repeatedIncorrectChecks(sessions: StudentSessionFacts[]): RiskSignalResult {
  const graded = sessions.filter((s) => s.checksAnswered > 0);
  const answered = graded.reduce((sum, s) => sum + s.checksAnswered, 0);
  const incorrect = graded.reduce((sum, s) => sum + s.checksIncorrect, 0);
  const evidence = graded.map((s) => evidenceOf(s.sessionId, s.checksIncorrect / s.checksAnswered));
  if (answered < MIN_GRADED_ANSWERS) {
    return {
      kind: 'repeated_incorrect_checks',
      score: 0,
      explanation: `The student answered ${answered} graded check(s) in recent sessions; the share counts from ${MIN_GRADED_ANSWERS}.`,
      evidence,
    };
  }
  const share = incorrect / answered;

  return {
    kind: 'repeated_incorrect_checks',
    score: round2(share),
    explanation: `${incorrect} of ${answered} check answers were incorrect (${percent(share)}) over the last ${graded.length} session(s) with checks.`,
    evidence,
  };
}

/** Scores absences (weight 1) and late joins (weight 0.5) per recent session. */
export function absencesAndLateJoins(sessions: StudentSessionFacts[]): RiskSignalResult {
  const evidence: RiskEvidenceItem[] = [];
  let absences = 0;
  let lateJoins = 0;
  for (const session of sessions) {
    if (session.joinedAt === null) {
      absences += 1;
      evidence.push(evidenceOf(session.sessionId, null));
      continue;
    }
    const lateMinutes = (session.joinedAt.getTime() - session.startedAt.getTime()) / 60_000;
    if (lateMinutes > LATE_JOIN_MINUTES) {
      lateJoins += 1;
      evidence.push(evidenceOf(session.sessionId, lateMinutes));
    }
  }
  const score =
    sessions.length === 0 ? 0 : round2(clamp((absences + 0.5 * lateJoins) / sessions.length));

  return {
    kind: 'absences_and_late_joins',
    score,
    explanation:
      absences + lateJoins === 0
        ? `The student joined each of the last ${sessions.length} session(s) within ${LATE_JOIN_MINUTES} minutes of the start.`
        : `The student never joined ${absences} and joined more than ${LATE_JOIN_MINUTES} minutes late to ${lateJoins} of the last ${sessions.length} session(s).`,
    evidence,
  };
}

/** Scores the trend of the student's share of talk in the sessions they joined. */
export function fallingTalkShare(sessions: StudentSessionFacts[]): RiskSignalResult {
  const points = sessions.filter((s) => s.talkShare !== null && s.joinedAt !== null);
  const evidence = points.map((s) => evidenceOf(s.sessionId, s.talkShare as number));
  const trend =
    points.length >= MIN_TREND_SESSIONS ? slope(points.map((s) => s.talkShare as number)) : null;
  if (trend === null) {
    return {
      kind: 'falling_talk_share',
      score: 0,
      explanation: `The student joined ${points.length} recent session(s); a talk share trend needs ${MIN_TREND_SESSIONS}.`,
      evidence,
    };
  }
  const first = points[0].talkShare as number;
  const last = points[points.length - 1].talkShare as number;

  return {
    kind: 'falling_talk_share',
    score: round2(clamp(-trend / FULL_TALK_SHARE_DROP)),
    explanation: talkShareExplanation(trend, first, last, points.length),
    evidence,
  };
}

/** Describes the talk share trend, which, like participation, can fall while the last share is not below the first. */
function talkShareExplanation(
  trend: number,
  first: number,
  last: number,
  sessions: number,
): string {
  if (trend >= 0) {
    return `The student's share of talk held steady or rose over the last ${sessions} sessions they joined.`;
  }
  // Compares the printed percentages so the sentence never reads "fell from 40% to 40%".
  if (Math.round(last * 100) < Math.round(first * 100)) {
    return `The student's share of talk fell from ${percent(first)} to ${percent(last)} over the last ${sessions} sessions they joined.`;
  }

  return (
    `The student's share of talk trended down over the last ${sessions} sessions they joined, ` +
    `though the last share (${percent(last)}) is not below the first (${percent(first)}).`
  );
}

/**
 * Scores objectives whose progress stayed `introduced` or `practicing` over at least
 * STALLED_AFTER_SESSIONS documented sessions: 0.5 at that many sessions, rising to 1 at two more.
 */
export function stalledObjectives(standstills: ObjectiveStandstill[]): RiskSignalResult {
  const stalled = standstills
    .filter((s) => s.sessionIds.length >= STALLED_AFTER_SESSIONS)
    .sort((a, b) => b.sessionIds.length - a.sessionIds.length || a.objectiveCode.localeCompare(b.objectiveCode));
  const evidence = stalled.flatMap((s) =>
    s.sessionIds.map((sessionId, index) => ({
      sessionId,
      value: index + 1,
      objectiveCode: s.objectiveCode,
    })),
  );
  if (stalled.length === 0) {
    return {
      kind: 'stalled_objectives',
      score: 0,
      explanation: `No objective stayed introduced or practicing over ${STALLED_AFTER_SESSIONS} or more documented sessions.`,
      evidence,
    };
  }
  const longest = stalled[0].sessionIds.length;
  const listed = stalled.map((s) => `${s.objectiveCode} (${s.status}, ${s.sessionIds.length} sessions)`);

  return {
    kind: 'stalled_objectives',
    score: round2(clamp((longest - 1) / 4)),
    explanation: `${stalled.length} objective(s) made no progress over ${STALLED_AFTER_SESSIONS} or more sessions: ${listed.join(', ')}.`,
    evidence,
  };
}

/** Computes every signal from the student's recent sessions, given oldest first. */
export function riskSignals(
  sessions: StudentSessionFacts[],
  standstills: ObjectiveStandstill[],
): RiskSignalResult[] {
  return [
    decliningParticipation(sessions),
    repeatedIncorrectChecks(sessions),
    absencesAndLateJoins(sessions),
    fallingTalkShare(sessions),
    stalledObjectives(standstills),
  ];
}

/**
 * Derives the level. It is `high` when one signal scores HIGH_SIGNAL_SCORE or more, or two score
 * ELEVATED_SIGNAL_SCORE or more. It is `medium` when one scores MEDIUM_SIGNAL_SCORE or more, else `low`.
 */
export function riskLevel(signals: readonly { score: number }[]): RiskLevel {
  const scores = signals.map((signal) => signal.score);
  if (
    scores.some((score) => score >= HIGH_SIGNAL_SCORE) ||
    scores.filter((score) => score >= ELEVATED_SIGNAL_SCORE).length >= 2
  ) {
    return 'high';
  }

  return scores.some((score) => score >= MEDIUM_SIGNAL_SCORE) ? 'medium' : 'low';
}

/** Returns the overall score: the maximum signal score, or 0 without signals. */
export function riskScore(signals: readonly { score: number }[]): number {
  return Math.max(0, ...signals.map((signal) => signal.score));
}
