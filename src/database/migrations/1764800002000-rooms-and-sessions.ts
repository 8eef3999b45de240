import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoomsAndSessions1764800002000 implements MigrationInterface {
  name = 'RoomsAndSessions1764800002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        description varchar(2000),
        enabled_tools text[] NOT NULL,
        capacity integer NOT NULL DEFAULT 30 CHECK (capacity BETWEEN 1 AND 500),
        livekit_room_prefix varchar(64) NOT NULL,
        archived_at timestamptz,
        -- Millisecond precision, because list cursors carry created_at as a JavaScript Date.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX rooms_organization_id_created_at_idx ON rooms (organization_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'live', 'ended', 'documented', 'cancelled')),
        scheduled_start timestamptz NOT NULL,
        scheduled_end timestamptz NOT NULL,
        time_zone varchar(64) NOT NULL,
        actual_start timestamptz,
        actual_end timestamptz,
        cancelled_at timestamptz,
        livekit_room_name varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (scheduled_end > scheduled_start)
      )`);
    await queryRunner.query(
      `CREATE INDEX sessions_organization_id_scheduled_start_idx ON sessions (organization_id, scheduled_start, id)`,
    );
    await queryRunner.query(`CREATE INDEX sessions_room_id_idx ON sessions (room_id)`);
    await queryRunner.query(`
      CREATE TABLE session_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind varchar(16) NOT NULL
          CHECK (kind IN ('warm_up', 'instruction', 'practice', 'feedback', 'close')),
        title varchar(200) NOT NULL,
        notes varchar(2000),
        planned_minutes integer NOT NULL CHECK (planned_minutes BETWEEN 1 AND 240),
        objective_codes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_phases_session_id_position_key ON session_phases (session_id, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_phases_objective_codes_idx ON session_phases USING gin (objective_codes)`,
    );
    await queryRunner.query(`
      CREATE TABLE session_enrollments (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, enrollment_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX session_enrollments_enrollment_id_idx ON session_enrollments (organization_id, enrollment_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('instructor', 'student', 'observer')),
        identity varchar(200) NOT NULL,
        display_name varchar(200) NOT NULL,
        member_id uuid REFERENCES members(id) ON DELETE SET NULL,
        student_id uuid REFERENCES students(id) ON DELETE SET NULL,
        joined_at timestamptz,
        left_at timestamptz,
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX participants_session_id_identity_key ON participants (session_id, identity)`,
    );
    await queryRunner.query(
      `CREATE INDEX participants_organization_id_idx ON participants (organization_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE participants`);
    await queryRunner.query(`DROP TABLE session_enrollments`);
    await queryRunner.query(`DROP TABLE session_phases`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE rooms`);
  }
}
