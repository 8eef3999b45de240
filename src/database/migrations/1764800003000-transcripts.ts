import { MigrationInterface, QueryRunner } from 'typeorm';

export class Transcripts1764800003000 implements MigrationInterface {
  name = 'Transcripts1764800003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transcript_segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        client_segment_id varchar(200) NOT NULL,
        speaker_label varchar(200) NOT NULL,
        speaker_role varchar(16) NOT NULL CHECK (speaker_role IN ('instructor', 'student', 'other')),
        participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        start_ms integer NOT NULL CHECK (start_ms >= 0),
        end_ms integer NOT NULL CHECK (end_ms <= 86400000),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 10000),
        is_final boolean NOT NULL,
        source varchar(8) NOT NULL CHECK (source IN ('live', 'upload')),
        received_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_ms >= start_ms)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX transcript_segments_session_id_client_segment_id_key
         ON transcript_segments (session_id, client_segment_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX transcript_segments_session_id_start_ms_id_idx ON transcript_segments (session_id, start_ms, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX transcript_segments_organization_id_idx ON transcript_segments (organization_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE session_transcripts (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0,
        final_segment_count integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX session_transcripts_organization_id_idx ON session_transcripts (organization_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_transcripts`);
    await queryRunner.query(`DROP TABLE transcript_segments`);
  }
}
