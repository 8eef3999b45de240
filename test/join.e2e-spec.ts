import { TokenVerifier } from 'livekit-server-sdk';
import { AppError } from '../src/common/app-error';
import { RequestContext } from '../src/common/request-context';
import { ParticipantsService, SessionParticipant } from '../src/sessions/participants.service';
import { countQueries } from './support/query-counter';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { expectRoleGrants } from './support/livekit-grants';
import { closedPort } from './support/ports';
import { bearer, startTestApp, TestApp } from './support/test-app';

const LIVEKIT_KEY = 'devkey';
const LIVEKIT_SECRET = 'test-secret-that-is-at-least-32-characters';
const TTL_SECONDS = 900;

interface Person {
  id: string;
  role: string;
  identity: string;
  displayName: string;
}

async function participantsOf(t: TestApp, sessionId: string): Promise<Person[]> {
  const response = await t.http
    .get(`/v1/sessions/${sessionId}/participants`)
    .set(...bearer(t.adminKey));

  return response.body.items;
}

function join(t: TestApp, sessionId: string, participantId: string) {
  return t.http
    .post(`/v1/sessions/${sessionId}/join`)
    .set(...bearer(t.adminKey))
    .send({ participantId });
}

describe('joining with LiveKit configured', () => {
  let t: TestApp;
  let classroom: Classroom;
  let livekitUrl: string;

  beforeAll(async () => {
    livekitUrl = `http://127.0.0.1:${await closedPort()}`;
    t = await startTestApp({
      LIVEKIT_URL: livekitUrl,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
      HILINK_JOIN_TOKEN_TTL: String(TTL_SECONDS),
    });
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t.close();
  });

  it('grants each role its LiveKit permissions', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const observer = await t.http
      .post(`/v1/sessions/${session.id}/participants`)
      .set(...bearer(t.adminKey))
      .send({ displayName: 'Visiting teacher', identity: 'observer:visitor-1' });
    const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
    const people = await participantsOf(t, session.id);

    expect(observer.status).toBe(201);
    for (const person of people) {
      const response = await join(t, session.id, person.id);
      const claims = await verifier.verify(response.body.media.token);
      const metadata = JSON.parse(claims.metadata ?? '{}');

      expect(response.status).toBe(200);
      expect(response.body.media.available).toBe(true);
      expect(response.body.media.url).toBe(livekitUrl);
      expect(response.body.media.roomName).toBe(session.livekitRoomName);
      expect(claims.sub).toBe(person.identity);
      expect(claims.name).toBe(person.displayName);
      expect(metadata).toEqual({
        role: person.role,
        participantId: person.id,
        sessionId: session.id,
      });
      expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(TTL_SECONDS);
      expect(claims.video?.room).toBe(session.livekitRoomName);
      expect(claims.video?.roomJoin).toBe(true);
      expect(response.body.expiresInSeconds).toBe(TTL_SECONDS);
      expectRoleGrants(claims.video, person.role);
    }
    expect(people.map((p) => p.role).sort()).toEqual([
      'instructor',
      'observer',
      'student',
      'student',
    ]);
  });

  it('issues a participant token scoped to the session', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');
    const other = await createSession(t, t.adminKey, classroom);
    const joined = await join(t, session.id, student!.id);
    const token = joined.body.participantToken as string;

    const rest = await t.http.get('/v1/participant/session').set(...bearer(token));
    const graphql = await t.gql(
      '{ participantSession { id title status role participantId phases { kind } } }',
      {},
      token,
    );
    const forbidden = await t.http.get(`/v1/sessions/${other.id}`).set(...bearer(token));
    const withKey = await t.http.get('/v1/participant/session').set(...bearer(t.adminKey));

    expect(token).toMatch(/^hlp_/);
    expect(rest.status).toBe(200);
    expect(rest.body.id).toBe(session.id);
    expect(rest.body.role).toBe('student');
    expect(rest.body.participantId).toBe(student!.id);
    expect(rest.body.phases).toHaveLength(4);
    expect(rest.body).not.toHaveProperty('livekitRoomName');
    expect(graphql.data?.participantSession.id).toBe(session.id);
    expect(graphql.data?.participantSession.role).toBe('student');
    expect(forbidden.status).toBe(403);
    expect(withKey.status).toBe(403);
  });

  it('keeps the lifecycle going when LiveKit is unreachable', async () => {
    const session = await createSession(t, t.adminKey, classroom);

    const started = await t.http
      .post(`/v1/sessions/${session.id}/start`)
      .set(...bearer(t.adminKey));
    const ended = await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(t.adminKey));

    expect(started.status).toBe(200);
    expect(started.body.status).toBe('live');
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
  });

  it('joins over GraphQL', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [instructor] = (await participantsOf(t, session.id)).filter(
      (p) => p.role === 'instructor',
    );

    const response = await t.gql(
      `mutation($s: ID!, $p: ID!) { joinSession(sessionId: $s, participantId: $p) {
        participantToken expiresInSeconds participant { id role } media { available url token roomName reason }
      } }`,
      { s: session.id, p: instructor!.id },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data?.joinSession.participant.role).toBe('instructor');
    expect(response.data?.joinSession.media.available).toBe(true);
    expect(response.data?.joinSession.media.token).toEqual(expect.any(String));
    expect(response.data?.joinSession.media.reason).toBeNull();
  });
});

