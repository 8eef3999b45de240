import { startTestApp, TestApp } from './support/test-app';

describe('Idempotency-Key on creates', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  function createKey(idempotencyKey: string, name = 'Retried key') {
    return t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('idempotency-key', idempotencyKey)
      .send({ name, scopes: ['read'] });
  }

  it('replays the first response for a retry', async () => {
    const first = await createKey('retry-1');
    const second = await createKey('retry-1');
    const keys = await t.http.get('/v1/api-keys').set('authorization', `Bearer ${t.adminKey}`);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.apiKey.id).toBe(first.body.apiKey.id);
    expect(keys.body.filter((k: { name: string }) => k.name === 'Retried key')).toHaveLength(1);
  });

  it('rejects a reused key with a different body', async () => {
    await createKey('retry-2');
    const response = await createKey('retry-2', 'Another name');

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('Idempotency-Key');
  });

  it('stores nothing for a failed request', async () => {
    const failed = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('idempotency-key', 'retry-3')
      .send({ name: '', scopes: ['read'] });
    const fixed = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${t.adminKey}`)
      .set('idempotency-key', 'retry-3')
      .send({ name: 'Fixed', scopes: ['read'] });

    expect(failed.status).toBe(400);
    expect(fixed.status).toBe(201);
  });

  it('rejects a malformed key', async () => {
    const response = await createKey('x'.repeat(201));

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('Idempotency-Key');
  });

  it('scopes keys to the organization', async () => {
    const other = await t.createOrganization();
    await createKey('shared-key');
    const response = await t.http
      .post('/v1/api-keys')
      .set('authorization', `Bearer ${other.adminKey}`)
      .set('idempotency-key', 'shared-key')
      .send({ name: 'Retried key', scopes: ['read'] });

    expect(response.status).toBe(201);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
  });
});
