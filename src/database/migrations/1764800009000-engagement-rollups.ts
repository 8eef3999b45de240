import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the engagement reads: LiveKit webhooks find a session by its room name, and a
 * student's engagement trend finds the student's participant rows. Rollups are computed from
 * engagement_events when read, so they need no tables of their own.
 */
export class EngagementRollups1764800009000 implements MigrationInterface {
  name = 'EngagementRollups1764800009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Room names embed the session id, so they are unique already; the index makes it a rule.
    await queryRunner.query(
      `CREATE UNIQUE INDEX sessions_livekit_room_name_key ON sessions (livekit_room_name)`,
    );
    await queryRunner.query(
      `CREATE INDEX participants_student_id_idx ON participants (organization_id, student_id) WHERE student_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX participants_student_id_idx`);
    await queryRunner.query(`DROP INDEX sessions_livekit_room_name_key`);
  }
}