describe('joining without LiveKit', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    // Background jobs and webhook polling stay off: they would add statements to a query count.
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey, { students: 1 });
  });

  afterAll(async () => {
    await t.close();
  });

  it('returns a participant token and explains missing media', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');

    const response = await join(t, session.id, student!.id);

    expect(response.status).toBe(200);
    expect(response.body.participantToken).toMatch(/^hlp_/);
    expect(response.body.media).toEqual({
      available: false,
      reason:
        'LiveKit is not configured on this server: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.',
    });
  });

  it.each([
    ['cancelled', ['cancel'], 'cancelled'],
    ['ended', ['start', 'end'], 'ended'],
  ])('rejects joining a %s session', async (_case, steps, status) => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');
    for (const step of steps) {
      await t.http.post(`/v1/sessions/${session.id}/${step}`).set(...bearer(t.adminKey));
    }

    const response = await join(t, session.id, student!.id);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(response.body.detail).toContain(`Session is ${status}`);
  });

  it('allows joining a live session', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');
    await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));

    const response = await join(t, session.id, student!.id);

    expect(response.status).toBe(200);
  });

  it('rejects a removed participant and their old token', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');
    const before = await join(t, session.id, student!.id);

    const removed = await t.gql(
      'mutation($s: ID!, $p: ID!) { removeParticipant(sessionId: $s, participantId: $p) { id removedAt } }',
      { s: session.id, p: student!.id },
    );
    const again = await join(t, session.id, student!.id);
    const view = await t.http
      .get('/v1/participant/session')
      .set(...bearer(before.body.participantToken));
    const twice = await t.http
      .delete(`/v1/sessions/${session.id}/participants/${student!.id}`)
      .set(...bearer(t.adminKey));

    expect(removed.data?.removeParticipant.removedAt).toEqual(expect.any(String));
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('FORBIDDEN');
    expect(again.body.field).toBe('participantId');
    expect(view.status).toBe(403);
    expect(twice.status).toBe(409);
  });

  it('rejects a participant of another session', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const other = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, other.id)).filter((p) => p.role === 'student');

    const response = await join(t, session.id, student!.id);

    expect(response.status).toBe(404);
    expect(response.body.field).toBe('participantId');
  });

  it('batches concurrent join reads', async () => {
    const first = await createSession(t, t.adminKey, classroom);
    const second = await createSession(t, t.adminKey, classroom);
    const [a] = (await participantsOf(t, first.id)).filter((p) => p.role === 'student');
    const [b] = (await participantsOf(t, second.id)).filter((p) => p.role === 'student');
    const tenant = await t.createOrganization('Concurrent joins');
    const service = t.app.get(ParticipantsService);
    const ctx = (organizationId: string) =>
      ({ organizationId, requestId: 'test', actor: { kind: 'api_key' } }) as RequestContext;
    const own = ctx(t.organizationId);
    let results: PromiseSettledResult<SessionParticipant>[] = [];

    const queries = await countQueries(t, async () => {
      results = await Promise.allSettled([
        service.getWithSession(own, first.id, a!.id),
        service.getWithSession(own, second.id, b!.id),
        service.getWithSession(own, first.id, b!.id),
        service.getWithSession(ctx(tenant.organizationId), first.id, a!.id),
        service.getWithSession(own, first.id, 'not-a-uuid'),
        service.getWithSession(own, first.id, a!.id),
      ]);
    });
    const outcome = results.map((result) =>
      result.status === 'fulfilled'
        ? `${result.value.session.id}/${result.value.participant.id}`
        : (result.reason as AppError).field,
    );

    expect(queries).toHaveLength(1);
    expect(outcome).toEqual([
      `${first.id}/${a!.id}`,
      `${second.id}/${b!.id}`,
      'participantId',
      'sessionId',
      'participantId',
      `${first.id}/${a!.id}`,
    ]);
  });

  it('requires the sessions:write scope to join', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');
    const reader = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'R', scopes: ['read'] });

    const response = await t.http
      .post(`/v1/sessions/${session.id}/join`)
      .set(...bearer(reader.body.secret))
      .send({ participantId: student!.id });

    expect(response.status).toBe(403);
  });

  describe('observers', () => {
    it('adds an observer with a custom identity over GraphQL', async () => {
      const session = await createSession(t, t.adminKey, classroom);

      const response = await t.gql(
        `mutation($s: ID!, $input: AddParticipantInput!) {
          addParticipant(sessionId: $s, input: $input) { role identity displayName }
        }`,
        { s: session.id, input: { displayName: 'Coach', identity: 'coach-7' } },
      );

      expect(response.errors).toBeUndefined();
      expect(response.data?.addParticipant).toEqual({
        role: 'observer',
        identity: 'coach-7',
        displayName: 'Coach',
      });
    });

    it.each([
      ['no identity', { displayName: 'X' }, 400, 'identity'],
      ['an over-long name', { displayName: 'x'.repeat(201), identity: 'a' }, 400, 'displayName'],
      ['an identity with spaces', { displayName: 'X', identity: 'a b' }, 400, 'identity'],
      [
        'an unknown member',
        { displayName: 'X', memberId: '00000000-0000-4000-8000-000000000000' },
        404,
        'memberId',
      ],
    ])('rejects %s', async (_case, body, status, field) => {
      const session = await createSession(t, t.adminKey, classroom);

      const response = await t.http
        .post(`/v1/sessions/${session.id}/participants`)
        .set(...bearer(t.adminKey))
        .send(body);
      const people = await participantsOf(t, session.id);

      expect(response.status).toBe(status);
      expect(response.body.field).toBe(field);
      expect(people).toHaveLength(2);
    });

    it('rejects a duplicate identity', async () => {
      const session = await createSession(t, t.adminKey, classroom);
      const [student] = (await participantsOf(t, session.id)).filter((p) => p.role === 'student');

      const response = await t.http
        .post(`/v1/sessions/${session.id}/participants`)
        .set(...bearer(t.adminKey))
        .send({ displayName: 'Copy', identity: student!.identity });

      expect(response.status).toBe(409);
      expect(response.body.field).toBe('identity');
    });
  });
});
