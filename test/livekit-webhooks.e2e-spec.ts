import { createHash, randomUUID } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const API_KEY = 'hilink-test-key';
const API_SECRET = 'hilink-test-secret-0123456789abcdefghij';
/** Nothing listens on the discard port, so LiveKit room calls fail fast and are logged. */
const LIVEKIT_ENV = {
  LIVEKIT_URL: 'http://127.0.0.1:9',
  LIVEKIT_API_KEY: API_KEY,
  LIVEKIT_API_SECRET: API_SECRET,
};
const CONTENT_TYPE = 'application/webhook+json';

interface ParticipantRow {
  id: string;
  role: string;
  identity: string;
  joinedAt: string | null;
  leftAt: string | null;
}

/** Signs a body the way LiveKit does: a token from the API key whose sha256 claim is the body's hash. */
async function sign(body: string, secret = API_SECRET): Promise<string> {
  const token = new AccessToken(API_KEY, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');

  return token.toJwt();
}

const seconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

function participantEvent(
  event: 'participant_joined' | 'participant_left',
  roomName: string,
  participant: { sid: string; identity: string; joinedAt: string; kind?: string },
  createdAt: string,
  id = `EV_${randomUUID()}`,
): Record<string, unknown> {
  return {
    event,
    id,
    createdAt: seconds(createdAt),
    room: { sid: 'RM_test', name: roomName },
    participant: {
      sid: participant.sid,
      identity: participant.identity,
      joinedAt: seconds(participant.joinedAt),
      joinedAtMs: String(Date.parse(participant.joinedAt)),
      kind: participant.kind ?? 'STANDARD',
    },
  };
}

describe('LiveKit webhooks', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp(LIVEKIT_ENV);
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
  });

  afterAll(async () => {
    await t.close();
  });

  async function post(payload: Record<string, unknown> | string, authorization?: string) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const request = t.http.post('/webhooks/livekit').set('content-type', CONTENT_TYPE);
    if (authorization !== '') {
      request.set('authorization', authorization ?? (await sign(body)));
    }

    return request.send(body);
  }

  async function participantsOf(sessionId: string): Promise<ParticipantRow[]> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/participants`)
      .set(...bearer(t.adminKey));

    return response.body.items;
  }

  async function liveSession(): Promise<{
    id: string;
    roomName: string;
    student: ParticipantRow;
    other: ParticipantRow;
  }> {
    const session = await createSession(t, t.adminKey, classroom);
    const started = await t.http
      .post(`/v1/sessions/${session.id}/start`)
      .set(...bearer(t.adminKey));
    expect(started.status).toBe(200);
    const [student, other] = (await participantsOf(session.id)).filter((p) => p.role === 'student');

    return { id: session.id, roomName: session.livekitRoomName, student, other };
  }

  async function eventsOf(sessionId: string): Promise<any[]> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/events?limit=100`)
      .set(...bearer(t.adminKey));

    return response.body.items;
  }

  async function attendedMinutes(sessionId: string, participantId: string): Promise<number> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/engagement`)
      .set(...bearer(t.adminKey));

    return response.body.participants.find((p: any) => p.participantId === participantId)
      .attendedMinutes;
  }

  it('records joins and leaves once each', async () => {
    const session = await liveSession();
    const now = Date.now();
    const joinedAt = new Date(now - 1_000).toISOString();
    const connection = { sid: 'PA_one', identity: session.student.identity, joinedAt };
    const joined = participantEvent('participant_joined', session.roomName, connection, joinedAt);
    const left = participantEvent(
      'participant_left',
      session.roomName,
      connection,
      new Date(now).toISOString(),
    );

    const first = await post(joined);
    const repeat = await post(joined);
    const afterJoin = (await participantsOf(session.id)).find((p) => p.id === session.student.id);
    const leave = await post(left);
    const afterLeave = (await participantsOf(session.id)).find((p) => p.id === session.student.id);
    const events = await eventsOf(session.id);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ event: 'participant_joined', outcome: 'recorded' });
    expect(repeat.status).toBe(200);
    expect(repeat.body.outcome).toBe('duplicate');
    expect(leave.body.outcome).toBe('recorded');
    expect(events.map((event) => [event.type, event.source, event.participantKind])).toEqual([
      ['joined', 'livekit', 'standard'],
      ['left', 'livekit', 'standard'],
    ]);
    expect(events[0].data.connectionId).toBe('PA_one');
    expect(events[0].occurredAt).toBe(joinedAt);
    expect(afterJoin?.joinedAt).toBe(joinedAt);
    expect(afterJoin?.leftAt).toBeNull();
    expect(afterLeave?.leftAt).toBe(new Date(Math.floor(now / 1000) * 1000).toISOString());
  });

  it('never ends a newer connection with a late left', async () => {
    const session = await liveSession();
    const base = Date.now() - 60_000;
    const iso = (offsetMs: number) => new Date(base + offsetMs).toISOString();
    const identity = session.student.identity;
    const first = { sid: 'PA_first', identity, joinedAt: iso(0) };
    const second = { sid: 'PA_second', identity, joinedAt: iso(20_000) };

    await post(participantEvent('participant_joined', session.roomName, first, iso(0)));
    await post(participantEvent('participant_joined', session.roomName, second, iso(20_000)));
    // The first connection's left is delivered after the reconnect and happened at 30 s.
    await post(participantEvent('participant_left', session.roomName, first, iso(30_000)));
    const participant = (await participantsOf(session.id)).find((p) => p.id === session.student.id);

    expect(participant?.joinedAt).toBe(iso(0));
    expect(participant?.leftAt).toBeNull();
    const events = await eventsOf(session.id);
    expect(events.filter((event) => event.type === 'left')).toHaveLength(1);
  });

  it('merges overlapping connections in attendance', async () => {
    const session = await liveSession();
    const start = Date.now();
    const identity = session.student.identity;
    const iso = (offsetMs: number) => new Date(start + offsetMs).toISOString();
    const phone = { sid: 'PA_phone', identity, joinedAt: iso(0) };
    const laptop = { sid: 'PA_laptop', identity, joinedAt: iso(1_000) };
    await post(participantEvent('participant_joined', session.roomName, phone, iso(0)));
    await post(participantEvent('participant_joined', session.roomName, laptop, iso(1_000)));
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await post(participantEvent('participant_left', session.roomName, phone, iso(2_000)));
    await post(participantEvent('participant_left', session.roomName, laptop, iso(2_000)));

    const response = await t.http
      .get(`/v1/sessions/${session.id}/engagement`)
      .set(...bearer(t.adminKey));
    const rollup = response.body.participants.find(
      (p: any) => p.participantId === session.student.id,
    );

    // Webhook createdAt has whole seconds, so each left lands on a second boundary.
    const leftAt = Math.floor((start + 2_000) / 1000) * 1000;
    expect(rollup.attendedMinutes).toBeCloseTo((leftAt - start) / 60_000, 2);
  });

  it('keeps recorders and agents out of attendance', async () => {
    const session = await liveSession();
    const joinedAt = new Date(Date.now() - 1_000).toISOString();
    for (const kind of ['EGRESS', 'AGENT', 'INGRESS']) {
      const connection = { sid: `PA_${kind}`, identity: session.other.identity, joinedAt, kind };
      const response = await post(
        participantEvent('participant_joined', session.roomName, connection, joinedAt),
      );
      expect(response.body.outcome).toBe('recorded');
    }

    const events = await eventsOf(session.id);
    const participant = (await participantsOf(session.id)).find((p) => p.id === session.other.id);

    expect(events.map((event) => event.participantKind).sort()).toEqual([
      'agent',
      'recorder',
      'screen_share',
    ]);
    expect(participant?.joinedAt).toBeNull();
    expect(await attendedMinutes(session.id, session.other.id)).toBe(0);
  });

  it('ends the live session when the room finishes', async () => {
    const session = await liveSession();
    const finished = {
      event: 'room_finished',
      id: `EV_${randomUUID()}`,
      createdAt: seconds(new Date().toISOString()),
      room: { sid: 'RM_test', name: session.roomName },
    };

    const response = await post(finished);
    const again = await post({ ...finished, id: `EV_${randomUUID()}` });
    const read = await t.http.get(`/v1/sessions/${session.id}`).set(...bearer(t.adminKey));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ event: 'room_finished', outcome: 'session_ended' });
    expect(read.body.status).toBe('ended');
    expect(read.body.actualEnd).toEqual(expect.any(String));
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('ignored');
  });

  it('records joins to a breakout group’s room for the session and the group', async () => {
    const session = await liveSession();
    const created = await t.http
      .post(`/v1/sessions/${session.id}/breakouts/groups`)
      .set(...bearer(t.adminKey))
      .send({
        strategy: 'manual',
        instructions: 'Compare your answers',
        timeLimitMinutes: 10,
        groups: [{ participantIds: [session.student.id] }, { participantIds: [session.other.id] }],
      });
    expect(created.status).toBe(201);
    const group = created.body.items[0];
    const joinedAt = new Date().toISOString();
    const connection = { sid: 'PA_group', identity: session.student.identity, joinedAt };

    const response = await post(
      participantEvent('participant_joined', group.livekitRoomName, connection, joinedAt),
    );
    const finished = await post({
      event: 'room_finished',
      id: `EV_${randomUUID()}`,
      createdAt: seconds(new Date().toISOString()),
      room: { sid: 'RM_group', name: group.livekitRoomName },
    });
    const events = await eventsOf(session.id);
    const status = await t.http
      .get(`/v1/sessions/${session.id}/breakouts/status`)
      .set(...bearer(t.adminKey));
    const read = await t.http.get(`/v1/sessions/${session.id}`).set(...bearer(t.adminKey));
    const groupStatus = status.body.groups.find((g: any) => g.group.id === group.id);

    expect(response.body).toEqual({ event: 'participant_joined', outcome: 'recorded' });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'joined',
        participantId: session.student.id,
        data: expect.objectContaining({
          breakoutGroupId: group.id,
          roomName: group.livekitRoomName,
        }),
      }),
    ]);
    expect(groupStatus.members).toEqual([
      expect.objectContaining({ participantId: session.student.id, present: true }),
    ]);
    // A group's room finishing leaves the session live.
    expect(finished.body.outcome).toBe('ignored');
    expect(read.body.status).toBe('live');
  });

  it('acknowledges unknown rooms and identities', async () => {
    const session = await liveSession();
    const joinedAt = new Date().toISOString();
    const stranger = { sid: 'PA_x', identity: 'student:nobody', joinedAt };

    const unknownRoom = await post(
      participantEvent('participant_joined', 'no-such-room', stranger, joinedAt),
    );
    const unknownIdentity = await post(
      participantEvent('participant_joined', session.roomName, stranger, joinedAt),
    );
    const otherEvent = await post({
      event: 'track_published',
      id: 'EV_track',
      room: { name: session.roomName },
    });

    expect(unknownRoom.status).toBe(200);
    expect(unknownRoom.body.outcome).toBe('ignored');
    expect(unknownIdentity.status).toBe(200);
    expect(unknownIdentity.body.outcome).toBe('ignored');
    expect(otherEvent.status).toBe(200);
    expect(otherEvent.body.outcome).toBe('ignored');
    expect(await eventsOf(session.id)).toEqual([]);
  });

  it('rejects a bad signature with 401', async () => {
    const session = await liveSession();
    const joinedAt = new Date().toISOString();
    const payload = participantEvent(
      'participant_joined',
      session.roomName,
      { sid: 'PA_bad', identity: session.student.identity, joinedAt },
      joinedAt,
    );
    const body = JSON.stringify(payload);

    const wrongSecret = await post(body, await sign(body, 'another-secret-0123456789abcdefghijkl'));
    const otherBody = await post(body, await sign(`${body} `));
    const missing = await post(body, '');
    const garbage = await post(body, 'not-a-token');

    for (const response of [wrongSecret, otherBody, missing, garbage]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    expect(await eventsOf(session.id)).toEqual([]);
  });

  it('rejects a signed body that is not JSON', async () => {
    const response = await post('not json');

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a plain JSON body', async () => {
    const body = JSON.stringify({ event: 'room_finished' });

    const response = await t.http
      .post('/webhooks/livekit')
      .set('content-type', 'application/json')
      .set('authorization', await sign(body))
      .send(body);

    expect(response.status).toBe(415);
  });
});

describe('LiveKit webhooks without LiveKit configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 503 with the settings to set', async () => {
    const body = JSON.stringify({ event: 'room_finished', room: { name: 'x' } });

    const response = await t.http
      .post('/webhooks/livekit')
      .set('content-type', CONTENT_TYPE)
      .set('authorization', await sign(body))
      .send(body);

    expect(response.status).toBe(503);
    expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.body.detail ?? response.body.message).toContain('LIVEKIT_API_SECRET');
  });
});
