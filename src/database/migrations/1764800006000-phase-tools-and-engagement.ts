import { MigrationInterface, QueryRunner } from 'typeorm';

export class PhaseToolsAndEngagement1764800006000 implements MigrationInterface {
  name = 'PhaseToolsAndEngagement1764800006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // tools is null when a phase enables every tool of its room.
    await queryRunner.query(`
      ALTER TABLE session_phases
        ADD COLUMN tools text[],
        ADD COLUMN activities text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE TABLE engagement_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        type varchar(32) NOT NULL CHECK (type IN (
          'joined', 'left', 'spoke', 'chat_message', 'reaction', 'hand_raised', 'responded',
          'board_operation', 'phase_changed', 'attention_changed', 'camera_toggled',
          'microphone_toggled', 'help_requested')),
        source varchar(16) NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'livekit', 'system')),
        participant_kind varchar(16) NOT NULL DEFAULT 'standard'
          CHECK (participant_kind IN ('standard', 'screen_share', 'recorder', 'agent')),
        client_event_id varchar(100),
        occurred_at timestamptz(3) NOT NULL,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        duration_ms integer CHECK (duration_ms >= 0),
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX engagement_events_client_event_id_key ON engagement_events (organization_id, session_id, client_event_id) WHERE client_event_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX engagement_events_session_idx ON engagement_events (organization_id, session_id, participant_id, occurred_at)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION engagement_events_reject_update() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'engagement_events is append-only; insert a new event instead of updating one';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER engagement_events_append_only
        BEFORE UPDATE ON engagement_events
        FOR EACH ROW EXECUTE FUNCTION engagement_events_reject_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE engagement_events`);
    await queryRunner.query(`DROP FUNCTION engagement_events_reject_update()`);
    await queryRunner.query(`ALTER TABLE session_phases DROP COLUMN tools, DROP COLUMN activities`);
  }
}
