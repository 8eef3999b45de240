import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions and their deliveries. A delivery row is written in the transaction that
 * records the domain event, so an event and its deliveries commit or roll back together.
 */
export class Webhooks1764800017000 implements MigrationInterface {
  name = 'Webhooks1764800017000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url varchar(2048) NOT NULL,
        description varchar(500),
        event_types text[] NOT NULL,
        session_id uuid,
        room_id uuid,
        status varchar(16) NOT NULL DEFAULT 'active',
        disabled_reason varchar(500),
        secret_ciphertext text NOT NULL,
        previous_secret_ciphertext text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        last_success_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_organization_idx ON webhook_subscriptions (organization_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES domain_events(id) ON DELETE CASCADE,
        event_type varchar(100) NOT NULL,
        ordering_key uuid,
        status varchar(16) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        locked_until timestamptz(3),
        window_started_at timestamptz(3) NOT NULL DEFAULT now(),
        last_status_code integer,
        last_error varchar(1000),
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX webhook_deliveries_subscription_event_key ON webhook_deliveries (subscription_id, event_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (subscription_id, ordering_key, sequence) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (organization_id, subscription_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        number integer NOT NULL,
        attempted_at timestamptz(3) NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        outcome varchar(32) NOT NULL,
        error varchar(1000),
        response_excerpt varchar(1024)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (delivery_id, number)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_delivery_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_subscriptions`);
  }
}
