import { bearer, startTestApp, TestApp } from './support/test-app';

const ROOM_FIELDS = 'id name description enabledTools capacity livekitRoomPrefix archivedAt';

describe('rooms', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function createRoom(
    body: Record<string, unknown> = { name: 'Algebra room' },
    key = t.adminKey,
  ) {
    return t.http
      .post('/v1/rooms')
      .set(...bearer(key))
      .send(body);
  }

  it('creates a room with defaults over REST', async () => {
    const response = await createRoom({ name: 'Algebra room' });

    expect(response.status).toBe(201);
    expect(response.body.capacity).toBe(30);
    expect(response.body.enabledTools).toEqual([
      'video',
      'audio',
      'chat',
      'whiteboard',
      'polls',
      'breakouts',
      'screen_share',
      'transcription',
    ]);
    expect(response.body.livekitRoomPrefix).toBe(`hl-${response.body.id.replace(/-/g, '')}`);
    expect(response.body.archivedAt).toBeNull();
  });

  it('creates, updates and archives over GraphQL', async () => {
    const created = await t.gql(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { ${ROOM_FIELDS} } }`,
      { input: { name: 'Chat only', enabledTools: ['chat', 'polls'], capacity: 5 } },
    );
    const id = created.data?.createRoom.id;
    const updated = await t.gql(
      `mutation($id: ID!, $input: UpdateRoomInput!) { updateRoom(id: $id, input: $input) { ${ROOM_FIELDS} } }`,
      { id, input: { name: 'Renamed', capacity: 8 } },
    );
    const archived = await t.gql(`mutation($id: ID!) { archiveRoom(id: $id) { ${ROOM_FIELDS} } }`, {
      id,
    });
    const fetched = await t.gql(`query($id: ID!) { room(id: $id) { ${ROOM_FIELDS} } }`, { id });

    expect(created.errors).toBeUndefined();
    expect(created.data?.createRoom.enabledTools).toEqual(['chat', 'polls']);
    expect(updated.data?.updateRoom.name).toBe('Renamed');
    expect(updated.data?.updateRoom.capacity).toBe(8);
    expect(updated.data?.updateRoom.enabledTools).toEqual(['chat', 'polls']);
    expect(archived.data?.archiveRoom.archivedAt).toEqual(expect.any(String));
    expect(fetched.data?.room.name).toBe('Renamed');
  });

  it('keeps a room on an empty update', async () => {
    const created = await createRoom({ name: 'Unchanged', capacity: 12 });

    const response = await t.http
      .patch(`/v1/rooms/${created.body.id}`)
      .set(...bearer(t.adminKey))
      .send({});

    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Unchanged');
    expect(response.body.capacity).toBe(12);
  });

  it('rejects updating an archived room', async () => {
    const id = (await createRoom()).body.id;
    await t.http.post(`/v1/rooms/${id}/archive`).set(...bearer(t.adminKey));

    const response = await t.http
      .patch(`/v1/rooms/${id}`)
      .set(...bearer(t.adminKey))
      .send({ name: 'Again' });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(response.body.field).toBe('id');
  });

  it('pages rooms with a cursor', async () => {
    const org = await t.createOrganization('Paging');
    for (const name of ['A', 'B', 'C']) {
      await createRoom({ name }, org.adminKey);
    }

    const first = await t.http.get('/v1/rooms?limit=2').set(...bearer(org.adminKey));
    const second = await t.http
      .get(`/v1/rooms?limit=2&cursor=${first.body.nextCursor}`)
      .set(...bearer(org.adminKey));
    const graphql = await t.gql(
      '{ rooms(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } } }',
      {},
      org.adminKey,
    );

    expect(first.body.items.map((room: { name: string }) => room.name)).toEqual(['A', 'B']);
    expect(second.body.items.map((room: { name: string }) => room.name)).toEqual(['C']);
    expect(second.body.nextCursor).toBeNull();
    expect(graphql.data?.rooms.nodes).toEqual([{ name: 'A' }, { name: 'B' }]);
    expect(graphql.data?.rooms.pageInfo.hasNextPage).toBe(true);
  });

  it('leaves archived rooms out of lists by default', async () => {
    const org = await t.createOrganization('Archive lists');
    const activeId = (await createRoom({ name: 'Kept' }, org.adminKey)).body.id;
    const archived = (await createRoom({ name: 'Archived' }, org.adminKey)).body.id;
    await t.http.post(`/v1/rooms/${archived}/archive`).set(...bearer(org.adminKey));

    const activeList = await t.http.get('/v1/rooms').set(...bearer(org.adminKey));
    const all = await t.http.get('/v1/rooms?includeArchived=true').set(...bearer(org.adminKey));

    expect(activeList.body.items.map((room: { id: string }) => room.id)).toEqual([activeId]);
    expect(all.body.items).toHaveLength(2);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['an over-long name', { name: 'x'.repeat(201) }, 'name'],
    ['an over-long description', { name: 'R', description: 'x'.repeat(2001) }, 'description'],
    ['an unknown tool', { name: 'R', enabledTools: ['video', 'teleport'] }, 'enabledTools'],
    ['a repeated tool', { name: 'R', enabledTools: ['chat', 'chat'] }, 'enabledTools'],
    ['capacity 0', { name: 'R', capacity: 0 }, 'capacity'],
    ['capacity 501', { name: 'R', capacity: 501 }, 'capacity'],
    ['a fractional capacity', { name: 'R', capacity: 2.5 }, 'capacity'],
  ])('rejects %s', async (_case, body, field) => {
    const org = await t.createOrganization('Bad input');

    const response = await createRoom(body, org.adminKey);
    const listed = await t.http.get('/v1/rooms').set(...bearer(org.adminKey));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.field).toBe(field);
    expect(listed.body.items).toHaveLength(0);
  });

  it('names a missing field as required', async () => {
    const response = await createRoom({ capacity: 4 });

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('name');
    expect(response.body.errors).toEqual([{ field: 'name', message: 'name is required' }]);
  });

  it('reports only the type of a wrongly typed field', async () => {
    const response = await createRoom({ name: 'R', capacity: '4' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].field).toBe('capacity');
    expect(response.body.errors[0].message).toMatch(/capacity must be an integer/);
  });

  it('rejects an unknown tool over GraphQL', async () => {
    const response = await t.gql(
      'mutation { createRoom(input: { name: "R", enabledTools: [teleport] }) { id } }',
    );

    expect(response.errors?.[0]?.extensions?.code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
    );
  });

  it('rejects a malformed id', async () => {
    const response = await t.http.get('/v1/rooms/not-a-uuid').set(...bearer(t.adminKey));

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('id');
  });

  it('requires the sessions:write scope to create', async () => {
    const reader = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Reader', scopes: ['read'] });

    const rejected = await createRoom({ name: 'R' }, reader.body.secret);
    const listed = await t.http.get('/v1/rooms').set(...bearer(reader.body.secret));

    expect(rejected.status).toBe(403);
    expect(listed.status).toBe(200);
  });

  it('keeps rooms apart between organizations', async () => {
    const own = (await createRoom({ name: 'Private' })).body.id;
    const other = await t.createOrganization('Other tenant');

    const get = await t.http.get(`/v1/rooms/${own}`).set(...bearer(other.adminKey));
    const update = await t.http
      .patch(`/v1/rooms/${own}`)
      .set(...bearer(other.adminKey))
      .send({ name: 'Taken' });
    const archive = await t.http.post(`/v1/rooms/${own}/archive`).set(...bearer(other.adminKey));
    const list = await t.http.get('/v1/rooms').set(...bearer(other.adminKey));
    const graphql = await t.gql(
      'query($id: ID!) { room(id: $id) { id } }',
      { id: own },
      other.adminKey,
    );
    const after = await t.http.get(`/v1/rooms/${own}`).set(...bearer(t.adminKey));

    expect(get.status).toBe(404);
    expect(get.body.code).toBe('NOT_FOUND');
    expect(update.status).toBe(404);
    expect(archive.status).toBe(404);
    expect(list.body.items).toHaveLength(0);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.name).toBe('Private');
    expect(after.body.archivedAt).toBeNull();
  });
});
