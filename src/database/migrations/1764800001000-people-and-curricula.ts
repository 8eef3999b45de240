import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members, students, guardians, curricula, objectives and enrollments. `created_at` keeps
 * millisecond precision because list cursors carry it as a JavaScript date: with microseconds,
 * a row would compare greater than its own cursor and repeat on the next page.
 */
export class PeopleAndCurricula1764800001000 implements MigrationInterface {
  name = 'PeopleAndCurricula1764800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.createMembers(queryRunner);
    await this.createStudentsAndGuardians(queryRunner);
    await this.createCurricula(queryRunner);
    await this.createEnrollments(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE enrollments`);
    await queryRunner.query(`DROP TABLE objectives`);
    await queryRunner.query(`DROP TABLE curricula`);
    await queryRunner.query(`DROP TABLE student_guardians`);
    await queryRunner.query(`DROP TABLE guardians`);
    await queryRunner.query(`DROP TABLE students`);
    await queryRunner.query(`DROP TABLE members`);
  }

  private async createMembers(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role varchar(20) NOT NULL CHECK (role IN ('admin', 'operations', 'instructor')),
        name varchar(200) NOT NULL,
        email varchar(320) NOT NULL,
        time_zone varchar(64),
        external_id varchar(200),
        deactivated_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_organization_email_key ON members (organization_id, lower(email))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_organization_external_id_key ON members (organization_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX members_organization_created_idx ON members (organization_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX members_organization_role_created_idx ON members (organization_id, role, created_at, id)`,
    );
  }

  private async createStudentsAndGuardians(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE students (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        email varchar(320),
        grade_level varchar(20),
        time_zone varchar(64),
        external_id varchar(200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX students_organization_external_id_key ON students (organization_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX students_organization_created_idx ON students (organization_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE guardians (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        email varchar(320) NOT NULL,
        preferred_language varchar(35) NOT NULL,
        relationship varchar(50),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX guardians_organization_created_idx ON guardians (organization_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE student_guardians (
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        guardian_id uuid NOT NULL REFERENCES guardians(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (student_id, guardian_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX student_guardians_guardian_idx ON student_guardians (guardian_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX student_guardians_organization_idx ON student_guardians (organization_id)`,
    );
  }

  private async createCurricula(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE curricula (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        subject varchar(100),
        grade_levels text[] NOT NULL DEFAULT '{}',
        description text,
        source varchar(500),
        license varchar(100),
        license_notice varchar(2000),
        license_url varchar(2000),
        source_url varchar(2000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX curricula_organization_created_idx ON curricula (organization_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE objectives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        curriculum_id uuid NOT NULL REFERENCES curricula(id) ON DELETE CASCADE,
        code varchar(50) NOT NULL,
        title varchar(300) NOT NULL,
        description text,
        grade varchar(20),
        domain varchar(300),
        domain_code varchar(50),
        cluster varchar(500),
        cluster_code varchar(50),
        cluster_emphasis varchar(50),
        position integer NOT NULL,
        parent_code varchar(50),
        prerequisite_codes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX objectives_curriculum_code_key ON objectives (curriculum_id, code)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX objectives_curriculum_position_key ON objectives (curriculum_id, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX objectives_organization_idx ON objectives (organization_id)`,
    );
  }

  private async createEnrollments(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        student_id uuid NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        instructor_id uuid NOT NULL REFERENCES members(id),
        curriculum_id uuid NOT NULL REFERENCES curricula(id),
        status varchar(20) NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'withdrawn')),
        start_date date NOT NULL,
        planned_objective_codes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX enrollments_organization_created_idx ON enrollments (organization_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollments_student_idx ON enrollments (organization_id, student_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollments_instructor_idx ON enrollments (organization_id, instructor_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollments_curriculum_idx ON enrollments (organization_id, curriculum_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollments_status_idx ON enrollments (organization_id, status, created_at)`,
    );
  }
}
