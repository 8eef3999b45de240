import { loadConfig } from '../config/config';
import { DataDirInUseError } from '../database/data-dir-lock';
import { createDataSource } from '../database/data-source';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { Organization } from './organization.entity';

const KEY_NAME_MAX_LENGTH = 100;

/**
 * Creates a new admin API key for the platform organization, for an operator who lost the key
 * printed on first start. It needs direct access to the database, which is the proof of being
 * an operator. With the embedded database, stop the server first: the folder allows one process.
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? `Admin key created on ${new Date().toISOString().slice(0, 10)}`;
  if (name.trim() === '' || name.length > KEY_NAME_MAX_LENGTH) {
    throw new Error(
      `The key name must be 1 to ${KEY_NAME_MAX_LENGTH} characters; got ${name.length}.`,
    );
  }
  const config = loadConfig();
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  try {
    const pending = await dataSource.showMigrations();
    if (pending) {
      throw new Error(
        'The database has pending migrations: run npm run migrate or start the server once.',
      );
    }
    const platform = await dataSource.getRepository(Organization).findOneBy({ isPlatform: true });
    if (!platform) {
      throw new Error(
        'The database has no platform organization yet: start the server once to create it.',
      );
    }
    const created = await new ApiKeysService(dataSource.getRepository(ApiKey)).create(platform.id, {
      name,
      scopes: ['admin'],
    });
    process.stdout.write(
      [
        `Created the admin API key "${name}" (${created.apiKey.prefix}) for ${platform.name}.`,
        'It is shown only this once; store it now:',
        `  HILINK_API_KEY=${created.secret}`,
        '',
        'If the lost key may have leaked, revoke it: GET /v1/api-keys lists the keys with their',
        'prefixes, and POST /v1/api-keys/{id}/revoke revokes one.',
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    process.stderr.write(
      `Could not create an admin key: the server (process ${error.pid}) has the embedded ` +
        `database in ${error.dataDir} open. Stop it, run this command, then start it again.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(
    `Could not create an admin key: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
