import { MigrationInterface, QueryRunner } from 'typeorm';

/** Token use and cost of the provider calls that drafted each parent update, as recaps keep. */
export class ParentUpdateUsage1764800020000 implements MigrationInterface {
  name = 'ParentUpdateUsage1764800020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE parent_updates
        ADD COLUMN prompt_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN completion_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN total_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN requests integer NOT NULL DEFAULT 0,
        ADD COLUMN cost_usd numeric(12, 6)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE parent_updates
        DROP COLUMN cost_usd, DROP COLUMN requests, DROP COLUMN total_tokens,
        DROP COLUMN completion_tokens, DROP COLUMN prompt_tokens`);
  }
}
