import { computeReminderTime, formatLocalTime } from './reminder-time';

const DAY = 1_440;

function due(start: string, timeZone: string, leadMinutes: number): string {
  return computeReminderTime(new Date(start), timeZone, leadMinutes).toISOString();
}

describe('computeReminderTime', () => {
  it.each([
    // Clocks go forward at 02:00 on 2026-03-08 in New York, so the previous morning is 23 h earlier.
    ['New York, morning of spring change', '2026-03-08T13:00:00Z', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['New York, morning after spring change', '2026-03-09T13:00:00Z', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    // Clocks go back at 02:00 on 2026-11-01 in New York, so the previous morning is 25 h earlier.
    ['New York, morning of autumn change', '2026-11-01T14:00:00Z', 'America/New_York', '2026-10-31T13:00:00.000Z'],
    // Clocks go forward at 02:00 on 2026-03-29 in Berlin.
    ['Berlin, morning of spring change', '2026-03-29T07:00:00Z', 'Europe/Berlin', '2026-03-28T08:00:00.000Z'],
    ['Berlin, morning after spring change', '2026-03-30T07:00:00Z', 'Europe/Berlin', '2026-03-29T07:00:00.000Z'],
    // Clocks go back at 03:00 on 2026-10-25 in Berlin.
    ['Berlin, morning of autumn change', '2026-10-25T08:00:00Z', 'Europe/Berlin', '2026-10-24T07:00:00.000Z'],
  ])('24 hours before keeps wall-clock time: %s', (_case, start, timeZone, expected) => {
    expect(due(start, timeZone, DAY)).toBe(expected);
  });

  it('keeps local 09:00 on the previous day', () => {
    const reminder = computeReminderTime(new Date('2026-03-08T13:00:00Z'), 'America/New_York', DAY);

    expect(formatLocalTime(reminder, 'America/New_York')).toContain('09:00');
    expect(formatLocalTime(reminder, 'America/New_York')).toContain('March 7, 2026');
  });

  it('subtracts exact durations under a day', () => {
    // 03:30 EDT on the day clocks go forward; one hour earlier is 01:30 EST.
    expect(due('2026-03-08T07:30:00Z', 'America/New_York', 60)).toBe('2026-03-08T06:30:00.000Z');
    expect(due('2026-03-29T07:00:00Z', 'Europe/Berlin', 90)).toBe('2026-03-29T05:30:00.000Z');
    expect(due('2026-03-29T07:00:00.250Z', 'Europe/Berlin', 5)).toBe('2026-03-29T06:55:00.250Z');
  });

  it('counts several days as calendar days', () => {
    // Two days before 09:00 EDT on Monday 2026-03-09 is 09:00 EST on Saturday.
    expect(due('2026-03-09T13:00:00Z', 'America/New_York', 2 * DAY)).toBe('2026-03-07T14:00:00.000Z');
  });

  it('adds the rest of a lead time as a duration', () => {
    // 25 hours: 09:00 EST on the previous day, then one more hour.
    expect(due('2026-03-08T13:00:00Z', 'America/New_York', DAY + 60)).toBe('2026-03-07T13:00:00.000Z');
  });

  it('moves a skipped wall-clock time forward', () => {
    // 02:30 on 2026-03-08 does not exist in New York; 03:30 EDT is used.
    expect(due('2026-03-09T06:30:00Z', 'America/New_York', DAY)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('uses the earlier of two repeated times', () => {
    // 01:30 on 2026-11-01 happens twice in New York; the EDT one (05:30Z) is used.
    expect(due('2026-11-02T06:30:00Z', 'America/New_York', DAY)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles UTC', () => {
    expect(due('2026-06-10T12:00:00Z', 'UTC', DAY)).toBe('2026-06-09T12:00:00.000Z');
  });
});
