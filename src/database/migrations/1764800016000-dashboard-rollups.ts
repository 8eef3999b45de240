import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns of one metric's aggregate in dashboard_daily: count, sum, sum of squares, min, max. */
const metricColumns = (name: string) => `
        ${name}_n integer NOT NULL DEFAULT 0,
        ${name}_sum double precision NOT NULL DEFAULT 0,
        ${name}_sumsq double precision NOT NULL DEFAULT 0,
        ${name}_min double precision,
        ${name}_max double precision`;

/**
 * Rollup tables of the operations dashboards. Rows are written as sessions are created, ended,
 * cancelled and documented, so dashboard reads never scan engagement_events.
 */
export class DashboardRollups1764800016000 implements MigrationInterface {
  name = 'DashboardRollups1764800016000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dashboard_session_facts (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        day date NOT NULL,
        scheduled_start timestamptz NOT NULL,
        status varchar(16) NOT NULL,
        instructor_id uuid,
        curriculum_id uuid,
        expected_students integer NOT NULL,
        attended_students integer NOT NULL,
        has_approved_recap boolean NOT NULL,
        recap_approval_delay_seconds double precision,
        participation_score double precision,
        planned_objectives integer NOT NULL,
        covered_objectives integer NOT NULL,
        coverage_share double precision,
        checks_answered integer NOT NULL,
        checks_correct integer NOT NULL,
        correct_share double precision,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX dashboard_session_facts_day_idx ON dashboard_session_facts (organization_id, day)`,
    );
    await queryRunner.query(`
      CREATE TABLE dashboard_student_sessions (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        day date NOT NULL,
        instructor_id uuid,
        curriculum_id uuid,
        attended boolean NOT NULL,
        late_join boolean NOT NULL,
        attended_minutes double precision,
        talk_share double precision,
        participation_score double precision,
        checks_answered integer NOT NULL,
        checks_correct integer NOT NULL,
        PRIMARY KEY (session_id, student_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX dashboard_student_sessions_day_idx ON dashboard_student_sessions (organization_id, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_student_sessions_instructor_idx ON dashboard_student_sessions (organization_id, instructor_id, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_student_sessions_curriculum_idx ON dashboard_student_sessions (organization_id, curriculum_id, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_student_sessions_student_idx ON dashboard_student_sessions (organization_id, student_id, day)`,
    );
    // One row per (organization, day, instructor, curriculum); a day's rows are rewritten together.
    await queryRunner.query(`
      CREATE TABLE dashboard_daily (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        day date NOT NULL,
        instructor_id uuid,
        curriculum_id uuid,
        sessions integer NOT NULL,
        open_sessions integer NOT NULL,
        ended_sessions integer NOT NULL,
        documented_sessions integer NOT NULL,
        cancelled_sessions integer NOT NULL,
        documented_with_recap integer NOT NULL,
        expected_students integer NOT NULL,
        attended_students integer NOT NULL,
        ${metricColumns('approval_delay')},
        ${metricColumns('participation')},
        ${metricColumns('coverage')},
        ${metricColumns('correctness')}
      )`);
    await queryRunner.query(
      `CREATE INDEX dashboard_daily_day_idx ON dashboard_daily (organization_id, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_daily_instructor_idx ON dashboard_daily (organization_id, instructor_id, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_daily_curriculum_idx ON dashboard_daily (organization_id, curriculum_id, day)`,
    );
    // Two levels per day and objective: one row per instructor, and one row with a null
    // instructor_id for all instructors, which unfiltered and curriculum-filtered reads use.
    await queryRunner.query(`
      CREATE TABLE dashboard_objective_daily (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        day date NOT NULL,
        instructor_id uuid,
        curriculum_id uuid NOT NULL,
        objective_id uuid NOT NULL,
        objective_code varchar(50) NOT NULL,
        occurrences integer NOT NULL,
        covered integer NOT NULL,
        partially_covered integer NOT NULL,
        skipped integer NOT NULL,
        not_landing integer NOT NULL,
        checks_answered integer NOT NULL,
        checks_correct integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX dashboard_objective_daily_day_idx ON dashboard_objective_daily (organization_id, day) WHERE instructor_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX dashboard_objective_daily_instructor_idx ON dashboard_objective_daily (organization_id, instructor_id, day)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dashboard_objective_daily`);
    await queryRunner.query(`DROP TABLE dashboard_daily`);
    await queryRunner.query(`DROP TABLE dashboard_student_sessions`);
    await queryRunner.query(`DROP TABLE dashboard_session_facts`);
  }
}
