import { MigrationInterface, QueryRunner } from 'typeorm';

export class Activities1764800007000 implements MigrationInterface {
  name = 'Activities1764800007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('poll', 'check')),
        question_type varchar(32) NOT NULL
          CHECK (question_type IN ('single_choice', 'multiple_choice', 'numeric', 'short_text')),
        prompt varchar(1000) NOT NULL,
        options jsonb NOT NULL DEFAULT '[]',
        correct_option_ids text[],
        correct_number double precision,
        tolerance double precision CHECK (tolerance >= 0),
        accepted_answers text[],
        objective_code varchar(100),
        anonymous boolean NOT NULL DEFAULT false,
        time_limit_seconds integer CHECK (time_limit_seconds > 0),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        opens_at timestamptz(3),
        closes_at timestamptz(3),
        closed_at timestamptz(3),
        close_reason varchar(16) CHECK (close_reason IN ('manual', 'time_limit', 'session_ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX activities_session_idx ON activities (organization_id, session_id, created_at)`,
    );
    // The participant id is stored even for anonymous activities, only to keep one response per person.
    await queryRunner.query(`
      CREATE TABLE activity_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        activity_id uuid NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        answer jsonb NOT NULL,
        correct boolean,
        revision integer NOT NULL DEFAULT 1,
        submitted_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX activity_responses_participant_key ON activity_responses (activity_id, participant_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX activity_responses_session_idx ON activity_responses (organization_id, session_id, participant_id)`,
    );
    // activity_id has no foreign key: breakout alerts name activities of other tables.
    await queryRunner.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        type varchar(32) NOT NULL
          CHECK (type IN ('incorrect_streak', 'class_incorrect', 'missed_responses', 'help_requested')),
        participant_id uuid REFERENCES participants(id) ON DELETE CASCADE,
        activity_id uuid,
        condition_key varchar(300) NOT NULL,
        message varchar(1000) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        acknowledged_at timestamptz(3)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX alerts_condition_key ON alerts (organization_id, session_id, condition_key)`,
    );
    await queryRunner.query(
      `CREATE INDEX alerts_session_idx ON alerts (organization_id, session_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE session_alert_settings (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        incorrect_share_threshold double precision NOT NULL DEFAULT 0.5
          CHECK (incorrect_share_threshold > 0 AND incorrect_share_threshold <= 1),
        missed_activities_threshold integer NOT NULL DEFAULT 3
          CHECK (missed_activities_threshold BETWEEN 1 AND 20)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_alert_settings`);
    await queryRunner.query(`DROP TABLE alerts`);
    await queryRunner.query(`DROP TABLE activity_responses`);
    await queryRunner.query(`DROP TABLE activities`);
  }
}
