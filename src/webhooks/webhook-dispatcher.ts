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
import { recordDomainEvent } from './domain-events';
import { WebhookSecrets } from './webhook-secrets';
import { AttemptResult, sendWebhook } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook.entity';

/** Deliveries in flight at once per process. */
const CONCURRENCY = 16;
/** Maximum wait between two retries of one delivery. */
const MAX_RETRY_DELAY_MS = 6 * 3600 * 1000;
/** Repeated poll failures are logged at the first one and then once per this many ms. */
const POLL_ERROR_LOG_INTERVAL_MS = 60_000;

interface ClaimedDelivery {
  id: string;
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
  payload: Record<string, unknown>;
  occurred_at: Date;
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

/**
 * Sends pending webhook deliveries. A delivery is claimed with a lease, so several instances
 * share the work and a delivery interrupted by a restart is sent again with the same
 * `webhook-id`. A delivery waits while an earlier one of the same subscription and session is
 * pending, which keeps each session's events in order. Failed attempts are retried with
 * exponential backoff and jitter until the retry window ends. Then the delivery is
 * dead-lettered, and a subscription that failed for the whole window is disabled.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private started = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private lastPollErrorLoggedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
  ) {}

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
    await Promise.allSettled([...this.inFlight]);
  }

  /** Claims and starts due deliveries once; returns how many were started. */
  async pollOnce(): Promise<number> {
    const capacity = CONCURRENCY - this.inFlight.size;
    if (capacity <= 0) {
      return 0;
    }
    const claimed = await this.claim(capacity);
    for (const delivery of claimed) {
      const sending = this.deliver(delivery).finally(() => {
        this.inFlight.delete(sending);
        if (this.started) {
          this.schedule(0);
        }
      });
      this.inFlight.add(sending);
    }

    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.polling) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.polling = this.pollOnce()
        .then(
          (count) => count,
          (error: unknown) => {
            this.logPollError(error);

            return 0;
          },
        )
        .then((count) => {
          this.polling = undefined;
          const full = count > 0 && this.inFlight.size < CONCURRENCY;
          this.schedule(full ? 0 : this.config.jobs.pollIntervalMs);
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

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const leaseMs = this.config.webhooks.timeoutMs + 30_000;

    return this.dataSource.transaction(async (manager) => {
      const ids = await updateReturning<{ id: string }>(
        manager,
        `WITH due AS (
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
            FOR UPDATE OF d SKIP LOCKED)
         UPDATE webhook_deliveries w
            SET locked_until = now() + $2 * interval '1 millisecond', attempts = w.attempts + 1
           FROM due
          WHERE w.id = due.id
         RETURNING w.id`,
        [limit, leaseMs],
      );
      if (ids.length === 0) {
        return [];
      }

      return (await manager.query(
        `SELECT d.id, d.organization_id, d.subscription_id, d.event_id, d.event_type, d.attempts,
                d.window_started_at, s.url, s.secret_ciphertext, s.previous_secret_ciphertext,
                s.previous_secret_expires_at, e.payload, e.occurred_at
           FROM webhook_deliveries d
           JOIN webhook_subscriptions s ON s.id = d.subscription_id
           JOIN domain_events e ON e.id = d.event_id
          WHERE d.id = ANY($1::uuid[])
          ORDER BY d.sequence`,
        [ids.map((row) => row.id)],
      )) as ClaimedDelivery[];
    });
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const body = webhookBody(
      delivery.event_id,
      delivery.event_type,
      new Date(delivery.occurred_at),
      delivery.payload,
    );
    const signing = this.secrets.signingSecrets(delivery);
    const headers = signatureHeaders(
      signing,
      delivery.event_id,
      Math.floor(Date.now() / 1000),
      body,
    );
    const attemptedAt = new Date();
    const result = await sendWebhook({
      url: delivery.url,
      headers,
      body,
      timeoutMs: this.config.webhooks.timeoutMs,
      allowPrivateTargets: this.config.webhooks.allowPrivateTargets,
    });
    try {
      await this.dataSource.transaction((manager) =>
        this.record(manager, delivery, attemptedAt, result),
      );
    } catch (error) {
      // The lease expires and another poll sends the delivery again with the same webhook-id.
      this.logger.error(
        {
          deliveryId: delivery.id,
          subscriptionId: delivery.subscription_id,
          error: error instanceof Error ? error.message : String(error),
        },
        'Recording a webhook attempt failed; the delivery will be retried',
      );
    }
  }

  private async record(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    attemptedAt: Date,
    result: AttemptResult,
  ): Promise<void> {
    const succeeded = result.outcome === 'succeeded';
    // The subscription row is locked first, in the order a deletion of the subscription takes
    // its locks (subscription, then deliveries), so the two do not deadlock each other.
    const subscription = await updateReturning<{ id: string }>(
      manager,
      succeeded
        ? `UPDATE webhook_subscriptions SET last_success_at = now(), failing_since = NULL
            WHERE id = $1 RETURNING id`
        : `UPDATE webhook_subscriptions SET failing_since = coalesce(failing_since, now())
            WHERE id = $1 RETURNING id`,
      [delivery.subscription_id],
    );
    if (subscription.length === 0) {
      return;
    }
    await manager.insert(WebhookDeliveryAttempt, {
      organizationId: delivery.organization_id,
      deliveryId: delivery.id,
      number: delivery.attempts,
      attemptedAt,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      outcome: result.outcome,
      error: result.error,
      responseExcerpt: result.responseExcerpt,
    });
    // A replay during the attempt restarted the window: the delivery stays pending for it.
    const claimed = { id: delivery.id, windowStartedAt: new Date(delivery.window_started_at) };
    if (succeeded) {
      const updated = await manager.update(WebhookDelivery, claimed, {
        status: 'succeeded',
        deliveredAt: new Date(),
        lockedUntil: null,
        lastStatusCode: result.statusCode,
        lastError: null,
      });
      if (!updated.affected) {
        await this.releaseReplayed(manager, delivery.id);
      }

      return;
    }
    const nextAttemptAt = new Date(
      Date.now() + retryDelayMs(delivery.attempts, this.config.webhooks.retryBaseMs),
    );
    const windowEnd =
      new Date(delivery.window_started_at).getTime() +
      this.config.webhooks.retryWindowSeconds * 1000;
    const targetGone = result.statusCode === 410;
    const dead = targetGone || nextAttemptAt.getTime() > windowEnd;
    const updated = await manager.update(WebhookDelivery, claimed, {
      status: dead ? 'dead' : 'pending',
      nextAttemptAt,
      lockedUntil: null,
      lastStatusCode: result.statusCode,
      lastError: result.error,
    });
    if (!updated.affected) {
      await this.releaseReplayed(manager, delivery.id);

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

  /** Makes a delivery that was replayed during an attempt due at once, without its lease. */
  private async releaseReplayed(manager: EntityManager, id: string): Promise<void> {
    await manager.update(WebhookDelivery, { id }, { lockedUntil: null, nextAttemptAt: new Date() });
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
