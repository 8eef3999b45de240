import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { uuid7 } from '../common/uuid7';
import { queryPrepared, queryPreparedIn } from '../database/prepared-query';
import { recordDomainEvent } from './domain-events';
import { typeMatchesPatternsSql } from './event-types';
import { StoredSecrets, WebhookSecrets } from './webhook-secrets';
import { WebhookSendPool } from './webhook-send-pool';
import { AttemptResult } from './webhook-sender';
import { WebhookDelivery } from './webhook.entity';
import {
  StreamEntry,
  StreamEventRow,
  StreamPosition,
  StreamSubscription,
  SubscriptionStream,
} from './webhook-streams';

/** Maximum wait between two retries of one delivery. */
const MAX_RETRY_DELAY_MS = 6 * 3600 * 1000;
/** Repeated poll failures are logged at the first one and then once per this many ms. */
const POLL_ERROR_LOG_INTERVAL_MS = 60_000;
/** Finished attempts of the retry path recorded in one transaction at most. */
export const RECORD_BATCH_SIZE = 500;
/** Outcomes of subscription streams recorded in one transaction at most. */
const STREAM_RECORD_BATCH_SIZE = 1_000;
/** Events read from a subscription's cursor at a time. */
export const STREAM_WINDOW = 500;
/** Subscriptions an instance leases in one poll at most. */
const STREAM_LEASES_PER_POLL = 100;
/** Bodies of recent events kept in memory, since every subscription sends the same body. */
const BODY_CACHE_SIZE = 5_000;
/** Claimed deliveries that wait in the local queue at most, beyond those in flight. */
const MIN_QUEUE = 256;
/** A claimed delivery is not sent later than this long before its lease ends. */
const LEASE_MARGIN_MS = 5_000;

export interface ClaimedDelivery {
  id: string;
  sequence: string;
  organization_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  window_started_at: Date;
  url: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  /** The request body, the same on every attempt and for every subscription. */
  body: string;
  /** When this process claimed it, in ms since the epoch. */
  claimedAt: number;
}

/** A row of the claim statement. */
interface ClaimRow extends Omit<ClaimedDelivery, 'body' | 'claimedAt'> {
  /** The event's payload as JSON text. */
  payload: string;
  occurred_at: Date;
}

/**
 * Leases up to $1 due deliveries for $2 ms: the oldest first, each the earliest pending one of
 * its subscription and session, of active subscriptions only. The payload comes as JSON text,
 * which is parsed once per event instead of once per delivery.
 */
const CLAIM_SQL = `
  WITH due AS (
    SELECT d.id
      FROM webhook_deliveries d
      JOIN webhook_subscriptions s ON s.id = d.subscription_id
     WHERE d.status = 'pending'
       AND d.next_attempt_at <= now()
       AND (d.locked_until IS NULL OR d.locked_until < now())
       AND s.status = 'active'
       AND NOT EXISTS (
         SELECT 1 FROM webhook_deliveries e
          WHERE e.subscription_id = d.subscription_id
            AND e.ordering_key = d.ordering_key
            AND e.status = 'pending'
            AND e.sequence < d.sequence)
     ORDER BY d.next_attempt_at, d.sequence
     LIMIT $1
     FOR UPDATE OF d SKIP LOCKED
  ), claimed AS (
    UPDATE webhook_deliveries w
       SET locked_until = now() + $2 * interval '1 millisecond', attempts = w.attempts + 1
      FROM due
     WHERE w.id = due.id
    RETURNING w.id, w.sequence, w.organization_id, w.subscription_id, w.event_id,
              w.event_type, w.attempts, w.window_started_at
  )
  SELECT c.*, s.url, s.secret_ciphertext, s.previous_secret_ciphertext,
         s.previous_secret_expires_at, e.occurred_at, e.payload::text AS payload
    FROM claimed c
    JOIN webhook_subscriptions s ON s.id = c.subscription_id
    JOIN domain_events e ON e.id = c.event_id`;

/**
 * Reads a leased subscription as it is now, the sessions that have pending delivery rows, and the
 * oldest transaction still running. Events of lower transaction ids are all committed or rolled
 * back, so the events read below that bound are final. The bound is taken before the events are
 * read, so every event under it is visible to the read.
 */
const STREAM_DETAILS_SQL = `
  SELECT s.id, s.organization_id, s.status, s.url, s.event_types, s.session_id, s.room_id,
         s.secret_ciphertext, s.previous_secret_ciphertext, s.previous_secret_expires_at,
         pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
         ARRAY(SELECT DISTINCT d.ordering_key::text FROM webhook_deliveries d
                WHERE d.subscription_id = s.id AND d.status = 'pending'
                  AND d.ordering_key IS NOT NULL) AS pending_keys
    FROM webhook_subscriptions s
   WHERE s.id = $1`;

/**
 * Reads up to $8 events of organization $1 after position ($2, $3) and below the horizon $4, in
 * cursor order. `selected` is true when subscription $9 takes an event, by its types ($5) and
 * its session ($6) or room ($7) filter. When $10 is true, an event that already has a delivery
 * row is not selected: such a row exists when an outcome was recorded but the instance stopped
 * before the cursor passed the event. Payloads are read separately, once per event.
 */
const STREAM_EVENTS_SQL = `
  SELECT e.id, e.type, e.transaction_id::text AS transaction_id, e.sequence::text AS sequence,
         e.session_id, m.selected
    FROM domain_events e
   CROSS JOIN LATERAL (
     SELECT ${typeMatchesPatternsSql('e.type', '$5')}
            AND ($6::uuid IS NULL OR e.session_id = $6::uuid)
            AND ($7::uuid IS NULL OR EXISTS (
              SELECT 1 FROM sessions r WHERE r.id = e.session_id AND r.room_id = $7::uuid))
            AND (NOT $10::boolean OR NOT EXISTS (
              SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = $9 AND d.event_id = e.id))
            AS selected
   ) m
   WHERE e.organization_id = $1
     AND (e.transaction_id, e.sequence) > ($2::xid8, $3::bigint)
     AND e.transaction_id < $4::xid8
   ORDER BY e.transaction_id, e.sequence
   LIMIT $8`;

