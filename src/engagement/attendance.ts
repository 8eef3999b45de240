/** A `joined`, `left` or `attention_changed` event of one participant, times in epoch milliseconds. */
export interface TimelineEvent {
  type: 'joined' | 'left' | 'attention_changed';
  at: number;
  /** The connection a `joined` or `left` belongs to; null when the reporter sent none. */
  connectionId: string | null;
  /** The new state of an `attention_changed` event. */
  focused: boolean | null;
}

/** A half-open time range [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** One connection from a `joined` to the `left` that closed it; `end` is null while open. */
export interface Connection {
  start: number;
  end: number | null;
}

/**
 * Pairs `joined` and `left` events into connections. Events are read in time order, and a
 * `left` closes every open connection with the same connection id: connections without an id
 * form one group. A `left` that finds nothing open is ignored, so a late `left` of an earlier
 * connection never ends a newer connection with another id.
 */
export function pairConnections(events: readonly TimelineEvent[]): Connection[] {
  const connections: Connection[] = [];
  const open = new Map<string, Connection[]>();
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    const key = event.connectionId ?? '';
    if (event.type === 'joined') {
      const connection: Connection = { start: event.at, end: null };
      connections.push(connection);
      const group = open.get(key) ?? [];
      group.push(connection);
      open.set(key, group);
    } else if (event.type === 'left') {
      for (const connection of open.get(key) ?? []) {
        connection.end = event.at;
      }
      open.delete(key);
    }
  }

  return connections;
}

/**
 * Merges overlapping or touching intervals into disjoint ones, sorted by start. Empty and
 * reversed intervals are dropped.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ ...interval });
    }
  }

  return merged;
}

/** The window that attendance is counted in: open connections end at `end`. */
export interface AttendanceWindow {
  /** The session's actual start, or null to count from each join. */
  start: number | null;
  end: number;
}

/** Returns the disjoint time ranges in which the participant had at least one connection. */
export function attendedIntervals(
  events: readonly TimelineEvent[],
  window: AttendanceWindow,
): Interval[] {
  const clipped = pairConnections(events).map((connection) => ({
    start: window.start === null ? connection.start : Math.max(connection.start, window.start),
    end: Math.min(connection.end ?? window.end, window.end),
  }));

  return mergeIntervals(clipped);
}

export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, interval) => sum + (interval.end - interval.start), 0);
}

/**
 * Returns the time ranges in which the participant was not focused. An `attention_changed`
 * with focused false starts one, and the next `attention_changed` or `end` closes it. Before
 * the first `attention_changed` the participant counts as focused. Returns null when there
 * are no `attention_changed` events.
 */
export function unfocusedIntervals(
  events: readonly TimelineEvent[],
  end: number,
): Interval[] | null {
  const changes = events
    .filter((event) => event.type === 'attention_changed')
    .sort((a, b) => a.at - b.at);
  if (changes.length === 0) {
    return null;
  }
  const intervals: Interval[] = [];
  let unfocusedSince: number | null = null;
  for (const change of changes) {
    if (change.focused === false && unfocusedSince === null) {
      unfocusedSince = change.at;
    } else if (change.focused !== false && unfocusedSince !== null) {
      intervals.push({ start: unfocusedSince, end: change.at });
      unfocusedSince = null;
    }
  }
  if (unfocusedSince !== null) {
    intervals.push({ start: unfocusedSince, end });
  }

  return intervals;
}

/** Total length of the overlap of two sets of disjoint intervals. */
export function overlapLength(first: readonly Interval[], second: readonly Interval[]): number {
  let total = 0;
  for (const a of first) {
    for (const b of second) {
      const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (overlap > 0) {
        total += overlap;
      }
    }
  }

  return total;
}

/** Attendance and attention of one participant. */
export interface AttendanceSummary {
  attendedMs: number;
  /** Share of attended time focused, 0 to 1; null without attention data or attended time. */
  attentionShare: number | null;
}

export function summarizeAttendance(
  events: readonly TimelineEvent[],
  window: AttendanceWindow,
): AttendanceSummary {
  const attended = attendedIntervals(events, window);
  const attendedMs = totalLength(attended);
  const unfocused = unfocusedIntervals(events, window.end);
  if (unfocused === null || attendedMs === 0) {
    return { attendedMs, attentionShare: null };
  }
  const unfocusedMs = overlapLength(attended, mergeIntervals(unfocused));

  return { attendedMs, attentionShare: (attendedMs - unfocusedMs) / attendedMs };
}

/** A participant's first join and, once no connection is open, last leave. */
export interface Presence {
  joinedAt: Date | null;
  leftAt: Date | null;
}

/** Derives `participants.joined_at` and `left_at` from the participant's joined and left events. */
export function presenceOf(events: readonly TimelineEvent[]): Presence {
  const connections = pairConnections(events);
  if (connections.length === 0) {
    return { joinedAt: null, leftAt: null };
  }
  const joinedAt = new Date(Math.min(...connections.map((connection) => connection.start)));
  if (connections.some((connection) => connection.end === null)) {
    return { joinedAt, leftAt: null };
  }

  return {
    joinedAt,
    leftAt: new Date(Math.max(...connections.map((connection) => connection.end as number))),
  };
}
