/** Returns the offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );

  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** Converts a wall-clock time on `date` (YYYY-MM-DD) in `timeZone` to a UTC instant in milliseconds. */
export function zonedTimeToUtc(
  date: string,
  minutesAfterMidnight: number,
  timeZone: string,
): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, 0, minutesAfterMidnight);
  // Two passes settle the offset when the first guess falls on the other side of a DST change.
  const first = wallClock - zoneOffsetMs(wallClock, timeZone);

  return wallClock - zoneOffsetMs(first, timeZone);
}

/** Returns the calendar date `days` after `date`, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];

  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface Slot {
  scheduledStart: string;
  scheduledEnd: string;
}

/**
 * Spreads `count` sessions of `lengthMinutes` evenly over a tutoring day from 08:00 to 20:00
 * local time in `timeZone`, and returns ISO 8601 instants in UTC. Sessions never overlap, so when
 * they do not fit in those 12 hours the last ones end after 20:00.
 */
export function spreadOverDay(
  date: string,
  count: number,
  timeZone: string,
  lengthMinutes = 30,
): Slot[] {
  const dayStart = 8 * 60;
  const dayLength = 12 * 60;
  const step = Math.max(lengthMinutes, Math.floor(dayLength / Math.max(count, 1)));

  return Array.from({ length: count }, (_, index) => {
    const start = zonedTimeToUtc(date, dayStart + index * step, timeZone);

    return {
      scheduledStart: new Date(start).toISOString(),
      scheduledEnd: new Date(start + lengthMinutes * 60_000).toISOString(),
    };
  });
}