/** Reads the events whose request bodies are not in memory. */
const EVENT_BODIES_SQL = `
  SELECT id::text AS id, type, occurred_at, payload::text AS payload
    FROM domain_events
   WHERE id = ANY($1::uuid[])`;

/** Returns which of the idle streams have events after their cursor. */
const STREAM_WAKE_SQL = `
  SELECT v.id::text AS id
    FROM unnest($1::uuid[], $2::uuid[], $3::xid8[], $4::bigint[])
         AS v(id, organization_id, transaction_id, sequence)
   WHERE EXISTS (
     SELECT 1 FROM domain_events e
      WHERE e.organization_id = v.organization_id
        AND (e.transaction_id, e.sequence) > (v.transaction_id, v.sequence)
        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()))`;

/** Extends this instance's leases; returns the leases it still holds and their status. */
const STREAM_RENEW_SQL = `
  UPDATE webhook_dispatch_cursors c
     SET leased_until = now() + $3 * interval '1 millisecond'
    FROM webhook_subscriptions s
   WHERE c.subscription_id = ANY($1::uuid[]) AND c.leased_by = $2 AND s.id = c.subscription_id
  RETURNING c.subscription_id::text AS id, s.status`;

/**
 * Leases up to $3 active subscriptions whose lease is free or ended, other than the $2 leased, for
 * instance $1, and returns them with their cursors.
 */
const STREAM_ACQUIRE_SQL = `
  WITH free AS (
    SELECT c.subscription_id
      FROM webhook_dispatch_cursors c
      JOIN webhook_subscriptions s ON s.id = c.subscription_id
     WHERE s.status = 'active'
       AND (c.leased_until IS NULL OR c.leased_until < now() OR c.leased_by = $1)
       AND NOT (c.subscription_id = ANY($2::uuid[]))
     LIMIT $3
       FOR UPDATE OF c SKIP LOCKED
  )
  UPDATE webhook_dispatch_cursors c
     SET leased_by = $1, leased_until = now() + $4 * interval '1 millisecond'
    FROM free, webhook_subscriptions s
   WHERE c.subscription_id = free.subscription_id AND s.id = c.subscription_id
  RETURNING s.id::text AS id, s.organization_id, s.url, s.event_types, s.session_id, s.room_id,
            s.secret_ciphertext, s.previous_secret_ciphertext, s.previous_secret_expires_at,
            c.transaction_id::text AS transaction_id, c.sequence::text AS sequence`;

/**
 * Inserts the delivery rows of stream outcomes, in event order: a success with its attempt, a
 * failed first attempt as pending (its retry is set afterwards), and an event queued behind a
 * failed one as pending without attempts. A row's creation time is the start of its first
 * attempt. A row that exists already, from an outcome recorded before a restart re-read the
 * event, is kept. Returns the ids of the inserted failed attempts.
 */
const STREAM_INSERT_SQL = `
WITH inserted AS (
  INSERT INTO webhook_deliveries
    (id, organization_id, subscription_id, event_id, event_type, ordering_key, status, attempts,
     next_attempt_at, window_started_at, last_status_code, last_error, delivered_at,
     success_attempt_number, success_attempted_at, success_latency_ms, success_response_excerpt,
     created_at)
  SELECT r.id, g.organization_id, g.subscription_id, r.event_id, r.type, r.session_id,
         CASE WHEN r.ok THEN 'succeeded' ELSE 'pending' END,
         CASE WHEN r.at IS NULL THEN 0 ELSE 1 END,
         now(), coalesce(r.at, now()), r.code, r.error,
         CASE WHEN r.ok THEN r.at + r.ms * interval '1 millisecond' END,
         CASE WHEN r.ok THEN 1 END,
         CASE WHEN r.ok THEN r.at END,
         CASE WHEN r.ok THEN r.ms END,
         CASE WHEN r.ok THEN coalesce(r.excerpt, '') END,
         coalesce(r.at, now())
    FROM json_to_recordset($1::json) AS g(organization_id uuid, subscription_id uuid, rows json)
   CROSS JOIN LATERAL json_to_recordset(g.rows) AS r(
           i int, id uuid, event_id uuid, type text, session_id uuid, ok boolean,
           at timestamptz, code int, error text, ms int, excerpt text)
   ORDER BY r.i
  ON CONFLICT (subscription_id, event_id) DO NOTHING
  RETURNING id::text AS id, status, attempts
)
SELECT id FROM inserted WHERE status = 'pending' AND attempts = 1`;

/**
 * Moves the cursors of streams whose lease this instance ($4) still holds, never backwards.
 * Returns the cursors it moved; a stream missing from the result lost its lease.
 */
const STREAM_CURSOR_SQL = `
  UPDATE webhook_dispatch_cursors c
     SET transaction_id = CASE WHEN (c.transaction_id, c.sequence) < (v.transaction_id, v.sequence)
                               THEN v.transaction_id ELSE c.transaction_id END,
         sequence = CASE WHEN (c.transaction_id, c.sequence) < (v.transaction_id, v.sequence)
                         THEN v.sequence ELSE c.sequence END
    FROM unnest($1::uuid[], $2::xid8[], $3::bigint[]) AS v(id, transaction_id, sequence)
   WHERE c.subscription_id = v.id AND c.leased_by = $4
  RETURNING c.subscription_id::text AS id`;

/** Ends this instance's leases of the given subscriptions. */
const STREAM_RELEASE_SQL = `
  UPDATE webhook_dispatch_cursors SET leased_by = NULL, leased_until = NULL
   WHERE leased_by = $1 AND subscription_id = ANY($2::uuid[])`;

/**
 * A stream outcome in the form STREAM_INSERT_SQL reads, grouped by subscription. The names are
 * short and empty fields are left out, since the batch is sent as one JSON text: `at` is when
 * the attempt started, `ok` whether it succeeded, `code` the status code and `ms` the latency.
 */
interface StreamRow {
  i: number;
  id: string;
  event_id: string;
  type: string;
  session_id?: string;
  ok?: boolean;
  at?: string;
  code?: number;
  error?: string;
  ms?: number;
  excerpt?: string;
}

/** The outcomes and cursor moves that one recording transaction writes. */
interface RecordingBatch {
  attempts: FinishedAttempt[];
  entries: StreamEntry[];
  cursors: { stream: SubscriptionStream; position: StreamPosition }[];
  streams: Set<SubscriptionStream>;
}

