// Applies the heap setting before the rest of the server is loaded.
import './heap-settings';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, migrate } from './bootstrap';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { assertDataDirFree, DataDirInUseError } from './database/data-dir-lock';
import { CreatedOrganization } from './organizations/dto/create-organization.input';
import { OrganizationsService } from './organizations/organizations.service';

/** A startup failure whose message contains everything the operator needs, so no stack is printed. */
class StartupError extends Error {}

/** Returns the host part of a URL: loopback for a wildcard address, IPv6 in brackets. */
function displayHost(host: string): string {
  if (host === '0.0.0.0') {
    return '127.0.0.1';
  }
  if (host === '::') {
    return '[::1]';
  }

  return host.includes(':') ? `[${host}]` : host;
}

/** Closes the app on SIGTERM or SIGINT: Fastify drains in-flight requests, then the pool closes. */
function closeOnSignals(app: NestFastifyApplication, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error, signal }, 'Shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

async function listen(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${config.port} on ${config.host} is already in use. Stop the other server, or set PORT to a free port (PORT=0 picks one).`,
      );
    }
    throw error;
  }
}

/** Builds the startup banner: the addresses and, on first start, the new admin key. */
function startupBanner(config: AppConfig, base: string, created?: CreatedOrganization): string {
  const database = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  const livekit = config.livekit ? 'on' : 'off';
  const lines = [
    '',
    `HiLink is running (database: ${database}, AI: ${config.ai.provider}, LiveKit: ${livekit})`,
    `  GraphQL   ${base}/graphql`,
    `  REST      ${base}/v1`,
    `  API docs  ${base}/docs`,
  ];
  if (created) {
    lines.push(
      '',
      'First start: created the platform organization and an admin API key.',
      'It is shown only this once; store it now:',
      `  HILINK_API_KEY=${created.adminKey.secret}`,
    );
  }

  return `${lines.join('\n')}\n\n`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    assertDataDirFree(config.dataDir);
  }
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  if (config.migrateOnStart) {
    const applied = await migrate(app);
    logger.log({ applied }, 'Migrations applied');
  }
  closeOnSignals(app, logger);

  const created = await app.get(OrganizationsService).bootstrap();
  await listen(app, config);
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://${displayHost(config.host)}:${port}`;
  logger.log({ url: base, port }, 'HiLink listening');
  process.stdout.write(startupBanner(config, base, created));
}

/** Returns how to fix a failed connection to the PostgreSQL server of DATABASE_URL, if it is one. */
function databaseHint(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    // invalid_catalog_name: the server runs, but the database in the URL does not exist.
    case '3D000':
      return (
        'Create it first (createdb -h <host> -U <user> <name>, or CREATE DATABASE <name>), ' +
        'or point DATABASE_URL at an existing database.'
      );
    // invalid_password and invalid_authorization_specification.
    case '28P01':
    case '28000':
      return 'Check the user and password in DATABASE_URL.';
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return 'No PostgreSQL server answered there: start it, or fix the host and port in DATABASE_URL.';
    default:
      return undefined;
  }
}

/** Returns the text to print for a startup failure: the message alone when it is complete. */
function failureDetail(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const complete = error instanceof StartupError || error instanceof DataDirInUseError;
  if (complete) {
    return error.message;
  }
  const hint = databaseHint(error);
  if (hint !== undefined) {
    return `${error.message}. ${hint}`;
  }
  // PostgreSQL's undefined_table: the server started on a database without HiLink's tables.
  if ((error as { code?: unknown }).code === '42P01') {
    return (
      `${error.message}. The database has no HiLink tables: run npm run migrate (in the image, ` +
      'node dist/src/database/migrate.js) or start without HILINK_MIGRATE_ON_START=false.'
    );
  }

  return error.stack ?? error.message;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`HiLink failed to start: ${failureDetail(error)}\n`);
  process.exit(1);
});
