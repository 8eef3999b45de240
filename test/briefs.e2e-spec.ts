import { DataSource } from 'typeorm';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { BriefScheduler } from '../src/briefs/brief-scheduler';
import { JobWorker } from '../src/jobs/job-worker';
import { systemContext } from '../src/common/request-context';
import { Session } from '../src/sessions/session.entity';
import { startLesson } from './support/activity-fixtures';
import {
  Classroom,
  createClassroom,
  createSession,
  participantToken,
} from './support/classroom-fixtures';
import { OpenAiTestServer, startOpenAiTestServer } from './support/openai-test-server';
import { waitForJob, waitForSessionRecap } from './support/recap-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const OPEN_MISCONCEPTION = 'Adds the denominators when adding fractions.';
const RESOLVED_LATER = 'Confuses the numerator and the denominator.';
const MINUTE_MS = 60_000;

interface LessonPlan {
  scheduledStart: string;
  summary: string;
  misconceptions: { description: string; resolved: boolean }[];
  /** Indexes of the students in classroom.studentIds who join the lesson. */
  joined: number[];
}

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

function futureSessionBody(hours: number): Record<string, unknown> {
  return {
    scheduledStart: hoursFromNow(hours),
    scheduledEnd: hoursFromNow(hours + 1),
  };
}