/** One sent attempt, waiting to be recorded. */
export interface FinishedAttempt {
  delivery: ClaimedDelivery;
  attemptedAt: Date;
  result: AttemptResult;
}

/**
 * Returns the retry delay after `attempts` failed attempts: the base doubled per attempt, at
 * most six hours, less a random part of up to half, so that retries of many deliveries spread.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const full = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);

  return Math.round(full / 2 + (random() * full) / 2);
}

/** Builds the JSON body of an event, which is identical on every attempt. */
export function webhookBody(
  eventId: string,
  type: string,
  occurredAt: Date,
  data: unknown,
): string {
  return JSON.stringify({ id: eventId, type, timestamp: occurredAt.toISOString(), data });
}

/** Runs an UPDATE … RETURNING in the manager's transaction and returns the returned rows. */
async function updateReturning<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result = await manager.queryRunner!.query(sql, parameters, true);

  return result.records as T[];
}

/** Formats a timestamp as an ISO string, whether the driver returned a Date or a string. */
function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** A first-in, first-out queue whose `shift` does not move the remaining items. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head === this.items.length) {
      return undefined;
    }
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }

    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/**
 * Sends webhook events. Each active subscription is a stream read from its cursor in
 * domain_events, leased by one instance at a time, so several instances share the
 * subscriptions. An event of a session goes out once the previous event of that session for the
 * same subscription succeeded. The outcome of the first attempt becomes the delivery row, and the
 * cursor moves in the same transaction, so a restart sends again exactly the events whose outcome
 * was not recorded, with the same `webhook-id`.
 *
 * A failed first attempt, and every later event of its session, become pending delivery rows.
 * This retry path claims due rows with a lease, each the earliest pending one of its subscription
 * and session, and retries with exponential backoff and jitter until the retry window ends. Then
 * the delivery is dead-lettered, and a subscription that failed for the whole window is disabled.
 * Replays also make pending rows.
 *
 * Up to `WEBHOOK_CONCURRENCY` requests are in flight. They are signed and sent from a worker
 * thread (WebhookSendPool) unless WEBHOOK_SEND_THREAD is false. Outcomes are recorded in
 * batches, one transaction at a time, while the next batch collects. A success is stored on its
 * delivery row and a failed attempt gets a row of its own. Each subscription's success or
 * failure state is updated once per batch.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  /** Identifies this instance's stream leases. */
  private readonly instanceId = randomUUID();
  /** Claimed delivery rows not yet sent, in claim order. */
  private readonly retryQueue = new Fifo<ClaimedDelivery>();
  /** Stream events ready to send, in the order they became ready. */
  private readonly streamQueue = new Fifo<StreamEntry>();
  private readonly sending = new Set<Promise<void>>();
  /** Claimed delivery rows handed to the send thread and taken back unsent at shutdown. */
  private readonly unsent: ClaimedDelivery[] = [];
  /** Sent attempts of the retry path not yet recorded, in the order they finished. */
  private readonly finished: FinishedAttempt[] = [];
  /** Leased subscription streams by subscription id. */
  private readonly streams = new Map<string, SubscriptionStream>();
  /** Streams with outcomes or a cursor move to record. */
  private readonly unrecorded = new Set<SubscriptionStream>();
  private readonly reads = new Set<Promise<void>>();
  private readonly bodies = new Map<string, string>();
  private readonly concurrency: number;
  private readonly pool: WebhookSendPool;
  /** Claimed delivery rows that may wait for a free request slot. */
  private readonly maxQueued: number;
  private started = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<number>;
  private recording?: Promise<void>;
  /** The last claim filled the queue, so more delivery rows are probably due. */
  private retriesBehind = false;
  private lastPollErrorLoggedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
  ) {
    this.concurrency = config.webhooks.concurrency;
    this.maxQueued = Math.max(2 * this.concurrency, MIN_QUEUE);
    this.pool = new WebhookSendPool({
      useThread: config.webhooks.sendThread,
      concurrency: this.concurrency,
      timeoutMs: config.webhooks.timeoutMs,
      allowPrivateTargets: config.webhooks.allowPrivateTargets,
    });
  }

  private get leaseMs(): number {
    return this.config.webhooks.timeoutMs + 30_000;
  }

  onApplicationBootstrap(): void {
    if (this.config.jobs.enabled) {
      this.started = true;
      this.schedule(0);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.allSettled([...this.reads]);
    await this.releaseQueued();
    // Unsent stream events stay after their cursor, for the next lease.
    for (const stream of this.streams.values()) {
      stream.abandon();
    }
    this.streamQueue.clear();
    this.pool.cancelQueued();
    await this.drain();
    await this.release(this.unsent.splice(0));
    await this.releaseStreams([...this.streams.values()]);
    await this.pool.close();
  }

  /**
   * Claims due delivery rows, renews and takes stream leases, and reads the streams that have
   * events; returns how many requests were queued.
   */
  async pollOnce(): Promise<number> {
    let queued = 0;
    const room = this.room();
    if (room > 0 && this.finished.length < 2 * RECORD_BATCH_SIZE) {
      const claimed = await this.claim(room);
      this.retriesBehind = claimed.length === room;
      for (const delivery of claimed) {
        this.retryQueue.push(delivery);
      }
      queued += claimed.length;
    }
    queued += await this.pollStreams();
    this.pump();

    return queued;
  }

  /** Returns how many more delivery rows may be claimed now. */
  private room(): number {
    return this.concurrency + this.maxQueued - this.sending.size - this.retryQueue.length;
  }

  /** Waits until every queued request is sent and every outcome is recorded. */
  async drain(): Promise<void> {
    while (
      this.retryQueue.length > 0 ||
      this.streamQueue.length > 0 ||
      this.sending.size > 0 ||
      this.finished.length > 0 ||
      this.unrecorded.size > 0 ||
      this.recording !== undefined ||
      this.reads.size > 0
    ) {
      this.pump();
      await Promise.allSettled([...this.sending, ...this.reads]);
      this.startRecording();
      await this.recording;
    }
  }

  /** Starts queued requests while fewer than `concurrency` are in flight. */
  private pump(): void {
    const stale: ClaimedDelivery[] = [];
    while (this.sending.size < this.concurrency + this.pool.queueAllowance) {
      let sending: Promise<void>;
      const delivery = this.retryQueue.shift();
      if (delivery !== undefined) {
        if (
          Date.now() - delivery.claimedAt >
          this.leaseMs - this.config.webhooks.timeoutMs - LEASE_MARGIN_MS
        ) {
          // Too close to the end of its lease to finish within it: given back for a later poll.
          stale.push(delivery);
          continue;
        }
        sending = this.sendClaimed(delivery);
      } else {
        const entry = this.streamQueue.shift();
        if (entry === undefined) {
          break;
        }
        if (entry.stream.stopped) {
          continue;
        }
        sending = this.sendEntry(entry);
      }
      sending = sending.finally(() => {
        this.sending.delete(sending);
        this.pump();
        if (this.retriesBehind && this.retryQueue.length <= this.maxQueued / 2) {
          this.schedule(0);
        }
      });
      this.sending.add(sending);
    }
    if (stale.length > 0) {
      void this.release(stale);
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.polling) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.polling = this.pollOnce().then(
        (count) => count,
        (error: unknown) => {
          this.logPollError(error);

          return 0;
        },
      );
      void this.polling.then(() => {
        this.polling = undefined;
        // Nothing more due: wait for the poll interval, or for a recorded outcome that lets the
        // next delivery row of its session go (startRecording schedules a poll then).
        this.schedule(
          this.retriesBehind && this.room() >= this.maxQueued / 2
            ? 0
            : this.config.jobs.pollIntervalMs,
        );
      });
    }, delayMs);
  }

  private logPollError(error: unknown): void {
    const now = Date.now();
    if (now - this.lastPollErrorLoggedAt >= POLL_ERROR_LOG_INTERVAL_MS) {
      this.lastPollErrorLoggedAt = now;
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'Polling for webhook deliveries failed; retrying',
      );
    }
  }

  /** Leases up to `limit` due delivery rows in one statement and builds their bodies. */
  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.dataSource.transaction(async (manager) => {
      // Read the due index in claim order and stop at the limit. After a burst the table's
      // statistics lag behind, and the planner would otherwise sort every pending delivery
      // (bitmap scan then sort) on each poll. Without hash and merge joins, a larger limit
      // cannot turn the order check into a hash of every pending delivery. The claim is planned
      // for its limit on every call, because a generic plan of the prepared statement does not
      // know it.
      await queryPreparedIn(
        manager,
        'webhook_claim_settings',
        `SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true),
                set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
                set_config('plan_cache_mode', 'force_custom_plan', true)`,
        [],
      );

      return queryPreparedIn<ClaimRow>(manager, 'webhook_claim', CLAIM_SQL, [limit, this.leaseMs]);
    });
    const claimedAt = Date.now();

    return rows
      .map((row): ClaimedDelivery => ({
        id: row.id,
        sequence: row.sequence,
        organization_id: row.organization_id,
        subscription_id: row.subscription_id,
        event_id: row.event_id,
        event_type: row.event_type,
        attempts: row.attempts,
        window_started_at: row.window_started_at,
        url: row.url,
        secret_ciphertext: row.secret_ciphertext,
        previous_secret_ciphertext: row.previous_secret_ciphertext,
        previous_secret_expires_at: row.previous_secret_expires_at,
        body: this.body(row.event_id, row.event_type, row.occurred_at, row.payload),
        claimedAt,
      }))
      .sort((a, b) => Number(BigInt(a.sequence) - BigInt(b.sequence)));
  }

  /** Returns the request body of an event, built once while it is recent. */
  private body(eventId: string, type: string, occurredAt: Date, payload: string): string {
    let body = this.bodies.get(eventId);
    if (body === undefined) {
      body = webhookBody(eventId, type, occurredAt, JSON.parse(payload) as unknown);
      this.bodies.set(eventId, body);
      if (this.bodies.size > BODY_CACHE_SIZE) {
        this.bodies.delete(this.bodies.keys().next().value!);
      }
    }

    return body;
  }

  /**
   * Gives claimed deliveries that were never sent back at shutdown, so another instance sends
   * them without waiting for their lease. A failure here only delays them until the lease ends.
   */
  private async releaseQueued(): Promise<void> {
    const queued: ClaimedDelivery[] = [];
    for (let delivery = this.retryQueue.shift(); delivery; delivery = this.retryQueue.shift()) {
      queued.push(delivery);
    }
    await this.release(queued);
  }

  /** Ends the lease of claimed deliveries that were not sent, and takes back their claim count. */
  private async release(queued: ClaimedDelivery[]): Promise<void> {
    if (queued.length === 0) {
      return;
    }
    try {
      await this.dataSource.query(
        `UPDATE webhook_deliveries w
            SET locked_until = NULL, attempts = w.attempts - 1
           FROM unnest($1::uuid[], $2::int[]) AS q(id, attempts)
          WHERE w.id = q.id AND w.attempts = q.attempts AND w.locked_until IS NOT NULL`,
        [queued.map((delivery) => delivery.id), queued.map((delivery) => delivery.attempts)],
      );
    } catch (error) {
      this.logger.warn(
        {
          deliveries: queued.length,
          error: error instanceof Error ? error.message : String(error),
        },
        'Releasing unsent webhook deliveries failed; they are sent when their lease ends',
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Subscription streams

  /**
   * Renews this instance's leases, stops the streams whose subscription is no longer active or
   * whose lease was lost, leases free subscriptions, and reads every idle stream that has events.
   * Returns how many events were queued to send.
   */
  private async pollStreams(): Promise<number> {
    const leased = [...this.streams.values()];
    if (leased.length > 0) {
      const renewed = await queryPrepared<{ id: string; status: string }>(
        this.dataSource,
        'webhook_stream_renew',
        STREAM_RENEW_SQL,
        [leased.map((stream) => stream.subscription.id), this.instanceId, this.leaseMs],
      );
      const status = new Map(renewed.map((row) => [row.id, row.status]));
      for (const stream of leased) {
        if (status.get(stream.subscription.id) !== 'active') {
          stream.stopped = true;
          stream.lost = !status.has(stream.subscription.id);
        }
      }
      await this.dropStopped();
    }
    if (this.started || !this.config.jobs.enabled) {
      const acquired = await queryPrepared<
        StreamSubscription & { transaction_id: string; sequence: string }
      >(this.dataSource, 'webhook_stream_acquire', STREAM_ACQUIRE_SQL, [
        this.instanceId,
        [...this.streams.keys()],
        STREAM_LEASES_PER_POLL,
        this.leaseMs,
      ]);
      for (const row of acquired) {
        const stream = new SubscriptionStream(row, {
          transactionId: row.transaction_id,
          sequence: row.sequence,
        });
        stream.behind = true;
        this.streams.set(row.id, stream);
      }
    }
    const waiting = [...this.streams.values()].filter(
      (stream) => stream.idle && !stream.behind && !stream.stopped,
    );
    if (waiting.length > 0) {
      const woken = await queryPrepared<{ id: string }>(
        this.dataSource,
        'webhook_stream_wake',
        STREAM_WAKE_SQL,
        [
          waiting.map((stream) => stream.subscription.id),
          waiting.map((stream) => stream.subscription.organization_id),
          waiting.map((stream) => stream.position.transactionId),
          waiting.map((stream) => stream.position.sequence),
        ],
      );
      for (const { id } of woken) {
        this.streams.get(id)!.behind = true;
      }
    }
    const counts = await Promise.all(
      [...this.streams.values()]
        .filter((stream) => stream.idle && stream.behind && !stream.stopped)
        .map((stream) => this.startRead(stream)),
    );

    return counts.reduce((sum, count) => sum + count, 0);
  }

  /** Reads a stream's next window, tracked so that shutdown and drain wait for it. */
  private startRead(stream: SubscriptionStream): Promise<number> {
    stream.reading = true;
    const reading = this.read(stream).finally(() => {
      stream.reading = false;
      this.reads.delete(done);
    });
    const done = reading.then(
      () => undefined,
      () => undefined,
    );
    this.reads.add(done);

    return reading;
  }

  /** Reads the next window of a stream and queues the events that may go now. */
  private async read(stream: SubscriptionStream): Promise<number> {
    let rows: StreamEventRow[];
    let pendingKeys: string[];
    let bodies: Map<string, string>;
    try {
      const [details] = await queryPrepared<
        StreamSubscription & { status: string; horizon: string; pending_keys: string[] }
      >(this.dataSource, 'webhook_stream_details', STREAM_DETAILS_SQL, [stream.subscription.id]);
      if (details === undefined || details.status !== 'active') {
        stream.stopped = true;
        await this.dropStopped();

        return 0;
      }
      stream.subscription = details;
      pendingKeys = details.pending_keys;
      rows = await queryPrepared<StreamEventRow>(
        this.dataSource,
        'webhook_stream_events',
        STREAM_EVENTS_SQL,
        [
          details.organization_id,
          stream.position.transactionId,
          stream.position.sequence,
          details.horizon,
          details.event_types,
          details.session_id,
          details.room_id,
          STREAM_WINDOW,
          details.id,
          stream.checkRows,
        ],
      );
      bodies = await this.loadBodies(rows);
    } catch (error) {
      // The stream stays behind and is read again at the next poll.
      this.logPollError(error);

      return 0;
    }
    stream.checkRows = false;
    stream.behind = rows.length === STREAM_WINDOW;
    const ready = stream.load(rows, pendingKeys);
    for (const entry of stream.selectedEntries()) {
      entry.body = bodies.get(entry.event.id);
    }
    for (const entry of ready) {
      this.streamQueue.push(entry);
    }
    if (stream.cursorDirty || stream.hasSettled) {
      this.unrecorded.add(stream);
      this.startRecording();
    }
    this.pump();

    return ready.length;
  }

  /**
   * Returns the bodies of the selected events, reading those not in memory in one query. The
   * window keeps its own map, since other reads may evict entries from the shared cache.
   */
  private async loadBodies(rows: StreamEventRow[]): Promise<Map<string, string>> {
    const bodies = new Map<string, string>();
    const missing: string[] = [];
    for (const row of rows) {
      const body = row.selected ? this.bodies.get(row.id) : undefined;
      if (body !== undefined) {
        bodies.set(row.id, body);
      } else if (row.selected) {
        missing.push(row.id);
      }
    }
    if (missing.length > 0) {
      const events = await queryPrepared<{
        id: string;
        type: string;
        occurred_at: Date;
        payload: string;
      }>(this.dataSource, 'webhook_event_bodies', EVENT_BODIES_SQL, [missing]);
      for (const event of events) {
        bodies.set(event.id, this.body(event.id, event.type, event.occurred_at, event.payload));
      }
    }

    return bodies;
  }

  /** Forgets stopped streams with nothing left to record, and ends the leases it still holds. */
  private async dropStopped(): Promise<void> {
    const done = [...this.streams.values()].filter((stream) => stream.finished);
    if (done.length === 0) {
      return;
    }
    for (const stream of done) {
      this.streams.delete(stream.subscription.id);
      this.unrecorded.delete(stream);
    }
    await this.releaseStreams(done.filter((stream) => !stream.lost));
  }

  private async releaseStreams(streams: SubscriptionStream[]): Promise<void> {
    if (streams.length === 0) {
      return;
    }
    try {
      await this.dataSource.query(STREAM_RELEASE_SQL, [
        this.instanceId,
        streams.map((stream) => stream.subscription.id),
      ]);
    } catch (error) {
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'Ending webhook stream leases failed; another instance takes them when they run out',
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Sending and recording

  private async sendClaimed(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const result = await this.attempt(delivery.url, delivery, delivery.event_id, delivery.body);
    if (result === null) {
      this.unsent.push(delivery);
    } else if (result !== undefined) {
      this.finished.push({ delivery, attemptedAt, result });
      this.startRecording();
    }
  }

  private async sendEntry(entry: StreamEntry): Promise<void> {
    const { stream } = entry;
    stream.inFlight += 1;
    const attemptedAt = new Date();
    const result = await this.attempt(
      stream.subscription.url,
      stream.subscription,
      entry.event.id,
      entry.body!,
    );
    stream.inFlight -= 1;
    if (result === undefined || result === null) {
      // The event stays after the cursor and is read again by the next lease.
      stream.stopped = true;
    } else {
      const next = stream.finish(entry, attemptedAt, result);
      if (next && !stream.stopped) {
        this.streamQueue.push(next);
      }
      this.unrecorded.add(stream);
      this.startRecording();
    }
    if (stream.stopped) {
      void this.dropStopped();
    }
  }

  /**
   * Signs and sends one request. Returns undefined when the signing secrets could not be opened:
   * a delivery row's lease then expires and a later poll tries again, with the same webhook-id.
   * Returns null for a request taken back unsent at shutdown.
   */
  private async attempt(
    url: string,
    secrets: StoredSecrets,
    eventId: string,
    body: string,
  ): Promise<AttemptResult | null | undefined> {
    let signing: string[];
    try {
      signing = this.secrets.signingSecrets(secrets);
    } catch (error) {
      this.logger.error(
        { eventId, error: error instanceof Error ? error.message : String(error) },
        'Opening a webhook signing secret failed; the delivery will be retried',
      );

      return undefined;
    }

    return this.pool.send({ url, secrets: signing, eventId, body });
  }

  /**
   * Records what waits in one transaction unless a recording runs. The outcomes that arrive
   * meanwhile make the next batch, so batches grow with the load. One transaction at a time keeps
   * the delivery rows of one session in the order of their events.
   */
  private startRecording(): void {
    if (
      this.recording !== undefined ||
      (this.finished.length === 0 && this.unrecorded.size === 0)
    ) {
      return;
    }
    const batch: RecordingBatch = {
      attempts: this.finished.splice(0, RECORD_BATCH_SIZE),
      entries: [],
      cursors: [],
      streams: new Set(),
    };
    for (const stream of this.unrecorded) {
      if (batch.entries.length >= STREAM_RECORD_BATCH_SIZE) {
        break;
      }
      const included = stream.takeSettled(STREAM_RECORD_BATCH_SIZE - batch.entries.length);
      batch.entries.push(...included);
      if (stream.cursorDirty) {
        // A lost lease's cursor belongs to the instance that holds it now.
        if (!stream.lost) {
          batch.cursors.push({ stream, position: stream.position });
        }
        stream.cursorDirty = false;
      }
      if (included.length > 0 || batch.cursors.at(-1)?.stream === stream) {
        batch.streams.add(stream);
        stream.recordings += 1;
      }
      if (!stream.hasSettled && !stream.cursorDirty) {
        this.unrecorded.delete(stream);
      }
    }
    if (batch.attempts.length === 0 && batch.streams.size === 0) {
      return;
    }
    const hadRetries =
      batch.attempts.length > 0 ||
      batch.entries.some((entry) => entry.result?.outcome !== 'succeeded');
    this.recording = this.recordBatch(batch).finally(() => {
      this.recording = undefined;
      for (const stream of batch.streams) {
        stream.recordings -= 1;
        if (stream.idle && stream.behind && !stream.stopped && this.started) {
          void this.startRead(stream);
        }
      }
      if ([...batch.streams].some((stream) => stream.stopped)) {
        void this.dropStopped();
      }
      this.startRecording();
      if (hadRetries) {
        // Recorded outcomes may let the next delivery row of a session go.
        this.schedule(0);
      }
    });
  }

  /**
   * Records a batch in one transaction. When that fails, each retry-path attempt is recorded in
   * its own transaction, so one bad row cannot lose the others. An attempt that still fails to
   * record is sent again with the same webhook-id when its lease ends. The streams of a failed
   * batch stop, and the next lease reads their unrecorded events again.
   */
  async recordBatch(batch: FinishedAttempt[] | RecordingBatch): Promise<void> {
    const full: RecordingBatch = Array.isArray(batch)
      ? { attempts: batch, entries: [], cursors: [], streams: new Set() }
      : batch;
    try {
      const moved = await this.dataSource.transaction((manager) => this.record(manager, full));
      for (const { stream } of full.cursors) {
        if (!moved.has(stream.subscription.id)) {
          // Another instance took the lease over: it reads from the recorded cursor.
          stream.stopped = true;
          stream.lost = true;
        }
      }
      for (const stream of full.streams) {
        stream.committed(full.entries.filter((entry) => entry.stream === stream));
      }

      return;
    } catch (error) {
      for (const stream of full.streams) {
        stream.abandon();
      }
      if (full.streams.size > 0) {
        this.logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'Recording webhook stream outcomes failed; their events will be sent again',
        );
      }
      if (full.attempts.length === 1) {
        this.logRecordError(full.attempts[0]!, error);

        return;
      }
    }
    for (const attempt of full.attempts) {
      try {
        await this.dataSource.transaction((manager) =>
          this.record(manager, {
            attempts: [attempt],
            entries: [],
            cursors: [],
            streams: new Set(),
          }),
        );
      } catch (error) {
        this.logRecordError(attempt, error);
      }
    }
  }

  private logRecordError(attempt: FinishedAttempt, error: unknown): void {
    this.logger.error(
      {
        deliveryId: attempt.delivery.id,
        subscriptionId: attempt.delivery.subscription_id,
        error: error instanceof Error ? error.message : String(error),
      },
      'Recording a webhook attempt failed; the delivery will be retried',
    );
  }

  /**
   * Records a batch: stream outcomes as new delivery rows, each retry-path success on its
   * delivery row in one UPDATE, each failed attempt as a row of webhook_delivery_attempts, each
   * subscription's success and failure state once, and the stream cursors. Returns the ids of
   * the subscriptions whose cursor this instance still leases.
   */
  private async record(manager: EntityManager, batch: RecordingBatch): Promise<Set<string>> {
    const sent: { subscriptionId: string; succeeded: boolean }[] = [
      ...batch.attempts.map((attempt) => ({
        subscriptionId: attempt.delivery.subscription_id,
        succeeded: attempt.result.outcome === 'succeeded',
      })),
      ...batch.entries
        .filter((entry) => entry.result)
        .map((entry) => ({
          subscriptionId: entry.stream.subscription.id,
          succeeded: entry.result!.outcome === 'succeeded',
        })),
    ];
    // Each subscription's state after the batch, with the attempts taken in the order they
    // finished: a success clears failing_since, a failure after it sets it again.
    const states = new Map<string, { succeeded: boolean; failedLast: boolean }>();
    for (const { subscriptionId, succeeded } of sent) {
      const state = states.get(subscriptionId) ?? { succeeded: false, failedLast: false };
      state.succeeded ||= succeeded;
      state.failedLast = !succeeded;
      states.set(subscriptionId, state);
    }
    const ids = [
      ...new Set([...states.keys(), ...batch.entries.map((entry) => entry.stream.subscription.id)]),
    ].sort();
    // A key-share lock on each subscription, taken first and in id order, keeps the subscription
    // and its deliveries from being deleted until the batch commits. It conflicts with neither
    // the deliveries that other transactions insert nor another batch of the same subscriptions.
    const existing =
      ids.length === 0
        ? []
        : await queryPreparedIn<{ id: string }>(
            manager,
            'webhook_record_lock_subscriptions',
            `SELECT id FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`,
            [ids],
          );
    const live = new Set(existing.map((row) => row.id));
    // Deliveries of a deleted subscription are gone with it.
    const attempts = batch.attempts.filter((attempt) => live.has(attempt.delivery.subscription_id));
    const entries = batch.entries.filter((entry) => live.has(entry.stream.subscription.id));
    const logged = attempts.filter((attempt) => attempt.result.outcome !== 'succeeded');
    const failures: FinishedAttempt[] = [];
    if (entries.length > 0) {
      failures.push(...(await this.insertStreamRows(manager, entries)));
      logged.push(...failures);
    }
    const succeeded = attempts.filter((attempt) => attempt.result.outcome === 'succeeded');
    if (succeeded.length > 0) {
      const completed = new Set(
        (await this.completeSucceeded(manager, succeeded)).map((row) => row.id),
      );
      // Not completed: the delivery was replayed during the attempt, which restarted its window
      // and keeps it pending, or another instance completed it after this one's lease ended.
      // The attempt goes to the attempt log instead.
      const replayed = succeeded.filter((attempt) => !completed.has(attempt.delivery.id));
      if (replayed.length > 0) {
        logged.push(...replayed);
        await this.releaseReplayed(
          manager,
          replayed.map((attempt) => attempt.delivery.id),
        );
      }
    }
    if (logged.length > 0) {
      await this.insertAttemptRows(manager, logged);
    }
    // Updates each subscription's success and failure state once per batch. The rows are locked
    // in id order, so two batches take their locks in the same order. This runs before the
    // failures are recorded, because dead-lettering reads last_success_at.
    const liveIds = [...states.keys()].filter((id) => live.has(id)).sort();
    if (liveIds.length > 0) {
      await queryPreparedIn(
        manager,
        'webhook_record_subscription_state',
        `WITH locked AS (
           SELECT id FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) ORDER BY id
              FOR NO KEY UPDATE
         )
         UPDATE webhook_subscriptions s
            SET last_success_at = CASE WHEN v.succeeded THEN now() ELSE s.last_success_at END,
                failing_since = CASE WHEN NOT v.failed_last THEN NULL
                                     WHEN v.succeeded THEN now()
                                     ELSE coalesce(s.failing_since, now()) END
           FROM locked, unnest($1::uuid[], $2::boolean[], $3::boolean[]) AS v(id, succeeded, failed_last)
          WHERE s.id = locked.id AND v.id = locked.id`,
        [
          liveIds,
          liveIds.map((id) => states.get(id)!.succeeded),
          liveIds.map((id) => states.get(id)!.failedLast),
        ],
      );
    }
    for (const attempt of [...attempts, ...failures]) {
      if (attempt.result.outcome !== 'succeeded') {
        await this.recordFailure(manager, attempt.delivery, attempt.result);
      }
    }
    if (batch.cursors.length === 0) {
      return new Set();
    }
    const moved = await queryPreparedIn<{ id: string }>(
      manager,
      'webhook_stream_cursor',
      STREAM_CURSOR_SQL,
      [
        batch.cursors.map(({ stream }) => stream.subscription.id),
        batch.cursors.map(({ position }) => position.transactionId),
        batch.cursors.map(({ position }) => position.sequence),
        this.instanceId,
      ],
    );

    return new Set(moved.map((row) => row.id));
  }

  /**
   * Inserts the delivery rows of stream outcomes in one statement, in event order. Returns the
   * failed first attempts among the inserted rows, in the form the retry path records them.
   */
  private async insertStreamRows(
    manager: EntityManager,
    entries: StreamEntry[],
  ): Promise<FinishedAttempt[]> {
    const groups = new Map<
      SubscriptionStream,
      { organization_id: string; subscription_id: string; rows: StreamRow[] }
    >();
    const failed = new Map<string, FinishedAttempt>();
    entries.forEach((entry, index) => {
      const { event, stream, result } = entry;
      const id = uuid7();
      const subscription = stream.subscription;
      let group = groups.get(stream);
      if (group === undefined) {
        group = {
          organization_id: subscription.organization_id,
          subscription_id: subscription.id,
          rows: [],
        };
        groups.set(stream, group);
      }
      const row: StreamRow = { i: index, id, event_id: event.id, type: event.type };
      if (event.session_id !== null) {
        row.session_id = event.session_id;
      }
      if (result) {
        row.ok = result.outcome === 'succeeded';
        row.at = entry.attemptedAt!.toISOString();
        row.ms = result.latencyMs;
        if (result.statusCode !== null) {
          row.code = result.statusCode;
        }
        if (result.error !== null) {
          row.error = result.error;
        }
        if (result.responseExcerpt) {
          row.excerpt = result.responseExcerpt;
        }
      }
      group.rows.push(row);
      if (result && result.outcome !== 'succeeded') {
        failed.set(id, {
          attemptedAt: entry.attemptedAt!,
          result,
          delivery: {
            id,
            sequence: '0',
            organization_id: subscription.organization_id,
            subscription_id: subscription.id,
            event_id: event.id,
            event_type: event.type,
            attempts: 1,
            window_started_at: entry.attemptedAt!,
            url: subscription.url,
            secret_ciphertext: subscription.secret_ciphertext,
            previous_secret_ciphertext: subscription.previous_secret_ciphertext,
            previous_secret_expires_at:
              subscription.previous_secret_expires_at === null
                ? null
                : new Date(subscription.previous_secret_expires_at),
            body: '',
            claimedAt: 0,
          },
        });
      }
    });
    const inserted = await queryPreparedIn<{ id: string }>(
      manager,
      'webhook_stream_insert',
      STREAM_INSERT_SQL,
      [JSON.stringify([...groups.values()])],
    );

    return inserted.flatMap((row) => failed.get(row.id) ?? []);
  }

  /**
   * Marks deliveries succeeded and stores the successful attempt on each delivery row, in one
   * statement. A delivery is completed only in the retry window that its attempt was claimed in,
   * and only once: a second success, after another instance took over an expired lease, is
   * logged as an attempt row. Returns the ids of the completed deliveries. The condition avoids
   * `status`, whose partial indexes would let the planner scan every pending delivery.
   */
  private completeSucceeded(
    manager: EntityManager,
    succeeded: FinishedAttempt[],
  ): Promise<{ id: string }[]> {
    return queryPreparedIn<{ id: string }>(
      manager,
      'webhook_record_successes',
      `UPDATE webhook_deliveries d
          SET status = 'succeeded', delivered_at = v.delivered_at, locked_until = NULL,
              last_status_code = v.status_code, last_error = NULL,
              success_attempt_number = v.number, success_attempted_at = v.attempted_at,
              success_latency_ms = v.latency_ms, success_response_excerpt = v.response_excerpt
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::timestamptz[], $5::int[],
                     $6::timestamptz[], $7::int[], $8::text[])
              AS v(id, window_started_at, status_code, delivered_at, number, attempted_at,
                   latency_ms, response_excerpt)
        WHERE d.id = v.id AND d.window_started_at = v.window_started_at
          AND d.success_attempted_at IS NULL
        RETURNING d.id`,
      [
        succeeded.map((a) => a.delivery.id),
        succeeded.map((a) => iso(a.delivery.window_started_at)),
        succeeded.map((a) => a.result.statusCode),
        succeeded.map((a) => new Date(a.attemptedAt.getTime() + a.result.latencyMs).toISOString()),
        succeeded.map((a) => a.delivery.attempts),
        succeeded.map((a) => a.attemptedAt.toISOString()),
        succeeded.map((a) => a.result.latencyMs),
        succeeded.map((a) => a.result.responseExcerpt),
      ],
    );
  }

  /** Inserts one row of webhook_delivery_attempts per attempt, in one statement. */
  private async insertAttemptRows(
    manager: EntityManager,
    attempts: FinishedAttempt[],
  ): Promise<void> {
    await queryPreparedIn(
      manager,
      'webhook_record_attempts',
      `INSERT INTO webhook_delivery_attempts
         (organization_id, delivery_id, number, attempted_at, status_code, latency_ms, outcome,
          error, response_excerpt)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::int[],
                            $6::int[], $7::text[], $8::text[], $9::text[])`,
      [
        attempts.map((a) => a.delivery.organization_id),
        attempts.map((a) => a.delivery.id),
        attempts.map((a) => a.delivery.attempts),
        attempts.map((a) => a.attemptedAt.toISOString()),
        attempts.map((a) => a.result.statusCode),
        attempts.map((a) => a.result.latencyMs),
        attempts.map((a) => a.result.outcome),
        attempts.map((a) => a.result.error),
        attempts.map((a) => a.result.responseExcerpt),
      ],
    );
  }

  private async recordFailure(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    result: AttemptResult,
  ): Promise<void> {
    const nextAttemptAt = new Date(
      Date.now() + retryDelayMs(delivery.attempts, this.config.webhooks.retryBaseMs),
    );
    const windowEnd =
      new Date(delivery.window_started_at).getTime() +
      this.config.webhooks.retryWindowSeconds * 1000;
    const targetGone = result.statusCode === 410;
    const dead = targetGone || nextAttemptAt.getTime() > windowEnd;
    const claimed = { id: delivery.id, windowStartedAt: new Date(delivery.window_started_at) };
    const updated = await manager.update(WebhookDelivery, claimed, {
      status: dead ? 'dead' : 'pending',
      nextAttemptAt,
      lockedUntil: null,
      lastStatusCode: result.statusCode,
      lastError: result.error,
    });
    if (!updated.affected) {
      await this.releaseReplayed(manager, [delivery.id]);

      return;
    }
    this.logger.warn(
      {
        deliveryId: delivery.id,
        subscriptionId: delivery.subscription_id,
        attempt: delivery.attempts,
        outcome: result.outcome,
        status: result.statusCode,
        dead,
      },
      dead ? 'Webhook delivery dead-lettered' : 'Webhook delivery failed; it will be retried',
    );
    if (dead) {
      await this.disableIfFailing(manager, delivery, targetGone);
    }
  }

  /** Makes deliveries that were replayed during an attempt due at once, without their lease. */
  private async releaseReplayed(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET locked_until = NULL, next_attempt_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Disables a subscription whose target responded 410 Gone, or to which no delivery succeeded
   * during the whole retry window of this dead-lettered one.
   */
  private async disableIfFailing(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    targetGone: boolean,
  ): Promise<void> {
    const reason = targetGone
      ? 'The target answered 410 Gone.'
      : `Every delivery attempt failed for ${this.config.webhooks.retryWindowSeconds} seconds.`;
    const rows = await updateReturning<{ id: string }>(
      manager,
      `UPDATE webhook_subscriptions
          SET status = 'disabled', disabled_reason = $3, updated_at = now()
        WHERE id = $1 AND status <> 'disabled'
          AND ($4 OR last_success_at IS NULL OR last_success_at < $2)
        RETURNING id`,
      [delivery.subscription_id, delivery.window_started_at, reason, targetGone],
    );
    if (rows.length === 0) {
      return;
    }
    await recordDomainEvent(manager, delivery.organization_id, 'webhook.subscription_disabled', {
      subscriptionId: delivery.subscription_id,
      reason,
    });
    this.logger.warn(
      { subscriptionId: delivery.subscription_id, reason },
      'Webhook subscription disabled',
    );
  }
}
