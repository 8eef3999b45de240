import { StoredSecrets } from './webhook-secrets';
import { AttemptResult } from './webhook-sender';

/** A position in the event order: the writing transaction's id, then the event's sequence. */
export interface StreamPosition {
  transactionId: string;
  sequence: string;
}

/** The subscription fields that a stream sends and records with, refreshed on every read. */
export interface StreamSubscription extends StoredSecrets {
  id: string;
  organization_id: string;
  url: string;
  event_types: string[];
  session_id: string | null;
  room_id: string | null;
}

/** One event of a subscription's stream, as read from domain_events without its payload. */
export interface StreamEventRow {
  id: string;
  type: string;
  transaction_id: string;
  sequence: string;
  session_id: string | null;
  selected: boolean;
}

type EntryState =
  /** Not selected by the subscription: nothing to send or record. */
  | 'skipped'
  /** Behind an earlier event of the same session that is being sent. */
  | 'waiting'
  /** Handed to the dispatcher's queue, or in flight. */
  | 'sending'
  /** Its outcome waits to be recorded. */
  | 'settled'
  /** Its outcome is part of a recording batch. */
  | 'included';

/** An event of a stream on its way from the cursor to a delivery row. */
export interface StreamEntry {
  stream: SubscriptionStream;
  event: StreamEventRow;
  state: EntryState;
  /** The request body, shared by every subscription that sends the event. */
  body?: string;
  /** The time the request started, for a sent entry. */
  attemptedAt?: Date;
  /** The attempt's result; null for an entry queued behind a failed one without a request. */
  result?: AttemptResult | null;
}

/**
 * The delivery state of one subscription leased by this instance. Events are read in windows
 * from the cursor. An event of a session goes out after the previous event of that session
 * succeeded. When one fails, it and the later events of its session become pending delivery
 * rows, which the retry path sends in order. The cursor passes an event once its outcome is in a
 * recording batch, and moves in that batch's transaction, so a restart re-reads exactly the
 * events whose outcome was not committed.
 */
export class SubscriptionStream {
  /** The last event whose outcome is committed or in a recording batch. */
  position: StreamPosition;
  subscription: StreamSubscription;
  /** The current window, in event order. */
  private entries: StreamEntry[] = [];
  /** Entries before this index are passed by `position`. */
  private head = 0;
  /** Sessions with a pending delivery row: their events are queued behind it, not sent. */
  private divertedKeys = new Set<string>();
  /** Per session, entries waiting for the one in flight. */
  private readonly waiting = new Map<string, StreamEntry[]>();
  /** Sessions diverted in this lease whose pending rows are not committed yet, with a count. */
  private readonly uncommittedDiverts = new Map<string, number>();
  /** Recording batches with this stream's entries that have not committed yet. */
  recordings = 0;
  /** Requests of this stream in flight. */
  inFlight = 0;
  /** The last read returned a full window, so more events are probably waiting. */
  behind = false;
  /** A read is running. */
  reading = false;
  /** No more reads: the subscription stopped being active, or the lease was lost. */
  stopped = false;
  /** Another instance holds the lease now, so this one writes no cursor and ends no lease. */
  lost = false;
  /**
   * The next read skips events that already have a delivery row: after a lease starts, outcomes
   * recorded by the previous holder can lie past the cursor it wrote.
   */
  checkRows = true;
  /** The cursor moved in memory and has not been written yet. */
  cursorDirty = false;

  constructor(subscription: StreamSubscription, position: StreamPosition) {
    this.subscription = subscription;
    this.position = position;
  }

  /** True when every entry of the window is recorded, so the next window may be read. */
  get idle(): boolean {
    return this.head === this.entries.length && this.recordings === 0 && !this.reading;
  }

  /**
   * True when a stopped stream has nothing left to send or record. Its unsent entries are not
   * passed by the cursor, so the next lease reads them again.
   */
  get finished(): boolean {
    return (
      this.stopped &&
      this.inFlight === 0 &&
      this.recordings === 0 &&
      !this.reading &&
      !this.hasSettled
    );
  }

