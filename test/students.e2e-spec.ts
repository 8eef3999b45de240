import { createGuardian, createStudent, walkPages } from './support/people-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('students and guardians', () => {
  let t: TestApp;
  const auth = () => ['authorization', `Bearer ${t.adminKey}`] as const;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates and updates a student', async () => {
    const created = await t.http
      .post('/v1/students')
      .set(...auth())
      .send({
        name: 'Sam',
        email: 'Sam@Example.com',
        gradeLevel: '7',
        timeZone: 'America/Chicago',
        externalId: 'S-1',
      });
    const updated = await t.http
      .patch(`/v1/students/${created.body.id}`)
      .set(...auth())
      .send({ gradeLevel: '8', email: null });
    const fetched = await t.http.get(`/v1/students/${created.body.id}`).set(...auth());

    expect(created.status).toBe(201);
    expect(created.body.email).toBe('sam@example.com');
    expect(updated.status).toBe(200);
    expect(fetched.body.gradeLevel).toBe('8');
    expect(fetched.body.email).toBeNull();
    expect(fetched.body.externalId).toBe('S-1');
  });

  it('creates a guardian and links it over GraphQL', async () => {
    const student = await createStudent(t);
    const guardian = await t.gql(
      'mutation($input: CreateGuardianInput!) { createGuardian(input: $input) { id email preferredLanguage } }',
      {
        input: {
          name: 'Ana',
          email: 'ANA@example.com',
          preferredLanguage: 'pt-br',
          relationship: 'mother',
        },
      },
    );
    const guardianId = guardian.data?.createGuardian.id;
    const linked = await t.gql(
      'mutation($s: ID!, $g: ID!) { linkGuardian(studentId: $s, guardianId: $g) { id } }',
      { s: student.id, g: guardianId },
    );
    const read = await t.gql(
      'query($s: ID!, $g: ID!) { student(id: $s) { guardians { id name } } guardian(id: $g) { students { id } } }',
      { s: student.id, g: guardianId },
    );

    expect(guardian.errors).toBeUndefined();
    expect(guardian.data?.createGuardian.email).toBe('ana@example.com');
    expect(guardian.data?.createGuardian.preferredLanguage).toBe('pt-BR');
    expect(linked.data?.linkGuardian).toEqual([{ id: guardianId }]);
    expect(read.data?.student.guardians).toEqual([{ id: guardianId, name: 'Ana' }]);
    expect(read.data?.guardian.students).toEqual([{ id: student.id }]);
  });

  it('links and unlinks over REST', async () => {
    const first = await createStudent(t, { name: 'First' });
    const second = await createStudent(t, { name: 'Second' });
    const guardian = await createGuardian(t);

    await t.http.put(`/v1/students/${first.id}/guardians/${guardian.id}`).set(...auth());
    const again = await t.http
      .put(`/v1/students/${first.id}/guardians/${guardian.id}`)
      .set(...auth());
    await t.http.put(`/v1/students/${second.id}/guardians/${guardian.id}`).set(...auth());
    const students = await t.http.get(`/v1/guardians/${guardian.id}/students`).set(...auth());
    const unlinked = await t.http
      .delete(`/v1/students/${first.id}/guardians/${guardian.id}`)
      .set(...auth());
    const firstGuardians = await t.http.get(`/v1/students/${first.id}/guardians`).set(...auth());
    const unlinkAgain = await t.http
      .delete(`/v1/students/${first.id}/guardians/${guardian.id}`)
      .set(...auth());

    expect(again.status).toBe(200);
    expect(again.body).toHaveLength(1);
    expect(students.body.map((s: { id: string }) => s.id)).toEqual([first.id, second.id]);
    expect(unlinked.status).toBe(200);
    expect(firstGuardians.body).toEqual([]);
    expect(unlinkAgain.status).toBe(404);
    expect(unlinkAgain.body.field).toBe('guardianId');
  });

  it('updates a guardian', async () => {
    const guardian = await createGuardian(t);

    const updated = await t.http
      .patch(`/v1/guardians/${guardian.id}`)
      .set(...auth())
      .send({ preferredLanguage: 'zh-hant-tw' });
    const cleared = await t.http
      .patch(`/v1/guardians/${guardian.id}`)
      .set(...auth())
      .send({ email: null });
    const fetched = await t.http.get(`/v1/guardians/${guardian.id}`).set(...auth());

    expect(updated.body.preferredLanguage).toBe('zh-Hant-TW');
    expect(cleared.status).toBe(400);
    expect(cleared.body.field).toBe('email');
    expect(fetched.body.email).toBe('maria@example.com');
  });

  it('pages through students and guardians', async () => {
    const other = await t.createOrganization('Paging');
    const students: string[] = [];
    const guardians: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      students.push((await createStudent(t, {}, other.adminKey)).id);
      guardians.push((await createGuardian(t, {}, other.adminKey)).id);
    }

    expect(await walkPages(t, '/v1/students', 2, other.adminKey)).toEqual(students);
    expect(await walkPages(t, '/v1/guardians', 2, other.adminKey)).toEqual(guardians);
  });

  it('pages through students over GraphQL', async () => {
    const other = await t.createOrganization('GraphQL paging');
    for (let i = 0; i < 3; i += 1) {
      await createStudent(t, {}, other.adminKey);
    }
    const first = await t.gql(
      '{ students(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      {},
      other.adminKey,
    );
    const second = await t.gql(
      'query($after: String) { students(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } }',
      { after: first.data?.students.pageInfo.endCursor },
      other.adminKey,
    );
    const ids = [...first.data?.students.nodes, ...second.data?.students.nodes].map(
      (n: { id: string }) => n.id,
    );

    expect(first.data?.students.pageInfo.hasNextPage).toBe(true);
    expect(second.data?.students.pageInfo.hasNextPage).toBe(false);
    expect(new Set(ids).size).toBe(3);
  });

  it.each([
    ['name', { name: 'x'.repeat(201) }],
    ['email', { email: 'not-an-email' }],
    ['gradeLevel', { gradeLevel: 'x'.repeat(21) }],
    ['timeZone', { timeZone: 'Nowhere/Land' }],
    ['externalId', { externalId: 'x'.repeat(201) }],
  ])('rejects a student with an invalid %s', async (field, override) => {
    const before = (await walkPages(t, '/v1/students', 100)).length;

    const response = await t.http
      .post('/v1/students')
      .set(...auth())
      .send({ name: 'Valid', ...override });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.field).toBe(field);
    expect((await walkPages(t, '/v1/students', 100)).length).toBe(before);
  });

  it.each([
    ['email', { email: undefined }],
    ['email', { email: 'parent-at-example.com' }],
    ['preferredLanguage', { preferredLanguage: 'english' }],
    ['preferredLanguage', { preferredLanguage: 'en_US' }],
    ['relationship', { relationship: 'x'.repeat(51) }],
    ['name', { name: '' }],
  ])('rejects a guardian with an invalid %s', async (field, override) => {
    const before = (await walkPages(t, '/v1/guardians', 100)).length;

    const response = await t.http
      .post('/v1/guardians')
      .set(...auth())
      .send({ name: 'Valid', email: 'valid@example.com', ...override });

    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect((await walkPages(t, '/v1/guardians', 100)).length).toBe(before);
  });

  it('rejects a duplicate student externalId', async () => {
    await createStudent(t, { externalId: 'dup-1' });

    const response = await t.http
      .post('/v1/students')
      .set(...auth())
      .send({ name: 'Copy', externalId: 'dup-1' });

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('externalId');
  });

  it('rejects linking an unknown guardian or student', async () => {
    const student = await createStudent(t);
    const guardian = await createGuardian(t);

    const unknownGuardian = await t.http
      .put(`/v1/students/${student.id}/guardians/${UNKNOWN_ID}`)
      .set(...auth());
    const unknownStudent = await t.http
      .put(`/v1/students/${UNKNOWN_ID}/guardians/${guardian.id}`)
      .set(...auth());
    const guardians = await t.http.get(`/v1/students/${student.id}/guardians`).set(...auth());

    expect(unknownGuardian.status).toBe(404);
    expect(unknownGuardian.body.field).toBe('guardianId');
    expect(unknownStudent.status).toBe(404);
    expect(unknownStudent.body.field).toBe('studentId');
    expect(guardians.body).toEqual([]);
  });

  it('rejects more than ten guardians per student', async () => {
    const student = await createStudent(t);
    for (let i = 0; i < 10; i += 1) {
      const guardian = await createGuardian(t);
      await t.http.put(`/v1/students/${student.id}/guardians/${guardian.id}`).set(...auth());
    }
    const extra = await createGuardian(t);

    const response = await t.http
      .put(`/v1/students/${student.id}/guardians/${extra.id}`)
      .set(...auth());
    const guardians = await t.http.get(`/v1/students/${student.id}/guardians`).set(...auth());

    expect(response.status).toBe(409);
    expect(response.body.title).toBe('STUDENT_TOO_MANY_GUARDIANS');
    expect(guardians.body).toHaveLength(10);
  });

  it('hides students and guardians across organizations', async () => {
    const student = await createStudent(t, { name: 'Private' });
    const guardian = await createGuardian(t, { name: 'Private guardian' });
    await t.http.put(`/v1/students/${student.id}/guardians/${guardian.id}`).set(...auth());
    const other = await t.createOrganization('Tenant B');
    const otherAuth = ['authorization', `Bearer ${other.adminKey}`] as const;
    const ownGuardian = await createGuardian(t, {}, other.adminKey);

    const responses = [
      await t.http.get(`/v1/students/${student.id}`).set(...otherAuth),
      await t.http
        .patch(`/v1/students/${student.id}`)
        .set(...otherAuth)
        .send({ name: 'Stolen' }),
      await t.http.get(`/v1/students/${student.id}/guardians`).set(...otherAuth),
      await t.http.get(`/v1/guardians/${guardian.id}`).set(...otherAuth),
      await t.http
        .patch(`/v1/guardians/${guardian.id}`)
        .set(...otherAuth)
        .send({ name: 'Stolen' }),
      await t.http.get(`/v1/guardians/${guardian.id}/students`).set(...otherAuth),
      await t.http.put(`/v1/students/${student.id}/guardians/${ownGuardian.id}`).set(...otherAuth),
      await t.http.delete(`/v1/students/${student.id}/guardians/${guardian.id}`).set(...otherAuth),
    ];
    const students = await t.http.get('/v1/students').set(...otherAuth);
    const graphql = await t.gql(
      'query($id: ID!) { student(id: $id) { id } }',
      { id: student.id },
      other.adminKey,
    );
    const after = await t.http.get(`/v1/students/${student.id}/guardians`).set(...auth());

    for (const response of responses) {
      expect(response.status).toBe(404);
    }
    expect(students.body.items).toEqual([]);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.map((g: { name: string }) => g.name)).toEqual(['Private guardian']);
  });
});
