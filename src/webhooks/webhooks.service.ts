import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Room } from '../rooms/room.entity';
import { Session } from '../sessions/session.entity';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WEBHOOK_LIMITS,
} from './dto/webhook.input';
import {
  WebhookDeliveryAttemptView,
  WebhookDeliveryView,
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
} from './dto/webhook.views';
import { describePatternProblem, typeMatchesPatternsSql } from './event-types';
import { findTargetProblem } from './target-guard';
import { WebhookSecrets } from './webhook-secrets';
import {
  DeliveryStatus,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookSubscription,
} from './webhook.entity';
import { WebhookErrors } from './webhooks.errors';

/**
 * Copies the successful attempt stored on delivery rows `d` to webhook_delivery_attempts. The
 * caller appends an AND condition that picks the rows.
 */
const ARCHIVE_SUCCESS_SQL = `
  INSERT INTO webhook_delivery_attempts
    (organization_id, delivery_id, number, attempted_at, status_code, latency_ms, outcome,
     response_excerpt)
  SELECT d.organization_id, d.id, d.success_attempt_number, d.success_attempted_at,
         d.last_status_code, d.success_latency_ms, 'succeeded', d.success_response_excerpt
    FROM webhook_deliveries d
   WHERE d.success_attempted_at IS NOT NULL`;

/**
 * Places subscription $1's cursor after every event of organization $2 that is visible now, so
 * it receives the events that commit from here on. Events of transactions that are still running
 * and older than the newest visible event are passed too: they are concurrent with the change.
 */
const CURSOR_AT_HEAD_SQL = `
  INSERT INTO webhook_dispatch_cursors (subscription_id, organization_id, transaction_id, sequence)
  SELECT $1, $2,
         CASE WHEN last.transaction_id >= x.horizon THEN last.transaction_id ELSE x.horizon END,
         CASE WHEN last.transaction_id >= x.horizon THEN last.sequence ELSE -1 END
    FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) x
    LEFT JOIN LATERAL (
      SELECT transaction_id, sequence FROM domain_events
       WHERE organization_id = $2
       ORDER BY transaction_id DESC, sequence DESC
       LIMIT 1) last ON true
  ON CONFLICT (subscription_id) DO UPDATE
     SET transaction_id = EXCLUDED.transaction_id, sequence = EXCLUDED.sequence`;

/** The SET items of a replay that clear the successful attempt stored on a delivery row. */
const CLEAR_SUCCESS_SQL = `success_attempt_number = NULL, success_attempted_at = NULL,
  success_latency_ms = NULL, success_response_excerpt = NULL`;

/**
 * Returns a delivery's attempts in order: the rows of webhook_delivery_attempts and the
 * successful attempt stored on the delivery row.
 */
function attemptLog(
  delivery: WebhookDelivery,
  rows: WebhookDeliveryAttempt[],
): WebhookDeliveryAttemptView[] {
  const log: WebhookDeliveryAttemptView[] = rows.map((attempt) => ({
    number: attempt.number,
    attemptedAt: attempt.attemptedAt,
    statusCode: attempt.statusCode,
    latencyMs: attempt.latencyMs,
    outcome: attempt.outcome,
    error: attempt.error,
    responseExcerpt: attempt.responseExcerpt,
  }));
  if (delivery.successAttemptNumber !== null && delivery.successAttemptedAt !== null) {
    log.push({
      number: delivery.successAttemptNumber,
      attemptedAt: delivery.successAttemptedAt,
      statusCode: delivery.lastStatusCode,
      latencyMs: delivery.successLatencyMs ?? 0,
      outcome: 'succeeded',
      error: null,
      responseExcerpt: delivery.successResponseExcerpt,
    });
  }

  return log.sort(
    (a, b) => a.number - b.number || a.attemptedAt.getTime() - b.attemptedAt.getTime(),
  );
}

