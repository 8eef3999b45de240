import { HiLinkClient, HiLinkError } from '../sdk/src';
import { Classroom, createClassroom } from './support/classroom-fixtures';
import { runDocumentedLesson } from './support/progress-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Evidence {
  kind: string;
  sessionId: string | null;
  correct: boolean | null;
  recapId: string | null;
}

interface ProgressRecord {
  id: string | null;
  objectiveCode: string;
  status: string;
  automaticStatus: string;
  confidence: number;
  override: { status: string; reason: string } | null;
  evidence: Evidence[];
  evidenceCount: number;
}

const PROGRESS_FIELDS = `
  id objectiveCode status confidence automaticStatus automaticConfidence evidenceCount lastSessionId
  override { status reason by { kind id } }
  evidence { kind sessionId activityId recapId correct recapConfidence ratedStatus note }`;

describe('progress records', () => {
  let t: TestApp;
  let classroom: Classroom;
  let first: { sessionId: string; recapId: string };

  async function progressOf(studentId: string, key = t.adminKey): Promise<ProgressRecord[]> {
    const response = await t.http.get(`/v1/students/${studentId}/progress`).set(...bearer(key));
    expect(response.status).toBe(200);

    return response.body.items;
  }

  const byCode = (records: ProgressRecord[], code: string): ProgressRecord => {
    const record = records.find((item) => item.objectiveCode === code);
    if (!record) {
      throw new Error(`No record for ${code}`);
    }

    return record;
  };

  function override(body: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post('/v1/progress-overrides')
      .set(...bearer(key))
      .send(body);
  }

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
    // OBJ.1 and OBJ.2 are taught with checks; the phase planning OBJ.3 is skipped.
    first = await runDocumentedLesson(t, t.adminKey, classroom, {
      phases: [['OBJ.1'], ['OBJ.2'], ['OBJ.3'], []],
      skipPhase: 2,
      checks: [
        { objectiveCode: 'OBJ.1', answers: [true, false] },
        { objectiveCode: 'OBJ.2', answers: [true, false] },
      ],
      recapCodes: ['OBJ.1'],
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('records progress when a session is documented', async () => {
    const strong = await progressOf(classroom.studentIds[0]);
    const weak = await progressOf(classroom.studentIds[1]);

    expect(strong.map((r) => r.objectiveCode)).toEqual(['OBJ.1', 'OBJ.2', 'OBJ.3']);
    expect(byCode(strong, 'OBJ.1').status).toBe('practicing');
    expect(byCode(strong, 'OBJ.2').status).toBe('practicing');
    expect(byCode(strong, 'OBJ.3').status).toBe('not_started');
    expect(byCode(strong, 'OBJ.3').id).toBeNull();
    expect(byCode(strong, 'OBJ.1').confidence).toBe(0.25);
    expect(byCode(weak, 'OBJ.1').status).toBe('practicing');
    expect(byCode(weak, 'OBJ.1').confidence).toBe(0.25);
    expect(byCode(weak, 'OBJ.3').status).toBe('not_started');
  });

  it('links each evidence item to its session', async () => {
    const strong = await progressOf(classroom.studentIds[0]);
    const weak = await progressOf(classroom.studentIds[1]);
    const kinds = (record: ProgressRecord) => record.evidence.map((e) => e.kind).sort();

    expect(kinds(byCode(strong, 'OBJ.1'))).toEqual(['check_result', 'lesson_plan', 'recap']);
    expect(kinds(byCode(strong, 'OBJ.2'))).toEqual(['check_result', 'lesson_plan']);
    expect(byCode(strong, 'OBJ.1').evidence.every((e) => e.sessionId === first.sessionId)).toBe(
      true,
    );
    expect(byCode(strong, 'OBJ.1').evidence.find((e) => e.kind === 'recap')?.recapId).toBe(
      first.recapId,
    );
    expect(byCode(strong, 'OBJ.1').evidence.find((e) => e.kind === 'check_result')?.correct).toBe(
      true,
    );
    expect(byCode(weak, 'OBJ.1').evidence.find((e) => e.kind === 'check_result')?.correct).toBe(
      false,
    );
    expect(byCode(strong, 'OBJ.1').evidenceCount).toBe(3);
  });

  it('serves progress over GraphQL', async () => {
    const result = await t.gql(
      `query P($studentId: ID!, $curriculumId: ID) {
         studentProgress(studentId: $studentId, curriculumId: $curriculumId) { ${PROGRESS_FIELDS} }
       }`,
      { studentId: classroom.studentIds[0], curriculumId: classroom.curriculumId },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.studentProgress).toHaveLength(3);
    expect(result.data?.studentProgress[0].status).toBe('practicing');
    expect(result.data?.studentProgress[0].evidence.length).toBe(3);
  });

  it('keeps an override through the next documented session', async () => {
    const studentId = classroom.studentIds[0];
    const overridden = await override({
      studentId,
      curriculumId: classroom.curriculumId,
      objectiveCode: 'OBJ.2',
      status: 'introduced',
      reason: 'Guessed on the check; could not explain the method.',
    });

    await runDocumentedLesson(t, t.adminKey, classroom, {
      phases: [['OBJ.1', 'OBJ.2'], []],
      checks: [
        { objectiveCode: 'OBJ.1', answers: [true, true] },
        { objectiveCode: 'OBJ.2', answers: [true, true] },
      ],
      scheduledStart: '2026-03-09T16:00:00+01:00',
    });
    const after = await progressOf(studentId);
    const recordId = byCode(after, 'OBJ.2').id as string;
    const history = await t.http
      .get(`/v1/progress-records/${recordId}/history`)
      .set(...bearer(t.adminKey));

    expect(overridden.status).toBe(200);
    expect(overridden.body.status).toBe('introduced');
    expect(overridden.body.automaticStatus).toBe('practicing');
    expect(overridden.body.override.reason).toBe(
      'Guessed on the check; could not explain the method.',
    );
    expect(overridden.body.override.by.kind).toBe('api_key');
    expect(byCode(after, 'OBJ.2').status).toBe('introduced');
    expect(byCode(after, 'OBJ.2').automaticStatus).toBe('mastered');
    expect(byCode(after, 'OBJ.2').override?.status).toBe('introduced');
    expect(byCode(after, 'OBJ.1').status).toBe('mastered');
    expect(history.status).toBe(200);
    expect(history.body.items.map((c: { change: string }) => c.change)).toEqual([
      'automatic',
      'override',
      'automatic',
    ]);
    expect(history.body.items.map((c: { toStatus: string }) => c.toStatus)).toEqual([
      'practicing',
      'introduced',
      'introduced',
    ]);
    expect(history.body.items[2].automaticStatus).toBe('mastered');
    expect(history.body.items[1].reason).toContain('Guessed');
    expect(history.body.items[0].sessionId).toBe(first.sessionId);
  });

  it('clears an override back to the automatic status', async () => {
    const records = await progressOf(classroom.studentIds[0]);
    const recordId = byCode(records, 'OBJ.2').id as string;

    const cleared = await t.http
      .post(`/v1/progress-records/${recordId}/clear-override`)
      .set(...bearer(t.adminKey))
      .send({ reason: 'Explained the method in the next lesson.' });
    const again = await t.http
      .post(`/v1/progress-records/${recordId}/clear-override`)
      .set(...bearer(t.adminKey))
      .send({ reason: 'Twice.' });
    const graphql = await t.gql(
      `query H($id: ID!) { progressHistory(recordId: $id, first: 10) { nodes { change toStatus reason } pageInfo { hasNextPage } } }`,
      { id: recordId },
    );

    expect(cleared.status).toBe(200);
    expect(cleared.body.status).toBe('mastered');
    expect(cleared.body.override).toBeNull();
    expect(again.status).toBe(409);
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data?.progressHistory.nodes.at(-1)).toEqual({
      change: 'override_cleared',
      toStatus: 'mastered',
      reason: 'Explained the method in the next lesson.',
    });
  });

  it('lets the session instructor override and forbids students', async () => {
    const results: Record<string, { status: number; body: any }> = {};
    const body = {
      studentId: classroom.studentIds[1],
      curriculumId: classroom.curriculumId,
      objectiveCode: 'OBJ.3',
      status: 'introduced',
      reason: 'Worked through OBJ.3 one to one at the end.',
    };
    await runDocumentedLesson(t, t.adminKey, classroom, {
      phases: [['OBJ.1'], []],
      scheduledStart: '2026-03-16T16:00:00+01:00',
      whileLive: async (lesson) => {
        results.student = await override(body, lesson.students[0].token);
        results.instructor = await override(body, lesson.instructor.token);
        results.graphqlStudent = {
          status: 0,
          body: await t.gql(
            `mutation O($input: OverrideProgressInput!) { overrideProgress(input: $input) { id } }`,
            { input: body },
            lesson.students[1].token,
          ),
        };
      },
    });
    const records = await progressOf(classroom.studentIds[1]);
    const record = await t.http
      .get(`/v1/progress-records/${byCode(records, 'OBJ.3').id}`)
      .set(...bearer(t.adminKey));

    expect(results.student.status).toBe(403);
    expect(results.graphqlStudent.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(results.instructor.status).toBe(200);
    expect(results.instructor.body.override.by.kind).toBe('participant');
    expect(byCode(records, 'OBJ.3').status).toBe('introduced');
    expect(record.status).toBe(200);
    expect(record.body.evidence[0].kind).toBe('instructor_rating');
    expect(record.body.evidence[0].ratedStatus).toBe('introduced');
    expect(record.body.evidence[0].sessionId).toEqual(expect.any(String));
  });

  it('rejects invalid overrides naming the field', async () => {
    const valid = {
      studentId: classroom.studentIds[0],
      curriculumId: classroom.curriculumId,
      objectiveCode: 'OBJ.1',
      status: 'mastered',
      reason: 'Shown in class.',
    };
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['missing reason', { ...valid, reason: undefined }, 400, 'reason'],
      ['long reason', { ...valid, reason: 'x'.repeat(1001) }, 400, 'reason'],
      ['blank reason', { ...valid, reason: '   ' }, 400, 'reason'],
      ['wrong status', { ...valid, status: 'expert' }, 400, 'status'],
      ['unknown objective', { ...valid, objectiveCode: 'OBJ.9' }, 404, 'objectiveCode'],
      ['unknown student', { ...valid, studentId: UNKNOWN_ID }, 404, 'studentId'],
      ['unknown curriculum', { ...valid, curriculumId: UNKNOWN_ID }, 404, 'curriculumId'],
      ['malformed student', { ...valid, studentId: 'abc' }, 400, 'studentId'],
      ['foreign session', { ...valid, sessionId: UNKNOWN_ID }, 400, 'sessionId'],
    ];

    for (const [name, body, status, field] of cases) {
      const response = await override(body);
      expect({ name, status: response.status }).toEqual({ name, status });
      expect({ name, message: String(response.body.detail).includes(field) }).toEqual({
        name,
        message: true,
      });
    }
  });

  it('rejects a wrong status value over GraphQL', async () => {
    const result = await t.gql(
      `mutation O($input: OverrideProgressInput!) { overrideProgress(input: $input) { id } }`,
      {
        input: {
          studentId: classroom.studentIds[0],
          curriculumId: classroom.curriculumId,
          objectiveCode: 'OBJ.1',
          status: 'expert',
          reason: 'Shown in class.',
        },
      },
    );

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('status');
  });

  it('hides other organizations’ progress', async () => {
    const other = await t.createOrganization('Progress other tenant');
    const records = await progressOf(classroom.studentIds[0]);
    const recordId = byCode(records, 'OBJ.1').id as string;

    const progress = await t.http
      .get(`/v1/students/${classroom.studentIds[0]}/progress`)
      .set(...bearer(other.adminKey));
    const record = await t.http
      .get(`/v1/progress-records/${recordId}`)
      .set(...bearer(other.adminKey));
    const history = await t.gql(
      `query H($id: ID!) { progressHistory(recordId: $id) { nodes { id } } }`,
      { id: recordId },
      other.adminKey,
    );
    const overridden = await override(
      {
        studentId: classroom.studentIds[0],
        curriculumId: classroom.curriculumId,
        objectiveCode: 'OBJ.1',
        status: 'mastered',
        reason: 'Not my student.',
      },
      other.adminKey,
    );
    const unknown = await t.http
      .get(`/v1/students/${UNKNOWN_ID}/progress`)
      .set(...bearer(t.adminKey));

    expect(progress.status).toBe(404);
    expect(progress.body.detail).not.toContain('Student 0');
    expect(record.status).toBe(404);
    expect(history.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(overridden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('studentId');
  });

  it('serves progress through the SDK', async () => {
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    const records = await client.studentProgress({
      studentId: classroom.studentIds[0],
      curriculumId: classroom.curriculumId,
    });
    const recordId = records.find((r) => r.objectiveCode === 'OBJ.1')?.id as string;
    const record = await client.progressRecord(recordId);
    const history = await client.progressHistory({ recordId });
    const overridden = await client.overrideProgress({
      studentId: classroom.studentIds[0],
      curriculumId: classroom.curriculumId,
      objectiveCode: 'OBJ.1',
      status: 'practicing',
      reason: 'Needs more practice with unlike denominators.',
    });
    const cleared = await client.clearProgressOverride({
      id: recordId,
      input: { reason: 'Practised.' },
    });
    const missing = await client.progressRecord(UNKNOWN_ID).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(records).toHaveLength(3);
    expect(record.objectiveCode).toBe('OBJ.1');
    expect(history.nodes.length).toBeGreaterThanOrEqual(2);
    expect(overridden.status).toBe('practicing');
    expect(cleared.override).toBeNull();
    expect(missing).toBeInstanceOf(HiLinkError);
    expect((missing as HiLinkError).code).toBe('NOT_FOUND');
  });
});
