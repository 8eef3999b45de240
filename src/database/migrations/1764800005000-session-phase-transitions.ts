import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionPhaseTransitions1764800005000 implements MigrationInterface {
  name = 'SessionPhaseTransitions1764800005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE session_phases
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'active', 'done', 'skipped')),
        ADD COLUMN started_at timestamptz,
        ADD COLUMN ended_at timestamptz`);
    // Phase changes lock the session row. This index also keeps a session to one active phase.
    await queryRunner.query(
      `CREATE UNIQUE INDEX session_phases_one_active_key ON session_phases (session_id) WHERE status = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE session_phase_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Orders the transitions of one transaction, which share occurred_at.
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        phase_id uuid NOT NULL REFERENCES session_phases(id) ON DELETE CASCADE,
        action varchar(16) NOT NULL CHECK (action IN ('started', 'ended', 'skipped', 'reordered')),
        position integer NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        api_key_id uuid REFERENCES api_keys(id)
      )`);
    await queryRunner.query(
      `CREATE INDEX session_phase_transitions_session_id_idx ON session_phase_transitions (organization_id, session_id, sequence)`,
    );
    // The table is a log: rows are inserted and never changed. Deletes stay possible, so
    // deleting a session or an organization still cascades.
    await queryRunner.query(`
      CREATE FUNCTION session_phase_transitions_reject_update() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'session_phase_transitions is append-only; insert a new transition instead of updating one';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER session_phase_transitions_append_only
        BEFORE UPDATE ON session_phase_transitions
        FOR EACH ROW EXECUTE FUNCTION session_phase_transitions_reject_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_phase_transitions`);
    await queryRunner.query(`DROP FUNCTION session_phase_transitions_reject_update()`);
    await queryRunner.query(`DROP INDEX session_phases_one_active_key`);
    await queryRunner.query(`
      ALTER TABLE session_phases
        DROP COLUMN status,
        DROP COLUMN started_at,
        DROP COLUMN ended_at`);
  }
}
