import { createMember, walkPages } from './support/people-fixtures';
import { GraphQLResult, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('members', () => {
  let t: TestApp;
  const auth = () => ['authorization', `Bearer ${t.adminKey}`] as const;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function memberCount(key = t.adminKey): Promise<number> {
    return (await walkPages(t, '/v1/members', 100, key)).length;
  }

  it('creates and reads a member over REST', async () => {
    const created = await t.http
      .post('/v1/members')
      .set(...auth())
      .send({
        role: 'instructor',
        name: 'Grace Hopper',
        email: 'Grace@Example.COM',
        timeZone: 'America/New_York',
        externalId: 'T-1',
      });
    const fetched = await t.http.get(`/v1/members/${created.body.id}`).set(...auth());

    expect(created.status).toBe(201);
    expect(created.body.email).toBe('grace@example.com');
    expect(created.body.role).toBe('instructor');
    expect(created.body.deactivatedAt).toBeNull();
    expect(fetched.status).toBe(200);
    expect(fetched.body.externalId).toBe('T-1');
    expect(fetched.body.timeZone).toBe('America/New_York');
  });

  it('creates, updates and deactivates over GraphQL', async () => {
    const created = await t.gql(
      'mutation($input: CreateMemberInput!) { createMember(input: $input) { id role email } }',
      { input: { role: 'operations', name: 'Ops Person', email: 'OPS@example.com' } },
    );
    const id = created.data?.createMember.id;
    const updated = await t.gql(
      'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { name role timeZone } }',
      { id, input: { name: 'Ops Lead', role: 'admin', timeZone: 'Europe/Berlin' } },
    );
    const deactivated = await t.gql(
      'mutation($id: ID!) { deactivateMember(id: $id) { deactivatedAt } }',
      { id },
    );
    const fetched = await t.gql('query($id: ID!) { member(id: $id) { name deactivatedAt } }', {
      id,
    });

    expect(created.errors).toBeUndefined();
    expect(created.data?.createMember.email).toBe('ops@example.com');
    expect(created.data?.createMember.role).toBe('operations');
    expect(updated.data?.updateMember).toEqual({
      name: 'Ops Lead',
      role: 'admin',
      timeZone: 'Europe/Berlin',
    });
    expect(deactivated.data?.deactivateMember.deactivatedAt).toEqual(expect.any(String));
    expect(fetched.data?.member.name).toBe('Ops Lead');
  });

  it('clears optional fields with null on update', async () => {
    const member = await createMember(t, { timeZone: 'Asia/Tokyo', externalId: 'clear-me' });
    const response = await t.http
      .patch(`/v1/members/${member.id}`)
      .set(...auth())
      .send({ timeZone: null, externalId: null });

    expect(response.status).toBe(200);
    expect(response.body.timeZone).toBeNull();
    expect(response.body.externalId).toBeNull();
  });

  it('rejects deactivating twice', async () => {
    const member = await createMember(t);
    const first = await t.http.post(`/v1/members/${member.id}/deactivate`).set(...auth());
    const second = await t.http.post(`/v1/members/${member.id}/deactivate`).set(...auth());

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.title).toBe('MEMBER_ALREADY_DEACTIVATED');
  });

  it('pages members without gaps', async () => {
    const other = await t.createOrganization('Paging');
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      created.push((await createMember(t, {}, other.adminKey)).id);
    }

    const walked = await walkPages(t, '/v1/members', 3, other.adminKey);

    expect(walked).toEqual(created);
  });

  it('pages through members over GraphQL', async () => {
    const other = await t.createOrganization('GraphQL paging');
    for (let i = 0; i < 5; i += 1) {
      await createMember(t, {}, other.adminKey);
    }
    const query =
      'query($after: String) { members(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: GraphQLResult<any> = await t.gql(query, { after }, other.adminKey);
      seen.push(...result.data?.members.nodes.map((node: { id: string }) => node.id));
      after = result.data?.members.pageInfo.hasNextPage
        ? result.data.members.pageInfo.endCursor
        : null;
      pages += 1;
    } while (after);

    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters the list by role', async () => {
    const other = await t.createOrganization('Roles');
    await createMember(t, { role: 'admin' }, other.adminKey);
    const instructor = await createMember(t, { role: 'instructor' }, other.adminKey);

    const rest = await t.http
      .get('/v1/members?role=instructor')
      .set('authorization', `Bearer ${other.adminKey}`);
    const graphql = await t.gql(
      '{ members(role: instructor) { nodes { id } } }',
      {},
      other.adminKey,
    );

    expect(rest.body.items.map((item: { id: string }) => item.id)).toEqual([instructor.id]);
    expect(graphql.data?.members.nodes).toEqual([{ id: instructor.id }]);
  });

  it('rejects a duplicate email in any letter case', async () => {
    await createMember(t, { email: 'same@example.com' });
    const before = await memberCount();

    const response = await t.http
      .post('/v1/members')
      .set(...auth())
      .send({ role: 'instructor', name: 'Copy', email: 'SAME@example.com' });

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('email');
    expect(await memberCount()).toBe(before);
  });

  it('rejects a duplicate externalId', async () => {
    await createMember(t, { externalId: 'partner-7' });
    const before = await memberCount();

    const response = await t.http
      .post('/v1/members')
      .set(...auth())
      .send({
        role: 'instructor',
        name: 'Copy',
        email: 'copy-ext@example.com',
        externalId: 'partner-7',
      });

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('externalId');
    expect(await memberCount()).toBe(before);
  });

  it('allows the same email in another organization', async () => {
    await createMember(t, { email: 'shared@example.com' });
    const other = await t.createOrganization('Shared email');

    const response = await t.http
      .post('/v1/members')
      .set('authorization', `Bearer ${other.adminKey}`)
      .send({ role: 'instructor', name: 'Twin', email: 'shared@example.com' });

    expect(response.status).toBe(201);
  });

  it.each([
    ['role', { role: 'teacher' }],
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(201) }],
    ['email', { email: 'not-an-email' }],
    ['email', { email: `${'a'.repeat(320)}@example.com` }],
    ['timeZone', { timeZone: 'Mars/Olympus' }],
    ['externalId', { externalId: 'x'.repeat(201) }],
  ])('rejects an invalid %s on create', async (field, override) => {
    const before = await memberCount();

    const response = await t.http
      .post('/v1/members')
      .set(...auth())
      .send({ role: 'instructor', name: 'Valid', email: 'valid-input@example.com', ...override });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.field).toBe(field);
    expect(await memberCount()).toBe(before);
  });

  it('rejects a bad role over GraphQL', async () => {
    const response = await t.gql(
      'mutation { createMember(input: { role: teacher, name: "X", email: "x@example.com" }) { id } }',
    );

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.reason).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(
      /Expected one of: admin, operations, instructor\./,
    );
  });

  it('names the field of a bad role in variables', async () => {
    const response = await t.gql(
      'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }',
      { input: { role: 'teacher', name: 'X', email: 'x@example.com' } },
    );

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.reason).toBe('INVALID_VARIABLE');
    expect(response.errors?.[0]?.extensions?.field).toBe('input.role');
    expect(response.errors?.[0]?.message).toMatch(/Expected one of: admin, operations/);
  });

  it('rejects null for a required field on update', async () => {
    const member = await createMember(t, { name: 'Keeps name' });

    const response = await t.http
      .patch(`/v1/members/${member.id}`)
      .set(...auth())
      .send({ name: null });
    const fetched = await t.http.get(`/v1/members/${member.id}`).set(...auth());

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('name');
    expect(fetched.body.name).toBe('Keeps name');
  });

  it('rejects an email taken by another member on update', async () => {
    await createMember(t, { email: 'taken-update@example.com' });
    const member = await createMember(t, { email: 'mine@example.com' });

    const response = await t.http
      .patch(`/v1/members/${member.id}`)
      .set(...auth())
      .send({ email: 'Taken-Update@example.com' });
    const fetched = await t.http.get(`/v1/members/${member.id}`).set(...auth());

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('email');
    expect(fetched.body.email).toBe('mine@example.com');
  });

  it('returns NOT_FOUND for unknown and malformed ids', async () => {
    const unknown = await t.http.get(`/v1/members/${UNKNOWN_ID}`).set(...auth());
    const malformed = await t.http.get('/v1/members/not-a-uuid').set(...auth());

    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('id');
  });

  it('hides members from other organizations', async () => {
    const member = await createMember(t, { name: 'Private' });
    const other = await t.createOrganization('Tenant B');
    const otherAuth = ['authorization', `Bearer ${other.adminKey}`] as const;

    const read = await t.http.get(`/v1/members/${member.id}`).set(...otherAuth);
    const list = await t.http.get('/v1/members').set(...otherAuth);
    const update = await t.http
      .patch(`/v1/members/${member.id}`)
      .set(...otherAuth)
      .send({ name: 'Stolen' });
    const deactivate = await t.http.post(`/v1/members/${member.id}/deactivate`).set(...otherAuth);
    const graphql = await t.gql(
      'query($id: ID!) { member(id: $id) { id } }',
      { id: member.id },
      other.adminKey,
    );
    const after = await t.http.get(`/v1/members/${member.id}`).set(...auth());

    expect(read.status).toBe(404);
    expect(list.body.items).toEqual([]);
    expect(update.status).toBe(404);
    expect(deactivate.status).toBe(404);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.name).toBe('Private');
    expect(after.body.deactivatedAt).toBeNull();
  });

  it('enforces read and write scopes', async () => {
    const key = await t.http
      .post('/v1/api-keys')
      .set(...auth())
      .send({ name: 'Reader', scopes: ['read'] });
    const reader = ['authorization', `Bearer ${key.body.secret}`] as const;

    const list = await t.http.get('/v1/members').set(...reader);
    const create = await t.http
      .post('/v1/members')
      .set(...reader)
      .send({ role: 'admin', name: 'N', email: 'n@example.com' });

    expect(list.status).toBe(200);
    expect(create.status).toBe(403);
  });
});