describe('session briefs', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let classroom: Classroom;
  let other: { organizationId: string; adminKey: string };
  const recapIds: string[] = [];

  /** Runs a lesson, edits its recap to the plan's summary and misconceptions, and approves it. */
  async function documentLesson(plan: LessonPlan): Promise<string> {
    const lesson = await startLesson(t, t.adminKey, classroom, {
      scheduledStart: plan.scheduledStart,
      scheduledEnd: new Date(new Date(plan.scheduledStart).getTime() + 3_600_000).toISOString(),
    });
    const events = plan.joined.map((index) => ({
      participantId: lesson.students.find(
        (student) => student.identity === `student:${classroom.studentIds[index]}`,
      )?.id,
      type: 'joined',
      connectionId: `c${index}`,
      occurredAt: new Date().toISOString(),
    }));
    const recorded = await t.http
      .post(`/v1/sessions/${lesson.sessionId}/events/batch`)
      .set(...bearer(t.adminKey))
      .send({ events });
    expect(recorded.status).toBe(200);
    expect((await t.http.post(`/v1/sessions/${lesson.sessionId}/end`).set(...bearer(t.adminKey))).status).toBe(200);
    const recap = await waitForSessionRecap(t, lesson.sessionId);
    const edited = await t.http
      .patch(`/v1/recaps/${recap.id}`)
      .set(...bearer(t.adminKey))
      .send({
        content: {
          ...recap.content,
          summary: plan.summary,
          misconceptions: plan.misconceptions.map((item) => ({ ...item, evidence: [] })),
        },
      });
    expect(edited.status).toBe(200);
    const approved = await t.http.post(`/v1/recaps/${recap.id}/approve`).set(...bearer(t.adminKey));
    expect(approved.status).toBe(200);

    return recap.id as string;
  }

  async function requestBrief(sessionId: string, key = t.adminKey): Promise<Record<string, any>> {
    const requested = await t.http.post(`/v1/sessions/${sessionId}/brief`).set(...bearer(key));
    expect(requested.status).toBe(202);
    await waitForJob(t, requested.body.id, ['succeeded']);
    const brief = await t.http.get(`/v1/sessions/${sessionId}/brief`).set(...bearer(key));
    expect(brief.status).toBe(200);

    return brief.body;
  }

  async function jobsOf(sessionId: string): Promise<{ id: string; status: string; run_at: Date; unique_key: string }[]> {
    return dataSource.query(
      `SELECT id, status, run_at, unique_key FROM jobs WHERE payload->>'sessionId' = $1 AND kind = 'session_brief.generate' ORDER BY created_at`,
      [sessionId],
    );
  }

  async function eventsOf(type: string, briefId: string): Promise<{ payload: Record<string, unknown> }[]> {
    return dataSource.query(
      `SELECT payload FROM domain_events WHERE type = $1 AND payload->>'briefId' = $2`,
      [type, briefId],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
    other = await t.createOrganization('Briefs other tenant');
    recapIds.push(
      await documentLesson({
        scheduledStart: '2026-03-02T16:00:00+01:00',
        summary: 'The students added fractions with like denominators.',
        misconceptions: [
          { description: OPEN_MISCONCEPTION, resolved: false },
          { description: RESOLVED_LATER, resolved: false },
        ],
        joined: [0],
      }),
    );
    recapIds.push(
      await documentLesson({
        scheduledStart: '2026-03-09T16:00:00+01:00',
        summary: 'The students practised unlike denominators.',
        misconceptions: [{ description: 'confuses the numerator and the denominator', resolved: true }],
        joined: [0],
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('generation', () => {
    let sessionId: string;
    let brief: Record<string, any>;

    beforeAll(async () => {
      sessionId = (await createSession(t, t.adminKey, classroom, futureSessionBody(72))).id;
      brief = await requestBrief(sessionId);
    });

    it('stores a draft with provenance', () => {
      expect(brief.status).toBe('draft');
      expect(brief.trigger).toBe('requested');
      expect(brief.provider).toBe('local');
      expect(brief.model).toBe('hilink-extractive-1');
      expect(brief.promptVersion).toBe('local-brief-v2');
      expect(brief.inputHash).toMatch(/^[0-9a-f]{64}$/);
      expect(brief.sourceRecapIds).toEqual(recapIds);
      expect(brief.omittedRecapIds).toEqual([]);
      expect(brief.usage).toEqual({
        promptTokens: 0,
        completionTokens: 0,
        totalTokens: 0,
        requests: 0,
        costUsd: 0,
      });
      expect(brief.currentVersionNumber).toBe(1);
    });

    it('reads recaps, objectives and students', () => {
      expect(brief.facts.recentSessions.map((recap: any) => recap.recapId)).toEqual(recapIds);
      expect(brief.facts.plannedObjectives.map((objective: any) => objective.code)).toEqual([
        'OBJ.1',
        'OBJ.2',
        'OBJ.3',
      ]);
      expect(brief.facts.plannedObjectives[0].title).toBe('Objective 1');
      expect(brief.facts.students.map((student: any) => student.studentId).sort()).toEqual(
        [...classroom.studentIds].sort(),
      );
    });

    it('keeps only misconceptions still open', () => {
      expect(brief.facts.openMisconceptions.map((item: any) => item.description)).toEqual([
        OPEN_MISCONCEPTION,
      ]);
      expect(brief.facts.openMisconceptions[0].recapId).toBe(recapIds[0]);
    });

    it('counts attendance in documented sessions', () => {
      const byId = new Map(brief.facts.students.map((student: any) => [student.studentId, student]));
      const joined = byId.get(classroom.studentIds[0]) as any;
      const absent = byId.get(classroom.studentIds[1]) as any;
      expect(joined.attendance).toEqual({ sessions: 2, attended: 2, late: 0, absent: 0 });
      expect(absent.attendance).toEqual({ sessions: 2, attended: 0, late: 0, absent: 2 });
      expect(absent.engagement.scores).toHaveLength(2);
      expect(['rising', 'falling', 'steady']).toContain(absent.engagement.trend);
    });

    it('writes warm-up questions from the gaps', () => {
      expect(brief.content.warmUpQuestions[0].question).toContain(OPEN_MISCONCEPTION);
      expect(brief.content.warmUpQuestions[0].gap).toBe(OPEN_MISCONCEPTION);
      expect(brief.content.warmUpQuestions[1].question).toContain('Objective 1');
      expect(brief.content.summary).toContain('The students practised unlike denominators.');
      expect(brief.content.focusPoints.join('\n')).toContain(OPEN_MISCONCEPTION);
    });

    it('records a drafted event', async () => {
      const events = await eventsOf('session_brief.drafted', brief.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload.sessionId).toBe(sessionId);
      expect(events[0].payload.inputHash).toBe(brief.inputHash);
    });

    it('serves the brief by id over GraphQL', async () => {
      const result = await t.gql(
        `query ($id: ID!) { sessionBriefById(id: $id) { id status facts { openMisconceptions { description } } versions { number source } } }`,
        { id: brief.id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.sessionBriefById.versions).toEqual([{ number: 1, source: 'generated' }]);
    });
  });

  describe('review', () => {
    let sessionId: string;

    beforeEach(async () => {
      sessionId = (await createSession(t, t.adminKey, classroom, futureSessionBody(96))).id;
    });

    it('edits and approves a draft', async () => {
      const brief = await requestBrief(sessionId);
      const content = {
        summary: 'Start with a fraction strip.',
        focusPoints: ['Check common denominators first.'],
        warmUpQuestions: [{ question: 'What is 1/2 + 1/3?', gap: OPEN_MISCONCEPTION }],
      };
      const edited = await t.http
        .patch(`/v1/briefs/${brief.id}`)
        .set(...bearer(t.adminKey))
        .send({ content, note: 'Shorter' });
      expect(edited.status).toBe(200);
      expect(edited.body.currentVersionNumber).toBe(2);
      expect(edited.body.content).toEqual(content);
      const versions = await t.http.get(`/v1/briefs/${brief.id}/versions`).set(...bearer(t.adminKey));
      expect(versions.body.items.map((version: any) => version.source)).toEqual(['generated', 'edited']);
      expect(versions.body.items[1].note).toBe('Shorter');

      const approved = await t.http.post(`/v1/briefs/${brief.id}/approve`).set(...bearer(t.adminKey));
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(approved.body.approvedAt).toEqual(expect.any(String));
      expect(approved.body.reviewer.kind).toBe('api_key');
      const events = await eventsOf('session_brief.approved', brief.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload.versionNumber).toBe(2);
    });

    it('rejects changes after approval', async () => {
      const brief = await requestBrief(sessionId);
      await t.http.post(`/v1/briefs/${brief.id}/approve`).set(...bearer(t.adminKey));
      const again = await t.http.post(`/v1/briefs/${brief.id}/approve`).set(...bearer(t.adminKey));
      const rejected = await t.http
        .post(`/v1/briefs/${brief.id}/reject`)
        .set(...bearer(t.adminKey))
        .send({ reason: 'Too late' });
      const edited = await t.http
        .patch(`/v1/briefs/${brief.id}`)
        .set(...bearer(t.adminKey))
        .send({ content: brief.content });
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('cannot be approved again');
      expect(rejected.status).toBe(409);
      expect(edited.status).toBe(409);
    });

    it('refuses to approve a rejected brief', async () => {
      const brief = await requestBrief(sessionId);
      const rejected = await t.http
        .post(`/v1/briefs/${brief.id}/reject`)
        .set(...bearer(t.adminKey))
        .send({ reason: 'Misreads the last recap' });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      expect(rejected.body.rejectionReason).toBe('Misreads the last recap');
      const approved = await t.http.post(`/v1/briefs/${brief.id}/approve`).set(...bearer(t.adminKey));
      expect(approved.status).toBe(409);
      expect(approved.body.title).toBe('SESSION_BRIEF_ILLEGAL_TRANSITION');
      expect(approved.body.detail).toContain('is rejected');
    });

    it('reviews over GraphQL', async () => {
      const requested = await t.gql(
        `mutation ($sessionId: ID!) { requestSessionBrief(sessionId: $sessionId) { id kind status } }`,
        { sessionId },
      );
      expect(requested.errors).toBeUndefined();
      expect(requested.data?.requestSessionBrief.kind).toBe('session_brief.generate');
      await waitForJob(t, requested.data?.requestSessionBrief.id, ['succeeded']);
      const read = await t.gql(
        `query ($sessionId: ID!) { sessionBrief(sessionId: $sessionId) { id status } }`,
        { sessionId },
      );
      const id = read.data?.sessionBrief.id;
      const edited = await t.gql(
        `mutation ($id: ID!, $input: EditSessionBriefInput!) { editSessionBrief(id: $id, input: $input) { currentVersionNumber } }`,
        {
          id,
          input: { content: { summary: 'Edited', focusPoints: [], warmUpQuestions: [] } },
        },
      );
      expect(edited.data?.editSessionBrief.currentVersionNumber).toBe(2);
      const rejected = await t.gql(
        `mutation ($id: ID!) { rejectSessionBrief(id: $id, input: { reason: "Not needed" }) { status } }`,
        { id },
      );
      expect(rejected.data?.rejectSessionBrief.status).toBe('rejected');
      const approved = await t.gql(`mutation ($id: ID!) { approveSessionBrief(id: $id) { status } }`, {
        id,
      });
      expect(approved.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
  });

  describe('scheduling', () => {
    const leadMs = 120 * MINUTE_MS;

    it('queues the brief at the lead time', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(48));
      const jobs = await jobsOf(session.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].status).toBe('queued');
      expect(jobs[0].unique_key).toBe(`session-brief:scheduled:${session.id}`);
      expect(new Date(jobs[0].run_at).getTime()).toBe(
        new Date(session.scheduledStart).getTime() - leadMs,
      );
    });

    it('drafts at once inside the lead time', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(1));
      const [job] = await jobsOf(session.id);
      await waitForJob(t, job.id, ['succeeded']);
      const brief = await t.http.get(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
      expect(brief.status).toBe(200);
      expect(brief.body.trigger).toBe('scheduled');
      expect(brief.body.jobId).toBe(job.id);
    });

    it('skips a session that has started', async () => {
      const session = await createSession(t, t.adminKey, classroom);
      expect(await jobsOf(session.id)).toEqual([]);
    });

    it('drops the job of a cancelled session', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(48));
      expect(await jobsOf(session.id)).toHaveLength(1);
      const cancelled = await t.http.post(`/v1/sessions/${session.id}/cancel`).set(...bearer(t.adminKey));
      expect(cancelled.status).toBe(200);
      expect(await jobsOf(session.id)).toEqual([]);
    });

    it('moves the job of a rescheduled session', async () => {
      const created = await createSession(t, t.adminKey, classroom, futureSessionBody(48));
      const session = await dataSource.getRepository(Session).findOneByOrFail({ id: created.id });
      session.scheduledStart = new Date(session.scheduledStart.getTime() + 24 * 3_600_000);
      const scheduler = t.app.get(BriefScheduler);
      await dataSource.transaction((manager) =>
        scheduler.schedule(systemContext(t.organizationId), session, manager),
      );
      const jobs = await jobsOf(created.id);
      expect(jobs).toHaveLength(1);
      expect(new Date(jobs[0].run_at).getTime()).toBe(session.scheduledStart.getTime() - leadMs);
    });

    it('returns the pending job on repeat', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(48));
      const worker = t.app.get(JobWorker);
      await worker.stop();
      try {
        const first = await t.http.post(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
        const second = await t.http.post(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
        expect(first.status).toBe(202);
        expect(second.status).toBe(202);
        expect(second.body.id).toBe(first.body.id);
        expect(first.body.status).toBe('queued');
      } finally {
        worker.start();
      }
    });
  });

  describe('bad input', () => {
    let sessionId: string;
    let briefId: string;

    beforeAll(async () => {
      sessionId = (await createSession(t, t.adminKey, classroom, futureSessionBody(120))).id;
      briefId = (await requestBrief(sessionId)).id;
    });

    async function patchBrief(body: unknown) {
      return t.http.patch(`/v1/briefs/${briefId}`).set(...bearer(t.adminKey)).send(body as object);
    }

    it('rejects a malformed session id', async () => {
      const response = await t.http.get('/v1/sessions/not-a-uuid/brief').set(...bearer(t.adminKey));
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('id');
      expect(response.body.detail).toContain('must be a UUID');
    });

    it('rejects an unknown session', async () => {
      const response = await t.http.post(`/v1/sessions/${UNKNOWN_ID}/brief`).set(...bearer(t.adminKey));
      expect(response.status).toBe(404);
      expect(response.body.field).toBe('sessionId');
    });

    it('rejects an unknown brief', async () => {
      const response = await t.http.post(`/v1/briefs/${UNKNOWN_ID}/approve`).set(...bearer(t.adminKey));
      expect(response.status).toBe(404);
      expect(response.body.title).toBe('SESSION_BRIEF_NOT_FOUND');
    });

    it('names how to request a missing brief', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(200));
      const response = await t.http.get(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
      expect(response.status).toBe(404);
      expect(response.body.detail).toContain(`POST /v1/sessions/${session.id}/brief`);
    });

    it('refuses a session that is not scheduled', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(48));
      await t.http.post(`/v1/sessions/${session.id}/cancel`).set(...bearer(t.adminKey));
      const response = await t.http.post(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
      expect(response.status).toBe(409);
      expect(response.body.title).toBe('SESSION_NOT_SCHEDULED');
      expect(response.body.detail).toContain('is cancelled');
    });

    it('rejects an empty edit', async () => {
      const response = await patchBrief({});
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('content');
      expect(response.body.detail).toContain('content is required');
    });

    it('rejects a blank summary', async () => {
      const response = await patchBrief({
        content: { summary: '   ', focusPoints: [], warmUpQuestions: [] },
      });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('content.summary');
      expect(response.body.detail).toContain('must not be blank');
    });

    it('rejects an over-long summary', async () => {
      const response = await patchBrief({
        content: { summary: 'x'.repeat(2001), focusPoints: [], warmUpQuestions: [] },
      });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('content.summary');
      expect(response.body.detail).toContain('at most 2000 characters');
    });

    it('rejects too many focus points', async () => {
      const response = await patchBrief({
        content: { summary: 'Fine', focusPoints: Array(13).fill('Point'), warmUpQuestions: [] },
      });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('content.focusPoints');
      expect(response.body.detail).toContain('at most 12 items');
    });

    it('rejects a question without a gap', async () => {
      const response = await patchBrief({
        content: { summary: 'Fine', focusPoints: [], warmUpQuestions: [{ question: 'Why?' }] },
      });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('content.warmUpQuestions.0.gap');
    });

    it('rejects an over-long note', async () => {
      const response = await patchBrief({
        content: { summary: 'Fine', focusPoints: [], warmUpQuestions: [] },
        note: 'n'.repeat(501),
      });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('note');
    });

    it('rejects a rejection without reason', async () => {
      const response = await t.http
        .post(`/v1/briefs/${briefId}/reject`)
        .set(...bearer(t.adminKey))
        .send({ reason: ' ' });
      expect(response.status).toBe(400);
      expect(response.body.field).toBe('reason');
    });

    it('rejects a bad id over GraphQL', async () => {
      const result = await t.gql(`query { sessionBrief(sessionId: "nope") { id } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('sessionId must be a UUID');
    });
  });

  describe('access', () => {
    let sessionId: string;
    let briefId: string;

    beforeAll(async () => {
      sessionId = (await createSession(t, t.adminKey, classroom, futureSessionBody(150))).id;
      briefId = (await requestBrief(sessionId)).id;
    });

    it('hides briefs from another organization', async () => {
      const read = await t.http.get(`/v1/sessions/${sessionId}/brief`).set(...bearer(other.adminKey));
      const byId = await t.http.get(`/v1/briefs/${briefId}`).set(...bearer(other.adminKey));
      const approve = await t.http.post(`/v1/briefs/${briefId}/approve`).set(...bearer(other.adminKey));
      const request = await t.http.post(`/v1/sessions/${sessionId}/brief`).set(...bearer(other.adminKey));
      expect(read.status).toBe(404);
      expect(byId.status).toBe(404);
      expect(approve.status).toBe(404);
      expect(request.status).toBe(404);
      const graphql = await t.gql(
        `query ($id: ID!) { sessionBriefById(id: $id) { id } }`,
        { id: briefId },
        other.adminKey,
      );
      expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it("refuses a student's participant token", async () => {
      const { token } = await participantToken(t, t.adminKey, sessionId, { role: 'student' });
      const read = await t.http.get(`/v1/sessions/${sessionId}/brief`).set(...bearer(token));
      const approve = await t.http.post(`/v1/briefs/${briefId}/approve`).set(...bearer(token));
      expect(read.status).toBe(403);
      expect(approve.status).toBe(403);
    });

    it('requires the recaps:write scope to approve', async () => {
      const created = await t.http
        .post('/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: 'reader', scopes: ['read'] });
      expect(created.status).toBe(201);
      const reader = created.body.secret as string;
      const read = await t.http.get(`/v1/briefs/${briefId}`).set(...bearer(reader));
      const approve = await t.http.post(`/v1/briefs/${briefId}/approve`).set(...bearer(reader));
      expect(read.status).toBe(200);
      expect(approve.status).toBe(403);
    });
  });

  describe('SDK', () => {
    let client: HiLinkClient;

    beforeAll(() => {
      client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    });

    it('requests, edits and approves a brief', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(170));
      expect(await client.sessionBrief(session.id)).toBeNull();
      const job = await client.requestSessionBrief(session.id);
      await waitForJob(t, job.id, ['succeeded']);
      const brief = await client.sessionBrief(session.id);
      expect(brief?.status).toBe('draft');
      expect(brief?.facts.openMisconceptions.map((item) => item.description)).toEqual([
        OPEN_MISCONCEPTION,
      ]);
      const edited = await client.editSessionBrief({
        id: brief!.id,
        input: {
          content: { summary: 'Edited summary', focusPoints: ['One'], warmUpQuestions: [] },
        },
      });
      expect(edited.currentVersionNumber).toBe(2);
      expect(edited.versions.map((version) => version.source)).toEqual(['generated', 'edited']);
      const approved = await client.approveSessionBrief(brief!.id);
      expect(approved.status).toBe('approved');
      const byId = await client.sessionBriefById(brief!.id);
      expect(byId.content.summary).toBe('Edited summary');
      const error = await client
        .rejectSessionBrief({ id: brief!.id, input: { reason: 'Late' } }).catch((reason) => reason);
      expect(error).toBeInstanceOf(HiLinkError);
      expect((error as HiLinkError).code).toBe('CONFLICT');
    });

    it('reports another tenant as not found', async () => {
      const session = await createSession(t, t.adminKey, classroom, futureSessionBody(180));
      const otherClient = client.withApiKey(other.adminKey);
      const error = await otherClient.requestSessionBrief(session.id).catch((reason) => reason);
      expect(error).toBeInstanceOf(HiLinkError);
      expect((error as HiLinkError).code).toBe('NOT_FOUND');
    });
  });
});

describe('session briefs (openai provider)', () => {
  let t: TestApp;
  let server: OpenAiTestServer;
  let classroom: Classroom;
  const answer = {
    summary: 'First session of the enrollment; no recap exists yet.',
    focusPoints: ['Introduce Objective 1.'],
    warmUpQuestions: [{ question: 'What do you know about Objective 1?', gap: 'OBJ.1 Objective 1' }],
  };

  beforeAll(async () => {
    server = await startOpenAiTestServer();
    t = await startTestApp({
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: server.url,
    });
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('records usage and cost after a rate limit', async () => {
    const session = await createSession(t, t.adminKey, classroom, futureSessionBody(72));
    server.enqueue(
      { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
      { kind: 'ok', content: answer },
    );
    const requested = await t.http.post(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
    await waitForJob(t, requested.body.id, ['succeeded']);

    const brief = await t.http.get(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));

    expect(brief.body.provider).toBe('openai');
    expect(brief.body.model).toBe('gpt-4o-mini');
    expect(brief.body.promptVersion).toBe('openai-brief-v1');
    expect(brief.body.content).toEqual(answer);
    expect(brief.body.usage.requests).toBe(2);
    expect(brief.body.usage.promptTokens).toBeGreaterThan(0);
    expect(brief.body.usage.costUsd).toBeGreaterThan(0);
  });

  it('fails the job on repeated malformed JSON', async () => {
    const session = await createSession(t, t.adminKey, classroom, futureSessionBody(72));
    server.enqueue({ kind: 'invalid_json' }, { kind: 'invalid_json' }, { kind: 'invalid_json' });
    const requested = await t.http.post(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));

    const job = await waitForJob(t, requested.body.id, ['failed', 'dead']);

    expect(job.lastError).toContain('not valid JSON after 3 attempts');
    const brief = await t.http.get(`/v1/sessions/${session.id}/brief`).set(...bearer(t.adminKey));
    expect(brief.status).toBe(404);
  });
});
