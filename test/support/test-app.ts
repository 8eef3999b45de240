import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp, migrate } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/config';
import { OrganizationsService } from '../../src/organizations/organizations.service';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234. */
  url: string;
  adminKey: string;
  organizationId: string;
  http: TestAgent;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string,
  ): Promise<GraphQLResult<T>>;
  /** Creates another tenant and returns its id and admin key. */
  createOrganization(name?: string): Promise<{ organizationId: string; adminKey: string }>;
  /**
   * Stops this server without dropping its database and boots a new one on the same database,
   * as a restart does. PostgreSQL only: in-memory PGlite does not outlive the server.
   */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** Creates an empty database of its own on the server in DATABASE_URL, so suites never share rows. */
async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `hilink_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Boots the real application on a fresh database: PostgreSQL when DATABASE_URL is set,
 * else in-memory PGlite. Migrations run as in production.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createTestDatabase(serverUrl) : undefined;

  return bootTestApp(env, database);
}

async function bootTestApp(
  env: Record<string, string>,
  database: TestDatabase | undefined,
  existing?: { adminKey: string; organizationId: string },
): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    HILINK_DATA_DIR: 'memory://',
    HILINK_JOBS_POLL_MS: '50',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await createApp(config);
  await migrate(app);
  const created = await app.get(OrganizationsService).bootstrap();
  if (!created && !existing) {
    throw new Error('The test database was not empty.');
  }
  const adminKey = existing?.adminKey ?? created!.adminKey.secret;
  const organizationId = existing?.organizationId ?? created!.organization.id;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const http = request(app.getHttpServer());

  const gql: TestApp['gql'] = async (query, variables, key = adminKey) => {
    const response = await http
      .post('/graphql')
      .set('authorization', `Bearer ${key}`)
      .send({ query, variables });

    return response.body as GraphQLResult<any>;
  };

  return {
    app,
    config,
    url,
    adminKey,
    organizationId,
    http,
    gql,
    async createOrganization(name = 'Second organization') {
      const response = await http
        .post('/v1/organizations')
        .set('authorization', `Bearer ${adminKey}`)
        .send({ name });
      if (response.status !== 201) {
        throw new Error(
          `Creating an organization failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }

      return {
        organizationId: response.body.organization.id,
        adminKey: response.body.adminKey.secret,
      };
    },
    async restart() {
      if (!database) {
        throw new Error(
          'restart() needs DATABASE_URL: in-memory PGlite does not outlive the server.',
        );
      }
      await app.close();

      return bootTestApp(env, database, { adminKey, organizationId });
    },
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}

export function bearer(key: string): [string, string] {
  return ['authorization', `Bearer ${key}`];
}
