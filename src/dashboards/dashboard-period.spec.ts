import { AppError } from '../common/app-error';
import { bucketStart, bucketStarts, resolvePeriod } from './dashboard-period';

describe('resolvePeriod', () => {
  const today = new Date('2026-03-31T18:00:00Z');

  it('defaults to the 30 days up to today', () => {
    expect(resolvePeriod({}, today)).toEqual({ from: '2026-03-02', to: '2026-03-31', days: 30 });
  });

  it('extends a lone from by 30 days', () => {
    expect(resolvePeriod({ from: '2026-02-01' }, today)).toEqual({
      from: '2026-02-01',
      to: '2026-03-02',
      days: 30,
    });
  });

  it('accepts a single day', () => {
    expect(resolvePeriod({ from: '2026-03-05', to: '2026-03-05' }).days).toBe(1);
  });

  it('accepts 366 days and rejects 367', () => {
    expect(resolvePeriod({ from: '2025-03-01', to: '2026-03-01' }).days).toBe(366);
    expect(() => resolvePeriod({ from: '2025-02-28', to: '2026-03-01' })).toThrow(AppError);
  });

  it('rejects from after to on the from field', () => {
    const error = (() => {
      try {
        resolvePeriod({ from: '2026-03-02', to: '2026-03-01' });
      } catch (caught) {
        return caught as AppError;
      }
    })();

    expect(error?.field).toBe('from');
    expect(error?.reason).toBe('INVALID_PERIOD');
  });
});

describe('bucketStart', () => {
  it('returns the Monday of the ISO week', () => {
    expect(bucketStart('2026-03-08', 'week', '2026-01-01')).toBe('2026-03-02');
    expect(bucketStart('2026-03-09', 'week', '2026-01-01')).toBe('2026-03-09');
  });

  it('starts the first week at from', () => {
    expect(bucketStart('2026-03-01', 'week', '2026-03-01')).toBe('2026-03-01');
  });

  it('lists every bucket of the period', () => {
    const period = { from: '2026-03-01', to: '2026-03-10', days: 10 };

    expect(bucketStarts(period, 'week')).toEqual(['2026-03-01', '2026-03-02', '2026-03-09']);
    expect(bucketStarts(period, 'day')).toHaveLength(10);
  });
});
