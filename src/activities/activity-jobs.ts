/** Job kind that closes a time-limited activity at its closesAt. */
export const ACTIVITY_CLOSE_JOB = 'activity.close';

/** Payload of an `activity.close` job, queued when a time-limited activity opens. */
export interface ActivityCloseJobPayload extends Record<string, unknown> {
  activityId: string;
  sessionId: string;
}
