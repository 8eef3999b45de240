import { createServer } from 'node:net';
import { HiLinkClient, HiLinkError } from '../src';
import { startTestApp, TestApp } from '../../test/support/test-app';

/** Awaits a promise that must reject, and returns its error as a HiLinkError. */
async function expectHiLinkError(promise: Promise<unknown>): Promise<HiLinkError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HiLinkError);

  return error as HiLinkError;
}

/** Returns a loopback port that was free a moment ago and now has no listener. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

describe('SDK against a running server', () => {
  let app: TestApp;
  let client: HiLinkClient;

  beforeAll(async () => {
    app = await startTestApp();
    client = new HiLinkClient({ url: app.url, apiKey: app.adminKey });
  });

  afterAll(async () => {
    await app.close();
  });

  it('reads the organization', async () => {
    const organization = await client.organization();

    expect(organization.id).toBe(app.organizationId);
    expect(organization.isPlatform).toBe(true);
  });

  it('creates an organization with its admin key', async () => {
    const created = await client.createOrganization({
      name: 'SDK tutoring',
      timeZone: 'Europe/Berlin',
    });
    const tenant = client.withApiKey(created.adminKey.secret);
    const organization = await tenant.organization();

    expect(organization.id).toBe(created.organization.id);
    expect(organization.timeZone).toBe('Europe/Berlin');
    expect(organization.isPlatform).toBe(false);
  });

  it('creates, lists and revokes an API key', async () => {
    const created = await client.createApiKey({ name: 'Reporting', scopes: ['read'] });
    const reader = client.withApiKey(created.secret);

    expect((await reader.organization()).id).toBe(app.organizationId);
    expect((await client.apiKeys()).map((key) => key.id)).toContain(created.apiKey.id);

    const revoked = await client.revokeApiKey(created.apiKey.id);
    expect(revoked.revokedAt).not.toBeNull();
    const error = await expectHiLinkError(reader.organization());
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a write with a read-only key', async () => {
    const created = await client.createApiKey({ name: 'Read only', scopes: ['read'] });
    const reader = client.withApiKey(created.secret);

    const error = await expectHiLinkError(
      reader.createApiKey({ name: 'Escalation', scopes: ['admin'] }),
    );

    expect(error.code).toBe('FORBIDDEN');
    expect((await client.apiKeys()).map((key) => key.name)).not.toContain('Escalation');
  });

  it('raises BAD_USER_INPUT with the field', async () => {
    const error = await expectHiLinkError(
      client.createOrganization({ name: 'Bad zone', timeZone: 'Mars/Olympus' }),
    );

    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('timeZone');
    expect(error.message).toContain('IANA time zone');
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('raises NOT_FOUND for an unknown API key id', async () => {
    const error = await expectHiLinkError(
      client.revokeApiKey('00000000-0000-4000-8000-000000000000'),
    );

    expect(error.code).toBe('NOT_FOUND');
  });

  it('raises NOT_FOUND for another tenant key id', async () => {
    const other = await app.createOrganization('SDK other tenant');
    const otherClient = client.withApiKey(other.adminKey);
    const otherKey = await otherClient.createApiKey({ name: 'Other tenant key', scopes: ['read'] });

    const error = await expectHiLinkError(client.revokeApiKey(otherKey.apiKey.id));

    expect(error.code).toBe('NOT_FOUND');
    const keys = await otherClient.apiKeys();
    expect(keys.find((key) => key.id === otherKey.apiKey.id)?.revokedAt).toBeNull();
  });

  it('raises UNAUTHENTICATED for an unknown key', async () => {
    const stranger = client.withApiKey('hlk_unknown_key_value');

    const error = await expectHiLinkError(stranger.organization());

    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('raises NETWORK_ERROR when the server is unreachable', async () => {
    const offline = new HiLinkClient({
      url: `http://127.0.0.1:${await closedPort()}`,
      apiKey: app.adminKey,
    });

    const error = await expectHiLinkError(offline.organization());

    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toContain('(ECONNREFUSED)');
  });

  it('raises TIMEOUT when the server is too slow', async () => {
    const slowFetch: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const slow = new HiLinkClient({
      url: app.url,
      apiKey: app.adminKey,
      fetch: slowFetch,
      timeoutMs: 50,
    });

    const error = await expectHiLinkError(slow.organization());

    expect(error.code).toBe('TIMEOUT');
  });
});
