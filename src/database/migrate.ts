import { loadConfig } from '../config/config';
import { createDataSource } from './data-source';

/** Applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(
    `${JSON.stringify({ msg: 'migrations applied', count: applied.length, names: applied.map((m) => m.name) })}\n`,
  );
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
