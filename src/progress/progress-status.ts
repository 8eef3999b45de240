import { registerEnumType } from '@nestjs/graphql';

export const PROGRESS_STATUSES = ['not_started', 'introduced', 'practicing', 'mastered'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const ProgressStatusEnum = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, s])) as {
  [K in ProgressStatus]: K;
};
registerEnumType(ProgressStatusEnum, {
  name: 'ProgressStatus',
  description:
    'A student’s standing on one objective: not_started → introduced → practicing → mastered.',
});

export const EVIDENCE_KINDS = [
  'lesson_plan',
  'check_result',
  'recap',
  'instructor_rating',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EvidenceKindEnum = Object.fromEntries(EVIDENCE_KINDS.map((s) => [s, s])) as {
  [K in EvidenceKind]: K;
};
registerEnumType(EvidenceKindEnum, {
  name: 'ProgressEvidenceKind',
  description:
    'lesson_plan: planned in a phase that was done; check_result: the student’s answer to a ' +
    'check linked to the objective; recap: matched in the approved recap; instructor_rating: ' +
    'an instructor’s override.',
});

export const PROGRESS_CHANGES = ['automatic', 'override', 'override_cleared'] as const;
export type ProgressChangeKind = (typeof PROGRESS_CHANGES)[number];
export const ProgressChangeKindEnum = Object.fromEntries(PROGRESS_CHANGES.map((s) => [s, s])) as {
  [K in ProgressChangeKind]: K;
};
registerEnumType(ProgressChangeKindEnum, {
  name: 'ProgressChangeKind',
  description:
    'automatic: recomputed when a session was documented; override: set by an instructor; ' +
    'override_cleared: an instructor returned the record to its automatic status.',
});

export const COVERAGE_STATUSES = [
  'covered',
  'partially_covered',
  'skipped',
  'not_landing',
  'planned',
  'not_started',
] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
/** The statuses that a documented session can give an objective; stored per session. */
export type SessionCoverageStatus = Exclude<CoverageStatus, 'planned' | 'not_started'>;
export const CoverageStatusEnum = Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, s])) as {
  [K in CoverageStatus]: K;
};
registerEnumType(CoverageStatusEnum, {
  name: 'CoverageStatus',
  description:
    'covered: taught as planned; partially_covered: taught, but some of its planned phases were ' +
    'skipped or only checks show it; skipped: planned but never taught; not_landing: taught, but ' +
    'under half of the check answers on it were correct; planned: in the lesson plan of a session ' +
    'not yet documented; not_started: not reached yet.',
});

/** Maximum length of an override or clear reason, in characters. */
export const MAX_REASON_LENGTH = 1000;
/** Evidence items returned with each record of a student's progress, newest first. */
export const EVIDENCE_PER_RECORD = 20;
export const MAX_GAPS = 100;
export const DEFAULT_GAPS = 20;
