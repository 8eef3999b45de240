import { MigrationInterface, QueryRunner } from 'typeorm';

/** Session chat messages, read by every participant of the session. */
export class SessionChat1764800018000 implements MigrationInterface {
  name = 'SessionChat1764800018000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE session_chat_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        sender_name varchar(200) NOT NULL,
        sender_role varchar(16) NOT NULL,
        api_key_id uuid,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        sent_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX session_chat_messages_session_idx ON session_chat_messages (organization_id, session_id, sent_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_chat_messages_sender_idx ON session_chat_messages (participant_id, sent_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_chat_messages`);
  }
}
