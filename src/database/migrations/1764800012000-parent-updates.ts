import { MigrationInterface, QueryRunner } from 'typeorm';

export class ParentUpdates1764800012000 implements MigrationInterface {
  name = 'ParentUpdates1764800012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE parent_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        recap_id uuid NOT NULL REFERENCES recaps(id) ON DELETE CASCADE,
        recap_version integer NOT NULL CHECK (recap_version >= 1),
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        guardian_id uuid NOT NULL REFERENCES guardians(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'approved', 'rejected')),
        language varchar(35) NOT NULL,
        requested_language varchar(35) NOT NULL,
        language_note varchar(300),
        subject varchar(200) NOT NULL CHECK (char_length(subject) >= 1),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        current_version_number integer NOT NULL DEFAULT 1,
        provider varchar(16) NOT NULL,
        model varchar(100) NOT NULL,
        prompt_version varchar(50) NOT NULL,
        approved_at timestamptz,
        rejected_at timestamptz,
        rejection_reason varchar(2000),
        reviewer_kind varchar(16),
        reviewer_id varchar(100),
        job_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    // Generation runs again after a retry; one draft per recap, student and guardian.
    await queryRunner.query(
      `CREATE UNIQUE INDEX parent_updates_recap_student_guardian_key ON parent_updates (recap_id, student_id, guardian_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX parent_updates_session_idx ON parent_updates (organization_id, session_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX parent_updates_org_idx ON parent_updates (organization_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE parent_update_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        parent_update_id uuid NOT NULL REFERENCES parent_updates(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        source varchar(16) NOT NULL CHECK (source IN ('generated', 'edited')),
        subject varchar(200) NOT NULL,
        body text NOT NULL,
        editor_kind varchar(16),
        editor_id varchar(100),
        note varchar(500),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX parent_update_versions_number_key ON parent_update_versions (parent_update_id, number)`,
    );
    await queryRunner.query(
      `CREATE INDEX parent_update_versions_org_idx ON parent_update_versions (organization_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE parent_update_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        parent_update_id uuid NOT NULL REFERENCES parent_updates(id) ON DELETE CASCADE,
        guardian_id uuid NOT NULL REFERENCES guardians(id) ON DELETE CASCADE,
        recipient varchar(320) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        reason varchar(40),
        last_error varchar(2000),
        message_id varchar(300),
        job_id uuid,
        sent_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One delivery per update: an update is never sent twice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX parent_update_deliveries_update_key ON parent_update_deliveries (parent_update_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX parent_update_deliveries_pending_idx ON parent_update_deliveries (status, reason) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX parent_update_deliveries_org_idx ON parent_update_deliveries (organization_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS domain_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        type varchar(100) NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS domain_events_org_occurred_idx ON domain_events (organization_id, occurred_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS domain_events`);
    await queryRunner.query(`DROP TABLE IF EXISTS parent_update_deliveries`);
    await queryRunner.query(`DROP TABLE IF EXISTS parent_update_versions`);
    await queryRunner.query(`DROP TABLE IF EXISTS parent_updates`);
  }
}
