import { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskSignals1764800014000 implements MigrationInterface {
  name = 'RiskSignals1764800014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        level varchar(16) NOT NULL CHECK (level IN ('low', 'medium', 'high')),
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
        signals jsonb NOT NULL,
        last_session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        computed_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX risk_assessments_organization_student_key ON risk_assessments (organization_id, student_id)`,
    );
    // Serves the at-risk list: one level, highest score first.
    await queryRunner.query(
      `CREATE INDEX risk_assessments_organization_level_score_idx ON risk_assessments (organization_id, level, score DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE risk_level_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        from_level varchar(16) NOT NULL CHECK (from_level IN ('low', 'medium', 'high')),
        to_level varchar(16) NOT NULL CHECK (to_level IN ('low', 'medium', 'high')),
        score double precision NOT NULL,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        changed_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX risk_level_changes_organization_student_idx ON risk_level_changes (organization_id, student_id, changed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS risk_level_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS risk_assessments`);
  }
}
