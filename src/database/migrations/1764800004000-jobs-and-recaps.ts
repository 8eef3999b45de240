import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsAndRecaps1764800004000 implements MigrationInterface {
  name = 'JobsAndRecaps1764800004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.createJobs(queryRunner);
    await this.createRecaps(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE recaps DROP CONSTRAINT recaps_current_version_id_fkey`);
    await queryRunner.query(`DROP TABLE recap_versions`);
    await queryRunner.query(`DROP TABLE recaps`);
    await queryRunner.query(`DROP TABLE jobs`);
  }

  private async createJobs(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind varchar(100) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_by varchar(200),
        locked_until timestamptz,
        last_error varchar(2000),
        unique_key varchar(200),
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK (status <> 'running' OR (locked_by IS NOT NULL AND locked_until IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX jobs_organization_id_idx ON jobs (organization_id)`);
    // The worker's claim reads these two partial indexes: due queued jobs and expired leases.
    await queryRunner.query(
      `CREATE INDEX jobs_queued_run_at_idx ON jobs (run_at) WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `CREATE INDEX jobs_running_locked_until_idx ON jobs (locked_until) WHERE status = 'running'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX jobs_organization_id_unique_key_key ON jobs (organization_id, unique_key)
         WHERE status IN ('queued', 'running')`,
    );
  }

  private async createRecaps(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recaps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'draft', 'approved', 'rejected', 'failed')),
        trigger varchar(16) NOT NULL CHECK (trigger IN ('session_ended', 'requested')),
        job_id uuid REFERENCES jobs(id) ON DELETE SET NULL,
        current_version_id uuid,
        provider varchar(16),
        model varchar(100),
        prompt_version varchar(50),
        transcript_version integer,
        prompt_tokens integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        total_tokens integer NOT NULL DEFAULT 0,
        requests integer NOT NULL DEFAULT 0,
        cost_usd numeric(12, 6),
        input_segment_count integer,
        input_objective_codes text[] NOT NULL DEFAULT '{}',
        input_planned_objective_codes text[] NOT NULL DEFAULT '{}',
        failure_reason varchar(2000),
        generated_at timestamptz,
        approved_at timestamptz,
        rejected_at timestamptz,
        reviewer_kind varchar(16),
        reviewer_id varchar(100),
        rejection_reason varchar(2000),
        -- Millisecond precision, because list cursors carry created_at as a JavaScript Date.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX recaps_organization_id_idx ON recaps (organization_id)`);
    await queryRunner.query(
      `CREATE INDEX recaps_session_id_created_at_idx ON recaps (session_id, created_at, id)`,
    );
    // One generation at a time per session.
    await queryRunner.query(
      `CREATE UNIQUE INDEX recaps_session_id_pending_key ON recaps (session_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE recap_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        recap_id uuid NOT NULL REFERENCES recaps(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        source varchar(16) NOT NULL CHECK (source IN ('generated', 'edited')),
        content jsonb NOT NULL,
        editor_kind varchar(16) NOT NULL,
        editor_id varchar(100),
        note varchar(500),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX recap_versions_recap_id_number_key ON recap_versions (recap_id, number)`,
    );
    await queryRunner.query(
      `CREATE INDEX recap_versions_organization_id_idx ON recap_versions (organization_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE recaps ADD CONSTRAINT recaps_current_version_id_fkey
         FOREIGN KEY (current_version_id) REFERENCES recap_versions(id)`,
    );
  }
}