function toView(subscription: WebhookSubscription): WebhookSubscriptionView {
  return {
    id: subscription.id,
    url: subscription.url,
    description: subscription.description,
    eventTypes: subscription.eventTypes,
    sessionId: subscription.sessionId,
    roomId: subscription.roomId,
    status: subscription.status,
    disabledReason: subscription.disabledReason,
    previousSecretExpiresAt: subscription.previousSecretExpiresAt,
    failingSince: subscription.failingSince,
    lastSuccessAt: subscription.lastSuccessAt,
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}

/** Webhook subscriptions of an organization, their deliveries and replays. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
  ) {}

  async create(
    ctx: RequestContext,
    input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    this.assertTarget(input.url);
    const eventTypes = this.checkEventTypes(input.eventTypes);
    if (input.sessionId) {
      await this.assertExists(ctx, Session, input.sessionId, 'Session', 'sessionId');
    }
    if (input.roomId) {
      await this.assertExists(ctx, Room, input.roomId, 'Room', 'roomId');
    }
    const { secret, sealed } = this.secrets.create();
    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookSubscription);
      const subscription = await repository.save(
        repository.create({
          organizationId: ctx.organizationId,
          url: input.url,
          description: input.description ?? null,
          eventTypes,
          sessionId: input.sessionId ?? null,
          roomId: input.roomId ?? null,
          status: 'active',
          secretCiphertext: sealed,
        }),
      );
      await manager.query(CURSOR_AT_HEAD_SQL, [subscription.id, ctx.organizationId]);

      return subscription;
    });

    return { subscription: toView(saved), secret };
  }

  async list(ctx: RequestContext, page: PageRequest): Promise<Page<WebhookSubscriptionView>> {
    const query = this.dataSource
      .getRepository(WebhookSubscription)
      .createQueryBuilder('subscription')
      .where('subscription.organizationId = :organizationId', {
        organizationId: ctx.organizationId,
      });
    const result = await paginate(query, page, {
      sortColumn: 'subscription.createdAt',
      sortValue: (row) => row.createdAt.toISOString(),
      idColumn: 'subscription.id',
    });

    return { items: result.items.map(toView), nextCursor: result.nextCursor };
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<WebhookSubscriptionView> {
    return toView(await this.find(ctx, id, field));
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: UpdateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionView> {
    const subscription = await this.find(ctx, id);
    if (input.url !== undefined) {
      this.assertTarget(input.url);
      subscription.url = input.url;
    }
    if (input.eventTypes !== undefined) {
      subscription.eventTypes = this.checkEventTypes(input.eventTypes);
    }
    if (input.description !== undefined) {
      subscription.description = input.description;
    }

    return toView(await this.dataSource.getRepository(WebhookSubscription).save(subscription));
  }

  /** Holds new and pending deliveries until the subscription is resumed. */
  async pause(ctx: RequestContext, id: string): Promise<WebhookSubscriptionView> {
    const subscription = await this.find(ctx, id);
    if (subscription.status === 'disabled') {
      throw WebhookErrors.pauseDisabled(id);
    }
    subscription.status = 'paused';

    return toView(await this.dataSource.getRepository(WebhookSubscription).save(subscription));
  }

  /**
   * Delivers again. A paused subscription sends the events it held, in order. A disabled one is
   * enabled and receives the events from now on; a range replay sends those it missed.
   */
  async resume(ctx: RequestContext, id: string): Promise<WebhookSubscriptionView> {
    const subscription = await this.find(ctx, id);
    const wasDisabled = subscription.status === 'disabled';
    subscription.status = 'active';
    subscription.disabledReason = null;
    subscription.failingSince = null;
    const saved = await this.dataSource.transaction(async (manager) => {
      if (wasDisabled) {
        await manager.query(CURSOR_AT_HEAD_SQL, [subscription.id, ctx.organizationId]);
      }

      return manager.getRepository(WebhookSubscription).save(subscription);
    });

    return toView(saved);
  }

  /** Deletes the subscription with its deliveries and their log. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const subscription = await this.find(ctx, id);
    await this.dataSource.getRepository(WebhookSubscription).delete({ id: subscription.id });

    return true;
  }

  /**
   * Replaces the signing secret. For `overlapSeconds` the old secret also signs every delivery,
   * so receivers can switch without rejecting messages.
   */
  async rotateSecret(
    ctx: RequestContext,
    id: string,
    overlapSeconds = WEBHOOK_LIMITS.defaultOverlapSeconds,
  ): Promise<WebhookSubscriptionWithSecret> {
    const subscription = await this.find(ctx, id);
    const { secret, sealed } = this.secrets.create();
    subscription.previousSecretCiphertext =
      overlapSeconds > 0 ? subscription.secretCiphertext : null;
    subscription.previousSecretExpiresAt =
      overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
    subscription.secretCiphertext = sealed;
    const saved = await this.dataSource.getRepository(WebhookSubscription).save(subscription);

    return { subscription: toView(saved), secret };
  }

  async deliveries(
    ctx: RequestContext,
    subscriptionId: string,
    status: DeliveryStatus | undefined,
    page: PageRequest,
  ): Promise<Page<WebhookDeliveryView>> {
    await this.find(ctx, subscriptionId, 'subscriptionId');
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .where('delivery.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('delivery.subscriptionId = :subscriptionId', { subscriptionId });
    if (status) {
      query.andWhere('delivery.status = :status', { status });
    }
    const result = await paginate(query, page, {
      sortColumn: 'delivery.createdAt',
      sortValue: (row) => row.createdAt.toISOString(),
      idColumn: 'delivery.id',
      direction: 'DESC',
    });

    return { items: await this.withAttempts(result.items), nextCursor: result.nextCursor };
  }

  async delivery(ctx: RequestContext, id: string, field = 'id'): Promise<WebhookDeliveryView> {
    const [view] = await this.withAttempts([await this.findDelivery(ctx, id, field)]);

    return view!;
  }

  /** Queues one delivery again with a new retry window; its webhook-id stays the same. */
  async replayDelivery(ctx: RequestContext, id: string): Promise<WebhookDeliveryView> {
    const delivery = await this.findDelivery(ctx, id);
    await this.dataSource.transaction(async (manager) => {
      // The row lock keeps the dispatcher from storing a success on the row between the copy
      // of the stored success and the reset.
      await manager.query(`SELECT id FROM webhook_deliveries WHERE id = $1 FOR UPDATE`, [
        delivery.id,
      ]);
      await manager.query(`${ARCHIVE_SUCCESS_SQL} AND d.id = $1`, [delivery.id]);
      await manager.query(
        `UPDATE webhook_deliveries
            SET status = 'pending', next_attempt_at = now(), window_started_at = clock_timestamp(),
                locked_until = CASE WHEN status = 'pending' THEN locked_until END,
                ${CLEAR_SUCCESS_SQL}
          WHERE id = $1`,
        [delivery.id],
      );
    });

    return this.delivery(ctx, id);
  }

  /**
   * Queues again every event of the range that the subscription selects: deliveries that exist
   * are reset, and events from before the subscription or from while it was disabled get one.
   */
  async replayRange(
    ctx: RequestContext,
    subscriptionId: string,
    from: string,
    to: string,
  ): Promise<number> {
    const start = new Date(from);
    const end = new Date(to);
    if (end <= start) {
      throw badInput('to', `to (${to}) must be after from (${from}).`, 'INVALID_RANGE');
    }
    if (end.getTime() - start.getTime() > WEBHOOK_LIMITS.replayDays * 86400_000) {
      throw badInput(
        'to',
        `The range is longer than ${WEBHOOK_LIMITS.replayDays} days: replay a shorter range at a time.`,
        'RANGE_TOO_LONG',
      );
    }
    const subscription = await this.find(ctx, subscriptionId, 'subscriptionId');

    return this.dataSource.transaction(async (manager) => {
      // Locks the subscription's deliveries of the range, then copies their stored successes to
      // the attempt log, since the replay below clears them.
      await manager.query(
        `WITH locked AS (
           SELECT d.id
             FROM webhook_deliveries d
             JOIN domain_events e ON e.id = d.event_id
            WHERE d.subscription_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3
              FOR UPDATE OF d
         )
         ${ARCHIVE_SUCCESS_SQL} AND d.id IN (SELECT id FROM locked)`,
        [subscription.id, start, end],
      );
      const rows = (await manager.query(
        `WITH selected AS (
         SELECT e.id, e.type, CASE WHEN e.payload->>'sessionId' ~* '^[0-9a-f-]{36}$'
                                   THEN (e.payload->>'sessionId')::uuid END AS session_id
           FROM domain_events e
          WHERE e.organization_id = $1 AND e.occurred_at >= $3 AND e.occurred_at < $4
            AND ${typeMatchesPatternsSql('e.type', '$5')}
       ), filtered AS (
         SELECT * FROM selected
          WHERE ($6::uuid IS NULL OR session_id = $6::uuid)
            AND ($7::uuid IS NULL OR session_id IN (SELECT id FROM sessions WHERE room_id = $7::uuid))
       )
       INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, event_type, ordering_key)
       SELECT $1, $2, id, type, session_id FROM filtered ORDER BY id
       ON CONFLICT (subscription_id, event_id) DO UPDATE
          SET status = 'pending', next_attempt_at = now(), window_started_at = clock_timestamp(),
              ${CLEAR_SUCCESS_SQL}
       RETURNING id`,
        [
          ctx.organizationId,
          subscription.id,
          start,
          end,
          subscription.eventTypes,
          subscription.sessionId,
          subscription.roomId,
        ],
      )) as { id: string }[];

      return rows.length;
    });
  }

  private async withAttempts(deliveries: WebhookDelivery[]): Promise<WebhookDeliveryView[]> {
    const attempts =
      deliveries.length === 0
        ? []
        : await this.dataSource.getRepository(WebhookDeliveryAttempt).find({
            where: { deliveryId: In(deliveries.map((delivery) => delivery.id)) },
            order: { number: 'ASC' },
          });

    return deliveries.map((delivery) => ({
      id: delivery.id,
      subscriptionId: delivery.subscriptionId,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      deliveredAt: delivery.deliveredAt,
      createdAt: delivery.createdAt,
      attemptLog: attemptLog(
        delivery,
        attempts.filter((attempt) => attempt.deliveryId === delivery.id),
      ),
    }));
  }

  private async find(ctx: RequestContext, id: string, field = 'id'): Promise<WebhookSubscription> {
    const found = await this.dataSource
      .getRepository(WebhookSubscription)
      .findOneBy({ id, organizationId: ctx.organizationId });
    if (!found) {
      throw WebhookErrors.notFound(id, field);
    }

    return found;
  }

  private async findDelivery(
    ctx: RequestContext,
    id: string,
    field = 'id',
  ): Promise<WebhookDelivery> {
    const found = await this.dataSource
      .getRepository(WebhookDelivery)
      .findOneBy({ id, organizationId: ctx.organizationId });
    if (!found) {
      throw WebhookErrors.deliveryNotFound(id, field);
    }

    return found;
  }

  private async assertExists(
    ctx: RequestContext,
    entity: typeof Session | typeof Room,
    id: string,
    name: string,
    field: string,
  ): Promise<void> {
    const count = await this.dataSource
      .getRepository<{ id: string; organizationId: string }>(entity)
      .countBy({ id, organizationId: ctx.organizationId });
    if (count === 0) {
      throw WebhookErrors.filterNotFound(name, id, field);
    }
  }

  private assertTarget(url: string): void {
    const problem = findTargetProblem(url, this.config.webhooks.allowPrivateTargets);
    if (problem) {
      throw badInput('url', `url is invalid: ${problem.message}.`, problem.reason);
    }
  }

  /** Returns the patterns without repeats, or raises BAD_USER_INPUT naming the first bad one. */
  private checkEventTypes(patterns: string[]): string[] {
    patterns.forEach((pattern, index) => {
      const problem = describePatternProblem(pattern);
      if (problem) {
        throw badInput(
          `eventTypes[${index}]`,
          `eventTypes[${index}] is invalid: ${problem}.`,
          'UNKNOWN_EVENT_TYPE',
        );
      }
    });

    return [...new Set(patterns)];
  }
}
