import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the update that runs when a session becomes documented. Rewriting a day of
 * dashboard_objective_daily deletes the day's rows at every level, but the existing day index
 * covers only the organization-wide rows (instructor_id IS NULL) and the instructor index leads
 * with instructor_id. Without this index the delete scans the organization's whole range of the
 * instructor index.
 */
export class PostSessionIndexes1764800019000 implements MigrationInterface {
  name = 'PostSessionIndexes1764800019000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX dashboard_objective_daily_organization_day_idx ON dashboard_objective_daily (organization_id, day)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX dashboard_objective_daily_organization_day_idx`);
  }
}
