import { Logger } from '@nestjs/common';
import { createApp, migrate } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { OrganizationsService } from './organizations/organizations.service';

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
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
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
  process.stderr.write(`HiLink failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
