import { createClassroom, createSession, participantToken } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('rate limits', () => {
  let t: TestApp;
  const keys: string[] = [];
  let writerKey: string;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_API_KEY_PER_MINUTE: '40',
      RATE_LIMIT_PARTICIPANT_PER_MINUTE: '3',
    });
    // Keys are made up front: the admin key that creates them is limited too.
    for (let index = 0; index < 6; index += 1) {
      const response = await t.http
        .post('/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: `reader ${index}`, scopes: ['read'] });
      keys.push(response.body.secret as string);
    }
    const writer = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'writer', scopes: ['admin'] });
    writerKey = writer.body.secret as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  function newKey(): string {
    const key = keys.pop();
    if (!key) {
      throw new Error('Every prepared key is used.');
    }

    return key;
  }

  it('reports the limit in RateLimit headers', async () => {
    const key = newKey();
    const first = await t.http.get('/v1/organization').set(...bearer(key));
    const second = await t.http.get('/v1/organization').set(...bearer(key));

    expect(first.headers['ratelimit-limit']).toBe('40');
    expect(first.headers['ratelimit-policy']).toBe('40;w=60');
    expect(Number(first.headers['ratelimit-remaining'])).toBe(39);
    expect(Number(second.headers['ratelimit-remaining'])).toBe(38);
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
  });

  it('refuses a key over its limit with 429 and Retry-After', async () => {
    const key = newKey();
    for (let index = 0; index < 40; index += 1) {
      await t.http.get('/v1/organization').set(...bearer(key));
    }
    const refused = await t.http.get('/v1/organization').set(...bearer(key));
    const other = await t.http.get('/v1/organization').set(...bearer(newKey()));

    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', title: 'RATE_LIMITED' });
    expect(refused.body.detail).toMatch(
      /more than 40 requests this minute\. Retry after \d+ seconds?/,
    );
    expect(other.status).toBe(200);
  });

  it('counts a GraphQL request once and answers 429 over the limit', async () => {
    const key = newKey();
    const query = '{ organization { id } again: organization { name } }';
    for (let index = 0; index < 40; index += 1) {
      const response = await t.http
        .post('/graphql')
        .set(...bearer(key))
        .send({ query });
      expect(response.status).toBe(200);
    }
    const refused = await t.http
      .post('/graphql')
      .set(...bearer(key))
      .send({ query });

    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'RATE_LIMITED',
    });
  });

  it('counts replays of an idempotent mutation', async () => {
    const send = () =>
      t.http
        .post('/graphql')
        .set(...bearer(writerKey))
        .set('idempotency-key', 'limited-create')
        .send({
          query: 'mutation ($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
          variables: { input: { name: 'Limited room' } },
        });
    const first = await send();
    const second = await send();
    for (let index = 2; index < 40; index += 1) {
      await send();
    }
    const over = await send();

    expect(first.body.errors).toBeUndefined();
    expect(first.headers['ratelimit-remaining']).toBe('39');
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['ratelimit-remaining']).toBe('38');
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect(over.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('limits participant tokens on their own', async () => {
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const session = await createSession(t, t.adminKey, classroom);
    const { token } = await participantToken(t, t.adminKey, session.id, { role: 'student' });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      statuses.push(
        (await t.http.get(`/v1/sessions/${session.id}/tools`).set(...bearer(token))).status,
      );
    }

    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits media token requests per participant', async () => {
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const session = await createSession(t, t.adminKey, classroom);
    const { token } = await participantToken(t, t.adminKey, session.id, { role: 'student' });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push(
        (await t.http.post(`/v1/sessions/${session.id}/media-token`).set(...bearer(token))).status,
      );
    }
    const over = await t.http
      .post('/graphql')
      .set(...bearer(token))
      .send({
        query: 'mutation ($s: ID!) { issueMediaToken(sessionId: $s) { available } }',
        variables: { s: session.id },
      });

    expect(statuses).toEqual([200, 200, 200]);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('leaves public routes unlimited', async () => {
    const response = await t.http.get('/health');

    expect(response.headers['ratelimit-limit']).toBeUndefined();
  });

  it('refuses a GraphQL operation over the cost limit', async () => {
    const query = `query wide { ${Array.from({ length: 200 }, (_, index) => `s${index}: sessions(first: 100) { nodes { id title participants { id displayName role } } }`).join(' ')} }`;
    const response = await t.http
      .post('/graphql')
      .set(...bearer(t.adminKey))
      .send({ query });

    expect(response.body.errors[0].message).toMatch(
      /^wide has an estimated cost of \d+; the limit is 200000/,
    );
    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_COSTLY',
    });
  });
});
