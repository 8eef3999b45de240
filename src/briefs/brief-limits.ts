import { BRIEF_CONTENT_LIMITS } from '../ai/brief-limits';

/** Review states of a brief: a draft until a person approves or rejects it. */
export const BRIEF_STATUSES = ['draft', 'approved', 'rejected'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

/** `scheduled` at the lead time before the session, or `requested` through the API. */
export const BRIEF_TRIGGERS = ['scheduled', 'requested'] as const;
export type BriefTrigger = (typeof BRIEF_TRIGGERS)[number];

export const BRIEF_VERSION_SOURCES = ['generated', 'edited'] as const;
export type BriefVersionSource = (typeof BRIEF_VERSION_SOURCES)[number];

export const BRIEF_GENERATE_JOB = 'session_brief.generate';

export const BRIEF_LIMITS = {
  ...BRIEF_CONTENT_LIMITS,
  noteLength: 500,
  reasonLength: 2_000,
  /** Versions per brief, the generated one included. */
  versions: 50,
  /** Approved recaps of earlier sessions that a brief reads, latest first. */
  recentSessions: 5,
  generationAttempts: 3,
} as const;

/** Unique job key of the brief that runs at the lead time before a session. */
export function scheduledBriefKey(sessionId: string): string {
  return `session-brief:scheduled:${sessionId}`;
}

/** Unique job key of a brief requested through the API; one is pending at a time per session. */
export function requestedBriefKey(sessionId: string): string {
  return `session-brief:requested:${sessionId}`;
}
