import { TokenVerifier } from 'livekit-server-sdk';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { expectRoleGrants } from './support/livekit-grants';
import { closedPort } from './support/ports';
import { bearer, GraphQLResult, startTestApp, TestApp } from './support/test-app';

const LIVEKIT_KEY = 'devkey';
const LIVEKIT_SECRET = 'test-secret-that-is-at-least-32-characters';
const TTL_SECONDS = 900;
const NOT_CONFIGURED =
  'LiveKit is not configured on this server: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.';

const ISSUE_MEDIA_TOKEN = `mutation ($s: ID!) {
  issueMediaToken(sessionId: $s) { available reason url token roomName }
}`;

interface Person {
  id: string;
  role: string;
  identity: string;
  displayName: string;
}

interface Media {
  available: boolean;
  reason?: string | null;
  url?: string | null;
  token?: string | null;
  roomName?: string | null;
}

async function participantsOf(t: TestApp, sessionId: string): Promise<Person[]> {
  const response = await t.http
    .get(`/v1/sessions/${sessionId}/participants`)
    .set(...bearer(t.adminKey));

  return response.body.items;
}

async function tokenOf(t: TestApp, sessionId: string, participantId: string): Promise<string> {
  const response = await t.http
    .post(`/v1/sessions/${sessionId}/join`)
    .set(...bearer(t.adminKey))
    .send({ participantId });
  if (response.status !== 200) {
    throw new Error(`Joining failed: ${response.status} ${JSON.stringify(response.body)}`);
  }

  return response.body.participantToken as string;
}

function mediaOverRest(t: TestApp, sessionId: string, credential: string) {
  return t.http.post(`/v1/sessions/${sessionId}/media-token`).set(...bearer(credential));
}

function mediaOverGraphql(
  t: TestApp,
  sessionId: string,
  credential: string,
): Promise<GraphQLResult<{ issueMediaToken: Media }>> {
  return t.gql<{ issueMediaToken: Media }>(ISSUE_MEDIA_TOKEN, { s: sessionId }, credential);
}

async function studentOf(t: TestApp, sessionId: string): Promise<Person> {
  const student = (await participantsOf(t, sessionId)).find((p) => p.role === 'student');
  if (!student) {
    throw new Error(`Session ${sessionId} has no student.`);
  }

  return student;
}

describe('media token with LiveKit configured', () => {
  let t: TestApp;
  let classroom: Classroom;
  let livekitUrl: string;
  const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);

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
    await t?.close();
  });

  it('mints each role its LiveKit grants over REST', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const observer = await t.http
      .post(`/v1/sessions/${session.id}/participants`)
      .set(...bearer(t.adminKey))
      .send({ displayName: 'Visiting teacher', identity: 'observer:visitor-1' });
    const people = await participantsOf(t, session.id);

    expect(observer.status).toBe(201);
    expect(people.map((p) => p.role).sort()).toEqual([
      'instructor',
      'observer',
      'student',
      'student',
    ]);
    for (const person of people) {
      const token = await tokenOf(t, session.id, person.id);
      const before = Math.floor(Date.now() / 1000);
      const response = await mediaOverRest(t, session.id, token);
      const claims = await verifier.verify(response.body.token);
      const metadata = JSON.parse(claims.metadata ?? '{}');

      expect(response.status).toBe(200);
      expect(response.body.available).toBe(true);
      expect(response.body.url).toBe(livekitUrl);
      expect(response.body.roomName).toBe(session.livekitRoomName);
      expect(response.body.reason).toBeUndefined();
      expect(claims.sub).toBe(person.identity);
      expect(claims.name).toBe(person.displayName);
      expect(metadata).toEqual({
        role: person.role,
        participantId: person.id,
        sessionId: session.id,
      });
      expect(claims.nbf).toBeGreaterThanOrEqual(before);
      expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(TTL_SECONDS);
      expect(claims.video?.room).toBe(session.livekitRoomName);
      expect(claims.video?.roomJoin).toBe(true);
      expectRoleGrants(claims.video, person.role);
    }
  });

  it('mints the same grants as join over GraphQL', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));
    const student = await studentOf(t, session.id);
    const joined = await t.http
      .post(`/v1/sessions/${session.id}/join`)
      .set(...bearer(t.adminKey))
      .send({ participantId: student.id });
    const fromJoin = await verifier.verify(joined.body.media.token);

    const response = await mediaOverGraphql(t, session.id, joined.body.participantToken);
    const media = response.data?.issueMediaToken;
    const claims = await verifier.verify(media?.token ?? '');

    expect(response.errors).toBeUndefined();
    expect(media?.available).toBe(true);
    expect(media?.reason).toBeNull();
    expect(media?.url).toBe(livekitUrl);
    expect(media?.roomName).toBe(session.livekitRoomName);
    expect(claims.sub).toBe(fromJoin.sub);
    expect(claims.name).toBe(fromJoin.name);
    expect(claims.metadata).toBe(fromJoin.metadata);
    expect(claims.video).toEqual(fromJoin.video);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(TTL_SECONDS);
  });

  it('sends the participant rate limit headers', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, session.id);
    const token = await tokenOf(t, session.id, student.id);

    const first = await mediaOverRest(t, session.id, token);
    const second = await mediaOverRest(t, session.id, token);

    expect(first.headers['ratelimit-limit']).toBe('600');
    expect(Number(second.headers['ratelimit-remaining'])).toBe(
      Number(first.headers['ratelimit-remaining']) - 1,
    );
  });
});

