import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { JobStore } from '../src/jobs/job-store';
import { JobWorker } from '../src/jobs/job-worker';
import { JobsService } from '../src/jobs/jobs.service';
import { RECAP_GENERATE_JOB } from '../src/recaps/recap-limits';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { OpenAiTestServer, startOpenAiTestServer } from './support/openai-test-server';
import {
  endSessionWithDialogue,
  mathDialTurns,
  waitForJob,
  waitForRecap,
  waitForSessionRecap,
} from './support/recap-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DIALOGUE_FILE = 'mathdial-5000005-s3.json';

const RECAP_FIELDS = `
  id sessionId status isFinal approvedAt provider model promptVersion transcriptVersion failureReason
  currentVersionNumber
  content { summary nextSteps objectivesCovered { code confidence } }
  versions { number source editor { kind id } note }
  job { id status attempts }`;

/** Content that every classroom recap accepts: OBJ.2 is in the classroom curriculum. */
function editedContent(base: Record<string, any>, overrides: Record<string, unknown> = {}) {
  return {
    ...base,
    summary: 'Edited: the student found and fixed the doubling error.',
    objectivesCovered: [
      {
        code: 'OBJ.2',
        confidence: 0.8,
        evidence: [
          {
            segmentIndex: 0,
            speaker: 'Tutor',
            speakerRole: 'instructor',
            startMs: 0,
            endMs: 1000,
            text: 'Hi',
          },
        ],
      },
    ],
    nextSteps: ['Practise two-step word problems.'],
    ...overrides,
  };
}

