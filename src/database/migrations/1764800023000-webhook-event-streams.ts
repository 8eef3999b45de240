import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivers webhook events from a cursor per subscription instead of a delivery row per event and
 * subscription written in advance. Recording an event is then one row, whatever the number of
 * subscriptions, and a delivery row is written once, when the first attempt has an outcome.
 *
 * Each event records the transaction that wrote it (`transaction_id`, a 64-bit xid) and an
 * insertion `sequence`. A subscription's cursor is the (transaction_id, sequence) of the last
 * event it has passed. The dispatcher reads only events whose transaction id is below the oldest
 * transaction still running, so no event can later commit behind a cursor. The cursor row also
 * holds the lease of the server instance that sends the subscription's events.
 *
 * Existing subscriptions start after the last event that exists now: those events already have
 * their delivery rows. Adding `transaction_id` with its default rewrites domain_events once, so
 * the migration takes about as long as copying that table.
 */
export class WebhookEventStreams1764800023000 implements MigrationInterface {
  name = 'WebhookEventStreams1764800023000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE domain_events
        ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN sequence bigserial NOT NULL,
        ADD COLUMN session_id uuid`);
    await queryRunner.query(`
      UPDATE domain_events SET session_id = (payload->>'sessionId')::uuid
       WHERE payload->>'sessionId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
    await queryRunner.query(
      `CREATE INDEX domain_events_stream_idx ON domain_events (organization_id, transaction_id, sequence)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_dispatch_cursors (
        subscription_id uuid PRIMARY KEY REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        transaction_id xid8 NOT NULL,
        sequence bigint NOT NULL,
        leased_by uuid,
        leased_until timestamptz(3)
      )`);
    await queryRunner.query(`
      INSERT INTO webhook_dispatch_cursors (subscription_id, organization_id, transaction_id, sequence)
      SELECT s.id, s.organization_id, pg_current_xact_id(),
             coalesce((SELECT max(sequence) FROM domain_events), 0)
        FROM webhook_subscriptions s`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_dispatch_cursors`);
    await queryRunner.query(`DROP INDEX domain_events_stream_idx`);
    await queryRunner.query(`
      ALTER TABLE domain_events
        DROP COLUMN session_id,
        DROP COLUMN sequence,
        DROP COLUMN transaction_id`);
  }
}
