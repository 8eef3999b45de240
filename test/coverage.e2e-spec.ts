import { HiLinkClient, HiLinkError } from '../sdk/src';
import { createSession, Classroom, createClassroom } from './support/classroom-fixtures';
import { runDocumentedLesson } from './support/progress-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ObjectiveRow {
  objectiveCode: string;
  status: string;
  checksAnswered: number;
  checksCorrect: number;
  correctShare: number | null;
  sessionsSkipped: number;
  recapMatches: number;
}

interface GapRow {
  objectiveCode: string;
  curriculumId: string;
  occurrences: number;
  skippedCount: number;
  notLandingCount: number;
  gapShare: number;
}

describe('curriculum coverage', () => {
  let t: TestApp;
  let classroom: Classroom;
  let other: Classroom;

  const statuses = (objectives: ObjectiveRow[]) =>
    Object.fromEntries(objectives.map((o) => [o.objectiveCode, o.status]));

  function coverage(enrollmentId: string, key = t.adminKey) {
    return t.http.get(`/v1/enrollments/${enrollmentId}/coverage`).set(...bearer(key));
  }

  function gaps(query: Record<string, string>, key = t.adminKey) {
    return t.http
      .get('/v1/coverage/gaps')
      .query(query)
      .set(...bearer(key));
  }

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
    other = await createClassroom(t, t.adminKey, { students: 1 });
    // Student 0 answers correctly and student 1 incorrectly; the phase planning OBJ.3 is skipped.
    await runDocumentedLesson(t, t.adminKey, classroom, {
      phases: [['OBJ.1'], ['OBJ.2'], ['OBJ.3'], []],
      skipPhase: 2,
      checks: [
        { objectiveCode: 'OBJ.1', answers: [true, false] },
        { objectiveCode: 'OBJ.2', answers: [true, false] },
      ],
      recapCodes: ['OBJ.1'],
    });
    // The other classroom skips OBJ.2 in April.
    await runDocumentedLesson(t, t.adminKey, other, {
      phases: [['OBJ.1'], ['OBJ.2'], []],
      skipPhase: 1,
      scheduledStart: '2026-04-06T16:00:00+02:00',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('compares each enrollment’s plan with its sessions', async () => {
    const strong = await coverage(classroom.enrollmentIds[0]);
    const weak = await coverage(classroom.enrollmentIds[1]);
    const objective = (rows: ObjectiveRow[], code: string) =>
      rows.find((row) => row.objectiveCode === code) as ObjectiveRow;

    expect(strong.status).toBe(200);
    expect(strong.body.sessionsDocumented).toBe(1);
    expect(statuses(strong.body.objectives)).toEqual({
      'OBJ.1': 'covered',
      'OBJ.2': 'covered',
      'OBJ.3': 'skipped',
    });
    expect(statuses(weak.body.objectives)).toEqual({
      'OBJ.1': 'not_landing',
      'OBJ.2': 'not_landing',
      'OBJ.3': 'skipped',
    });
    expect(objective(strong.body.objectives, 'OBJ.1').recapMatches).toBe(1);
    expect(objective(strong.body.objectives, 'OBJ.1').correctShare).toBe(1);
    expect(objective(weak.body.objectives, 'OBJ.2').checksAnswered).toBe(1);
    expect(objective(weak.body.objectives, 'OBJ.2').checksCorrect).toBe(0);
    expect(objective(weak.body.objectives, 'OBJ.3').sessionsSkipped).toBe(1);
    expect(strong.body.covered).toBe(2);
    expect(strong.body.skipped).toBe(1);
    expect(weak.body.notLanding).toBe(2);
  });

  it('marks objectives planned in upcoming sessions', async () => {
    const fresh = await createClassroom(t, t.adminKey, { students: 1 });
    await createSession(t, t.adminKey, fresh, {
      phases: [
        { kind: 'instruction', title: 'New idea', plannedMinutes: 20, objectiveCodes: ['OBJ.2'] },
      ],
    });

    const result = await t.gql(
      `query C($id: ID!) { enrollmentCoverage(enrollmentId: $id) { sessionsDocumented planned notStarted objectives { objectiveCode status planPosition } } }`,
      { id: fresh.enrollmentIds[0] },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.enrollmentCoverage.sessionsDocumented).toBe(0);
    expect(result.data?.enrollmentCoverage.objectives).toEqual([
      { objectiveCode: 'OBJ.1', status: 'not_started', planPosition: 0 },
      { objectiveCode: 'OBJ.2', status: 'planned', planPosition: 1 },
      { objectiveCode: 'OBJ.3', status: 'not_started', planPosition: 2 },
    ]);
    expect(result.data?.enrollmentCoverage.planned).toBe(1);
    expect(result.data?.enrollmentCoverage.notStarted).toBe(2);
  });

  it('ranks the objectives skipped or not landing most', async () => {
    const all = await gaps({});
    const rows: GapRow[] = all.body.items;
    const row = (code: string, curriculumId: string) =>
      rows.find((item) => item.objectiveCode === code && item.curriculumId === curriculumId);

    expect(all.status).toBe(200);
    expect(rows[0]).toMatchObject({
      objectiveCode: 'OBJ.3',
      curriculumId: classroom.curriculumId,
      skippedCount: 2,
      occurrences: 2,
      gapShare: 1,
    });
    expect(row('OBJ.1', classroom.curriculumId)).toMatchObject({
      notLandingCount: 1,
      occurrences: 2,
      gapShare: 0.5,
    });
    expect(row('OBJ.2', other.curriculumId)).toMatchObject({ skippedCount: 1 });
    expect(row('OBJ.1', other.curriculumId)).toBeUndefined();
  });

  it('filters gaps by curriculum, instructor and period', async () => {
    const byCurriculum = await gaps({ curriculumId: other.curriculumId });
    const byInstructor = await gaps({ instructorId: classroom.instructorId });
    const april = await gaps({ from: '2026-04-01', to: '2026-05-01T00:00:00Z' });
    const march = await t.gql(
      `query G($filter: CoverageGapsFilter) { coverageGaps(filter: $filter) { objectiveCode curriculumId skippedCount notLandingCount } }`,
      { filter: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', limit: 1 } },
    );
    const codes = (response: { body: { items: GapRow[] } }) =>
      response.body.items.map(
        (item) =>
          `${item.curriculumId === other.curriculumId ? 'other' : 'class'}:${item.objectiveCode}`,
      );

    expect(codes(byCurriculum)).toEqual(['other:OBJ.2']);
    expect(codes(byInstructor)).toEqual(['class:OBJ.3', 'class:OBJ.1', 'class:OBJ.2']);
    expect(codes(april)).toEqual(['other:OBJ.2']);
    expect(march.errors).toBeUndefined();
    expect(march.data?.coverageGaps).toEqual([
      {
        objectiveCode: 'OBJ.3',
        curriculumId: classroom.curriculumId,
        skippedCount: 2,
        notLandingCount: 0,
      },
    ]);
  });

  it('rejects invalid gap filters naming the field', async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      ['reversed period', { from: '2026-05-01', to: '2026-04-01' }, 400, 'to'],
      ['equal bounds', { from: '2026-05-01', to: '2026-05-01' }, 400, 'to'],
      ['bad from', { from: 'yesterday' }, 400, 'from'],
      ['bad to', { to: '2026-13-45' }, 400, 'to'],
      ['zero limit', { limit: '0' }, 400, 'limit'],
      ['malformed curriculum', { curriculumId: 'abc' }, 400, 'curriculumId'],
      ['unknown curriculum', { curriculumId: UNKNOWN_ID }, 404, 'curriculumId'],
      ['unknown instructor', { instructorId: UNKNOWN_ID }, 404, 'instructorId'],
      ['unknown field', { sort: 'asc' }, 400, 'sort'],
    ];

    for (const [name, query, status, field] of cases) {
      const response = await gaps(query);
      expect({ name, status: response.status }).toEqual({ name, status });
      expect({ name, named: String(response.body.detail).includes(field) }).toEqual({
        name,
        named: true,
      });
    }
    const graphql = await t.gql(
      `query G($filter: CoverageGapsFilter) { coverageGaps(filter: $filter) { objectiveCode } }`,
      { filter: { from: '2026-05-01', to: '2026-04-01' } },
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(graphql.errors?.[0]?.message).toContain('swap');
  });

  it('hides other organizations’ coverage', async () => {
    const tenant = await t.createOrganization('Coverage other tenant');

    const foreign = await coverage(classroom.enrollmentIds[0], tenant.adminKey);
    const unknown = await coverage(UNKNOWN_ID);
    const foreignGaps = await gaps({ curriculumId: classroom.curriculumId }, tenant.adminKey);
    const foreignInstructor = await gaps({ instructorId: classroom.instructorId }, tenant.adminKey);
    const empty = await gaps({}, tenant.adminKey);
    const graphql = await t.gql(
      `query C($id: ID!) { enrollmentCoverage(enrollmentId: $id) { enrollmentId } }`,
      { id: classroom.enrollmentIds[0] },
      tenant.adminKey,
    );

    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('enrollmentId');
    expect(foreignGaps.status).toBe(404);
    expect(foreignInstructor.status).toBe(404);
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('serves coverage through the SDK', async () => {
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });

    const enrollment = await client.enrollmentCoverage(classroom.enrollmentIds[0]);
    const ranked = await client.coverageGaps({ curriculumId: classroom.curriculumId, limit: 2 });
    const missing = await client.enrollmentCoverage(UNKNOWN_ID).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(enrollment.objectives.map((o) => o.status)).toEqual(['covered', 'covered', 'skipped']);
    expect(ranked.map((gap) => gap.objectiveCode)).toEqual(['OBJ.3', 'OBJ.1']);
    expect(missing).toBeInstanceOf(HiLinkError);
    expect((missing as HiLinkError).code).toBe('NOT_FOUND');
  });
});
