import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cuts the writes per webhook delivery. The attempt that succeeds is stored on the delivery row
 * itself (`success_attempt_number`, `success_attempted_at`, `success_latency_ms`,
 * `success_response_excerpt`) by the UPDATE that completes the delivery, instead of as a row of
 * webhook_delivery_attempts. Failed attempts keep their rows, and the delivery log lists both.
 * A replay moves a stored success into webhook_delivery_attempts before the delivery is sent
 * again, so no attempt is lost.
 *
 * The foreign key from webhook_deliveries.organization_id to organizations is dropped: every
 * delivery references its subscription, which belongs to the same organization and cascades
 * its deletion, so the key only cost a lookup per inserted delivery.
 */
export class WebhookInlineSuccess1764800022000 implements MigrationInterface {
  name = 'WebhookInlineSuccess1764800022000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE webhook_deliveries
        ADD COLUMN success_attempt_number integer,
        ADD COLUMN success_attempted_at timestamptz(3),
        ADD COLUMN success_latency_ms integer,
        ADD COLUMN success_response_excerpt varchar(1024)`);
    await queryRunner.query(
      `ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_organization_id_fkey`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Successes stored on the delivery row become attempt rows again.
    await queryRunner.query(`
      INSERT INTO webhook_delivery_attempts
        (organization_id, delivery_id, number, attempted_at, status_code, latency_ms, outcome,
         response_excerpt)
      SELECT organization_id, id, success_attempt_number, success_attempted_at, last_status_code,
             success_latency_ms, 'succeeded', success_response_excerpt
        FROM webhook_deliveries
       WHERE success_attempted_at IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE webhook_deliveries
        ADD CONSTRAINT webhook_deliveries_organization_id_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations(id) ON DELETE CASCADE`);
    await queryRunner.query(`
      ALTER TABLE webhook_deliveries
        DROP COLUMN success_attempt_number,
        DROP COLUMN success_attempted_at,
        DROP COLUMN success_latency_ms,
        DROP COLUMN success_response_excerpt`);
  }
}