describe('recaps (local provider)', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t.close();
  });

  async function draftRecap(): Promise<Record<string, any>> {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom, DIALOGUE_FILE);

    return waitForSessionRecap(t, sessionId);
  }

  function patch(recapId: string, body: object, key = t.adminKey) {
    return t.http
      .patch(`/v1/recaps/${recapId}`)
      .set(...bearer(key))
      .send(body);
  }

  function post(path: string, body: unknown = {}, key = t.adminKey) {
    return t.http
      .post(path)
      .set(...bearer(key))
      .send(body as object);
  }

  it('drafts a recap with provenance when a session ends', async () => {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom, DIALOGUE_FILE);

    const recap = await waitForSessionRecap(t, sessionId);
    // The draft commits before the worker records the job's success, so wait for the job too.
    const job = await waitForJob(t, recap.jobId, ['succeeded', 'failed', 'dead']);
    const overview = await t.http.get(`/v1/sessions/${sessionId}/recap`).set(...bearer(t.adminKey));

    expect(recap.status).toBe('draft');
    expect(recap.trigger).toBe('session_ended');
    expect(recap.isFinal).toBe(false);
    expect(recap.approvedAt).toBeNull();
    expect(recap.provider).toBe('local');
    expect(recap.model).toEqual(expect.any(String));
    expect(recap.promptVersion).toEqual(expect.any(String));
    expect(recap.transcriptVersion).toBeGreaterThanOrEqual(1);
    expect(recap.input.segmentCount).toBe(mathDialTurns(DIALOGUE_FILE).length);
    expect(recap.input.objectiveCodes).toEqual(['OBJ.1', 'OBJ.2', 'OBJ.3']);
    expect(recap.input.plannedObjectiveCodes).toEqual(['OBJ.1', 'OBJ.2', 'OBJ.3']);
    expect(recap.usage.requests).toBeGreaterThanOrEqual(0);
    expect(recap.content.summary).toEqual(expect.any(String));
    expect(recap.currentVersionNumber).toBe(1);
    expect(job.status).toBe('succeeded');
    expect(job.kind).toBe(RECAP_GENERATE_JOB);
    expect(overview.body.approved).toBeNull();
    expect(overview.body.draft.id).toBe(recap.id);
    expect(overview.body.inProgress).toBeNull();
  });

  it('drafts a sparse recap from an empty transcript', async () => {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom, null);

    const recap = await waitForSessionRecap(t, sessionId);

    expect(recap.status).toBe('draft');
    expect(recap.provider).toBe('none');
    expect(recap.usage.requests).toBe(0);
    expect(recap.transcriptVersion).toBe(0);
    expect(recap.input.segmentCount).toBe(0);
    expect(recap.content.objectivesCovered).toEqual([]);
  });

  it('keeps every edit as a version', async () => {
    const recap = await draftRecap();

    const edited = await patch(recap.id, {
      content: editedContent(recap.content),
      note: 'Named the objective.',
    });
    const again = await patch(recap.id, {
      content: editedContent(recap.content, { nextSteps: [] }),
    });
    const versions = await t.http.get(`/v1/recaps/${recap.id}/versions`).set(...bearer(t.adminKey));
    const graphql = await t.gql(`query R($id: ID!) { recap(id: $id) { ${RECAP_FIELDS} } }`, {
      id: recap.id,
    });

    expect(edited.status).toBe(200);
    expect(edited.body.currentVersionNumber).toBe(2);
    expect(edited.body.content.summary).toContain('Edited');
    expect(edited.body.status).toBe('draft');
    expect(again.body.currentVersionNumber).toBe(3);
    expect(versions.body.items.map((v: any) => v.number)).toEqual([1, 2, 3]);
    expect(versions.body.items.map((v: any) => v.source)).toEqual([
      'generated',
      'edited',
      'edited',
    ]);
    expect(versions.body.items[0].content).toEqual(recap.content);
    expect(versions.body.items[1].note).toBe('Named the objective.');
    expect(versions.body.items[1].editor.kind).toBe('api_key');
    expect(versions.body.items[0].editor).toEqual({ kind: 'system', id: null });
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data?.recap.versions).toHaveLength(3);
    expect(graphql.data?.recap.content.nextSteps).toEqual([]);
  });

  it('approves a draft and documents the session', async () => {
    const recap = await draftRecap();

    const approved = await post(`/v1/recaps/${recap.id}/approve`);
    const session = await t.http.get(`/v1/sessions/${recap.sessionId}`).set(...bearer(t.adminKey));
    const overview = await t.http
      .get(`/v1/sessions/${recap.sessionId}/recap`)
      .set(...bearer(t.adminKey));

    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.isFinal).toBe(true);
    expect(approved.body.approvedAt).toEqual(expect.any(String));
    expect(approved.body.reviewer.kind).toBe('api_key');
    expect(session.body.status).toBe('documented');
    expect(overview.body.approved.id).toBe(recap.id);
    expect(overview.body.draft).toBeNull();
  });

  it('rejects illegal review actions as conflicts', async () => {
    const recap = await draftRecap();
    await post(`/v1/recaps/${recap.id}/approve`);

    const approveAgain = await post(`/v1/recaps/${recap.id}/approve`);
    const editApproved = await patch(recap.id, { content: editedContent(recap.content) });
    const rejectApproved = await post(`/v1/recaps/${recap.id}/reject`, { reason: 'Too late' });
    const graphql = await t.gql(`mutation A($id: ID!) { approveRecap(id: $id) { id } }`, {
      id: recap.id,
    });
    const stored = await t.http.get(`/v1/recaps/${recap.id}`).set(...bearer(t.adminKey));

    expect(approveAgain.status).toBe(409);
    expect(approveAgain.body.title).toBe('RECAP_ILLEGAL_TRANSITION');
    expect(approveAgain.body.detail ?? approveAgain.body.message).toContain('approved');
    expect(editApproved.status).toBe(409);
    expect(rejectApproved.status).toBe(409);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stored.body.currentVersionNumber).toBe(1);
    expect(stored.body.rejectedAt).toBeNull();
  });

  it('rejects a draft with a reason', async () => {
    const recap = await draftRecap();

    const rejected = await post(`/v1/recaps/${recap.id}/reject`, {
      reason: 'Misattributes two answers.',
    });
    const approveRejected = await post(`/v1/recaps/${recap.id}/approve`);
    const session = await t.http.get(`/v1/sessions/${recap.sessionId}`).set(...bearer(t.adminKey));
    const overview = await t.http
      .get(`/v1/sessions/${recap.sessionId}/recap`)
      .set(...bearer(t.adminKey));

    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.isFinal).toBe(false);
    expect(rejected.body.approvedAt).toBeNull();
    expect(rejected.body.rejectionReason).toBe('Misattributes two answers.');
    expect(approveRejected.status).toBe(409);
    expect(session.body.status).toBe('ended');
    expect(overview.body.approved).toBeNull();
    expect(overview.body.draft).toBeNull();
  });

  it('regenerates on request after a rejection', async () => {
    const recap = await draftRecap();
    await post(`/v1/recaps/${recap.id}/reject`, { reason: 'Start over.' });

    const requested = await post(`/v1/sessions/${recap.sessionId}/recaps`);
    const second = await waitForRecap(t, requested.body.id);
    const approved = await post(`/v1/recaps/${second.id}/approve`);
    const list = await t.http
      .get(`/v1/sessions/${recap.sessionId}/recaps?limit=1`)
      .set(...bearer(t.adminKey));
    const rest = await t.http
      .get(`/v1/sessions/${recap.sessionId}/recaps?limit=1&cursor=${list.body.nextCursor}`)
      .set(...bearer(t.adminKey));

    expect(requested.status).toBe(201);
    expect(requested.body.trigger).toBe('requested');
    expect(second.status).toBe('draft');
    expect(approved.body.status).toBe('approved');
    expect(list.body.items.map((r: any) => r.id)).toEqual([second.id]);
    expect(rest.body.items.map((r: any) => r.id)).toEqual([recap.id]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('approves a new draft of a documented session', async () => {
    const first = await draftRecap();
    await post(`/v1/recaps/${first.id}/approve`);
    const requested = await post(`/v1/sessions/${first.sessionId}/recaps`);
    const second = await waitForRecap(t, requested.body.id);

    const approved = await post(`/v1/recaps/${second.id}/approve`);
    const overview = await t.http
      .get(`/v1/sessions/${first.sessionId}/recap`)
      .set(...bearer(t.adminKey));

    expect(approved.status).toBe(200);
    expect(overview.body.approved.id).toBe(second.id);
  });

  it('serves the session recap and mutations over GraphQL', async () => {
    const recap = await draftRecap();

    const overview = await t.gql(
      `query S($id: ID!) { session(id: $id) { id recap { approved { id } draft { id isFinal } inProgress { id } failed { id } } } }`,
      { id: recap.sessionId },
    );
    const list = await t.gql(
      `query L($id: ID!) { sessionRecaps(sessionId: $id, first: 5) { nodes { id status } } }`,
      {
        id: recap.sessionId,
      },
    );
    const edited = await t.gql(
      `mutation E($id: ID!, $input: EditRecapInput!) { editRecap(id: $id, input: $input) { currentVersionNumber } }`,
      { id: recap.id, input: { content: editedContent(recap.content), note: 'GraphQL edit' } },
    );
    const rejected = await t.gql(
      `mutation R($id: ID!) { rejectRecap(id: $id, input: { reason: "Needs a rewrite" }) { status rejectionReason } }`,
      { id: recap.id },
    );

    expect(overview.errors).toBeUndefined();
    expect(overview.data?.session.recap.draft).toEqual({ id: recap.id, isFinal: false });
    expect(overview.data?.session.recap.approved).toBeNull();
    expect(list.errors).toBeUndefined();
    expect(list.data?.sessionRecaps.nodes).toEqual([{ id: recap.id, status: 'draft' }]);
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.editRecap.currentVersionNumber).toBe(2);
    expect(rejected.data?.rejectRecap).toEqual({
      status: 'rejected',
      rejectionReason: 'Needs a rewrite',
    });
  });

  it('rejects a recap request for a session that has not ended', async () => {
    const session = await createSession(t, t.adminKey, classroom);

    const rest = await post(`/v1/sessions/${session.id}/recaps`);
    const graphql = await t.gql(`mutation Q($id: ID!) { requestRecap(sessionId: $id) { id } }`, {
      id: session.id,
    });
    const list = await t.http.get(`/v1/sessions/${session.id}/recaps`).set(...bearer(t.adminKey));

    expect(rest.status).toBe(409);
    expect(rest.body.title).toBe('RECAP_SESSION_NOT_ENDED');
    expect(rest.body.field).toBe('sessionId');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(list.body.items).toEqual([]);
  });

  describe('edit validation', () => {
    let recap: Record<string, any>;

    beforeAll(async () => {
      recap = await draftRecap();
    });

    const cases: [string, (content: Record<string, any>) => object, string][] = [
      [
        'unknown objective code',
        (c) => ({
          content: editedContent(c, {
            objectivesCovered: [{ code: 'NOPE.1', confidence: 0.5, evidence: [] }],
          }),
        }),
        'content.objectivesCovered.0.code',
      ],
      [
        'duplicate objective code',
        (c) => {
          const entry = { code: 'OBJ.1', confidence: 0.5, evidence: [] };

          return { content: editedContent(c, { objectivesCovered: [entry, entry] }) };
        },
        'content.objectivesCovered.1.code',
      ],
      [
        'over-long summary',
        (c) => ({ content: editedContent(c, { summary: 'x'.repeat(5001) }) }),
        'content.summary',
      ],
      [
        'too many next steps',
        (c) => ({ content: editedContent(c, { nextSteps: Array(31).fill('Practise.') }) }),
        'content.nextSteps',
      ],
      [
        'confidence above 1',
        (c) => ({
          content: editedContent(c, {
            objectivesCovered: [{ code: 'OBJ.1', confidence: 1.5, evidence: [] }],
          }),
        }),
        'content.objectivesCovered.0.confidence',
      ],
      [
        'wrong speaker role',
        (c) => ({
          content: editedContent(c, {
            objectivesCovered: [
              {
                code: 'OBJ.1',
                confidence: 0.5,
                evidence: [
                  {
                    segmentIndex: 0,
                    speaker: 'T',
                    speakerRole: 'teacher',
                    startMs: 0,
                    endMs: 1,
                    text: 'Hi',
                  },
                ],
              },
            ],
          }),
        }),
        'content.objectivesCovered.0.evidence.0.speakerRole',
      ],
      [
        'quote outside the transcript',
        (c) => ({
          content: editedContent(c, {
            objectivesCovered: [
              {
                code: 'OBJ.1',
                confidence: 0.5,
                evidence: [
                  {
                    segmentIndex: 9999,
                    speaker: 'T',
                    speakerRole: 'instructor',
                    startMs: 0,
                    endMs: 1,
                    text: 'Hi',
                  },
                ],
              },
            ],
          }),
        }),
        'content.objectivesCovered.0.evidence.0.segmentIndex',
      ],
      [
        'quote ending before it starts',
        (c) => ({
          content: editedContent(c, {
            misconceptions: [
              {
                description: 'Doubled the wrong quantity',
                resolved: false,
                evidence: [
                  {
                    segmentIndex: 1,
                    speaker: 'S',
                    speakerRole: 'student',
                    startMs: 500,
                    endMs: 100,
                    text: 'x',
                  },
                ],
              },
            ],
          }),
        }),
        'content.misconceptions.0.evidence.0.endMs',
      ],
      [
        'more corrections than errors',
        (c) => ({
          content: editedContent(c, {
            studentPerformance: { ...c.studentPerformance, errorsFound: 0, errorsCorrected: 2 },
          }),
        }),
        'content.studentPerformance.errorsCorrected',
      ],
      ['missing content', () => ({ note: 'no content' }), 'content'],
      ['over-long note', (c) => ({ content: editedContent(c), note: 'n'.repeat(501) }), 'note'],
      ['unknown field', (c) => ({ content: editedContent(c), status: 'approved' }), 'status'],
    ];

    it.each(cases)('rejects %s', async (_name, body, field) => {
      const response = await patch(recap.id, body(recap.content));
      const stored = await t.http.get(`/v1/recaps/${recap.id}`).set(...bearer(t.adminKey));

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(stored.body.currentVersionNumber).toBe(1);
      expect(stored.body.status).toBe('draft');
    });

    it('rejects an unknown code over GraphQL', async () => {
      const result = await t.gql(
        `mutation E($id: ID!, $input: EditRecapInput!) { editRecap(id: $id, input: $input) { id } }`,
        {
          id: recap.id,
          input: {
            content: editedContent(recap.content, {
              objectivesCovered: [{ code: 'X', confidence: 0.1, evidence: [] }],
            }),
          },
        },
      );

      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('rejects a blank or over-long rejection reason', async () => {
      const blank = await post(`/v1/recaps/${recap.id}/reject`, { reason: '   ' });
      const long = await post(`/v1/recaps/${recap.id}/reject`, { reason: 'r'.repeat(2001) });
      const missing = await post(`/v1/recaps/${recap.id}/reject`, {});
      const stored = await t.http.get(`/v1/recaps/${recap.id}`).set(...bearer(t.adminKey));

      expect(blank.status).toBe(400);
      expect(blank.body.errors[0].field).toBe('reason');
      expect(long.status).toBe(400);
      expect(long.body.errors[0].field).toBe('reason');
      expect(missing.status).toBe(400);
      expect(stored.body.status).toBe('draft');
    });

    it('rejects malformed and unknown ids', async () => {
      const malformed = await t.http.get('/v1/recaps/not-a-uuid').set(...bearer(t.adminKey));
      const unknown = await t.http.get(`/v1/recaps/${UNKNOWN_ID}`).set(...bearer(t.adminKey));
      const unknownSession = await post(`/v1/sessions/${UNKNOWN_ID}/recaps`);
      const unknownList = await t.http
        .get(`/v1/sessions/${UNKNOWN_ID}/recaps`)
        .set(...bearer(t.adminKey));
      const badCursor = await t.http
        .get(`/v1/sessions/${recap.sessionId}/recaps?cursor=nonsense`)
        .set(...bearer(t.adminKey));
      const badLimit = await t.http
        .get(`/v1/sessions/${recap.sessionId}/recaps?limit=0`)
        .set(...bearer(t.adminKey));
      const graphql = await t.gql(`query R($id: ID!) { recap(id: $id) { id } }`, { id: 'nope' });

      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('id');
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].field).toBe('id');
      expect(unknownSession.status).toBe(404);
      expect(unknownSession.body.errors[0].field).toBe('sessionId');
      expect(unknownList.status).toBe(404);
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.errors[0].field).toBe('cursor');
      expect(badLimit.status).toBe(400);
      expect(badLimit.body.errors[0].field).toBe('limit');
      expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('requires the recaps:write scope to change recaps', async () => {
    const recap = await draftRecap();
    const reader = await post('/v1/api-keys', { name: 'Reader', scopes: ['read'] });
    const reviewer = await post('/v1/api-keys', {
      name: 'Reviewer',
      scopes: ['read', 'recaps:write'],
    });

    const read = await t.http.get(`/v1/recaps/${recap.id}`).set(...bearer(reader.body.secret));
    const refused = await post(`/v1/recaps/${recap.id}/approve`, {}, reader.body.secret);
    const allowed = await post(`/v1/recaps/${recap.id}/approve`, {}, reviewer.body.secret);

    expect(read.status).toBe(200);
    expect(refused.status).toBe(403);
    expect(allowed.status).toBe(200);
    expect(allowed.body.reviewer).toEqual({ kind: 'api_key', id: reviewer.body.apiKey.id });
  });

  it('fails a generation job with an invalid payload', async () => {
    const dataSource = t.app.get(DataSource);
    const job = await dataSource.transaction((manager) =>
      t.app.get(JobsService).enqueue(manager, {
        organizationId: t.organizationId,
        kind: RECAP_GENERATE_JOB,
        payload: { sessionId: UNKNOWN_ID },
      }),
    );

    const failed = await waitForJob(t, job.id, ['failed', 'dead']);

    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('payload is invalid');
  });

  it('keeps recaps and their jobs inside the organization', async () => {
    const recap = await draftRecap();
    const other = await t.createOrganization();
    const as = (method: 'get' | 'post' | 'patch', path: string, body: object = {}) =>
      t.http[method](path)
        .set(...bearer(other.adminKey))
        .send(body);

    const responses = [
      await as('get', `/v1/recaps/${recap.id}`),
      await as('get', `/v1/recaps/${recap.id}/versions`),
      await as('get', `/v1/sessions/${recap.sessionId}/recaps`),
      await as('get', `/v1/sessions/${recap.sessionId}/recap`),
      await as('post', `/v1/sessions/${recap.sessionId}/recaps`),
      await as('patch', `/v1/recaps/${recap.id}`, { content: editedContent(recap.content) }),
      await as('post', `/v1/recaps/${recap.id}/approve`),
      await as('post', `/v1/recaps/${recap.id}/reject`, { reason: 'Not mine' }),
      await as('get', `/v1/jobs/${recap.jobId}`),
    ];
    const graphql = await t.gql(
      `query R($id: ID!) { recap(id: $id) { id } }`,
      { id: recap.id },
      other.adminKey,
    );
    const mutation = await t.gql(
      `mutation A($id: ID!) { approveRecap(id: $id) { id } }`,
      { id: recap.id },
      other.adminKey,
    );
    const stored = await t.http.get(`/v1/recaps/${recap.id}`).set(...bearer(t.adminKey));
    const list = await t.http
      .get(`/v1/sessions/${recap.sessionId}/recaps`)
      .set(...bearer(t.adminKey));

    expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(404));
    expect(responses.every((r) => r.body.code === 'NOT_FOUND')).toBe(true);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(mutation.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(stored.body.status).toBe('draft');
    expect(stored.body.currentVersionNumber).toBe(1);
    expect(list.body.items).toHaveLength(1);
  });
});

describe('recaps with the worker stopped', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows generation in progress and refuses a second request', async () => {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);

    const overview = await t.http.get(`/v1/sessions/${sessionId}/recap`).set(...bearer(t.adminKey));
    const second = await t.http.post(`/v1/sessions/${sessionId}/recaps`).set(...bearer(t.adminKey));
    const list = await t.http.get(`/v1/sessions/${sessionId}/recaps`).set(...bearer(t.adminKey));
    const job = await t.http
      .get(`/v1/jobs/${overview.body.inProgress.jobId}`)
      .set(...bearer(t.adminKey));

    expect(overview.body.inProgress.status).toBe('pending');
    expect(overview.body.inProgress.content).toBeNull();
    expect(overview.body.inProgress.isFinal).toBe(false);
    expect(overview.body.draft).toBeNull();
    expect(second.status).toBe(409);
    expect(second.body.title).toBe('RECAP_GENERATION_IN_PROGRESS');
    expect(list.body.items).toHaveLength(1);
    expect(job.body.status).toBe('queued');
  });

  it('rejects review of a pending recap', async () => {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);
    const list = await t.http.get(`/v1/sessions/${sessionId}/recaps`).set(...bearer(t.adminKey));
    const recapId = list.body.items[0].id;

    const approve = await t.http.post(`/v1/recaps/${recapId}/approve`).set(...bearer(t.adminKey));
    const session = await t.http.get(`/v1/sessions/${sessionId}`).set(...bearer(t.adminKey));

    expect(approve.status).toBe(409);
    expect(approve.body.title).toBe('RECAP_ILLEGAL_TRANSITION');
    expect(session.body.status).toBe('ended');
  });

  it('resumes a generation whose worker stopped mid-job', async () => {
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);
    const list = await t.http.get(`/v1/sessions/${sessionId}/recaps`).set(...bearer(t.adminKey));
    const recapId = list.body.items[0].id;
    // A worker claims the job with a short lease and then stops without finishing it.
    const claimed = await t.app
      .get(JobStore)
      .claim('stopped-worker', [RECAP_GENERATE_JOB], 10, 300);
    const worker = t.app.get(JobWorker);
    await sleep(400);

    worker.start();
    const recap = await waitForRecap(t, recapId);
    await worker.stop();
    const job = await t.http.get(`/v1/jobs/${recap.jobId}`).set(...bearer(t.adminKey));

    expect(claimed.map((claim) => claim.job.id)).toContain(recap.jobId);
    expect(recap.status).toBe('draft');
    expect(job.body.status).toBe('succeeded');
    expect(job.body.attempts).toBe(2);
  });
});

