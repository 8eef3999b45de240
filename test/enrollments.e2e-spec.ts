import {
  createCurriculum,
  createMember,
  createStudent,
  walkPages,
} from './support/people-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('enrollments', () => {
  let t: TestApp;
  const auth = () => ['authorization', `Bearer ${t.adminKey}`] as const;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function fixtures(key = t.adminKey) {
    const student = await createStudent(t, {}, key);
    const instructor = await createMember(t, { role: 'instructor' }, key);
    const curriculum = await createCurriculum(t, {}, key);

    return { studentId: student.id, instructorId: instructor.id, curriculumId: curriculum.id };
  }

  async function enroll(body: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post('/v1/enrollments')
      .set('authorization', `Bearer ${key}`)
      .send({ startDate: '2025-09-01', ...body });
  }

  async function enrollmentCount(): Promise<number> {
    return (await walkPages(t, '/v1/enrollments', 100)).length;
  }

  it('plans every objective by default', async () => {
    const ids = await fixtures();

    const created = await enroll(ids);
    const fetched = await t.http.get(`/v1/enrollments/${created.body.id}`).set(...auth());

    expect(created.status).toBe(201);
    expect(created.body.status).toBe('active');
    expect(created.body.startDate).toBe('2025-09-01');
    expect(created.body.plannedObjectiveCodes).toEqual(['RP.1', 'RP.2', 'RP.3']);
    expect(fetched.body.studentId).toBe(ids.studentId);
    expect(fetched.body.instructorId).toBe(ids.instructorId);
    expect(fetched.body.curriculumId).toBe(ids.curriculumId);
  });

  it('resolves related records over GraphQL', async () => {
    const ids = await fixtures();
    const created = await t.gql(
      `mutation($input: CreateEnrollmentInput!) {
        createEnrollment(input: $input) {
          id status plannedObjectiveCodes
          student { id } instructor { id role } curriculum { id }
        }
      }`,
      { input: { ...ids, startDate: '2025-01-15', plannedObjectiveCodes: ['RP.3', 'RP.1'] } },
    );
    const enrollment = created.data?.createEnrollment;

    expect(created.errors).toBeUndefined();
    expect(enrollment.plannedObjectiveCodes).toEqual(['RP.3', 'RP.1']);
    expect(enrollment.student.id).toBe(ids.studentId);
    expect(enrollment.instructor).toEqual({ id: ids.instructorId, role: 'instructor' });
    expect(enrollment.curriculum.id).toBe(ids.curriculumId);
  });

  it('enforces status transitions', async () => {
    const created = await enroll(await fixtures());
    const id = created.body.id;

    const paused = await t.http
      .patch(`/v1/enrollments/${id}`)
      .set(...auth())
      .send({ status: 'paused' });
    const resumed = await t.gql(
      'mutation($id: ID!) { updateEnrollment(id: $id, input: { status: active }) { status } }',
      { id },
    );
    const completed = await t.http
      .patch(`/v1/enrollments/${id}`)
      .set(...auth())
      .send({ status: 'completed' });
    const reopened = await t.http
      .patch(`/v1/enrollments/${id}`)
      .set(...auth())
      .send({ status: 'active' });
    const replanned = await t.http
      .patch(`/v1/enrollments/${id}`)
      .set(...auth())
      .send({ plannedObjectiveCodes: ['RP.1'] });
    const fetched = await t.http.get(`/v1/enrollments/${id}`).set(...auth());

    expect(paused.body.status).toBe('paused');
    expect(resumed.data?.updateEnrollment.status).toBe('active');
    expect(completed.body.status).toBe('completed');
    expect(reopened.status).toBe(409);
    expect(reopened.body.title).toBe('ENROLLMENT_ILLEGAL_TRANSITION');
    expect(reopened.body.field).toBe('status');
    expect(replanned.status).toBe(409);
    expect(replanned.body.field).toBe('plannedObjectiveCodes');
    expect(fetched.body.status).toBe('completed');
    expect(fetched.body.plannedObjectiveCodes).toEqual(['RP.1', 'RP.2', 'RP.3']);
  });

  it('replaces the planned sequence', async () => {
    const created = await enroll(await fixtures());

    const response = await t.http
      .patch(`/v1/enrollments/${created.body.id}`)
      .set(...auth())
      .send({ plannedObjectiveCodes: ['RP.2', 'RP.1'] });

    expect(response.status).toBe(200);
    expect(response.body.plannedObjectiveCodes).toEqual(['RP.2', 'RP.1']);
  });

  it('names unknown objective codes', async () => {
    const ids = await fixtures();
    const before = await enrollmentCount();

    const response = await enroll({ ...ids, plannedObjectiveCodes: ['RP.1', 'NOPE.1', 'NOPE.2'] });

    expect(response.status).toBe(404);
    expect(response.body.field).toBe('plannedObjectiveCodes');
    expect(response.body.detail).toContain('"NOPE.1"');
    expect(response.body.detail).toContain('"NOPE.2"');
    expect(response.body.unknownCodes).toEqual(['NOPE.1', 'NOPE.2']);
    expect(await enrollmentCount()).toBe(before);
  });

  it('rejects unknown codes when replanning', async () => {
    const created = await enroll(await fixtures());

    const response = await t.http
      .patch(`/v1/enrollments/${created.body.id}`)
      .set(...auth())
      .send({ plannedObjectiveCodes: ['GHOST'] });
    const fetched = await t.http.get(`/v1/enrollments/${created.body.id}`).set(...auth());

    expect(response.status).toBe(404);
    expect(response.body.field).toBe('plannedObjectiveCodes');
    expect(fetched.body.plannedObjectiveCodes).toEqual(['RP.1', 'RP.2', 'RP.3']);
  });

  it.each(['admin', 'operations'])('rejects an instructor with role %s', async (role) => {
    const ids = await fixtures();
    const member = await createMember(t, { role });
    const before = await enrollmentCount();

    const response = await enroll({ ...ids, instructorId: member.id });

    expect(response.status).toBe(400);
    expect(response.body.title).toBe('MEMBER_WRONG_ROLE');
    expect(response.body.field).toBe('instructorId');
    expect(response.body.detail).toContain(role);
    expect(await enrollmentCount()).toBe(before);
  });

  it('rejects a deactivated instructor', async () => {
    const ids = await fixtures();
    await t.http.post(`/v1/members/${ids.instructorId}/deactivate`).set(...auth());

    const response = await enroll(ids);

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('instructorId');
  });

  it.each([
    ['studentId', { studentId: UNKNOWN_ID }, 404],
    ['instructorId', { instructorId: UNKNOWN_ID }, 404],
    ['curriculumId', { curriculumId: UNKNOWN_ID }, 404],
    ['studentId', { studentId: 'not-a-uuid' }, 400],
    ['startDate', { startDate: '2025-02-30' }, 400],
    ['startDate', { startDate: '09/01/2025' }, 400],
    ['plannedObjectiveCodes', { plannedObjectiveCodes: ['RP.1', 'RP.1'] }, 400],
    [
      'plannedObjectiveCodes',
      { plannedObjectiveCodes: Array.from({ length: 1001 }, (_, i) => `C${i}`) },
      400,
    ],
    ['plannedObjectiveCodes', { plannedObjectiveCodes: ['x'.repeat(51)] }, 400],
  ])('rejects an invalid %s on create', async (field, override, status) => {
    const ids = await fixtures();
    const before = await enrollmentCount();

    const response = await enroll({ ...ids, ...override });

    expect(response.status).toBe(status);
    expect(response.body.field).toBe(field);
    expect(await enrollmentCount()).toBe(before);
  });

  it('rejects a wrong status value', async () => {
    const created = await enroll(await fixtures());

    const rest = await t.http
      .patch(`/v1/enrollments/${created.body.id}`)
      .set(...auth())
      .send({ status: 'finished' });
    const list = await t.http.get('/v1/enrollments?status=finished').set(...auth());

    expect(rest.status).toBe(400);
    expect(rest.body.field).toBe('status');
    expect(list.status).toBe(400);
    expect(list.body.field).toBe('status');
  });

  it('filters enrollments by each field', async () => {
    const other = await t.createOrganization('Filters');
    const key = other.adminKey;
    const first = await fixtures(key);
    const second = await fixtures(key);
    const a = (await enroll(first, key)).body.id;
    const b = (await enroll({ ...first, curriculumId: second.curriculumId }, key)).body.id;
    const c = (await enroll(second, key)).body.id;
    await t.http
      .patch(`/v1/enrollments/${c}`)
      .set('authorization', `Bearer ${key}`)
      .send({ status: 'paused' });

    expect(await walkPages(t, `/v1/enrollments?studentId=${first.studentId}`, 10, key)).toEqual([
      a,
      b,
    ]);
    expect(
      await walkPages(t, `/v1/enrollments?instructorId=${second.instructorId}`, 10, key),
    ).toEqual([c]);
    expect(
      await walkPages(t, `/v1/enrollments?curriculumId=${second.curriculumId}`, 10, key),
    ).toEqual([b, c]);
    expect(await walkPages(t, '/v1/enrollments?status=paused', 10, key)).toEqual([c]);
    const graphql = await t.gql(
      'query($id: ID!) { enrollments(studentId: $id, status: active) { nodes { id } } }',
      { id: first.studentId },
      key,
    );
    expect(graphql.data?.enrollments.nodes.map((n: { id: string }) => n.id)).toEqual([a, b]);
  });

  it('pages through enrollments', async () => {
    const other = await t.createOrganization('Paging');
    const ids = await fixtures(other.adminKey);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push((await enroll(ids, other.adminKey)).body.id);
    }

    expect(await walkPages(t, '/v1/enrollments', 2, other.adminKey)).toEqual(created);
  });

  it('rejects other-organization references', async () => {
    const mine = await fixtures();
    const other = await t.createOrganization('Tenant B');
    const theirs = await fixtures(other.adminKey);

    for (const key of ['studentId', 'instructorId', 'curriculumId'] as const) {
      const response = await enroll({ ...mine, [key]: theirs[key] });

      expect(response.status).toBe(404);
      expect(response.body.field).toBe(key);
    }
  });

  it('hides enrollments from other organizations', async () => {
    const created = await enroll(await fixtures());
    const other = await t.createOrganization('Tenant C');
    const otherAuth = ['authorization', `Bearer ${other.adminKey}`] as const;

    const read = await t.http.get(`/v1/enrollments/${created.body.id}`).set(...otherAuth);
    const update = await t.http
      .patch(`/v1/enrollments/${created.body.id}`)
      .set(...otherAuth)
      .send({ status: 'withdrawn' });
    const list = await t.http.get('/v1/enrollments').set(...otherAuth);
    const graphql = await t.gql(
      'query($id: ID!) { enrollment(id: $id) { id } }',
      { id: created.body.id },
      other.adminKey,
    );
    const after = await t.http.get(`/v1/enrollments/${created.body.id}`).set(...auth());

    expect(read.status).toBe(404);
    expect(update.status).toBe(404);
    expect(list.body.items).toEqual([]);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.status).toBe('active');
  });
});
