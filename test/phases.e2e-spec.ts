import {
  Classroom,
  createClassroom,
  createSession,
  participantToken,
  sessionBody,
} from './support/classroom-fixtures';
import { clientFor, subscribe, waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const LESSON_FIELDS = `
  id status
  currentPhase { id title status }
  phases { id position title status startedAt endedAt plannedMinutes actualMinutes }
  phaseTransitions { id sessionId phaseId action position occurredAt apiKeyId }
`;

const LESSON_QUERY = `query($id: ID!) { session(id: $id) { ${LESSON_FIELDS} } }`;

const PHASE_CHANGED = `subscription ($sessionId: ID!) {
  sessionPhaseChanged(sessionId: $sessionId) { sessionId phaseId action position occurredAt }
}`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Phase {
  id: string;
  position: number;
  title: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  plannedMinutes: number;
  actualMinutes: number | null;
}

interface Transition {
  phaseId: string;
  action: string;
  position: number;
  occurredAt: string;
  apiKeyId: string | null;
}

describe('live lesson phases', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey, { students: 1 });
  });

  afterAll(async () => {
    await t.close();
  });

  /** Creates a session with the four-phase plan of the fixtures, started unless `start` is false. */
  async function lesson(options: { start?: boolean; key?: string; own?: Classroom } = {}) {
    const key = options.key ?? t.adminKey;
    const session = await createSession(t, key, options.own ?? classroom);
    if (options.start !== false) {
      const started = await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(key));
      expect(started.status).toBe(200);
    }
    const phaseIds: string[] = session.phases
      .sort((a: Phase, b: Phase) => a.position - b.position)
      .map((phase: Phase) => phase.id);

    return { id: session.id as string, phaseIds };
  }

  function post(path: string, body?: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post(path)
      .set(...bearer(key))
      .send(body);
  }

  function timings(sessionId: string, key = t.adminKey) {
    return t.http.get(`/v1/sessions/${sessionId}/phases`).set(...bearer(key));
  }

  it('runs a lesson over REST with timings', async () => {
    const { id, phaseIds } = await lesson();
    const before = await timings(id);

    const first = await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);
    const second = await post(`/v1/sessions/${id}/phases/advance`);
    const skipped = await post(`/v1/sessions/${id}/phases/${phaseIds[2]}/skip`);
    const last = await post(`/v1/sessions/${id}/phases/advance`);
    const closed = await post(`/v1/sessions/${id}/phases/advance`);
    const transitions = await t.http
      .get(`/v1/sessions/${id}/phase-transitions`)
      .set(...bearer(t.adminKey));

    expect(before.status).toBe(200);
    expect(before.body.currentPhaseId).toBeNull();
    expect(before.body.plannedMinutes).toBe(60);
    expect(before.body.phases.map((p: Phase) => p.status)).toEqual([
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
    expect(first.status).toBe(200);
    expect(first.body.currentPhaseId).toBe(phaseIds[0]);
    expect(first.body.phases[0].startedAt).toEqual(expect.any(String));
    expect(first.body.phases[0].actualMinutes).toEqual(expect.any(Number));
    expect(second.body.currentPhaseId).toBe(phaseIds[1]);
    expect(second.body.phases[0].status).toBe('done');
    expect(second.body.phases[0].endedAt).toBe(second.body.phases[1].startedAt);
    expect(skipped.body.phases[2].status).toBe('skipped');
    expect(skipped.body.phases[2].startedAt).toBeNull();
    expect(skipped.body.phases[2].actualMinutes).toBeNull();
    expect(last.body.currentPhaseId).toBe(phaseIds[3]);
    expect(last.body.phases[1].status).toBe('done');
    expect(closed.status).toBe(200);
    expect(closed.body.currentPhaseId).toBeNull();
    expect(closed.body.phases.map((p: Phase) => p.status)).toEqual([
      'done',
      'done',
      'skipped',
      'done',
    ]);
    for (const phase of closed.body.phases.filter((p: Phase) => p.status === 'done')) {
      const minutes = (Date.parse(phase.endedAt) - Date.parse(phase.startedAt)) / 60_000;
      expect(phase.actualMinutes).toBeCloseTo(minutes, 2);
    }
    expect(transitions.status).toBe(200);
    expect(transitions.body.map((row: Transition) => [row.action, row.phaseId])).toEqual([
      ['started', phaseIds[0]],
      ['ended', phaseIds[0]],
      ['started', phaseIds[1]],
      ['skipped', phaseIds[2]],
      ['ended', phaseIds[1]],
      ['started', phaseIds[3]],
      ['ended', phaseIds[3]],
    ]);
    expect(transitions.body.every((row: Transition) => row.apiKeyId !== null)).toBe(true);
  });

  it('runs a lesson over GraphQL with timings', async () => {
    const { id, phaseIds } = await lesson();

    const started = await t.gql(
      `mutation($s: ID!, $p: ID!) { startPhase(sessionId: $s, phaseId: $p) { ${LESSON_FIELDS} } }`,
      { s: id, p: phaseIds[1] },
    );
    const switched = await t.gql(
      `mutation($s: ID!, $p: ID!) { startPhase(sessionId: $s, phaseId: $p) { ${LESSON_FIELDS} } }`,
      { s: id, p: phaseIds[0] },
    );
    const skipped = await t.gql(
      `mutation($s: ID!, $p: ID!) { skipPhase(sessionId: $s, phaseId: $p) { id } }`,
      { s: id, p: phaseIds[3] },
    );
    const advanced = await t.gql(
      `mutation($s: ID!) { advancePhase(sessionId: $s) { ${LESSON_FIELDS} } }`,
      { s: id },
    );
    const read = await t.gql(LESSON_QUERY, { id });
    const session = read.data?.session;

    expect(started.errors).toBeUndefined();
    expect(started.data?.startPhase.currentPhase.id).toBe(phaseIds[1]);
    expect(switched.errors).toBeUndefined();
    expect(switched.data?.startPhase.currentPhase.id).toBe(phaseIds[0]);
    expect(switched.data?.startPhase.phases[1].status).toBe('done');
    expect(skipped.errors).toBeUndefined();
    expect(advanced.errors).toBeUndefined();
    expect(advanced.data?.advancePhase.currentPhase.id).toBe(phaseIds[2]);
    expect(read.errors).toBeUndefined();
    expect(session.phases.map((p: Phase) => p.status)).toEqual([
      'done',
      'done',
      'active',
      'skipped',
    ]);
    expect(session.phases[2].actualMinutes).toEqual(expect.any(Number));
    expect(session.phases[3].actualMinutes).toBeNull();
    expect(session.phaseTransitions.map((row: Transition) => row.action)).toEqual([
      'started',
      'ended',
      'started',
      'skipped',
      'ended',
      'started',
    ]);
    expect(session.phaseTransitions[1].occurredAt).toBe(session.phases[1].endedAt);
  });

  it('reorders the planned phases', async () => {
    const { id, phaseIds } = await lesson();
    await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);

    const reordered = await post(`/v1/sessions/${id}/phases/reorder`, {
      phaseIds: [phaseIds[3], phaseIds[1], phaseIds[2]],
    });
    const advanced = await post(`/v1/sessions/${id}/phases/advance`);
    const read = await t.gql(LESSON_QUERY, { id });

    expect(reordered.status).toBe(200);
    expect(reordered.body.phases.map((p: Phase) => p.id)).toEqual([
      phaseIds[0],
      phaseIds[3],
      phaseIds[1],
      phaseIds[2],
    ]);
    expect(reordered.body.phases.map((p: Phase) => p.position)).toEqual([0, 1, 2, 3]);
    expect(advanced.body.currentPhaseId).toBe(phaseIds[3]);
    expect(
      read.data?.session.phaseTransitions
        .filter((row: Transition) => row.action === 'reordered')
        .map((row: Transition) => [row.phaseId, row.position]),
    ).toEqual([
      [phaseIds[3], 1],
      [phaseIds[1], 2],
      [phaseIds[2], 3],
    ]);
  });

  describe('reorder validation', () => {
    const cases: [string, (ids: string[]) => unknown[], string][] = [
      ['a missing planned phase', (ids) => [ids[1], ids[2]], 'missing planned phases'],
      ['the active phase', (ids) => [ids[0], ids[1], ids[2], ids[3]], 'not planned phases'],
      ['an unknown id', (ids) => [ids[1], ids[2], ids[3], UNKNOWN_ID], 'not planned phases'],
      ['a repeated id', (ids) => [ids[1], ids[2], ids[3], ids[3]], 'repeated ids'],
    ];

    it.each(cases)('rejects %s', async (_case, order, detail) => {
      const { id, phaseIds } = await lesson();
      await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);

      const response = await post(`/v1/sessions/${id}/phases/reorder`, {
        phaseIds: order(phaseIds),
      });
      const after = await timings(id);

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_USER_INPUT');
      expect(response.body.field).toBe('phaseIds');
      expect(response.body.detail).toContain(detail);
      expect(after.body.phases.map((p: Phase) => p.id)).toEqual(phaseIds);
    });

    it('rejects a missing phaseIds body', async () => {
      const { id } = await lesson();

      const response = await post(`/v1/sessions/${id}/phases/reorder`, {});

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('phaseIds');
    });

    it('rejects a mismatch over GraphQL', async () => {
      const { id, phaseIds } = await lesson();

      const response = await t.gql(
        'mutation($s: ID!, $ids: [ID!]!) { reorderPhases(sessionId: $s, phaseIds: $ids) { id } }',
        { s: id, ids: phaseIds.slice(1) },
      );

      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('phaseIds');
      expect(response.errors?.[0]?.message).toContain(phaseIds[0]);
    });
  });

  it('rejects too many phase ids over GraphQL', async () => {
    const { id, phaseIds } = await lesson();
    const tooMany = Array.from({ length: 21 }, () => phaseIds[0]);

    const response = await t.gql(
      'mutation($s: ID!, $ids: [ID!]!) { reorderPhases(sessionId: $s, phaseIds: $ids) { id } }',
      { s: id, ids: tooMany },
    );

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe('phaseIds');
    expect(response.errors?.[0]?.message).toContain('at most 20 phases');
  });

  describe('illegal moves', () => {
    it.each([
      ['start', (ids: string[]) => `phases/${ids[0]}/start`],
      ['advance', () => 'phases/advance'],
      ['skip', (ids: string[]) => `phases/${ids[0]}/skip`],
      ['reorder', () => 'phases/reorder'],
    ])('rejects %s before the session is live', async (_case, path) => {
      const { id, phaseIds } = await lesson({ start: false });

      const response = await post(`/v1/sessions/${id}/${path(phaseIds)}`, { phaseIds });

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.detail).toContain('Session is scheduled; it cannot change phases');
    });

    it('rejects a start after the session ended', async () => {
      const { id, phaseIds } = await lesson();
      await post(`/v1/sessions/${id}/end`);

      const response = await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);

      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('Session is ended');
    });

    it.each([
      ['start a done phase', 'start', 'done'],
      ['skip a done phase', 'skip', 'done'],
      ['start a skipped phase', 'start', 'skipped'],
      ['skip a skipped phase', 'skip', 'skipped'],
      ['start the active phase', 'start', 'active'],
      ['skip the active phase', 'skip', 'active'],
    ] as const)('rejects: %s', async (_case, action, status) => {
      const { id, phaseIds } = await lesson();
      const target = phaseIds[0];
      if (status === 'skipped') {
        await post(`/v1/sessions/${id}/phases/${target}/skip`);
      } else {
        await post(`/v1/sessions/${id}/phases/${target}/start`);
      }
      if (status === 'done') {
        await post(`/v1/sessions/${id}/phases/advance`);
      }

      const response = await post(`/v1/sessions/${id}/phases/${target}/${action}`);
      const after = await timings(id);

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.title).toBe('PHASE_ILLEGAL_TRANSITION');
      expect(response.body.detail).toBe(
        `Phase "${target}" is ${status}; it cannot ${action}. Only planned phases can ${action}.`,
      );
      expect(after.body.phases[0].status).toBe(status);
    });

    it('rejects advance with no phase left', async () => {
      const { id } = await lesson();
      for (let step = 0; step < 5; step += 1) {
        expect((await post(`/v1/sessions/${id}/phases/advance`)).status).toBe(200);
      }

      const response = await post(`/v1/sessions/${id}/phases/advance`);

      expect(response.status).toBe(409);
      expect(response.body.title).toBe('NO_PHASE_TO_ADVANCE');
    });

    it('rejects an unknown phase', async () => {
      const { id } = await lesson();

      const response = await post(`/v1/sessions/${id}/phases/${UNKNOWN_ID}/start`);

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect(response.body.field).toBe('phaseId');
    });

    it('rejects another session’s phase', async () => {
      const { id } = await lesson();
      const other = await lesson();

      const started = await post(`/v1/sessions/${id}/phases/${other.phaseIds[0]}/start`);
      const skipped = await t.gql(
        'mutation($s: ID!, $p: ID!) { skipPhase(sessionId: $s, phaseId: $p) { id } }',
        { s: id, p: other.phaseIds[0] },
      );
      const otherAfter = await timings(other.id);

      expect(started.status).toBe(404);
      expect(started.body.field).toBe('phaseId');
      expect(skipped.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(otherAfter.body.phases[0].status).toBe('planned');
    });

    it('rejects a malformed phase id', async () => {
      const { id } = await lesson();

      const response = await post(`/v1/sessions/${id}/phases/nope/start`);

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('phaseId');
    });
  });

  it('hides another organization’s session', async () => {
    const { id, phaseIds } = await lesson();
    const other = await t.createOrganization('Phase tenant');

    const responses = [
      await t.http.get(`/v1/sessions/${id}/phases`).set(...bearer(other.adminKey)),
      await t.http.get(`/v1/sessions/${id}/phase-transitions`).set(...bearer(other.adminKey)),
      await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`, undefined, other.adminKey),
      await post(`/v1/sessions/${id}/phases/advance`, undefined, other.adminKey),
      await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/skip`, undefined, other.adminKey),
      await post(`/v1/sessions/${id}/phases/reorder`, { phaseIds }, other.adminKey),
    ];
    const graphql = await t.gql(
      'mutation($s: ID!) { advancePhase(sessionId: $s) { id } }',
      { s: id },
      other.adminKey,
    );
    const after = await timings(id);

    responses.forEach((response) => expect(response.status).toBe(404));
    responses.forEach((response) => expect(response.body.code).toBe('NOT_FOUND'));
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.currentPhaseId).toBeNull();
  });

  it('forbids changes with a read-only key', async () => {
    const { id, phaseIds } = await lesson();
    const created = await post('/v1/api-keys', { name: 'Phase reader', scopes: ['read'] });
    const reader = created.body.secret as string;

    const start = await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`, undefined, reader);
    const advance = await t.gql(
      'mutation($s: ID!) { advancePhase(sessionId: $s) { id } }',
      { s: id },
      reader,
    );
    const read = await timings(id, reader);

    expect(start.status).toBe(403);
    expect(start.body.code).toBe('FORBIDDEN');
    expect(advance.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.status).toBe(200);
    expect(read.body.currentPhaseId).toBeNull();
  });

  it('ends the active phase with the session', async () => {
    const { id, phaseIds } = await lesson();
    await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);

    const ended = await post(`/v1/sessions/${id}/end`);
    const after = await timings(id);
    const read = await t.gql(LESSON_QUERY, { id });

    expect(ended.status).toBe(200);
    expect(after.body.sessionStatus).toBe('ended');
    expect(after.body.currentPhaseId).toBeNull();
    expect(after.body.phases[0].status).toBe('done');
    expect(after.body.phases[0].endedAt).toBe(ended.body.actualEnd);
    expect(after.body.phases[1].status).toBe('planned');
    expect(read.data?.session.currentPhase).toBeNull();
    expect(read.data?.session.phaseTransitions.map((row: Transition) => row.action)).toEqual([
      'started',
      'ended',
    ]);
  });

  describe('phase tools', () => {
    const TOOL_PLAN = [
      {
        kind: 'warm_up',
        title: 'Warm-up',
        plannedMinutes: 5,
        activities: ['Two quick checks on last week'],
        tools: ['polls', 'chat'],
      },
      { kind: 'instruction', title: 'Explain', plannedMinutes: 15 },
    ];

    function toolsOf(sessionId: string, key = t.adminKey) {
      return t.http.get(`/v1/sessions/${sessionId}/tools`).set(...bearer(key));
    }

    it('returns the tools and activities of each phase', async () => {
      const session = await createSession(t, t.adminKey, classroom, { phases: TOOL_PLAN });

      expect(session.phases.map((phase: any) => [phase.tools, phase.activities])).toEqual([
        [['polls', 'chat'], ['Two quick checks on last week']],
        [null, []],
      ]);
    });

    it('gives students the active phase’s tools, else the room’s', async () => {
      const session = await createSession(t, t.adminKey, classroom, { phases: TOOL_PLAN });
      const { token } = await participantToken(t, t.adminKey, session.id, { role: 'student' });
      const before = await toolsOf(session.id, token);
      expect(before.status).toBe(200);
      expect(before.body.phaseId).toBeNull();
      expect(before.body.studentTools).toEqual(before.body.roomTools);
      expect(before.body.roomTools).toContain('whiteboard');

      await post(`/v1/sessions/${session.id}/start`);
      await post(`/v1/sessions/${session.id}/phases/advance`);
      const warmUp = await toolsOf(session.id, token);
      expect(warmUp.body.studentTools).toEqual(['polls', 'chat']);
      expect(warmUp.body.phaseId).toBe(session.phases[0].id);

      await post(`/v1/sessions/${session.id}/phases/advance`);
      const graphql = await t.gql(
        'query($id: ID!) { sessionTools(sessionId: $id) { sessionId phaseId studentTools roomTools } }',
        { id: session.id },
        token,
      );
      expect(graphql.errors).toBeUndefined();
      expect(graphql.data!.sessionTools.phaseId).toBe(session.phases[1].id);
      expect(graphql.data!.sessionTools.studentTools).toEqual(graphql.data!.sessionTools.roomTools);
    });

    it('refuses a participant token of another session', async () => {
      const session = await createSession(t, t.adminKey, classroom);
      const other = await createSession(t, t.adminKey, classroom);
      const { token } = await participantToken(t, t.adminKey, other.id, { role: 'student' });
      const response = await toolsOf(session.id, token);

      expect(response.status).toBe(403);
      expect(response.body.title).toBe('PARTICIPANT_OTHER_SESSION');
    });

    it('rejects a phase tool that the room does not enable', async () => {
      const room = await post('/v1/rooms', { name: 'Chat only', enabledTools: ['chat', 'audio'] });
      const response = await post(
        '/v1/sessions',
        sessionBody(classroom, {
          roomId: room.body.id,
          phases: [
            {
              kind: 'practice',
              title: 'Boards',
              plannedMinutes: 10,
              tools: ['chat', 'whiteboard'],
            },
          ],
        }),
      );

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('phases.0.tools');
      expect(response.body.title).toBe('TOOL_NOT_IN_ROOM');
      expect(response.body.detail).toContain('whiteboard');
    });

    it('rejects an unknown tool and over-long activities', async () => {
      const unknownTool = await post(
        '/v1/sessions',
        sessionBody(classroom, {
          phases: [{ kind: 'practice', title: 'P', plannedMinutes: 10, tools: ['jukebox'] }],
        }),
      );
      const longActivity = await post(
        '/v1/sessions',
        sessionBody(classroom, {
          phases: [
            { kind: 'practice', title: 'P', plannedMinutes: 10, activities: ['x'.repeat(501)] },
          ],
        }),
      );

      expect(unknownTool.status).toBe(400);
      expect(JSON.stringify(unknownTool.body)).toContain('tools must each be one of');
      expect(longActivity.status).toBe(400);
      expect(JSON.stringify(longActivity.body)).toContain('activities');
    });
  });

  describe('phase control by participants', () => {
    it('lets an instructor token run the phases', async () => {
      const { id, phaseIds } = await lesson();
      const { token } = await participantToken(t, t.adminKey, id, { role: 'instructor' });
      const rest = await post(`/v1/sessions/${id}/phases/advance`, undefined, token);
      const graphql = await t.gql(
        'mutation($id: ID!) { advancePhase(sessionId: $id) { currentPhase { id } } }',
        { id },
        token,
      );

      expect(rest.status).toBe(200);
      expect(graphql.errors).toBeUndefined();
      expect(graphql.data!.advancePhase.currentPhase.id).toBe(phaseIds[1]);
      const log = await t.http
        .get(`/v1/sessions/${id}/phase-transitions`)
        .set(...bearer(t.adminKey));
      expect(log.body.map((row: Transition) => row.apiKeyId)).toEqual([null, null, null]);
    });

    it('refuses a phase action by a student', async () => {
      const { id, phaseIds } = await lesson();
      const { token } = await participantToken(t, t.adminKey, id, { role: 'student' });
      const rest = await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`, undefined, token);
      const graphql = await t.gql(
        'mutation($id: ID!) { advancePhase(sessionId: $id) { id } }',
        { id },
        token,
      );

      expect(rest.status).toBe(403);
      expect(rest.body.title).toBe('INSTRUCTOR_ONLY');
      expect(graphql.errors![0]!.extensions?.code).toBe('FORBIDDEN');
      const after = await timings(id);
      expect(after.body.currentPhaseId).toBeNull();
    });

    it('refuses an instructor token of another session', async () => {
      const { id } = await lesson();
      const other = await lesson();
      const { token } = await participantToken(t, t.adminKey, other.id, { role: 'instructor' });
      const response = await post(`/v1/sessions/${id}/phases/advance`, undefined, token);

      expect(response.status).toBe(403);
      expect(response.body.title).toBe('PARTICIPANT_OTHER_SESSION');
    });
  });

  it('publishes each transition to subscribers', async () => {
    const { id, phaseIds } = await lesson();
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, PHASE_CHANGED, { sessionId: id });
    await waitForSubscriber(t, t.organizationId, id, 'sessionPhaseChanged');

    await post(`/v1/sessions/${id}/phases/${phaseIds[0]}/start`);
    await post(`/v1/sessions/${id}/phases/advance`);
    await post(`/v1/sessions/${id}/end`);
    const events = [];
    for (let index = 0; index < 4; index += 1) {
      events.push((await probe.nextResult()).data?.sessionPhaseChanged);
    }

    expect(events.map((event) => [event.action, event.phaseId])).toEqual([
      ['started', phaseIds[0]],
      ['ended', phaseIds[0]],
      ['started', phaseIds[1]],
      ['ended', phaseIds[1]],
    ]);
    expect(events.every((event) => event.sessionId === id)).toBe(true);
    expect(Date.parse(events[0].occurredAt)).not.toBeNaN();

    probe.stop();
    await client.dispose();
  });
});