describe('recaps (openai provider)', () => {
  let t: TestApp;
  let server: OpenAiTestServer;
  let classroom: Classroom;

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
    await t.close();
    await server.close();
  });

  it('drafts a recap through the OpenAI API', async () => {
    const before = server.requests.length;
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);

    const recap = await waitForSessionRecap(t, sessionId);
    const sent = server.requests.slice(before);

    expect(recap.status).toBe('draft');
    expect(recap.provider).toBe('openai');
    expect(recap.model).toBe('gpt-4o-mini');
    expect(recap.promptVersion).toEqual(expect.any(String));
    expect(recap.usage.totalTokens).toBeGreaterThan(0);
    expect(recap.usage.requests).toBe(sent.length);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0]?.headers.authorization).toBe('Bearer test');
    expect(JSON.stringify(sent[0]?.body.messages)).toContain(
      mathDialTurns('mathdial-5000005-s3.json')[1]?.text.slice(0, 40),
    );
  });

  it('retries a failing provider and then marks the recap failed', async () => {
    server.enqueue(
      ...Array(9).fill({ kind: 'status', status: 500, message: 'The server had an error' }),
    );
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);

    const recap = await waitForSessionRecap(t, sessionId);
    const job = await t.http.get(`/v1/jobs/${recap.jobId}`).set(...bearer(t.adminKey));
    const overview = await t.http.get(`/v1/sessions/${sessionId}/recap`).set(...bearer(t.adminKey));

    expect(recap.status).toBe('failed');
    expect(recap.failureReason).toContain('openai provider');
    expect(recap.content).toBeNull();
    expect(job.body.status).toBe('dead');
    expect(job.body.attempts).toBe(3);
    expect(job.body.lastError).toBe(recap.failureReason);
    expect(overview.body.failed.id).toBe(recap.id);
    expect(overview.body.draft).toBeNull();
  });

  it('fails at once on an error that retrying cannot fix', async () => {
    server.enqueue({ kind: 'status', status: 400, message: 'Invalid schema for response_format' });
    const sessionId = await endSessionWithDialogue(t, t.adminKey, classroom);

    const recap = await waitForSessionRecap(t, sessionId);
    const job = await t.http.get(`/v1/jobs/${recap.jobId}`).set(...bearer(t.adminKey));

    expect(recap.status).toBe('failed');
    expect(recap.failureReason).toContain('openai provider');
    expect(job.body.status).toBe('failed');
    expect(job.body.attempts).toBe(1);
  });
});
