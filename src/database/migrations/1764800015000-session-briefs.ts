import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionBriefs1764800015000 implements MigrationInterface {
  name = 'SessionBriefs1764800015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE session_briefs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'approved', 'rejected')),
        trigger varchar(16) NOT NULL CHECK (trigger IN ('scheduled', 'requested')),
        content jsonb NOT NULL,
        facts jsonb NOT NULL,
        input_hash varchar(64) NOT NULL,
        source_recap_ids uuid[] NOT NULL DEFAULT '{}',
        omitted_recap_ids uuid[] NOT NULL DEFAULT '{}',
        current_version_number integer NOT NULL DEFAULT 1,
        provider varchar(16) NOT NULL,
        model varchar(100) NOT NULL,
        prompt_version varchar(50) NOT NULL,
        prompt_tokens integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        total_tokens integer NOT NULL DEFAULT 0,
        requests integer NOT NULL DEFAULT 0,
        cost_usd numeric(12, 6),
        approved_at timestamptz,
        rejected_at timestamptz,
        rejection_reason varchar(2000),
        reviewer_kind varchar(16),
        reviewer_id varchar(100),
        job_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    // A job that runs again after a retry stores at most one brief.
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_briefs_job_key ON session_briefs (job_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_briefs_session_idx ON session_briefs (organization_id, session_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE session_brief_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        brief_id uuid NOT NULL REFERENCES session_briefs(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        source varchar(16) NOT NULL CHECK (source IN ('generated', 'edited')),
        content jsonb NOT NULL,
        editor_kind varchar(16),
        editor_id varchar(100),
        note varchar(500),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_brief_versions_number_key ON session_brief_versions (brief_id, number)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_brief_versions_org_idx ON session_brief_versions (organization_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_brief_versions`);
    await queryRunner.query(`DROP TABLE session_briefs`);
  }
}
