import { Logger } from '@nestjs/common';
import { createApp, migrate } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { DataDirInUseError } from './database/data-dir-lock';
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

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  if (config.migrateOnStart) {
    const applied = await migrate(app);
    logger.log({ applied }, 'Migrations applied');
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Fastify stops accepting connections and waits for in-flight requests; then the pool closes.
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
  const created = await app.get(OrganizationsService).bootstrap();
  await app.listen({ port: config.port, host: config.host }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${config.port} on ${config.host} is already in use. Stop the other server, or set PORT to a free port (PORT=0 picks one).`,
      );
    }
    throw error;
  });
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://${displayHost(config.host)}:${port}`;
  logger.log({ url: base, port }, 'HiLink listening');
  const lines = [
    '',
    `HiLink is running (database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}, AI: ${config.ai.provider}, LiveKit: ${config.livekit ? 'on' : 'off'})`,
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
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const known = error instanceof StartupError || error instanceof DataDirInUseError;
  const detail = error instanceof Error ? (known ? error.message : error.stack) : String(error);
  process.stderr.write(`HiLink failed to start: ${detail}\n`);
  process.exit(1);
});
