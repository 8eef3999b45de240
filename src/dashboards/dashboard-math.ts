import { MetricSpread, SessionVolumePoint } from './dto/dashboard.views';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Running aggregate of one metric: count, sum, sum of squares, min and max. */
export interface MetricAggregate {
  n: number;
  sum: number;
  sumsq: number;
  min: number | null;
  max: number | null;
}

export const emptyAggregate = (): MetricAggregate => ({
  n: 0,
  sum: 0,
  sumsq: 0,
  min: null,
  max: null,
});

export function addValue(aggregate: MetricAggregate, value: number | null): void {
  if (value === null) {
    return;
  }
  aggregate.n += 1;
  aggregate.sum += value;
  aggregate.sumsq += value * value;
  aggregate.min = aggregate.min === null ? value : Math.min(aggregate.min, value);
  aggregate.max = aggregate.max === null ? value : Math.max(aggregate.max, value);
}

/**
 * Returns mean, population standard deviation, min and max, rounded to 4 decimals. The variance
 * comes from the sums, clamped at 0 against rounding error.
 */
export function spreadOf(aggregate: MetricAggregate): MetricSpread {
  if (aggregate.n === 0) {
    return { sessions: 0, mean: null, stdDev: null, min: null, max: null };
  }
  const mean = aggregate.sum / aggregate.n;
  const variance = Math.max(0, aggregate.sumsq / aggregate.n - mean * mean);

  return {
    sessions: aggregate.n,
    mean: round4(mean),
    stdDev: round4(Math.sqrt(variance)),
    min: aggregate.min === null ? null : round4(aggregate.min),
    max: aggregate.max === null ? null : round4(aggregate.max),
  };
}

export const shareOf = (part: number, whole: number): number | null =>
  whole === 0 ? null : round4(part / whole);

/** Counts of one bucket of the session volume dashboard, before the rates are derived. */
export type VolumeCounts = Omit<
  SessionVolumePoint,
  'start' | 'heldSessions' | 'documentationRate' | 'attendanceRate'
>;

export const emptyVolume = (): VolumeCounts => ({
  sessions: 0,
  openSessions: 0,
  endedSessions: 0,
  documentedSessions: 0,
  cancelledSessions: 0,
  documentedWithRecap: 0,
  expectedStudents: 0,
  attendedStudents: 0,
});

export function addVolume(target: VolumeCounts, counts: VolumeCounts): void {
  for (const key of Object.keys(target) as (keyof VolumeCounts)[]) {
    target[key] += counts[key];
  }
}

export function volumePoint(start: string, counts: VolumeCounts): SessionVolumePoint {
  const heldSessions = counts.endedSessions + counts.documentedSessions;

  return {
    start,
    ...counts,
    heldSessions,
    documentationRate: shareOf(counts.documentedWithRecap, heldSessions),
    attendanceRate: shareOf(counts.attendedStudents, counts.expectedStudents),
  };
}
