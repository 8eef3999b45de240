import {
  Classroom,
  createClassroom,
  createSession,
  sessionBody,
} from './support/classroom-fixtures';
import { RequestContext } from '../src/common/request-context';
import { SessionReader, SessionView } from '../src/sessions/session-reader';
import { countQueries } from './support/query-counter';
import { bearer, startTestApp, TestApp } from './support/test-app';

const SESSION_QUERY = `query($id: ID!) {
  session(id: $id) {
    id title status timeZone scheduledStart scheduledEnd
    room { id name }
    participants { id role identity displayName memberId studentId }
    phases { position kind title plannedMinutes objectiveCodes notes }
    enrollmentIds
    enrollments { id studentId }
  }
}`;

/** Drops API key lookups, which the auth guard caches and so makes only sometimes. */
function withoutAuth(queries: string[]): string[] {
  return queries.filter((query) => !query.includes('api_keys'));
}

describe('sessions', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    // The job worker stays off: its polling would add statements to the query counts below.
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t.close();
  });

  async function sessionCount(key = t.adminKey): Promise<number> {
    const response = await t.http.get('/v1/sessions?limit=100').set(...bearer(key));

    return response.body.items.length;
  }

  function postSession(body: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post('/v1/sessions')
      .set(...bearer(key))
      .send(body);
  }

  function lifecycle(id: string, action: 'start' | 'end' | 'cancel') {
    return t.http.post(`/v1/sessions/${id}/${action}`).set(...bearer(t.adminKey));
  }

  it('creates a session with plan and participants over REST', async () => {
    const response = await postSession(sessionBody(classroom));

    expect(response.status).toBe(201);
    expect(response.body.status).toBe('scheduled');
    expect(response.body.scheduledStart).toBe('2026-03-02T15:00:00.000Z');
    expect(response.body.timeZone).toBe('Europe/Berlin');
    expect(response.body.phases.map((p: { kind: string }) => p.kind)).toEqual([
      'warm_up',
      'instruction',
      'practice',
      'close',
    ]);
    expect(response.body.phases[2].objectiveCodes).toEqual(['OBJ.2', 'OBJ.3']);
    expect(response.body.enrollmentIds.sort()).toEqual([...classroom.enrollmentIds].sort());
    expect(response.body.livekitRoomName).toMatch(/^hl-[0-9a-f]{32}-[0-9a-f]{32}$/);

    const participants = await t.http
      .get(`/v1/sessions/${response.body.id}/participants`)
      .set(...bearer(t.adminKey));
    const identities = participants.body.items.map((p: { identity: string }) => p.identity).sort();

    expect(identities).toEqual(
      [
        `member:${classroom.instructorId}`,
        ...classroom.studentIds.map((id) => `student:${id}`),
      ].sort(),
    );
  });

  it('creates and reads a session over GraphQL', async () => {
    const created = await t.gql(
      'mutation($input: CreateSessionInput!) { createSession(input: $input) { id status } }',
      { input: sessionBody(classroom) },
    );
    const id = created.data?.createSession.id;
    const read = await t.gql(SESSION_QUERY, { id });

    expect(created.errors).toBeUndefined();
    expect(read.errors).toBeUndefined();
    expect(read.data?.session.room.id).toBe(classroom.roomId);
    expect(read.data?.session.participants).toHaveLength(3);
    expect(read.data?.session.phases).toHaveLength(4);
    expect(read.data?.session.enrollments).toHaveLength(2);
    const instructor = read.data?.session.participants.find(
      (p: { role: string }) => p.role === 'instructor',
    );
    expect(instructor.memberId).toBe(classroom.instructorId);
    expect(instructor.displayName).toMatch(/^Instructor /);
  });

  it('moves through scheduled, live and ended', async () => {
    const { id } = await createSession(t, t.adminKey, classroom);

    const started = await lifecycle(id, 'start');
    const ended = await t.gql(
      'mutation($id: ID!) { endSession(id: $id) { status actualStart actualEnd } }',
      { id },
    );

    expect(started.status).toBe(200);
    expect(started.body.status).toBe('live');
    expect(started.body.actualStart).toEqual(expect.any(String));
    expect(ended.data?.endSession.status).toBe('ended');
    expect(ended.data?.endSession.actualEnd).toEqual(expect.any(String));
  });

  it('cancels a scheduled session', async () => {
    const { id } = await createSession(t, t.adminKey, classroom);

    const cancelled = await t.gql(
      'mutation($id: ID!) { cancelSession(id: $id) { status cancelledAt } }',
      { id },
    );

    expect(cancelled.data?.cancelSession.status).toBe('cancelled');
    expect(cancelled.data?.cancelSession.cancelledAt).toEqual(expect.any(String));
  });

  it.each([
    ['end a scheduled session', [], 'end', 'scheduled'],
    ['start a live session', ['start'], 'start', 'live'],
    ['cancel a live session', ['start'], 'cancel', 'live'],
    ['start an ended session', ['start', 'end'], 'start', 'ended'],
    ['end an ended session', ['start', 'end'], 'end', 'ended'],
    ['cancel an ended session', ['start', 'end'], 'cancel', 'ended'],
    ['start a cancelled session', ['cancel'], 'start', 'cancelled'],
    ['end a cancelled session', ['cancel'], 'end', 'cancelled'],
    ['cancel a cancelled session', ['cancel'], 'cancel', 'cancelled'],
  ] as const)('rejects: %s', async (_case, before, action, current) => {
    const { id } = await createSession(t, t.adminKey, classroom);
    for (const step of before) {
      expect((await lifecycle(id, step)).status).toBe(200);
    }

    const response = await lifecycle(id, action);
    const after = await t.http.get(`/v1/sessions/${id}`).set(...bearer(t.adminKey));

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(response.body.reason ?? response.body.title).toBe('SESSION_ILLEGAL_TRANSITION');
    expect(response.body.detail).toContain(`Session is ${current}`);
    expect(response.body.currentStatus).toBe(current);
    expect(after.body.status).toBe(current);
  });

  it('names current state in a GraphQL conflict', async () => {
    const { id } = await createSession(t, t.adminKey, classroom);
    await lifecycle(id, 'start');
    await lifecycle(id, 'end');

    const response = await t.gql('mutation($id: ID!) { startSession(id: $id) { id } }', { id });

    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toBe(
      'Session is ended; it cannot start again. Only scheduled sessions can start.',
    );
  });

  it('filters and pages the session list', async () => {
    const org = await t.createOrganization('Listing');
    const own = await createClassroom(t, org.adminKey, { students: 1 });
    const other = await createClassroom(t, org.adminKey, { students: 1 });
    const days = ['2026-04-01', '2026-04-02', '2026-04-03'];
    const ids: string[] = [];
    for (const day of days) {
      const session = await createSession(t, org.adminKey, own, {
        scheduledStart: `${day}T10:00:00Z`,
        scheduledEnd: `${day}T11:00:00Z`,
      });
      ids.push(session.id);
    }
    const elsewhere = await createSession(t, org.adminKey, other, {
      scheduledStart: '2026-04-02T12:00:00Z',
      scheduledEnd: '2026-04-02T13:00:00Z',
    });
    await t.http.post(`/v1/sessions/${ids[0]}/cancel`).set(...bearer(org.adminKey));
    const list = (query: string) =>
      t.http.get(`/v1/sessions?${query}`).set(...bearer(org.adminKey));
    const idsOf = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);

    const first = await list('limit=2');
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    const byRoom = await list(`roomId=${own.roomId}`);
    const byStatus = await list('status=cancelled');
    const byEnrollment = await list(`enrollmentId=${other.enrollmentIds[0]}`);
    const byPeriod = await list('from=2026-04-02T00:00:00Z&to=2026-04-03T00:00:00Z');
    const graphql = await t.gql(
      'query($roomId: ID) { sessions(roomId: $roomId, status: scheduled) { nodes { id } } }',
      { roomId: own.roomId },
      org.adminKey,
    );

    expect(idsOf(first.body)).toEqual([ids[0], ids[1]]);
    expect(idsOf(second.body)).toEqual([elsewhere.id, ids[2]]);
    expect(second.body.nextCursor).toBeNull();
    expect(idsOf(byRoom.body)).toEqual(ids);
    expect(idsOf(byStatus.body)).toEqual([ids[0]]);
    expect(idsOf(byEnrollment.body)).toEqual([elsewhere.id]);
    expect(idsOf(byPeriod.body)).toEqual([ids[1], elsewhere.id]);
    expect(graphql.data?.sessions.nodes.map((n: { id: string }) => n.id)).toEqual([ids[1], ids[2]]);
  });

  describe('bad input', () => {
    let org: { organizationId: string; adminKey: string };
    let own: Classroom;

    beforeAll(async () => {
      org = await t.createOrganization('Bad session input');
      own = await createClassroom(t, org.adminKey, { students: 1 });
    });

    const phase = { kind: 'practice', title: 'P', plannedMinutes: 10 };
    const cases: [string, (c: Classroom) => Record<string, unknown>, number, string][] = [
      [
        'end before start',
        () => ({ scheduledEnd: '2026-03-02T15:00:00+01:00' }),
        400,
        'scheduledEnd',
      ],
      [
        'end equal to start',
        () => ({ scheduledEnd: '2026-03-02T16:00:00+01:00' }),
        400,
        'scheduledEnd',
      ],
      [
        'more than 12 hours',
        () => ({ scheduledEnd: '2026-03-03T05:00:00+01:00' }),
        400,
        'scheduledEnd',
      ],
      [
        'a start without offset',
        () => ({ scheduledStart: '2026-03-02T16:00:00' }),
        400,
        'scheduledStart',
      ],
      ['a start that is not a date', () => ({ scheduledStart: 'tomorrow' }), 400, 'scheduledStart'],
      ['an invalid time zone', () => ({ timeZone: 'Mars/Olympus' }), 400, 'timeZone'],
      ['a missing time zone', () => ({ timeZone: undefined }), 400, 'timeZone'],
      ['an over-long title', () => ({ title: 'x'.repeat(201) }), 400, 'title'],
      [
        'an unknown phase kind',
        () => ({ phases: [{ ...phase, kind: 'recess' }] }),
        400,
        'phases.0.kind',
      ],
      [
        'zero planned minutes',
        () => ({ phases: [{ ...phase, plannedMinutes: 0 }] }),
        400,
        'phases.0.plannedMinutes',
      ],
      [
        '241 planned minutes',
        () => ({ phases: [{ ...phase, plannedMinutes: 241 }] }),
        400,
        'phases.0.plannedMinutes',
      ],
      ['21 phases', () => ({ phases: Array.from({ length: 21 }, () => phase) }), 400, 'phases'],
      [
        'unknown objective codes',
        () => ({ phases: [phase, { ...phase, objectiveCodes: ['OBJ.1', 'NOPE.9'] }] }),
        400,
        'phases.1.objectiveCodes',
      ],
      ['no enrollments', () => ({ enrollmentIds: [] }), 400, 'enrollmentIds'],
      [
        '51 enrollments',
        () => ({
          enrollmentIds: Array.from(
            { length: 51 },
            (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          ),
        }),
        400,
        'enrollmentIds',
      ],
      ['a malformed enrollment id', () => ({ enrollmentIds: ['nope'] }), 400, 'enrollmentIds'],
      [
        'an unknown enrollment id',
        (c) => ({ enrollmentIds: [...c.enrollmentIds, '00000000-0000-4000-8000-000000000000'] }),
        404,
        'enrollmentIds',
      ],
      [
        'an unknown room',
        () => ({ roomId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'roomId',
      ],
    ];

    it.each(cases)('rejects %s', async (_case, change, status, field) => {
      const response = await postSession(sessionBody(own, change(own)), org.adminKey);

      expect(response.status).toBe(status);
      expect(response.body.field).toBe(field);
      expect(await sessionCount(org.adminKey)).toBe(0);
    });

    it('rejects another organization’s enrollment', async () => {
      const foreign = await createClassroom(t, t.adminKey, { students: 1 });

      const response = await postSession(
        sessionBody(own, { enrollmentIds: [own.enrollmentIds[0], foreign.enrollmentIds[0]] }),
        org.adminKey,
      );

      expect(response.status).toBe(404);
      expect(response.body.field).toBe('enrollmentIds');
      expect(response.body.detail).toContain(foreign.enrollmentIds[0]);
      expect(response.body.detail).not.toContain(own.enrollmentIds[0]);
      expect(await sessionCount(org.adminKey)).toBe(0);
    });

    it('rejects an archived room', async () => {
      const room = await t.http
        .post('/v1/rooms')
        .set(...bearer(org.adminKey))
        .send({ name: 'Old' });
      await t.http.post(`/v1/rooms/${room.body.id}/archive`).set(...bearer(org.adminKey));

      const response = await postSession(sessionBody(own, { roomId: room.body.id }), org.adminKey);

      expect(response.status).toBe(409);
      expect(response.body.field).toBe('roomId');
      expect(await sessionCount(org.adminKey)).toBe(0);
    });

    it('rejects more people than the room holds', async () => {
      const small = await createClassroom(t, org.adminKey, { students: 2, capacity: 2 });

      const response = await postSession(sessionBody(small), org.adminKey);

      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('capacity is 2');
      expect(await sessionCount(org.adminKey)).toBe(0);
    });

    it('rejects an unknown phase kind over GraphQL', async () => {
      const response = await t.gql(
        'mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }',
        { input: sessionBody(own, { phases: [{ ...phase, kind: 'recess' }] }) },
        org.adminKey,
      );

      expect(response.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|BAD_REQUEST/);
      expect(await sessionCount(org.adminKey)).toBe(0);
    });
  });

  it('isolates sessions between organizations', async () => {
    const { id } = await createSession(t, t.adminKey, classroom);
    const participants = await t.http
      .get(`/v1/sessions/${id}/participants`)
      .set(...bearer(t.adminKey));
    const participantId = participants.body.items[0].id;
    const other = await t.createOrganization('Tenant B');
    const as = (method: 'get' | 'post' | 'delete', path: string, body?: Record<string, unknown>) =>
      t.http[method](path)
        .set(...bearer(other.adminKey))
        .send(body);

    const responses = [
      await as('get', `/v1/sessions/${id}`),
      await as('get', `/v1/sessions/${id}/participants`),
      await as('post', `/v1/sessions/${id}/start`),
      await as('post', `/v1/sessions/${id}/cancel`),
      await as('post', `/v1/sessions/${id}/participants`, { displayName: 'Spy', identity: 'spy' }),
      await as('delete', `/v1/sessions/${id}/participants/${participantId}`),
      await as('post', `/v1/sessions/${id}/join`, { participantId }),
    ];
    const list = await t.http.get('/v1/sessions').set(...bearer(other.adminKey));
    const graphql = await t.gql(SESSION_QUERY, { id }, other.adminKey);
    const foreignRoom = await postSession(sessionBody(classroom), other.adminKey);
    const after = await t.http.get(`/v1/sessions/${id}`).set(...bearer(t.adminKey));
    const roster = await t.http.get(`/v1/sessions/${id}/participants`).set(...bearer(t.adminKey));

    responses.forEach((response) => expect(response.status).toBe(404));
    responses.forEach((response) => expect(response.body.code).toBe('NOT_FOUND'));
    expect(list.body.items).toHaveLength(0);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignRoom.status).toBe(404);
    expect(after.body.status).toBe('scheduled');
    expect(roster.body.items).toHaveLength(3);
    expect(roster.body.items.every((p: { removedAt: unknown }) => p.removedAt === null)).toBe(true);
  });

  it('session query reads in bounded queries', async () => {
    const small = await createSession(t, t.adminKey, classroom);
    const large = await createSession(
      t,
      t.adminKey,
      await createClassroom(t, t.adminKey, { students: 12 }),
    );
    await t.gql(SESSION_QUERY, { id: small.id });

    const smallQueries = await countQueries(t, () => t.gql(SESSION_QUERY, { id: small.id }));
    const largeQueries = await countQueries(t, () => t.gql(SESSION_QUERY, { id: large.id }));

    // One statement reads the session with its room and participants, then one query each
    // reads the phases, the enrollment links and the enrollments.
    expect(withoutAuth(smallQueries)).toHaveLength(4);
    expect(withoutAuth(largeQueries)).toHaveLength(4);
  });

  it('batches concurrent session reads', async () => {
    const first = await createSession(t, t.adminKey, classroom);
    const second = await createSession(t, t.adminKey, classroom);
    const other = await t.createOrganization('Batched reads');
    const reader = t.app.get(SessionReader);
    const ctx = (organizationId: string) =>
      ({ organizationId, requestId: 'test', actor: { kind: 'api_key' } }) as RequestContext;
    const options = { room: true, participants: true };
    let views: (SessionView | undefined)[] = [];

    const queries = await countQueries(t, async () => {
      views = await Promise.all([
        reader.read(ctx(t.organizationId), first.id, options),
        reader.read(ctx(t.organizationId), second.id, options),
        reader.read(ctx(other.organizationId), first.id, options),
        reader.read(ctx(t.organizationId), first.id, options),
        reader.read(ctx(t.organizationId), '00000000-0000-4000-8000-000000000000', options),
      ]);
    });

    expect(queries).toHaveLength(1);
    expect(views.map((view) => view?.session.id)).toEqual([
      first.id,
      second.id,
      undefined,
      first.id,
      undefined,
    ]);
    expect(views[0]?.participants).toHaveLength(3);
    expect(views[1]?.participants?.map((p) => p.sessionId)).toEqual([
      second.id,
      second.id,
      second.id,
    ]);
    expect(views[0]?.room?.id).toBe(classroom.roomId);
  });

  it('reads committed changes right away', async () => {
    const { id } = await createSession(t, t.adminKey, classroom);
    await t.gql(SESSION_QUERY, { id });

    await lifecycle(id, 'start').expect(200);
    const [started] = await Promise.all([
      t.gql(SESSION_QUERY, { id }),
      t.gql(SESSION_QUERY, { id }),
    ]);

    expect(started.data?.session.status).toBe('live');
  });

  it('session list queries stay constant', async () => {
    const org = await t.createOrganization('Batching');
    const own = await createClassroom(t, org.adminKey, { students: 2 });
    const query =
      '{ sessions(first: 50) { nodes { id room { name } participants { id } phases { kind } } } }';
    await createSession(t, org.adminKey, own);
    await t.gql(query, {}, org.adminKey);
    const singleSessionQueries = await countQueries(t, () => t.gql(query, {}, org.adminKey));
    for (let index = 0; index < 5; index += 1) {
      await createSession(t, org.adminKey, own);
    }

    const sixSessionQueries = await countQueries(t, () => t.gql(query, {}, org.adminKey));

    expect(withoutAuth(sixSessionQueries)).toHaveLength(withoutAuth(singleSessionQueries).length);
  });
});
