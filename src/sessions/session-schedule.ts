import { OFFSET_DATE_TIME } from './dto/create-session.input';
import { SessionErrors } from './sessions.errors';

export const MAX_SESSION_HOURS = 12;

export interface Schedule {
  scheduledStart: Date;
  scheduledEnd: Date;
}

/**
 * Parses a session's start and end, which must carry a UTC offset, and checks that the end is
 * after the start and at most MAX_SESSION_HOURS later. Raises BAD_USER_INPUT naming the field.
 */
export function parseSchedule(start: string, end: string): Schedule {
  if (!OFFSET_DATE_TIME.test(start)) {
    throw SessionErrors.missingOffset('scheduledStart', start);
  }
  if (!OFFSET_DATE_TIME.test(end)) {
    throw SessionErrors.missingOffset('scheduledEnd', end);
  }
  const scheduledStart = new Date(start);
  const scheduledEnd = new Date(end);
  const durationMs = scheduledEnd.getTime() - scheduledStart.getTime();
  if (durationMs <= 0) {
    throw SessionErrors.endNotAfterStart(start, end);
  }
  const hours = durationMs / 3_600_000;
  if (hours > MAX_SESSION_HOURS) {
    throw SessionErrors.tooLong(hours);
  }

  return { scheduledStart, scheduledEnd };
}
