import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCurriculum, walkPages } from './support/people-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const CCSS_PATH = join(
  __dirname,
  '..',
  'examples',
  'data',
  'curriculum',
  'ccss-math-grades-6-8.json',
);

function ccssDocument(): Record<string, any> {
  return JSON.parse(readFileSync(CCSS_PATH, 'utf8'));
}

describe('curricula', () => {
  let t: TestApp;
  const auth = () => ['authorization', `Bearer ${t.adminKey}`] as const;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function curriculumCount(): Promise<number> {
    return (await walkPages(t, '/v1/curricula', 100)).length;
  }

  it('creates ordered objectives over REST', async () => {
    const created = await createCurriculum(t);
    const fetched = await t.http.get(`/v1/curricula/${created.id}`).set(...auth());

    expect(created.objectives.map((o: { code: string }) => o.code)).toEqual([
      'RP.1',
      'RP.2',
      'RP.3',
    ]);
    expect(fetched.status).toBe(200);
    expect(fetched.body.objectives.map((o: { position: number }) => o.position)).toEqual([0, 1, 2]);
    expect(fetched.body.objectives[2].parentCode).toBe('RP.1');
    expect(fetched.body.objectives[1].prerequisiteCodes).toEqual(['RP.1']);
  });

  it('creates and reads a curriculum over GraphQL', async () => {
    const created = await t.gql(
      'mutation($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id objectives { code position } } }',
      {
        input: {
          name: 'Fractions',
          objectives: [
            { code: 'F.1', title: 'Unit fractions' },
            { code: 'F.2', title: 'Equivalence' },
          ],
        },
      },
    );
    const id = created.data?.createCurriculum.id;
    const read = await t.gql(
      'query($id: ID!) { curriculum(id: $id) { name objectives { code } } }',
      { id },
    );

    expect(created.errors).toBeUndefined();
    expect(created.data?.createCurriculum.objectives).toEqual([
      { code: 'F.1', position: 0 },
      { code: 'F.2', position: 1 },
    ]);
    expect(read.data?.curriculum.name).toBe('Fractions');
  });

  it('appends objectives after the existing ones', async () => {
    const curriculum = await createCurriculum(t);

    const rest = await t.http
      .post(`/v1/curricula/${curriculum.id}/objectives`)
      .set(...auth())
      .send({ objectives: [{ code: 'RP.4', title: 'Percent', parentCode: 'RP.3' }] });
    const graphql = await t.gql(
      'mutation($id: ID!, $input: AddObjectivesInput!) { addObjectives(curriculumId: $id, input: $input) { code position } }',
      { id: curriculum.id, input: { objectives: [{ code: 'RP.5', title: 'Tables' }] } },
    );
    const objectives = await t.http.get(`/v1/curricula/${curriculum.id}/objectives`).set(...auth());

    expect(rest.status).toBe(201);
    expect(rest.body[0].position).toBe(3);
    expect(graphql.data?.addObjectives).toEqual([{ code: 'RP.5', position: 4 }]);
    expect(objectives.body.map((o: { code: string }) => o.code)).toEqual([
      'RP.1',
      'RP.2',
      'RP.3',
      'RP.4',
      'RP.5',
    ]);
  });

  it('rejects an added code that already exists', async () => {
    const curriculum = await createCurriculum(t);

    const response = await t.http
      .post(`/v1/curricula/${curriculum.id}/objectives`)
      .set(...auth())
      .send({
        objectives: [
          { code: 'RP.9', title: 'New' },
          { code: 'RP.2', title: 'Again' },
        ],
      });
    const objectives = await t.http.get(`/v1/curricula/${curriculum.id}/objectives`).set(...auth());

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('objectives[1].code');
    expect(objectives.body).toHaveLength(3);
  });

  it('imports the CCSS document over REST', async () => {
    const response = await t.http
      .post('/v1/curricula/import')
      .set(...auth())
      .send(ccssDocument());

    expect(response.status).toBe(201);
    expect(response.body.objectiveCount).toBe(126);
    expect(response.body.curriculum.objectives).toHaveLength(126);
    expect(response.body.curriculum.objectives[0].code).toBe('6.RP.A.1');
    expect(response.body.curriculum.gradeLevels).toEqual(['6', '7', '8']);
    expect(response.body.curriculum.licenseNotice).toContain('National Governors Association');
    expect(response.body.warnings.length).toBeGreaterThan(0);
    expect(response.body.warnings[0]).toEqual({
      field: 'items[0].prerequisites[0]',
      reason: 'UNRESOLVED_PREREQUISITE',
      message: expect.stringContaining('4.MD.A.1'),
    });
    expect(response.body.curriculum.objectives[0].prerequisiteCodes).toContain('4.MD.A.1');
  });

  it('imports a document string over GraphQL', async () => {
    const response = await t.gql(
      'mutation($document: String!) { importCurriculum(document: $document) { objectiveCount warnings { field } curriculum { id objectives { code } } } }',
      { document: JSON.stringify(ccssDocument()) },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data?.importCurriculum.objectiveCount).toBe(126);
    expect(response.data?.importCurriculum.curriculum.objectives).toHaveLength(126);
  });

  it.each([
    ['document', () => 'not json'],
    ['document', () => [1, 2]],
    ['items', () => ({ ...ccssDocument(), items: undefined })],
    ['items', () => ({ ...ccssDocument(), items: [] })],
    ['items', () => ({ ...ccssDocument(), items: 'many' })],
    ['name', () => ({ ...ccssDocument(), name: 42 })],
    ['items[12].code', () => withItem(12, { code: undefined })],
    ['items[3].title', () => withItem(3, { title: '' })],
    ['items[5].code', () => withItem(5, { code: 7 })],
    ['items[4].code', () => withItem(4, { code: '6.RP.A.1' })],
    ['items[2].parent', () => withItem(2, { parent: 'NO.SUCH.CODE' })],
    ['items[1].prerequisites', () => withItem(1, { prerequisites: '6.RP.A.1' })],
    ['items[0].description', () => withItem(0, { description: 'x'.repeat(5001) })],
    [
      'items',
      () => ({
        ...ccssDocument(),
        items: Array.from({ length: 1001 }, (_, i) => ({ code: `C${i}`, title: 'T' })),
      }),
    ],
  ])('rejects a malformed document naming %s', async (field, build) => {
    const before = await curriculumCount();
    const document = build();
    const body = typeof document === 'string' ? document : JSON.stringify(document);

    const response = await t.http
      .post('/v1/curricula/import')
      .set(...auth())
      .set('content-type', 'application/json')
      .send(body);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    if (typeof document !== 'string') {
      expect(response.body.field).toBe(field);
    }
    expect(await curriculumCount()).toBe(before);
  });

  it('rejects a malformed JSON string over GraphQL', async () => {
    const response = await t.gql(
      'mutation { importCurriculum(document: "{nope") { objectiveCount } }',
    );

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe('document');
  });

  it.each([
    [
      'objectives[1].code',
      {
        objectives: [
          { code: 'A', title: 'a' },
          { code: 'A', title: 'b' },
        ],
      },
    ],
    ['objectives[0].parentCode', { objectives: [{ code: 'A', title: 'a', parentCode: 'Z' }] }],
    ['objectives.0.code', { objectives: [{ code: 'x'.repeat(51), title: 'a' }] }],
    ['objectives.0.title', { objectives: [{ code: 'A', title: 'x'.repeat(301) }] }],
    ['name', { name: 'x'.repeat(201) }],
    ['sourceUrl', { sourceUrl: 'ftp://example.com/file' }],
    [
      'objectives',
      { objectives: Array.from({ length: 1001 }, (_, i) => ({ code: `C${i}`, title: 'T' })) },
    ],
  ])('rejects an invalid create naming %s', async (field, override) => {
    const before = await curriculumCount();

    const response = await t.http
      .post('/v1/curricula')
      .set(...auth())
      .send({ name: 'Valid', objectives: [{ code: 'A', title: 'a' }], ...override });

    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(await curriculumCount()).toBe(before);
  });

  it('rejects a body over 10 MB', async () => {
    const document = { ...ccssDocument(), notes: 'x'.repeat(11 * 1024 * 1024) };

    const response = await t.http
      .post('/v1/curricula/import')
      .set(...auth())
      .send(document);

    expect(response.status).toBe(413);
  });

  it('pages through curricula', async () => {
    const other = await t.createOrganization('Paging');
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push((await createCurriculum(t, {}, other.adminKey)).id);
    }
    const graphql = await t.gql('{ curricula(first: 10) { nodes { id } } }', {}, other.adminKey);

    expect(await walkPages(t, '/v1/curricula', 2, other.adminKey)).toEqual(created);
    expect(graphql.data?.curricula.nodes.map((n: { id: string }) => n.id)).toEqual(created);
  });

  it('hides curricula from other organizations', async () => {
    const curriculum = await createCurriculum(t);
    const other = await t.createOrganization('Tenant B');
    const otherAuth = ['authorization', `Bearer ${other.adminKey}`] as const;

    const read = await t.http.get(`/v1/curricula/${curriculum.id}`).set(...otherAuth);
    const objectives = await t.http
      .get(`/v1/curricula/${curriculum.id}/objectives`)
      .set(...otherAuth);
    const add = await t.http
      .post(`/v1/curricula/${curriculum.id}/objectives`)
      .set(...otherAuth)
      .send({ objectives: [{ code: 'X', title: 'Injected' }] });
    const list = await t.http.get('/v1/curricula').set(...otherAuth);
    const graphql = await t.gql(
      'query($id: ID!) { curriculum(id: $id) { id } }',
      { id: curriculum.id },
      other.adminKey,
    );
    const after = await t.http.get(`/v1/curricula/${curriculum.id}/objectives`).set(...auth());

    expect(read.status).toBe(404);
    expect(objectives.status).toBe(404);
    expect(add.status).toBe(404);
    expect(list.body.items).toEqual([]);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body).toHaveLength(3);
  });

  it('returns NOT_FOUND for an unknown curriculum', async () => {
    const response = await t.http.get(`/v1/curricula/${UNKNOWN_ID}`).set(...auth());

    expect(response.status).toBe(404);
    expect(response.body.field).toBe('id');
  });
});

function withItem(index: number, override: Record<string, unknown>): Record<string, any> {
  const document = ccssDocument();
  document.items[index] = { ...document.items[index], ...override };

  return document;
}