  /**
   * Takes a new window read after `position`, with the sessions that have pending delivery rows
   * now. Returns the entries to send now; the others wait for their session's turn.
   */
  load(rows: StreamEventRow[], pendingKeys: string[]): StreamEntry[] {
    this.entries = rows.map((event) => ({
      stream: this,
      event,
      state: event.selected ? 'waiting' : 'skipped',
    }));
    this.head = 0;
    this.divertedKeys = new Set(pendingKeys);
    for (const key of this.uncommittedDiverts.keys()) {
      this.divertedKeys.add(key);
    }
    const ready: StreamEntry[] = [];
    for (const entry of this.entries) {
      if (entry.state !== 'waiting') {
        continue;
      }
      const key = entry.event.session_id;
      if (key !== null && this.divertedKeys.has(key)) {
        this.divert(entry);
      } else if (key !== null && this.waiting.has(key)) {
        this.waiting.get(key)!.push(entry);
      } else {
        if (key !== null) {
          this.waiting.set(key, []);
        }
        entry.state = 'sending';
        ready.push(entry);
      }
    }
    this.cursorDirty = this.advance() || this.cursorDirty;

    return ready;
  }

  /**
   * Takes the result of a sent entry. Returns the next entry of its session to send, if any.
   * A failure diverts the rest of the session's waiting entries.
   */
  finish(entry: StreamEntry, attemptedAt: Date, result: AttemptResult): StreamEntry | undefined {
    entry.attemptedAt = attemptedAt;
    entry.result = result;
    entry.state = 'settled';
    const key = entry.event.session_id;
    if (key === null) {
      return undefined;
    }
    const queue = this.waiting.get(key) ?? [];
    if (result.outcome !== 'succeeded') {
      this.markDiverted(key);
      for (const waiting of queue) {
        this.divert(waiting);
      }
      this.waiting.delete(key);

      return undefined;
    }
    const next = queue.shift();
    if (next === undefined) {
      this.waiting.delete(key);

      return undefined;
    }
    next.state = 'sending';

    return next;
  }

  /** Entries whose outcome waits to be recorded, in event order, marked as included. */
  takeSettled(limit: number): StreamEntry[] {
    const included: StreamEntry[] = [];
    for (
      let index = this.head;
      index < this.entries.length && included.length < limit;
      index += 1
    ) {
      const entry = this.entries[index]!;
      if (entry.state === 'settled') {
        entry.state = 'included';
        included.push(entry);
      }
    }
    if (this.advance()) {
      this.cursorDirty = true;
    }

    return included;
  }

  /** Returns the entries of the current window that the subscription selects. */
  selectedEntries(): StreamEntry[] {
    return this.entries.filter((entry) => entry.state !== 'skipped');
  }

  /** True when an entry waits to be recorded. */
  get hasSettled(): boolean {
    for (let index = this.head; index < this.entries.length; index += 1) {
      if (this.entries[index]!.state === 'settled') {
        return true;
      }
    }

    return false;
  }

  /** Called when a batch with this stream's entries committed. */
  committed(entries: StreamEntry[]): void {
    for (const entry of entries) {
      const key = entry.event.session_id;
      if (entry.result?.outcome !== 'succeeded' && key !== null) {
        const count = (this.uncommittedDiverts.get(key) ?? 1) - 1;
        if (count <= 0) {
          this.uncommittedDiverts.delete(key);
        } else {
          this.uncommittedDiverts.set(key, count);
        }
      }
    }
  }

  /** Stops the stream and drops its waiting entries, which the next lease reads again. */
  abandon(): void {
    this.stopped = true;
    this.waiting.clear();
  }

  private divert(entry: StreamEntry): void {
    entry.state = 'settled';
    entry.result = null;
    this.markDiverted(entry.event.session_id!);
  }

  private markDiverted(key: string): void {
    this.divertedKeys.add(key);
    this.uncommittedDiverts.set(key, (this.uncommittedDiverts.get(key) ?? 0) + 1);
  }

  /** Moves `position` over the skipped and included entries at the head; true when it moved. */
  private advance(): boolean {
    const start = this.head;
    while (this.head < this.entries.length) {
      const state = this.entries[this.head]!.state;
      if (state !== 'skipped' && state !== 'included') {
        break;
      }
      this.head += 1;
    }
    if (this.head === start) {
      return false;
    }
    const last = this.entries[this.head - 1]!.event;
    this.position = { transactionId: last.transaction_id, sequence: last.sequence };

    return true;
  }
}
