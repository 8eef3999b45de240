import { MigrationInterface, QueryRunner } from 'typeorm';

export class Breakouts1764800010000 implements MigrationInterface {
  name = 'Breakouts1764800010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE breakout_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        name varchar(100) NOT NULL,
        strategy varchar(16) NOT NULL CHECK (strategy IN ('manual', 'random', 'balanced')),
        instructions text NOT NULL CHECK (char_length(instructions) <= 4000),
        activity_id uuid,
        board_id uuid,
        livekit_room_name varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closes_at timestamptz(3) NOT NULL,
        closed_at timestamptz(3),
        closed_reason varchar(24)
          CHECK (closed_reason IN ('closed_by_instructor', 'time_limit', 'session_ended')),
        output jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (closed_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX breakout_groups_session_position_key ON breakout_groups (session_id, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX breakout_groups_session_idx ON breakout_groups (organization_id, session_id, status)`,
    );
    // LiveKit webhooks name only the room, so a group's room name must lead to one group.
    await queryRunner.query(
      `CREATE UNIQUE INDEX breakout_groups_livekit_room_name_key ON breakout_groups (livekit_room_name)`,
    );
    await queryRunner.query(`
      CREATE TABLE breakout_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES breakout_groups(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        assigned_at timestamptz(3) NOT NULL,
        ended_at timestamptz(3)
      )`);
    // A participant is in at most one open group of a session.
    await queryRunner.query(
      `CREATE UNIQUE INDEX breakout_members_one_open_group ON breakout_members (session_id, participant_id) WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX breakout_members_group_idx ON breakout_members (organization_id, group_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE breakout_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        group_ids uuid[] NOT NULL,
        sender_participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        sent_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX breakout_messages_session_idx ON breakout_messages (organization_id, session_id, sent_at)`,
    );
    // The whiteboards migration leaves boards.breakout_group_id without a foreign key because
    // this table did not exist yet.
    if (await queryRunner.hasTable('boards')) {
      await queryRunner.query(`
        ALTER TABLE boards ADD CONSTRAINT boards_breakout_group_id_fkey
          FOREIGN KEY (breakout_group_id) REFERENCES breakout_groups(id) ON DELETE CASCADE`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE IF EXISTS boards DROP CONSTRAINT IF EXISTS boards_breakout_group_id_fkey`,
    );
    await queryRunner.query(`DROP TABLE breakout_messages`);
    await queryRunner.query(`DROP TABLE breakout_members`);
    await queryRunner.query(`DROP TABLE breakout_groups`);
  }
}
