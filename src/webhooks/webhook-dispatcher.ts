import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { queryPreparedIn } from '../database/prepared-query';
import { recordDomainEvent } from './domain-events';
import { WebhookSecrets } from './webhook-secrets';
import { AttemptResult, sendWebhook } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';
import { WebhookDelivery } from './webhook.entity';

/** Maximum wait between two retries of one delivery. */
const MAX_RETRY_DELAY_MS = 6 * 3600 * 1000;
/** Repeated poll failures are logged at the first one and then once per this many ms. */
const POLL_ERROR_LOG_INTERVAL_MS = 60_000;
/** Finished attempts recorded in one transaction at most. */
export const RECORD_BATCH_SIZE = 500;
/** Batches recorded at once, each in its own transaction. */
const RECORDERS = 2;
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

/**
 * Sends pending webhook deliveries. A delivery is claimed with a lease, so several instances
 * share the work and a delivery interrupted by a restart is sent again with the same
 * `webhook-id`. A delivery waits while an earlier one of the same subscription and session is
 * pending, which keeps each session's events in order. Failed attempts are retried with
 * exponential backoff and jitter until the retry window ends. Then the delivery is
 * dead-lettered, and a subscription that failed for the whole window is disabled.
 *
 * Up to `WEBHOOK_CONCURRENCY` requests are in flight. Up to twice as many claimed deliveries
 * (at least 256) wait in a local queue, so a finished request is followed at once by the next
 * and a poll leases many deliveries at a time. Finished attempts are recorded in batches, one
 * transaction per batch, while the next batch collects. A second batch runs at once only when
 * a full one waits. A batch stores each success on its delivery row, writes a row per failed
 * attempt, and updates each subscription's success or failure state once. Unsent leased
 * deliveries are handed back at shutdown.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  /** Claimed deliveries not yet sent, in claim order. */
  private readonly queue: ClaimedDelivery[] = [];
  private readonly sending = new Set<Promise<void>>();
  /** Sent attempts not yet recorded, in the order they finished. */
  private readonly finished: FinishedAttempt[] = [];
  private readonly concurrency: number;
  /** Claimed deliveries that may wait for a free request slot. */
  private readonly maxQueued: number;
  private started = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<number>;
  private readonly recording = new Set<Promise<void>>();
  private lastPollErrorLoggedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
  ) {
    this.concurrency = config.webhooks.concurrency;
    this.maxQueued = Math.max(2 * this.concurrency, MIN_QUEUE);
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
    await this.releaseQueued();
    await this.drain();
  }

  /** Claims due deliveries once and starts sending them; returns how many were claimed. */
  async pollOnce(): Promise<number> {
    const room = this.room();
    if (room <= 0 || this.finished.length >= 2 * RECORD_BATCH_SIZE) {
      return 0;
    }
    const claimed = await this.claim(room);
    this.queue.push(...claimed);
    this.pump();

    return claimed.length;
  }

  /** Returns how many more deliveries may be claimed now. */
  private room(): number {
    return this.concurrency + this.maxQueued - this.sending.size - this.queue.length;
  }

  /** Waits until every claimed delivery is sent and every sent attempt is recorded. */
  async drain(): Promise<void> {
    while (
      this.queue.length > 0 ||
      this.sending.size > 0 ||
      this.finished.length > 0 ||
      this.recording.size > 0
    ) {
      this.pump();
      await Promise.allSettled([...this.sending]);
      this.startRecording();
      await Promise.allSettled([...this.recording]);
    }
  }

  /** Starts queued deliveries while fewer than `concurrency` requests are in flight. */
  private pump(): void {
    const stale: ClaimedDelivery[] = [];
    while (this.sending.size < this.concurrency && this.queue.length > 0) {
      const delivery = this.queue.shift()!;
      if (
        Date.now() - delivery.claimedAt >
        this.leaseMs - this.config.webhooks.timeoutMs - LEASE_MARGIN_MS
      ) {
        // Too close to the end of its lease to finish within it: given back for a later poll.
        stale.push(delivery);
        continue;
      }
      const sending = this.send(delivery).finally(() => {
        this.sending.delete(sending);
        this.pump();
        if (this.queue.length <= this.maxQueued / 2) {
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
      void this.polling.then((count) => {
        this.polling = undefined;
        const room = this.room();
        // Nothing due: wait for the poll interval, or for a recorded attempt that lets the next
        // delivery of its session go (startRecording schedules a poll when it commits).
        this.schedule(
          count > 0 && room >= this.maxQueued / 2 ? 0 : this.config.jobs.pollIntervalMs,
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

  /** Leases up to `limit` due deliveries in one statement and builds their bodies. */
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
    const bodies = new Map<string, string>();
    for (const row of rows) {
      if (!bodies.has(row.event_id)) {
        const payload = JSON.parse(row.payload) as unknown;
        bodies.set(
          row.event_id,
          webhookBody(row.event_id, row.event_type, row.occurred_at, payload),
        );
      }
    }

    return rows
      .map((row) => ({
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
        body: bodies.get(row.event_id)!,
        claimedAt,
      }))
      .sort((a, b) => Number(BigInt(a.sequence) - BigInt(b.sequence)));
  }

  /**
   * Gives claimed deliveries that were never sent back at shutdown, so another instance sends
   * them without waiting for their lease. A failure here only delays them until the lease ends.
   */
  private async releaseQueued(): Promise<void> {
    await this.release(this.queue.splice(0));
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

  private async send(delivery: ClaimedDelivery): Promise<void> {
    let body: string;
    let headers: Record<string, string>;
    try {
      body = delivery.body;
      const signing = this.secrets.signingSecrets(delivery);
      headers = signatureHeaders(signing, delivery.event_id, Math.floor(Date.now() / 1000), body);
    } catch (error) {
      // The lease expires and a later poll tries again with the same webhook-id.
      this.logger.error(
        {
          deliveryId: delivery.id,
          subscriptionId: delivery.subscription_id,
          error: error instanceof Error ? error.message : String(error),
        },
        'Signing a webhook delivery failed; it will be retried',
      );

      return;
    }
    const attemptedAt = new Date();
    const result = await sendWebhook({
      url: delivery.url,
      headers,
      body,
      timeoutMs: this.config.webhooks.timeoutMs,
      allowPrivateTargets: this.config.webhooks.allowPrivateTargets,
    });
    this.finished.push({ delivery, attemptedAt, result });
    this.startRecording();
  }

  /**
   * Records the finished attempts in one transaction unless a recording runs, or in a second
   * one when a full batch waits. The attempts that finish meanwhile make the next batch, so
   * batches grow with the load.
   */
  private startRecording(): void {
    while (
      this.finished.length > 0 &&
      (this.recording.size === 0 ||
        (this.recording.size < RECORDERS && this.finished.length >= RECORD_BATCH_SIZE))
    ) {
      const batch = this.finished.splice(0, RECORD_BATCH_SIZE);
      const recording: Promise<void> = this.recordBatch(batch).finally(() => {
        this.recording.delete(recording);
        this.startRecording();
        // Recorded successes let the next delivery of their sessions go.
        this.schedule(0);
      });
      this.recording.add(recording);
    }
  }

  /**
   * Records a batch in one transaction. When that fails, each attempt is recorded in its own
   * transaction, so one bad row cannot lose the others. An attempt that still fails to record
   * is sent again with the same webhook-id when its lease ends.
   */
  async recordBatch(batch: FinishedAttempt[]): Promise<void> {
    try {
      await this.dataSource.transaction((manager) => this.record(manager, batch));

      return;
    } catch (error) {
      if (batch.length === 1) {
        this.logRecordError(batch[0]!, error);

        return;
      }
    }
    for (const attempt of batch) {
      try {
        await this.dataSource.transaction((manager) => this.record(manager, [attempt]));
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
   * Records a batch: each success on its delivery row in one UPDATE, each failed attempt as a
   * row of webhook_delivery_attempts, and each subscription's success and failure state once.
   */
  private async record(manager: EntityManager, batch: FinishedAttempt[]): Promise<void> {
    // Each subscription's state after the batch, with the attempts taken in the order they
    // finished: a success clears failing_since, a failure after it sets it again.
    const states = new Map<string, { succeeded: boolean; failedLast: boolean }>();
    for (const { delivery, result } of batch) {
      const state = states.get(delivery.subscription_id) ?? { succeeded: false, failedLast: false };
      if (result.outcome === 'succeeded') {
        state.succeeded = true;
        state.failedLast = false;
      } else {
        state.failedLast = true;
      }
      states.set(delivery.subscription_id, state);
    }
    const ids = [...states.keys()].sort();
    // A key-share lock on each subscription, taken first and in id order, keeps the subscription
    // and its deliveries from being deleted until the batch commits. It conflicts with neither
    // the deliveries that other transactions insert nor another batch of the same subscriptions.
    const existing = await queryPreparedIn<{ id: string }>(
      manager,
      'webhook_record_lock_subscriptions',
      `SELECT id FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`,
      [ids],
    );
    const live = new Set(existing.map((row) => row.id));
    // Deliveries of a deleted subscription are gone with it.
    const attempts = batch.filter((attempt) => live.has(attempt.delivery.subscription_id));
    if (attempts.length === 0) {
      return;
    }
    const logged = attempts.filter((attempt) => attempt.result.outcome !== 'succeeded');
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
    const liveIds = ids.filter((id) => live.has(id));
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
    for (const attempt of attempts) {
      if (attempt.result.outcome !== 'succeeded') {
        await this.recordFailure(manager, attempt.delivery, attempt.result);
      }
    }
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
