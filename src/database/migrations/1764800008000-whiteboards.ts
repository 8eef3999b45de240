import { MigrationInterface, QueryRunner } from 'typeorm';

export class Whiteboards1764800008000 implements MigrationInterface {
  name = 'Whiteboards1764800008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // breakout_group_id has no foreign key here: the breakout groups table and its constraint
    // come with the breakout rooms migration.
    await queryRunner.query(`
      CREATE TABLE boards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        breakout_group_id uuid,
        title varchar(200) NOT NULL,
        draw_policy varchar(16) NOT NULL DEFAULT 'everyone'
          CHECK (draw_policy IN ('everyone', 'instructor_only', 'selected')),
        selected_participant_ids uuid[] NOT NULL DEFAULT '{}',
        locked boolean NOT NULL DEFAULT false,
        sequence bigint NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        element_count integer NOT NULL DEFAULT 0 CHECK (element_count >= 0),
        byte_size integer NOT NULL DEFAULT 0 CHECK (byte_size >= 0),
        created_by_participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        created_by_api_key_id uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX boards_session_idx ON boards (organization_id, session_id, created_at)`,
    );
    // A session has one main board, and a breakout group has one board.
    await queryRunner.query(
      `CREATE UNIQUE INDEX boards_main_board_key ON boards (session_id) WHERE breakout_group_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX boards_breakout_group_key ON boards (breakout_group_id) WHERE breakout_group_id IS NOT NULL`,
    );

    // The current state of every element ever added, so a snapshot is one indexed read.
    // Deleted elements keep their properties, which an undo of the delete restores.
    await queryRunner.query(`
      CREATE TABLE board_elements (
        board_id uuid NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        element_id varchar(100) NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN (
          'stroke', 'rectangle', 'ellipse', 'line', 'arrow', 'text', 'sticky_note', 'image')),
        properties jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        byte_size integer NOT NULL CHECK (byte_size >= 0),
        created_sequence bigint NOT NULL,
        last_sequence bigint NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (board_id, element_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX board_elements_live_idx ON board_elements (board_id, created_sequence) WHERE NOT deleted`,
    );

    await queryRunner.query(`
      CREATE TABLE board_operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        board_id uuid NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        sequence bigint NOT NULL CHECK (sequence > 0),
        type varchar(8) NOT NULL CHECK (type IN ('add', 'update', 'delete', 'clear', 'undo')),
        client_operation_id varchar(100) NOT NULL,
        request_hash char(64) NOT NULL,
        element_id varchar(100),
        undone_sequence bigint,
        elements jsonb NOT NULL DEFAULT '[]',
        inverse jsonb NOT NULL DEFAULT '[]',
        participant_id uuid REFERENCES participants(id) ON DELETE CASCADE,
        api_key_id uuid REFERENCES api_keys(id),
        created_at timestamptz(3) NOT NULL,
        UNIQUE (board_id, sequence),
        UNIQUE (board_id, client_operation_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX board_operations_participant_time_idx ON board_operations (organization_id, participant_id, created_at) WHERE participant_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX board_operations_session_idx ON board_operations (organization_id, session_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX board_operations_undone_idx ON board_operations (board_id, undone_sequence) WHERE undone_sequence IS NOT NULL`,
    );
    // The table is a log: rows are inserted and never changed. Deletes stay possible, so
    // deleting a session or an organization still cascades.
    await queryRunner.query(`
      CREATE FUNCTION board_operations_reject_update() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'board_operations is append-only; insert a new operation instead of updating one';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER board_operations_append_only
        BEFORE UPDATE ON board_operations
        FOR EACH ROW EXECUTE FUNCTION board_operations_reject_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE board_operations`);
    await queryRunner.query(`DROP FUNCTION board_operations_reject_update()`);
    await queryRunner.query(`DROP TABLE board_elements`);
    await queryRunner.query(`DROP TABLE boards`);
  }
}
