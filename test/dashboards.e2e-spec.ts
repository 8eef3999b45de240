import { DataSource } from 'typeorm';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { DashboardRecomputation, RawScope } from '../src/dashboards/dashboard-recompute';
import {
  choiceCheck,
  createActivity,
  LiveLesson,
  respond,
  startLesson,
} from './support/activity-fixtures';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { runDocumentedLesson } from './support/progress-fixtures';
import { waitForRecap, waitForSessionRecap } from './support/recap-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('operations dashboards', () => {
  let t: TestApp;
  let classA: Classroom;
  let classB: Classroom;
  let other: { organizationId: string; adminKey: string };
  let operationsKey: string;
  let readKey: string;
  const sessions: Record<string, string> = {};

  function get(path: string, query: Record<string, string | number> = {}, key = operationsKey) {
    return t.http
      .get(`/v1/dashboards/${path}`)
      .query(query)
      .set(...bearer(key));
  }

  async function createKey(scopes: string[]): Promise<string> {
    const response = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: scopes.join(' '), scopes });
    expect(response.status).toBe(201);

    return response.body.secret as string;
  }

  /** Records a join and some talk for each listed student of the lesson. */
  function attend(classroom: Classroom, studentIndexes: number[]) {
    return async (lesson: LiveLesson) => {
      const now = new Date().toISOString();
      const events = studentIndexes.flatMap((index) => {
        const participantId = lesson.students.find(
          (student) => student.identity === `student:${classroom.studentIds[index]}`,
        )?.id;

        return [
          { participantId, type: 'joined', connectionId: `c${index}`, occurredAt: now },
          { participantId, type: 'spoke', durationMs: 30_000 * (index + 1), occurredAt: now },
          { participantId, type: 'chat_message', text: 'Done', occurredAt: now },
        ];
      });
      const response = await t.http
        .post(`/v1/sessions/${lesson.sessionId}/events/batch`)
        .set(...bearer(t.adminKey))
        .send({ events });
      expect(response.status).toBe(200);
    };
  }

  function scope(extra: Partial<RawScope> = {}): RawScope {
    return {
      organizationId: t.organizationId,
      period: { from: MARCH.from, to: MARCH.to, days: 31 },
      ...extra,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    classA = await createClassroom(t, t.adminKey, { students: 2 });
    classB = await createClassroom(t, t.adminKey, { students: 1 });
    other = await t.createOrganization('Dashboards other tenant');
    operationsKey = await createKey(['operations:read']);
    readKey = await createKey(['read']);

    // L1: OBJ.3 skipped; student 0 answers both checks right, student 1 misses OBJ.1.
    sessions.l1 = (
      await runDocumentedLesson(t, t.adminKey, classA, {
        phases: [['OBJ.1'], ['OBJ.2'], ['OBJ.3'], []],
        skipPhase: 2,
        checks: [
          { objectiveCode: 'OBJ.1', answers: [true, false] },
          { objectiveCode: 'OBJ.2', answers: [true, true] },
        ],
        recapCodes: ['OBJ.1'],
        scheduledStart: '2026-03-02T15:00:00Z',
        whileLive: attend(classA, [0, 1]),
      })
    ).sessionId;
    // L2: student 0 misses OBJ.2, student 1 gets it.
    sessions.l2 = (
      await runDocumentedLesson(t, t.adminKey, classA, {
        phases: [['OBJ.1'], ['OBJ.2'], []],
        checks: [{ objectiveCode: 'OBJ.2', answers: [false, true] }],
        scheduledStart: '2026-03-09T15:00:00Z',
        whileLive: attend(classA, [0, 1]),
      })
    ).sessionId;
    sessions.l3 = (
      await runDocumentedLesson(t, t.adminKey, classB, {
        phases: [['OBJ.1'], []],
        scheduledStart: '2026-03-04T15:00:00Z',
        whileLive: attend(classB, [0]),
      })
    ).sessionId;
    // S4 ends without anyone joining and is never documented.
    const s4 = await startLesson(t, t.adminKey, classB, {
      scheduledStart: '2026-03-05T15:00:00Z',
      scheduledEnd: '2026-03-05T16:00:00Z',
    });
    sessions.s4 = s4.sessionId;
    expect(
      (await t.http.post(`/v1/sessions/${s4.sessionId}/end`).set(...bearer(t.adminKey))).status,
    ).toBe(200);
    const s5 = await createSession(t, t.adminKey, classB, {
      scheduledStart: '2026-03-06T15:00:00Z',
      scheduledEnd: '2026-03-06T16:00:00Z',
    });
    sessions.s5 = s5.id;
    expect(
      (await t.http.post(`/v1/sessions/${s5.id}/cancel`).set(...bearer(t.adminKey))).status,
    ).toBe(200);
    const s6 = await createSession(t, t.adminKey, classB, {
      scheduledStart: '2026-03-20T15:00:00Z',
      scheduledEnd: '2026-03-20T16:00:00Z',
    });
    sessions.s6 = s6.id;
  });

  afterAll(async () => {
    await t.close();
  });

  describe('session volume', () => {
    it('counts sessions, attendance and documentation', async () => {
      const response = await get('session-volume', MARCH);

      expect(response.status).toBe(200);
      expect(response.body.period).toEqual({ ...MARCH, days: 31 });
      expect(response.body.totals).toEqual({
        start: '2026-03-01',
        sessions: 6,
        openSessions: 1,
        endedSessions: 1,
        documentedSessions: 3,
        cancelledSessions: 1,
        heldSessions: 4,
        documentedWithRecap: 3,
        documentationRate: 0.75,
        expectedStudents: 6,
        attendedStudents: 5,
        attendanceRate: 0.8333,
      });
    });

    it('returns a daily series with empty days', async () => {
      const response = await get('session-volume', MARCH);
      const series = response.body.series as { start: string; sessions: number }[];

      expect(series).toHaveLength(31);
      expect(series[1]).toMatchObject({ start: '2026-03-02', sessions: 1, documentedSessions: 1 });
      expect(series[4]).toMatchObject({ start: '2026-03-05', sessions: 1, endedSessions: 1 });
      expect(series[5]).toMatchObject({ start: '2026-03-06', sessions: 1, cancelledSessions: 1 });
      expect(series[0]).toMatchObject({ start: '2026-03-01', sessions: 0, attendanceRate: null });
    });

    it('returns a weekly series', async () => {
      const response = await get('session-volume', { ...MARCH, interval: 'week' });
      const weeks = (response.body.series as { start: string; sessions: number }[]).map((point) => [
        point.start,
        point.sessions,
      ]);

      expect(weeks).toEqual([
        ['2026-03-01', 0],
        ['2026-03-02', 4],
        ['2026-03-09', 1],
        ['2026-03-16', 1],
        ['2026-03-23', 0],
        ['2026-03-30', 0],
      ]);
    });

    it('filters by instructor and curriculum', async () => {
      const byInstructor = await get('session-volume', {
        ...MARCH,
        instructorId: classA.instructorId,
      });
      const byCurriculum = await get('session-volume', {
        ...MARCH,
        curriculumId: classB.curriculumId,
      });

      expect(byInstructor.body.totals.sessions).toBe(2);
      expect(byInstructor.body.totals.attendedStudents).toBe(4);
      expect(byCurriculum.body.totals.sessions).toBe(4);
      expect(byCurriculum.body.totals.heldSessions).toBe(2);
    });

    it('matches a recomputation from raw rows', async () => {
      const raw = new DashboardRecomputation(t.app.get(DataSource).manager);
      for (const interval of ['day', 'week'] as const) {
        const response = await get('session-volume', { ...MARCH, interval });

        expect(response.body).toEqual(await raw.sessionVolume(scope(), interval));
      }
    });
  });

  describe('instructor consistency', () => {
    it('returns the mean and spread of each metric', async () => {
      const response = await get('instructor-consistency', MARCH);
      const rows = response.body.instructors as Record<string, any>[];
      const a = rows.find((row) => row.instructorId === classA.instructorId);
      const b = rows.find((row) => row.instructorId === classB.instructorId);

      expect(response.status).toBe(200);
      expect(rows).toHaveLength(2);
      expect(a?.sessions).toBe(2);
      expect(a?.documentedSessions).toBe(2);
      // L1 covered 3 of 6 planned (enrollment, objective) pairs and L2 3 of 4.
      expect(a?.coverageShare).toEqual({
        sessions: 2,
        mean: 0.625,
        stdDev: 0.125,
        min: 0.5,
        max: 0.75,
      });
      // L1: 3 of 4 answers correct; L2: 1 of 2.
      expect(a?.correctShare).toEqual({
        sessions: 2,
        mean: 0.625,
        stdDev: 0.125,
        min: 0.5,
        max: 0.75,
      });
      expect(a?.participationScore.sessions).toBe(2);
      expect(a?.recapApprovalDelaySeconds.sessions).toBe(2);
      expect(b?.sessions).toBe(2);
      expect(b?.documentedSessions).toBe(1);
      expect(b?.coverageShare).toEqual({ sessions: 1, mean: 1, stdDev: 0, min: 1, max: 1 });
      expect(b?.correctShare).toEqual({
        sessions: 0,
        mean: null,
        stdDev: null,
        min: null,
        max: null,
      });
    });

    it('measures recap approval delay from the recaps', async () => {
      const rows: { delay: number }[] = await t.app.get(DataSource).query(
        `SELECT extract(epoch FROM approved_at - coalesce(generated_at, created_at))::float8 AS delay
           FROM recaps WHERE session_id = ANY($1::uuid[]) AND status = 'approved' ORDER BY 1`,
        [[sessions.l1, sessions.l2]],
      );
      const response = await get('instructor-consistency', {
        ...MARCH,
        instructorId: classA.instructorId,
      });
      const delay = response.body.instructors[0].recapApprovalDelaySeconds;

      expect(rows).toHaveLength(2);
      expect(delay.min).toBeCloseTo(rows[0].delay, 3);
      expect(delay.max).toBeCloseTo(rows[1].delay, 3);
      expect(delay.min).toBeGreaterThanOrEqual(0);
    });

    it('matches a recomputation from raw rows', async () => {
      const raw = new DashboardRecomputation(t.app.get(DataSource).manager);
      const response = await get('instructor-consistency', MARCH);

      expect(response.body).toEqual(await raw.instructorConsistency(scope()));
    });
  });

  describe('curriculum gaps', () => {
    it('ranks skipped and not landing objectives', async () => {
      const response = await get('curriculum-gaps', MARCH);
      const rows = (response.body.objectives as Record<string, any>[]).map((row) => [
        row.curriculumId,
        row.objectiveCode,
        row.occurrences,
        row.skippedCount,
        row.notLandingCount,
      ]);

      expect(response.status).toBe(200);
      expect(rows).toEqual([
        [classA.curriculumId, 'OBJ.3', 2, 2, 0],
        [classA.curriculumId, 'OBJ.1', 4, 0, 1],
        [classA.curriculumId, 'OBJ.2', 4, 0, 1],
      ]);
    });

    it('equals the coverage gaps report for the same filters', async () => {
      const dashboard = await get('curriculum-gaps', {
        ...MARCH,
        curriculumId: classA.curriculumId,
        limit: 2,
      });
      const report = await t.http
        .get('/v1/coverage/gaps')
        .query({
          from: '2026-03-01T00:00:00Z',
          to: '2026-04-01T00:00:00Z',
          curriculumId: classA.curriculumId,
          limit: 2,
        })
        .set(...bearer(t.adminKey));

      expect(dashboard.body.objectives).toEqual(report.body.items);
      expect(dashboard.body.objectives).toHaveLength(2);
    });

    it('matches a recomputation from raw rows', async () => {
      const raw = new DashboardRecomputation(t.app.get(DataSource).manager);
      const response = await get('curriculum-gaps', {
        ...MARCH,
        instructorId: classA.instructorId,
      });

      expect(response.body).toEqual(
        await raw.curriculumGaps(scope({ instructorId: classA.instructorId })),
      );
    });
  });

  describe('at-risk students', () => {
    it('lists students of the period at a level with their sessions', async () => {
      const response = await get('at-risk-students', { ...MARCH, level: 'low' });
      const rows = response.body.students as Record<string, any>[];
      const b0 = rows.find((row) => row.studentId === classB.studentIds[0]);

      expect(response.status).toBe(200);
      expect(response.body.studentsInPeriod).toBe(3);
      expect(rows.map((row) => row.studentId).sort()).toEqual(
        [...classA.studentIds, ...classB.studentIds].sort(),
      );
      expect(b0).toMatchObject({
        level: 'low',
        sessionsInPeriod: 2,
        attendedInPeriod: 1,
        lateJoinsInPeriod: 0,
      });
    });

    it('lists medium and high students first by score with their factors', async () => {
      const dataSource = t.app.get(DataSource);
      await dataSource.query(
        `UPDATE risk_assessments SET level = 'high', score = 0.9, signals = $3::jsonb
          WHERE organization_id = $1 AND student_id = $2`,
        [
          t.organizationId,
          classA.studentIds[1],
          JSON.stringify([
            {
              kind: 'repeated_incorrect_checks',
              score: 0.4,
              explanation: 'Half of the checks wrong.',
              evidence: [],
            },
            {
              kind: 'absences_and_late_joins',
              score: 0.9,
              explanation: 'Missed sessions.',
              evidence: [],
            },
            { kind: 'declining_participation', score: 0, explanation: 'Stable.', evidence: [] },
          ]),
        ],
      );
      const response = await get('at-risk-students', MARCH);

      expect(response.body.atRiskStudents).toBe(1);
      expect(response.body.students).toHaveLength(1);
      expect(response.body.students[0]).toMatchObject({
        studentId: classA.studentIds[1],
        level: 'high',
        score: 0.9,
        sessionsInPeriod: 2,
        attendedInPeriod: 2,
        checksAnswered: 3,
        checksCorrect: 2,
      });
      expect(response.body.students[0].factors.map((f: { kind: string }) => f.kind)).toEqual([
        'absences_and_late_joins',
        'repeated_incorrect_checks',
      ]);
    });

    it('matches a recomputation from raw rows', async () => {
      const raw = new DashboardRecomputation(t.app.get(DataSource).manager);
      const response = await get('at-risk-students', { ...MARCH, level: 'low' });
      const expected = JSON.parse(JSON.stringify(await raw.atRiskStudents(scope(), 'low')));

      expect(response.body).toEqual(expected);
    });
  });

  describe('rollups', () => {
    it('equal the facts recomputed from raw rows', async () => {
      const dataSource = t.app.get(DataSource);
      const raw = await new DashboardRecomputation(dataSource.manager).facts(scope(), true);
      const stored: Record<string, unknown>[] = await dataSource.query(
        `SELECT session_id, status, expected_students, attended_students, has_approved_recap,
                recap_approval_delay_seconds, participation_score, coverage_share, correct_share
           FROM dashboard_session_facts WHERE organization_id = $1 ORDER BY session_id`,
        [t.organizationId],
      );

      expect(stored).toEqual(
        raw.sessions.map((fact) => ({
          session_id: fact.sessionId,
          status: fact.status,
          expected_students: fact.expectedStudents,
          attended_students: fact.attendedStudents,
          has_approved_recap: fact.hasApprovedRecap,
          recap_approval_delay_seconds: fact.recapApprovalDelaySeconds,
          participation_score: fact.participationScore,
          coverage_share: fact.coverageShare,
          correct_share: fact.correctShare,
        })),
      );
    });

    it('come back the same after a rebuild', async () => {
      const before = await Promise.all(
        ['session-volume', 'instructor-consistency', 'curriculum-gaps'].map((path) =>
          get(path, MARCH),
        ),
      );
      const rebuilt = await t.http
        .post('/v1/dashboards/rollups/rebuild')
        .set(...bearer(t.adminKey));
      const after = await Promise.all(
        ['session-volume', 'instructor-consistency', 'curriculum-gaps'].map((path) =>
          get(path, MARCH),
        ),
      );

      expect(rebuilt.status).toBe(200);
      expect(rebuilt.body.sessions).toBe(6);
      expect(rebuilt.body.studentSessions).toBe(6);
      expect(after.map((response) => response.body)).toEqual(
        before.map((response) => response.body),
      );
    });
  });

  describe('access', () => {
    it('requires the operations:read scope', async () => {
      const refused = await get('session-volume', MARCH, readKey);
      const rebuild = await t.http
        .post('/v1/dashboards/rollups/rebuild')
        .set(...bearer(operationsKey));

      expect(refused.status).toBe(403);
      expect(refused.body.title).toBe('MISSING_SCOPE');
      expect(rebuild.status).toBe(403);
    });

    it('shows another organization nothing', async () => {
      const volume = await get('session-volume', MARCH, other.adminKey);
      const instructors = await get('instructor-consistency', MARCH, other.adminKey);
      const gaps = await get('curriculum-gaps', MARCH, other.adminKey);
      const risk = await get('at-risk-students', { ...MARCH, level: 'low' }, other.adminKey);
      const foreignInstructor = await get(
        'session-volume',
        { ...MARCH, instructorId: classA.instructorId },
        other.adminKey,
      );
      const foreignCurriculum = await get(
        'curriculum-gaps',
        { ...MARCH, curriculumId: classA.curriculumId },
        other.adminKey,
      );

      expect(volume.body.totals.sessions).toBe(0);
      expect(instructors.body.instructors).toEqual([]);
      expect(gaps.body.objectives).toEqual([]);
      expect(risk.body.students).toEqual([]);
      expect(foreignInstructor.status).toBe(404);
      expect(foreignInstructor.body.field).toBe('instructorId');
      expect(foreignCurriculum.status).toBe(404);
      expect(foreignCurriculum.body.field).toBe('curriculumId');
    });
  });

  describe('bad input', () => {
    async function expectProblem(
      path: string,
      query: Record<string, string | number>,
      status: number,
      field: string,
      text: RegExp,
    ) {
      const response = await get(path, query);

      expect(response.status).toBe(status);
      expect(response.body.field).toBe(field);
      expect(response.body.detail ?? response.body.message).toMatch(text);
    }

    it('rejects from after to', async () => {
      await expectProblem(
        'session-volume',
        { from: '2026-03-10', to: '2026-03-01' },
        400,
        'from',
        /from \(2026-03-10\) is after to \(2026-03-01\): swap/,
      );
    });

    it('rejects a period over the maximum', async () => {
      await expectProblem(
        'instructor-consistency',
        { from: '2025-01-01', to: '2026-03-01' },
        400,
        'to',
        /spans 425 days, more than the maximum of 366/,
      );
    });

    it('rejects an unknown instructor', async () => {
      await expectProblem(
        'at-risk-students',
        { instructorId: UNKNOWN_ID },
        404,
        'instructorId',
        /Member "00000000-0000-4000-8000-000000000000" was not found/,
      );
    });

    it('rejects an unknown instructor of curriculum gaps', async () => {
      await expectProblem(
        'curriculum-gaps',
        { instructorId: UNKNOWN_ID },
        404,
        'instructorId',
        /Member "00000000-0000-4000-8000-000000000000" was not found/,
      );
    });

    it('rejects an unknown curriculum', async () => {
      await expectProblem(
        'curriculum-gaps',
        { curriculumId: UNKNOWN_ID },
        404,
        'curriculumId',
        /was not found in this organization/,
      );
    });

    it('rejects a malformed uuid', async () => {
      await expectProblem(
        'session-volume',
        { instructorId: 'teacher-7' },
        400,
        'instructorId',
        /instructorId must be a UUID/,
      );
    });

    it('rejects a malformed date', async () => {
      await expectProblem(
        'session-volume',
        { from: '2026-02-30' },
        400,
        'from',
        /from must be a calendar date in YYYY-MM-DD form/,
      );
      await expectProblem(
        'session-volume',
        { to: '2026-03-01T00:00:00Z' },
        400,
        'to',
        /to must be a calendar date in YYYY-MM-DD form/,
      );
    });

    it('rejects a limit out of range', async () => {
      await expectProblem(
        'curriculum-gaps',
        { limit: 0 },
        400,
        'limit',
        /limit must be an integer from 1 to 500/,
      );
      await expectProblem(
        'at-risk-students',
        { limit: 501 },
        400,
        'limit',
        /limit must be an integer from 1 to 500/,
      );
    });

    it('rejects an unknown interval', async () => {
      await expectProblem(
        'session-volume',
        { interval: 'month' },
        400,
        'interval',
        /interval must be one of: day, week/,
      );
    });

    it('names the field in GraphQL errors', async () => {
      const result = await t.gql(
        `query { sessionVolumeDashboard(filter: { from: "2026-03-10", to: "2026-03-01" }) { totals { sessions } } }`,
        {},
        operationsKey,
      );

      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('from');
    });
  });

  describe('SDK', () => {
    it('reads every dashboard', async () => {
      const client = new HiLinkClient({ url: t.url, apiKey: operationsKey });
      const volume = await client.sessionVolumeDashboard({ ...MARCH, interval: 'week' });
      const instructors = await client.instructorConsistencyDashboard({
        ...MARCH,
        instructorId: classA.instructorId,
      });
      const gaps = await client.curriculumGapsDashboard({ ...MARCH, limit: 1 });
      const risk = await client.atRiskStudentsDashboard({ ...MARCH, level: 'low', limit: 5 });

      expect(volume.totals.sessions).toBe(6);
      expect(volume.series).toHaveLength(6);
      expect(instructors.instructors).toHaveLength(1);
      expect(instructors.instructors[0].coverageShare.mean).toBe(0.625);
      expect(gaps.objectives.map((row) => row.objectiveCode)).toEqual(['OBJ.3']);
      expect(risk.studentsInPeriod).toBe(3);
    });

    it('rebuilds the rollups with an admin key', async () => {
      const admin = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
      const rebuilt = await admin.rebuildDashboardRollups();

      expect(rebuilt.sessions).toBe(6);
    });

    it('raises a HiLinkError for bad input', async () => {
      const client = new HiLinkClient({ url: t.url, apiKey: operationsKey });
      const error = await client
        .sessionVolumeDashboard({ from: '2024-01-01', to: '2026-01-01' })
        .then(
          () => undefined,
          (reason: unknown) => reason,
        );

      expect(error).toBeInstanceOf(HiLinkError);
      expect((error as HiLinkError).code).toBe('BAD_USER_INPUT');
      expect((error as HiLinkError).field).toBe('to');
    });
  });

  // Runs last: its lessons are in April and May, on classrooms of their own, so the March
  // answers above stay as they are.
  describe('curriculum gaps recomputed from raw sources', () => {
    const APRIL = { from: '2026-04-01', to: '2026-04-30' };
    let classC: Classroom;
    let classD: Classroom;

    async function expectOk(response: { status: number; body: unknown }, action: string) {
      if (response.status < 200 || response.status > 299) {
        throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
    }

    async function setRecapObjectives(recap: Record<string, any>, codes: string[]) {
      await expectOk(
        await t.http
          .patch(`/v1/recaps/${recap.id}`)
          .set(...bearer(t.adminKey))
          .send({
            content: {
              ...recap.content,
              objectivesCovered: codes.map((code) => ({ code, confidence: 0.7, evidence: [] })),
            },
          }),
        'Editing the recap',
      );
      await expectOk(
        await t.http.post(`/v1/recaps/${recap.id}/approve`).set(...bearer(t.adminKey)),
        'Approving the recap',
      );
    }

    /**
     * Runs a lesson whose phases end done, skipped or still planned (done phases come before
     * planned ones), answers its checks (one answer per student: true right, false wrong, null
     * none) and approves its recap with the given objectives, which documents the session.
     */
    async function runLesson(
      classroom: Classroom,
      script: {
        scheduledStart: string;
        phases: { codes: string[]; status: 'done' | 'skipped' | 'planned' }[];
        checks: { objectiveCode: string; answers: (boolean | null)[]; anonymous?: boolean }[];
        recapCodes: string[];
      },
    ): Promise<string> {
      const lesson = await startLesson(t, t.adminKey, classroom, {
        scheduledStart: script.scheduledStart,
        scheduledEnd: new Date(new Date(script.scheduledStart).getTime() + 3_600_000).toISOString(),
        phases: script.phases.map((phase, index) => ({
          kind: 'instruction',
          title: `Phase ${index + 1}`,
          plannedMinutes: 10,
          objectiveCodes: phase.codes,
        })),
      });
      const sessionId = lesson.sessionId;
      const listed = await t.http
        .get(`/v1/sessions/${sessionId}/phases`)
        .set(...bearer(t.adminKey));
      await expectOk(listed, 'Listing phases');
      const phaseIds = (listed.body.phases as { id: string }[]).map((phase) => phase.id);
      for (const [index, phase] of script.phases.entries()) {
        if (phase.status === 'skipped') {
          await expectOk(
            await t.http
              .post(`/v1/sessions/${sessionId}/phases/${phaseIds[index]}/skip`)
              .set(...bearer(t.adminKey)),
            'Skipping a phase',
          );
        }
      }
      // Each advance starts the next planned phase; ending the session marks the active one done.
      const advances = script.phases.filter((phase) => phase.status === 'done').length;
      for (let step = 0; step < advances; step += 1) {
        await expectOk(
          await t.http.post(`/v1/sessions/${sessionId}/phases/advance`).set(...bearer(t.adminKey)),
          'Advancing the phase',
        );
        if (step === 0) {
          for (const check of script.checks) {
            const activityId = await createActivity(
              t,
              t.adminKey,
              sessionId,
              choiceCheck({
                objectiveCode: check.objectiveCode,
                anonymous: check.anonymous ?? false,
              }),
            );
            for (const [index, correct] of check.answers.entries()) {
              const student = lesson.students.find(
                (person) => person.identity === `student:${classroom.studentIds[index]}`,
              );
              if (correct !== null && student) {
                await expectOk(
                  await respond(t, student.token, activityId, {
                    optionIds: correct ? ['a', 'c'] : ['b'],
                  }),
                  'Answering',
                );
              }
            }
          }
        }
      }
      await expectOk(
        await t.http.post(`/v1/sessions/${sessionId}/end`).set(...bearer(t.adminKey)),
        'Ending the session',
      );
      await setRecapObjectives(await waitForSessionRecap(t, sessionId), script.recapCodes);

      return sessionId;
    }

    beforeAll(async () => {
      classC = await createClassroom(t, t.adminKey, { students: 2 });
      classD = await createClassroom(t, t.adminKey, { students: 2 });
      // Student 0: OBJ.1 partially covered (a done and a skipped phase), OBJ.2 covered, OBJ.3
      // skipped (its phase was still planned at the end). Student 1: OBJ.1 not landing (0 of 1),
      // OBJ.2 covered (the anonymous check does not count), OBJ.3 skipped.
      await runLesson(classC, {
        scheduledStart: '2026-04-06T15:00:00Z',
        phases: [
          { codes: ['OBJ.1'], status: 'done' },
          { codes: ['OBJ.2'], status: 'done' },
          { codes: ['OBJ.1'], status: 'skipped' },
          { codes: ['OBJ.3'], status: 'planned' },
        ],
        checks: [
          { objectiveCode: 'OBJ.1', answers: [true, false] },
          { objectiveCode: 'OBJ.2', answers: [false, false], anonymous: true },
          { objectiveCode: 'OBJ.2', answers: [true, null] },
        ],
        recapCodes: ['OBJ.2'],
      });
      // Student 0: OBJ.1 partially covered (skipped phase, but a right answer), OBJ.3 covered
      // with exactly half right. Student 1: OBJ.1 skipped, OBJ.3 covered. OBJ.2 covered for both.
      // A second recap approved afterwards names OBJ.1, but coverage keeps the first one.
      const secondLesson = await runLesson(classC, {
        scheduledStart: '2026-04-13T15:00:00Z',
        phases: [
          { codes: ['OBJ.2'], status: 'done' },
          { codes: ['OBJ.1'], status: 'skipped' },
          { codes: ['OBJ.3'], status: 'done' },
        ],
        checks: [
          { objectiveCode: 'OBJ.1', answers: [true, null] },
          { objectiveCode: 'OBJ.3', answers: [true, true] },
          { objectiveCode: 'OBJ.3', answers: [false, true] },
        ],
        recapCodes: ['OBJ.2', 'OBJ.3'],
      });
      const requested = await t.http
        .post(`/v1/sessions/${secondLesson}/recaps`)
        .set(...bearer(t.adminKey));
      await expectOk(requested, 'Requesting another recap');
      await setRecapObjectives(await waitForRecap(t, requested.body.id as string), [
        'OBJ.1',
        'OBJ.2',
      ]);
      // Both students: OBJ.1 covered, OBJ.3 not landing. OBJ.2's phase was skipped: student 1
      // answered its check (partially covered), student 0 did not (skipped).
      await runLesson(classD, {
        scheduledStart: '2026-04-08T15:00:00Z',
        phases: [
          { codes: ['OBJ.1'], status: 'done' },
          { codes: ['OBJ.2'], status: 'skipped' },
          { codes: ['OBJ.3'], status: 'done' },
        ],
        checks: [
          { objectiveCode: 'OBJ.3', answers: [false, false] },
          { objectiveCode: 'OBJ.2', answers: [null, true] },
        ],
        recapCodes: ['OBJ.1'],
      });
      // In May, outside the period.
      await runLesson(classD, {
        scheduledStart: '2026-05-04T15:00:00Z',
        phases: [
          { codes: ['OBJ.1'], status: 'done' },
          { codes: ['OBJ.2'], status: 'skipped' },
        ],
        checks: [],
        recapCodes: [],
      });
    });

    function aprilScope(extra: Partial<RawScope> = {}): RawScope {
      return {
        organizationId: t.organizationId,
        period: { from: APRIL.from, to: APRIL.to, days: 30 },
        ...extra,
      };
    }

    it('classifies skipped, partially covered and not landing objectives', async () => {
      const response = await get('curriculum-gaps', APRIL);
      const rows = (response.body.objectives as Record<string, any>[])
        .map((row) => [
          row.curriculumId === classC.curriculumId ? 'C' : 'D',
          row.objectiveCode,
          row.occurrences,
          row.coveredCount,
          row.partiallyCoveredCount,
          row.skippedCount,
          row.notLandingCount,
          row.checksAnswered,
          row.correctShare,
        ])
        .sort((a, b) => String(a).localeCompare(String(b)));

      expect(response.status).toBe(200);
      expect(rows).toEqual([
        ['C', 'OBJ.1', 4, 0, 2, 1, 1, 3, 0.667],
        ['C', 'OBJ.3', 4, 2, 0, 2, 0, 4, 0.75],
        ['D', 'OBJ.2', 2, 0, 1, 1, 0, 1, 1],
        ['D', 'OBJ.3', 2, 0, 0, 0, 2, 2, 0],
      ]);
    });

    it('equals the raw recomputation and the coverage table scan for every filter', async () => {
      const raw = new DashboardRecomputation(t.app.get(DataSource).manager);
      const filters: { instructorId?: string; curriculumId?: string; limit?: number }[] = [
        {},
        { instructorId: classC.instructorId },
        { instructorId: classD.instructorId },
        { curriculumId: classC.curriculumId },
        { curriculumId: classD.curriculumId },
        { instructorId: classC.instructorId, curriculumId: classD.curriculumId },
        { limit: 2 },
      ];
      for (const filter of filters) {
        const response = await get('curriculum-gaps', { ...APRIL, ...filter });
        const { limit, ...ids } = filter;
        const fromRaw = await raw.curriculumGaps(aprilScope(ids), limit);
        const fromTable = await raw.curriculumGapsFromSessionCoverage(aprilScope(ids), limit);

        expect(response.status).toBe(200);
        expect(response.body).toEqual(JSON.parse(JSON.stringify(fromRaw)));
        expect(fromRaw).toEqual(fromTable);
      }
      const instructorD = await raw.curriculumGaps(
        aprilScope({ instructorId: classD.instructorId }),
      );
      expect(instructorD.objectives.map((row) => row.objectiveCode).sort()).toEqual([
        'OBJ.2',
        'OBJ.3',
      ]);
    });

    it('counts the same objectives as the coverage rows of the documented sessions', async () => {
      const dataSource = t.app.get(DataSource);
      const [stored]: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM session_objective_coverage
          WHERE organization_id = $1 AND curriculum_id = ANY($2::uuid[])
            AND session_start >= '2026-04-01' AND session_start < '2026-05-01'`,
        [t.organizationId, [classC.curriculumId, classD.curriculumId]],
      );
      const raw = new DashboardRecomputation(dataSource.manager);
      const gaps = await raw.curriculumGaps(aprilScope(), 100);
      const listed = gaps.objectives.reduce((sum, row) => sum + row.occurrences, 0);

      // 6 rows per lesson of classroom C (2 students × 3 objectives) and 6 for classroom D's
      // April lesson; the gaps list leaves out objectives without any gap (C's OBJ.2, D's OBJ.1).
      expect(stored.n).toBe(18);
      expect(listed).toBe(18 - 4 - 2);
    });
  });
});