describe('media token without LiveKit', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 1 });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('explains missing media over REST and GraphQL', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, session.id);
    const token = await tokenOf(t, session.id, student.id);

    const rest = await mediaOverRest(t, session.id, token);
    const graphql = await mediaOverGraphql(t, session.id, token);

    expect(rest.status).toBe(200);
    expect(rest.body).toEqual({ available: false, reason: NOT_CONFIGURED });
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data?.issueMediaToken).toEqual({
      available: false,
      reason: NOT_CONFIGURED,
      url: null,
      token: null,
      roomName: null,
    });
  });

  it('rejects a removed participant', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, session.id);
    const token = await tokenOf(t, session.id, student.id);
    await t.http
      .delete(`/v1/sessions/${session.id}/participants/${student.id}`)
      .set(...bearer(t.adminKey));

    const rest = await mediaOverRest(t, session.id, token);
    const graphql = await mediaOverGraphql(t, session.id, token);

    expect(rest.status).toBe(403);
    expect(rest.body.code).toBe('FORBIDDEN');
    expect(rest.body.title).toBe('PARTICIPANT_REMOVED');
    expect(rest.body.field).toBe('participantId');
    expect(rest.body.detail).toContain(`Participant "${student.id}" was removed`);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(graphql.errors?.[0]?.extensions?.reason).toBe('PARTICIPANT_REMOVED');
  });

  it.each([
    ['cancelled', ['cancel']],
    ['ended', ['start', 'end']],
  ])('rejects a session that is %s', async (status, steps) => {
    const session = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, session.id);
    const token = await tokenOf(t, session.id, student.id);
    for (const step of steps) {
      await t.http.post(`/v1/sessions/${session.id}/${step}`).set(...bearer(t.adminKey));
    }

    const rest = await mediaOverRest(t, session.id, token);
    const graphql = await mediaOverGraphql(t, session.id, token);

    expect(rest.status).toBe(409);
    expect(rest.body.code).toBe('CONFLICT');
    expect(rest.body.title).toBe('SESSION_CLOSED');
    expect(rest.body.field).toBe('sessionId');
    expect(rest.body.detail).toBe(
      `Session "${session.id}" is ${status}, so it has no video and audio. ` +
        'Media access is issued only while a session is scheduled or live.',
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(graphql.errors?.[0]?.extensions?.reason).toBe('SESSION_CLOSED');
  });

  it('rejects a token of another session', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const other = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, other.id);
    const token = await tokenOf(t, other.id, student.id);

    const rest = await mediaOverRest(t, session.id, token);
    const graphql = await mediaOverGraphql(t, session.id, token);

    expect(rest.status).toBe(403);
    expect(rest.body.code).toBe('FORBIDDEN');
    expect(rest.body.title).toBe('PARTICIPANT_WRONG_SESSION');
    expect(rest.body.detail).toBe('This participant token belongs to another session.');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(graphql.errors?.[0]?.extensions?.reason).toBe('PARTICIPANT_WRONG_SESSION');
  });

  it('rejects an API key', async () => {
    const session = await createSession(t, t.adminKey, classroom);

    const rest = await mediaOverRest(t, session.id, t.adminKey);
    const graphql = await mediaOverGraphql(t, session.id, t.adminKey);

    expect(rest.status).toBe(403);
    expect(rest.body.code).toBe('FORBIDDEN');
    expect(rest.body.title).toBe('PARTICIPANT_TOKEN_REQUIRED');
    expect(rest.body.detail).toContain('call joinSession');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(graphql.errors?.[0]?.extensions?.reason).toBe('PARTICIPANT_TOKEN_REQUIRED');
  });

  it('rejects a session id that is not a UUID', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const student = await studentOf(t, session.id);
    const token = await tokenOf(t, session.id, student.id);

    const rest = await mediaOverRest(t, 'not-a-uuid', token);
    const graphql = await mediaOverGraphql(t, 'not-a-uuid', token);

    expect(rest.status).toBe(400);
    expect(rest.body.field).toBe('id');
    expect(rest.body.detail).toBe('id must be a UUID, got "not-a-uuid".');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(graphql.errors?.[0]?.extensions?.field).toBe('sessionId');
  });

  it('rejects a missing or invalid token', async () => {
    const session = await createSession(t, t.adminKey, classroom);

    const missing = await t.http.post(`/v1/sessions/${session.id}/media-token`);
    const invalid = await mediaOverRest(t, session.id, 'hlp_forged.signature');

    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    expect(invalid.status).toBe(401);
    expect(invalid.body.detail).toContain('participant token is invalid or expired');
  });
});
