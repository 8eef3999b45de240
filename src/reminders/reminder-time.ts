const MINUTES_PER_DAY = 1_440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** Returns the wall-clock time of an instant in a time zone, encoded as if it were UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1_000) * 1_000;
  const parts = formatterFor(timeZone).formatToParts(new Date(wholeSeconds));
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );

  return wall + (instantMs - wholeSeconds);
}

/** Returns the UTC offset of a time zone at an instant, in milliseconds. */
function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - instantMs;
}

/**
 * Converts a wall-clock time (encoded as if UTC) in a time zone to an instant. An ambiguous time
 * (when clocks go back) resolves to the earlier instant. A time skipped when clocks go forward
 * resolves with the offset in force before the change, so 02:30 becomes 03:30 on a one-hour
 * change. This matches the `compatible` disambiguation of the TC39 Temporal proposal.
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetMs(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMs(wallMs + MS_PER_DAY, timeZone);
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wallMs);
  if (valid.length > 0) {
    return Math.min(...valid);
  }

  return wallMs - offsetBefore;
}

/**
 * Computes when a reminder `leadMinutes` before a session's start is due. Whole days of the lead
 * time are calendar days in the session's time zone, so 1,440 minutes means the same wall-clock
 * time on the previous day, which is 23 or 25 hours earlier across a daylight-saving change. The
 * rest of the lead time, and any lead time under 1,440 minutes, is an exact duration.
 */
export function computeReminderTime(start: Date, timeZone: string, leadMinutes: number): Date {
  const days = Math.floor(leadMinutes / MINUTES_PER_DAY);
  const remainderMs = (leadMinutes % MINUTES_PER_DAY) * MS_PER_MINUTE;
  if (days === 0) {
    return new Date(start.getTime() - remainderMs);
  }
  const wallStart = wallClockMs(start.getTime(), timeZone);
  const dayBefore = wallClockToInstant(wallStart - days * MS_PER_DAY, timeZone);

  return new Date(dayBefore - remainderMs);
}

/** Formats an instant for a reminder email, e.g. "Monday, March 9, 2026, 09:00 EDT". */
export function formatLocalTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}
