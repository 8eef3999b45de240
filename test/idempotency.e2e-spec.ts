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

describe('Idempotency-Key on GraphQL mutations', () => {
  let t: TestApp;

  const CREATE_ROOM = `mutation CreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) { id name }
  }`;
  const ROOMS = `query { rooms(first: 100) { nodes { id name } } }`;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  function send(
    idempotencyKey: string,
    body: { query: string; variables?: Record<string, unknown> },
    apiKey = t.adminKey,
  ) {
    return t.http
      .post('/graphql')
      .set('authorization', `Bearer ${apiKey}`)
      .set('idempotency-key', idempotencyKey)
      .send(body);
  }

  function createRoom(idempotencyKey: string, name: string, apiKey = t.adminKey) {
    return send(idempotencyKey, { query: CREATE_ROOM, variables: { input: { name } } }, apiKey);
  }

  async function roomsNamed(name: string): Promise<unknown[]> {
    const result = await t.gql(ROOMS);

    return result.data!.rooms.nodes.filter((room: { name: string }) => room.name === name);
  }

  it('replays a mutation for a retry', async () => {
    const first = await createRoom('gql-retry-1', 'Retried room');
    const second = await createRoom('gql-retry-1', 'Retried room');

    expect(first.body.errors).toBeUndefined();
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await roomsNamed('Retried room')).toHaveLength(1);
  });

  it('rejects a reused key with other variables', async () => {
    await createRoom('gql-retry-2', 'First room');
    const response = await createRoom('gql-retry-2', 'Second room');

    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'Idempotency-Key',
    });
    expect(await roomsNamed('Second room')).toHaveLength(0);
  });

  it('rejects a key reused by another credential', async () => {
    const created = await t.gql(
      `mutation { createApiKey(input: { name: "Second admin", scopes: ["admin"] }) { secret } }`,
    );
    const otherKey = created.data!.createApiKey.secret as string;
    await createRoom('gql-retry-3', 'Shared room');
    const response = await createRoom('gql-retry-3', 'Shared room', otherKey);

    expect(response.body.errors[0].extensions.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await roomsNamed('Shared room')).toHaveLength(1);
  });

  it('stores nothing for a failed mutation', async () => {
    const failed = await createRoom('gql-retry-4', '');
    const fixed = await createRoom('gql-retry-4', 'Fixed room');

    expect(failed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fixed.body.errors).toBeUndefined();
    expect(fixed.body.data.createRoom.name).toBe('Fixed room');
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rejects a malformed key', async () => {
    const response = await createRoom('x'.repeat(201), 'Never created');

    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_IDEMPOTENCY_KEY',
      field: 'Idempotency-Key',
    });
    expect(await roomsNamed('Never created')).toHaveLength(0);
  });

  it('ignores the key on queries', async () => {
    const first = await send('gql-query-1', { query: ROOMS });
    const second = await send('gql-query-1', { query: ROOMS });

    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });
});
