import {
  attendedIntervals,
  mergeIntervals,
  pairConnections,
  presenceOf,
  summarizeAttendance,
  TimelineEvent,
} from './attendance';

const MINUTE = 60_000;

function joined(minute: number, connectionId: string | null = null): TimelineEvent {
  return { type: 'joined', at: minute * MINUTE, connectionId, focused: null };
}

function left(minute: number, connectionId: string | null = null): TimelineEvent {
  return { type: 'left', at: minute * MINUTE, connectionId, focused: null };
}

function attention(minute: number, focused: boolean): TimelineEvent {
  return { type: 'attention_changed', at: minute * MINUTE, connectionId: null, focused };
}

const minutes = (intervals: { start: number; end: number }[]) =>
  intervals.map((interval) => [interval.start / MINUTE, interval.end / MINUTE]);

describe('attendance', () => {
  it('merges overlapping intervals', () => {
    const merged = mergeIntervals([
      { start: 10, end: 20 },
      { start: 0, end: 5 },
      { start: 15, end: 30 },
      { start: 30, end: 35 },
      { start: 40, end: 40 },
    ]);

    expect(merged).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 35 },
    ]);
  });

  it('counts overlapping connections once', () => {
    const events = [joined(0, 'A'), joined(10, 'B'), left(20, 'A'), left(30, 'B')];

    expect(minutes(attendedIntervals(events, { start: null, end: 60 * MINUTE }))).toEqual([
      [0, 30],
    ]);
  });

  it('never ends a newer connection with a late left', () => {
    // The left of connection A arrives after B joined and is stored last.
    const events = [joined(0, 'A'), joined(10, 'B'), left(5, 'A')];

    expect(minutes(attendedIntervals(events, { start: null, end: 60 * MINUTE }))).toEqual([
      [0, 5],
      [10, 60],
    ]);
  });

  it('closes an unpaired joined at the window end', () => {
    expect(minutes(attendedIntervals([joined(10)], { start: null, end: 45 * MINUTE }))).toEqual([
      [10, 45],
    ]);
  });

  it('clips connections to the window', () => {
    const events = [joined(-5), left(20), joined(50), left(90)];

    expect(minutes(attendedIntervals(events, { start: 0, end: 60 * MINUTE }))).toEqual([
      [0, 20],
      [50, 60],
    ]);
  });

  it('lets one left close every open connection without an id', () => {
    const connections = pairConnections([joined(0), joined(10), left(20), left(30)]);

    expect(connections).toEqual([
      { start: 0, end: 20 * MINUTE },
      { start: 10 * MINUTE, end: 20 * MINUTE },
    ]);
  });

  it('ignores a left with nothing open', () => {
    expect(pairConnections([left(5), joined(10)])).toEqual([{ start: 10 * MINUTE, end: null }]);
  });

  it('measures focused share of attended time', () => {
    const events = [joined(0), attention(10, false), attention(20, true), left(40)];
    const summary = summarizeAttendance(events, { start: null, end: 60 * MINUTE });

    expect(summary.attendedMs).toBe(40 * MINUTE);
    expect(summary.attentionShare).toBeCloseTo(0.75);
  });

  it('counts unfocused time only while attended', () => {
    const events = [joined(0), left(10), attention(5, false), joined(50)];
    const summary = summarizeAttendance(events, { start: null, end: 60 * MINUTE });

    expect(summary.attendedMs).toBe(20 * MINUTE);
    // Unfocused from minute 5 to 60: 5 minutes of the first connection, 10 of the second.
    expect(summary.attentionShare).toBeCloseTo(5 / 20);
  });

  it('reports no attention without attention events', () => {
    expect(
      summarizeAttendance([joined(0)], { start: null, end: MINUTE }).attentionShare,
    ).toBeNull();
  });

  it('derives presence from connections', () => {
    expect(presenceOf([joined(0, 'A'), joined(10, 'B'), left(20, 'A')])).toEqual({
      joinedAt: new Date(0),
      leftAt: null,
    });
    expect(presenceOf([joined(0, 'A'), left(30, 'A'), joined(10, 'B'), left(20, 'B')])).toEqual({
      joinedAt: new Date(0),
      leftAt: new Date(30 * MINUTE),
    });
    expect(presenceOf([])).toEqual({ joinedAt: null, leftAt: null });
  });
});
