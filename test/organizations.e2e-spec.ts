import { DataSource } from 'typeorm';
import { OrganizationsService } from '../src/organizations/organizations.service';
import { startTestApp, TestApp } from './support/test-app';

describe('organizations and API keys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('rejects a request without credentials', async () => {
    const response = await t.http.get('/v1/organization');

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('rejects a malformed key', async () => {
    const response = await t.http.get('/v1/organization').set('authorization', 'Bearer hlk_nope');

    expect(response.status).toBe(401);
  });

  it('rejects a key sent without the Bearer scheme', async () => {
    const response = await t.http.get('/v1/organization').set('authorization', t.adminKey);

    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('lacks the Bearer scheme');
  });

  it('rejects another scheme', async () => {
    const response = await t.http.get('/v1/organization').set('authorization', 'Basic dXNlcg==');

    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('must use the Bearer scheme');
  });

  it('rejects the Bearer scheme without a key', async () => {
    const response = await t.http.get('/v1/organization').set('authorization', 'Bearer ');

    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('no key after "Bearer"');
  });

  it('returns the caller organization over REST and GraphQL', async () => {
    const rest = await t.http.get('/v1/organization').set('authorization', `Bearer ${t.adminKey}`);
    const graphql = await t.gql('{ organization { id name isPlatform } }');

    expect(rest.status).toBe(200);
    expect(rest.body.id).toBe(t.organizationId);
    expect(graphql.data?.organization.id).toBe(t.organizationId);
    expect(graphql.data?.organization.isPlatform).toBe(true);
  });

  it('creates a key shown once and stores only its hash', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'Reader', scopes: ['read'] });
    const listed = await t.http.get('/v1/api-keys').set('authorization', `Bearer ${t.adminKey}`);

    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^hlk_[A-Za-z0-9]{12}_/);
    expect(created.body.secret.startsWith(created.body.apiKey.prefix)).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(JSON.stringify(listed.body)).not.toContain('secretHash');
  });

  it('refuses an operation outside the key scope', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'Reader', scopes: ['read'] });
    const reader = created.body.secret as string;

    const allowed = await t.http.get('/v1/organization').set('authorization', `Bearer ${reader}`);
    const refused = await t.http.get('/v1/api-keys').set('authorization', `Bearer ${reader}`);
    const graphql = await t.gql('{ apiKeys { id } }', {}, reader);

    expect(allowed.status).toBe(200);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a revoked key', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'Short-lived', scopes: ['read'] });
    const secret = created.body.secret as string;
    const before = await t.http.get('/v1/organization').set('authorization', `Bearer ${secret}`);

    const revoked = await t.http
      .post(`/v1/api-keys/${created.body.apiKey.id}/revoke`)
      .set('authorization', `Bearer ${t.adminKey}`);
    const after = await t.http.get('/v1/organization').set('authorization', `Bearer ${secret}`);
    const again = await t.http
      .post(`/v1/api-keys/${created.body.apiKey.id}/revoke`)
      .set('authorization', `Bearer ${t.adminKey}`);

    expect(before.status).toBe(200);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(after.status).toBe(401);
    expect(again.status).toBe(409);
  });

  it('rejects invalid key input naming each field', async () => {
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'x'.repeat(101), scopes: ['everything'] });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'scopes',
    ]);
  });

  it('rejects malformed JSON as bad input', async () => {
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('content-type', 'application/json')
      .send('{bad');

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.title).toBe('INVALID_JSON');
    expect(response.body.field).toBe('body');
    expect(response.body.detail).toContain('not valid JSON');
  });

  it('reads an empty JSON body as no body', async () => {
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('content-type', 'application/json');

    expect(response.status).toBe(400);
    expect(response.body.title).toBe('VALIDATION_FAILED');
    expect(response.body.detail).toContain('name is required');
  });

  it('names a JSON array body', async () => {
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send([{ name: 'x' }]);

    expect(response.status).toBe(400);
    expect(response.body.title).toBe('BODY_NOT_OBJECT');
    expect(response.body.detail).toContain('send one JSON object');
  });

  it('sends the API docs with a trailing slash to /docs', async () => {
    const response = await t.http.get('/docs/');
    const page = await t.http.get('/docs');

    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/docs');
    expect(page.status).toBe(200);
  });

  it('states the body size limit', async () => {
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) }));

    expect(response.status).toBe(413);
    expect(response.body.title).toBe('BODY_TOO_LARGE');
    expect(response.body.detail).toContain('10 MB');
  });

  it('keeps tenants apart', async () => {
    const other = await t.createOrganization();
    const keys = await t.http.get('/v1/api-keys').set('authorization', `Bearer ${other.adminKey}`);
    const ownKeyId = (await t.http.get('/v1/api-keys').set('authorization', `Bearer ${t.adminKey}`))
      .body[0].id;
    const foreignRevoke = await t.http
      .post(`/v1/api-keys/${ownKeyId}/revoke`)
      .set('authorization', `Bearer ${other.adminKey}`);

    expect(keys.body).toHaveLength(1);
    expect(keys.body[0].id).not.toBe(ownKeyId);
    expect(foreignRevoke.status).toBe(404);
    expect(foreignRevoke.body.code).toBe('NOT_FOUND');
  });

  it('lets only the platform organization create organizations', async () => {
    const other = await t.createOrganization();
    const response = await t.http
      .post('/v1/organizations')
      .set('authorization', `Bearer ${other.adminKey}`)
      .send({ name: 'Third' });

    expect(response.status).toBe(403);
  });

  it('reports database health without credentials', async () => {
    const response = await t.http.get('/health');

    expect(response.status).toBe(200);
    expect(response.body.database.status).toBe('up');
  });
});

describe('first start', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates one platform organization when replicas start together', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.query('DELETE FROM organizations');
    const organizations = t.app.get(OrganizationsService);
    const results = await Promise.all([organizations.bootstrap(), organizations.bootstrap()]);
    const rows: { count: string }[] = await dataSource.query(
      'SELECT count(*) AS count FROM organizations',
    );

    expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    expect(Number(rows[0]!.count)).toBe(1);
  });
});
