import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the webhook dispatcher claim due deliveries by reading the index in claim order
 * (`next_attempt_at`, then `sequence`) and stopping at its limit, instead of sorting every
 * pending delivery on each poll. Free space in each page of webhook_deliveries lets the claim's
 * update of `locked_until` and `attempts`, which no index covers, stay in the page (a HOT
 * update) without new index entries. Deliveries turn over fast, so autovacuum cleans the table
 * and refreshes its statistics after 2% of its rows changed instead of the default 20%; dead
 * entries in the partial indexes would otherwise slow every claim.
 */
export class WebhookDispatchIndexes1764800021000 implements MigrationInterface {
  name = 'WebhookDispatchIndexes1764800021000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_order_idx ON webhook_deliveries (next_attempt_at, sequence) WHERE status = 'pending'`,
    );
    await queryRunner.query(`DROP INDEX webhook_deliveries_due_idx`);
    await queryRunner.query(
      `ALTER TABLE webhook_deliveries SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE webhook_deliveries RESET (fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(`DROP INDEX webhook_deliveries_due_order_idx`);
  }
}
