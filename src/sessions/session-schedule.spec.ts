import { AppError } from '../common/app-error';
import { parseSchedule } from './session-schedule';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).field;
  }

  return undefined;
}

describe('parseSchedule', () => {
  it('reads offsets as instants', () => {
    const schedule = parseSchedule('2026-03-02T16:00:00+01:00', '2026-03-02T17:30:00+01:00');

    expect(schedule.scheduledStart.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(schedule.scheduledEnd.toISOString()).toBe('2026-03-02T16:30:00.000Z');
  });

  it('rejects an end equal to the start', () => {
    expect(fieldOf(() => parseSchedule('2026-03-02T16:00:00Z', '2026-03-02T16:00:00Z'))).toBe(
      'scheduledEnd',
    );
  });

  it('compares instants across offsets', () => {
    // 17:00+02:00 is 15:00Z, which is before 16:00Z.
    expect(fieldOf(() => parseSchedule('2026-03-02T16:00:00Z', '2026-03-02T17:00:00+02:00'))).toBe(
      'scheduledEnd',
    );
  });

  it('accepts exactly twelve hours', () => {
    expect(() => parseSchedule('2026-03-02T06:00:00Z', '2026-03-02T18:00:00Z')).not.toThrow();
  });

  it('rejects more than twelve hours', () => {
    expect(fieldOf(() => parseSchedule('2026-03-02T06:00:00Z', '2026-03-02T18:00:01Z'))).toBe(
      'scheduledEnd',
    );
  });

  it('rejects a start without offset', () => {
    expect(fieldOf(() => parseSchedule('2026-03-02T16:00:00', '2026-03-02T17:00:00Z'))).toBe(
      'scheduledStart',
    );
  });
});
