import { addValue, emptyAggregate, spreadOf, volumePoint, emptyVolume } from './dashboard-math';

describe('spreadOf', () => {
  it('returns nulls without values', () => {
    expect(spreadOf(emptyAggregate())).toEqual({
      sessions: 0,
      mean: null,
      stdDev: null,
      min: null,
      max: null,
    });
  });

  it('computes the population standard deviation from sums', () => {
    const aggregate = emptyAggregate();
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((value) => addValue(aggregate, value));

    expect(spreadOf(aggregate)).toEqual({ sessions: 8, mean: 5, stdDev: 2, min: 2, max: 9 });
  });

  it('skips null values', () => {
    const aggregate = emptyAggregate();
    addValue(aggregate, null);
    addValue(aggregate, 0.5);

    expect(spreadOf(aggregate)).toEqual({ sessions: 1, mean: 0.5, stdDev: 0, min: 0.5, max: 0.5 });
  });
});

describe('volumePoint', () => {
  it('derives held sessions and rates', () => {
    const point = volumePoint('2026-03-01', {
      ...emptyVolume(),
      sessions: 5,
      endedSessions: 1,
      documentedSessions: 3,
      documentedWithRecap: 3,
      expectedStudents: 6,
      attendedStudents: 5,
    });

    expect(point.heldSessions).toBe(4);
    expect(point.documentationRate).toBe(0.75);
    expect(point.attendanceRate).toBe(0.8333);
  });

  it('returns null rates without held sessions', () => {
    const point = volumePoint('2026-03-01', emptyVolume());

    expect(point.documentationRate).toBeNull();
    expect(point.attendanceRate).toBeNull();
  });
});
