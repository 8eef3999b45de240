import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

/** Events deleted per statement, so each statement locks few rows and finishes quickly. */
const BATCH_SIZE = 5_000;

/** Time between two passes of a running server. */
const PASS_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes domain events older than WEBHOOK_EVENT_RETENTION_DAYS whose deliveries are all
 * finished (succeeded or dead), together with those deliveries and their attempt log. An event
 * with a pending delivery is kept until it finishes, and so is an event that an active or paused
 * subscription's cursor has not passed yet, such as one held while the subscription is paused.
 */
@Injectable()
export class WebhookEventRetention {
  private readonly logger = new Logger(WebhookEventRetention.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobs.enabled) {
      // The first pass waits a minute, so it never slows down a server that is starting.
      this.timer = setTimeout(() => this.runPass(), 60_000);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes what the retention period lets go, as of `now`, and returns the number of events deleted. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.webhooks.eventRetentionDays * 86_400_000);
    let deleted = 0;
    for (;;) {
      // SKIP LOCKED lets the replicas of one deployment purge at the same time without waiting.
      const rows = (await this.dataSource.query(
        `DELETE FROM domain_events
          WHERE id IN (
            SELECT e.id FROM domain_events e
             WHERE e.occurred_at < $1
               AND NOT EXISTS (
                 SELECT 1 FROM webhook_deliveries d
                  WHERE d.event_id = e.id AND d.status = 'pending')
               AND NOT EXISTS (
                 SELECT 1 FROM webhook_dispatch_cursors c
                   JOIN webhook_subscriptions s ON s.id = c.subscription_id
                  WHERE c.organization_id = e.organization_id AND s.status <> 'disabled'
                    AND (c.transaction_id, c.sequence) < (e.transaction_id, e.sequence))
             LIMIT ${BATCH_SIZE}
               FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [cutoff],
      )) as unknown[];
      deleted += rows.length;
      if (rows.length < BATCH_SIZE) {
        return deleted;
      }
    }
  }

  private runPass(): void {
    this.running = this.purge().then(
      (deleted) => {
        if (deleted > 0) {
          this.logger.log({ deleted }, 'Deleted domain events past the retention period');
        }

        return deleted;
      },
      (error: unknown) => {
        this.logger.error(error, 'Deleting domain events past the retention period failed');

        return 0;
      },
    );
    void this.running.then(() => {
      if (this.timer !== undefined) {
        this.timer = setTimeout(() => this.runPass(), PASS_INTERVAL_MS);
      }
    });
  }
}
