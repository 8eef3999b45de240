import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressAndCoverage1764800011000 implements MigrationInterface {
  name = 'ProgressAndCoverage1764800011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE progress_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        curriculum_id uuid NOT NULL REFERENCES curricula(id) ON DELETE CASCADE,
        objective_id uuid NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
        objective_code varchar(50) NOT NULL,
        status varchar(16) NOT NULL
          CHECK (status IN ('not_started', 'introduced', 'practicing', 'mastered')),
        confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        automatic_status varchar(16) NOT NULL
          CHECK (automatic_status IN ('not_started', 'introduced', 'practicing', 'mastered')),
        automatic_confidence double precision NOT NULL
          CHECK (automatic_confidence >= 0 AND automatic_confidence <= 1),
        override_status varchar(16)
          CHECK (override_status IN ('not_started', 'introduced', 'practicing', 'mastered')),
        override_reason varchar(1000),
        overridden_at timestamptz(3),
        overridden_by_kind varchar(16),
        overridden_by_id varchar(100),
        last_session_id uuid REFERENCES sessions(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX progress_records_objective_key ON progress_records (organization_id, student_id, objective_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE progress_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        progress_record_id uuid NOT NULL REFERENCES progress_records(id) ON DELETE CASCADE,
        session_id uuid REFERENCES sessions(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL
          CHECK (kind IN ('lesson_plan', 'check_result', 'recap', 'instructor_rating')),
        activity_id uuid,
        recap_id uuid,
        correct boolean,
        recap_confidence double precision,
        rated_status varchar(16),
        note varchar(1000),
        recorded_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX progress_evidence_record_idx ON progress_evidence (progress_record_id, recorded_at)`,
    );
    // Every change of a record, automatic or by an instructor, is appended here and never changed.
    await queryRunner.query(`
      CREATE TABLE progress_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        progress_record_id uuid NOT NULL REFERENCES progress_records(id) ON DELETE CASCADE,
        change varchar(20) NOT NULL CHECK (change IN ('automatic', 'override', 'override_cleared')),
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        from_confidence double precision,
        to_confidence double precision NOT NULL,
        automatic_status varchar(16) NOT NULL,
        reason varchar(1000),
        session_id uuid REFERENCES sessions(id) ON DELETE SET NULL,
        actor_kind varchar(16) NOT NULL,
        actor_id varchar(100),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX progress_history_record_idx ON progress_history (progress_record_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE RULE progress_history_append_only AS ON UPDATE TO progress_history DO INSTEAD NOTHING`,
    );
    await queryRunner.query(`
      CREATE TABLE session_objective_coverage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        student_id uuid NOT NULL,
        instructor_id uuid NOT NULL,
        curriculum_id uuid NOT NULL,
        objective_id uuid NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
        objective_code varchar(50) NOT NULL,
        status varchar(20) NOT NULL
          CHECK (status IN ('covered', 'partially_covered', 'skipped', 'not_landing')),
        planned_done boolean NOT NULL,
        planned_skipped boolean NOT NULL,
        recap_matched boolean NOT NULL,
        checks_answered integer NOT NULL CHECK (checks_answered >= 0),
        checks_correct integer NOT NULL CHECK (checks_correct >= 0),
        session_start timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_objective_coverage_key ON session_objective_coverage (session_id, enrollment_id, objective_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_objective_coverage_enrollment_idx ON session_objective_coverage (organization_id, enrollment_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_objective_coverage_period_idx ON session_objective_coverage (organization_id, session_start)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_objective_coverage`);
    await queryRunner.query(`DROP RULE progress_history_append_only ON progress_history`);
    await queryRunner.query(`DROP TABLE progress_history`);
    await queryRunner.query(`DROP TABLE progress_evidence`);
    await queryRunner.query(`DROP TABLE progress_records`);
  }
}
