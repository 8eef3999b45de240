import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1764800013000 implements MigrationInterface {
  name = 'Reminders1764800013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_settings (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        lead_minutes integer[] NOT NULL
          CHECK (cardinality(lead_minutes) BETWEEN 1 AND 10)
      )`);
    await queryRunner.query(`
      CREATE TABLE session_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        recipient_kind varchar(16) NOT NULL CHECK (recipient_kind IN ('member', 'guardian', 'student')),
        recipient_id uuid NOT NULL,
        email varchar(320) NOT NULL,
        lead_minutes integer NOT NULL CHECK (lead_minutes BETWEEN 5 AND 20160),
        send_at timestamptz NOT NULL,
        status varchar(16) NOT NULL
          CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled', 'failed')),
        reason varchar(50),
        attempts integer NOT NULL DEFAULT 0,
        last_error varchar(1000),
        job_id uuid,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One reminder per session, recipient and lead time, however many replicas schedule it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_reminders_recipient_lead_key ON session_reminders (session_id, recipient_kind, recipient_id, lead_minutes)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_reminders_organization_session_idx ON session_reminders (organization_id, session_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS session_reminders`);
    await queryRunner.query(`DROP TABLE IF EXISTS reminder_settings`);
  }
}
