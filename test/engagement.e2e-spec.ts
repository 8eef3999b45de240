import { HiLinkClient, HiLinkError } from '../sdk/src';
import { EngagementEventsService } from '../src/engagement/engagement-events.service';
import { systemContext } from '../src/common/request-context';
import { DataSource } from 'typeorm';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** The fixture sessions run from 15:00 to 16:00 UTC on this day. */
const DAY = '2026-03-02';

interface ParticipantRow {
  id: string;
  role: string;
  studentId: string | null;
  joinedAt: string | null;
  leftAt: string | null;
}

function at(time: string): string {
  return `${DAY}T${time}Z`;
}

function event(overrides: Record<string, unknown>): Record<string, unknown> {
  return { type: 'help_requested', occurredAt: at('15:05:00'), ...overrides };
}

describe('engagement', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
  });

  afterAll(async () => {
    await t.close();
  });

  async function participantsOf(sessionId: string): Promise<ParticipantRow[]> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/participants`)
      .set(...bearer(t.adminKey));
    expect(response.status).toBe(200);

    return response.body.items;
  }

  async function newSession(): Promise<{
    id: string;
    instructor: ParticipantRow;
    students: ParticipantRow[];
  }> {
    const session = await createSession(t, t.adminKey, classroom);
    const participants = await participantsOf(session.id);

    return {
      id: session.id,
      instructor: participants.find((p) => p.role === 'instructor') as ParticipantRow,
      students: participants.filter((p) => p.role === 'student'),
    };
  }

  async function tokenFor(sessionId: string, participantId: string): Promise<string> {
    const response = await t.http
      .post(`/v1/sessions/${sessionId}/join`)
      .set(...bearer(t.adminKey))
      .send({ participantId });
    expect(response.status).toBe(200);

    return response.body.participantToken;
  }

  function postOne(sessionId: string, body: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post(`/v1/sessions/${sessionId}/events`)
      .set(...bearer(key))
      .send(body);
  }

  function postBatch(sessionId: string, events: unknown[], key = t.adminKey) {
    return t.http
      .post(`/v1/sessions/${sessionId}/events/batch`)
      .set(...bearer(key))
      .send({ events });
  }

  async function eventCount(sessionId: string): Promise<number> {
    const rows = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM engagement_events WHERE session_id = $1', [
        sessionId,
      ]);

    return rows[0].count;
  }

  async function engagementOf(sessionId: string): Promise<any> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/engagement`)
      .set(...bearer(t.adminKey));
    expect(response.status).toBe(200);

    return response.body;
  }

  describe('ingest', () => {
    it('records one event and ignores its repeat', async () => {
      const session = await newSession();
      const body = event({ participantId: session.students[0].id, clientEventId: 'help-1' });

      const first = await postOne(session.id, body);
      const again = await postOne(session.id, body);

      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        sessionId: session.id,
        received: 1,
        accepted: 1,
        duplicates: 0,
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({
        sessionId: session.id,
        received: 1,
        accepted: 0,
        duplicates: 1,
      });
      expect(await eventCount(session.id)).toBe(1);
    });

    it('counts repeats inside one batch as duplicates', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const events = [
        event({ participantId, clientEventId: 'a' }),
        event({ participantId, clientEventId: 'a' }),
        event({ participantId, clientEventId: 'b' }),
        event({ participantId }),
      ];

      const response = await postBatch(session.id, events);

      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(3);
      expect(response.body.duplicates).toBe(1);
    });

    it('stores typed data for every event type', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const events = [
        { type: 'joined', connectionId: 'conn-1' },
        { type: 'left', connectionId: 'conn-1' },
        { type: 'spoke', durationMs: 4_500 },
        { type: 'chat_message', text: 'Is it 3/4? 🤔' },
        { type: 'reaction', reaction: 'clap' },
        { type: 'hand_raised' },
        { type: 'responded', activityId: UNKNOWN_ID, correct: true },
        { type: 'board_operation', operation: 'draw' },
        { type: 'phase_changed', phaseId: UNKNOWN_ID },
        { type: 'attention_changed', focused: false },
        { type: 'camera_toggled', on: true },
        { type: 'microphone_toggled', on: false },
        { type: 'help_requested' },
      ].map((fields, index) =>
        event({ ...fields, participantId, occurredAt: at(`15:${String(10 + index)}:00`) }),
      );

      const response = await postBatch(session.id, events);
      const list = await t.http
        .get(`/v1/sessions/${session.id}/events?limit=100`)
        .set(...bearer(t.adminKey));

      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(13);
      const byType = Object.fromEntries(list.body.items.map((item: any) => [item.type, item]));
      expect(byType.joined.data).toEqual({ connectionId: 'conn-1' });
      expect(byType.spoke.durationMs).toBe(4_500);
      // A chat message keeps its length in characters, never its text.
      expect(byType.chat_message.data).toEqual({ length: 12 });
      expect(byType.reaction.data).toEqual({ reaction: 'clap' });
      expect(byType.hand_raised.data).toEqual({ raised: true });
      expect(byType.responded.data).toEqual({ activityId: UNKNOWN_ID, correct: true });
      expect(byType.board_operation.data).toEqual({ operation: 'draw' });
      expect(byType.attention_changed.data).toEqual({ focused: false });
      expect(byType.camera_toggled.data).toEqual({ on: true });
      expect(byType.microphone_toggled.data).toEqual({ on: false });
      expect(byType.help_requested.source).toBe('api');
      expect(byType.help_requested.participantKind).toBe('standard');
    });

    it('lets a participant token report only its own events', async () => {
      const session = await newSession();
      const [student, other] = session.students;
      const token = await tokenFor(session.id, student.id);

      const own = await postBatch(
        session.id,
        [event({}), event({ participantId: student.id })],
        token,
      );
      const foreign = await postBatch(
        session.id,
        [event({}), event({ participantId: other.id })],
        token,
      );
      const graded = await postOne(session.id, event({ type: 'responded', correct: true }), token);

      expect(own.status).toBe(200);
      expect(own.body.accepted).toBe(2);
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('FORBIDDEN');
      expect(foreign.body.field).toBe('events.1.participantId');
      expect(graded.status).toBe(400);
      expect(graded.body.field).toBe('correct');
      expect(await eventCount(session.id)).toBe(2);
    });

    it('rejects a participant token of another session', async () => {
      const session = await newSession();
      const other = await newSession();
      const token = await tokenFor(other.id, other.students[0].id);

      const response = await postOne(session.id, event({}), token);

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    const BAD_EVENTS: [string, Record<string, unknown>, string][] = [
      ['unknown type', { type: 'teleported' }, 'events.1.type'],
      ['missing type', { type: undefined }, 'events.1.type'],
      ['missing occurredAt', { occurredAt: undefined }, 'events.1.occurredAt'],
      ['occurredAt without offset', { occurredAt: '2026-03-02T15:05:00' }, 'events.1.occurredAt'],
      ['occurredAt not a date', { occurredAt: 'yesterday' }, 'events.1.occurredAt'],
      [
        'occurredAt in the future',
        { occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        'events.1.occurredAt',
      ],
      [
        'occurredAt long before the session',
        { occurredAt: '2020-01-01T00:00:00Z' },
        'events.1.occurredAt',
      ],
      ['spoke without durationMs', { type: 'spoke' }, 'events.1.durationMs'],
      ['spoke with zero durationMs', { type: 'spoke', durationMs: 0 }, 'events.1.durationMs'],
      [
        'spoke longer than 4 hours',
        { type: 'spoke', durationMs: 14_400_001 },
        'events.1.durationMs',
      ],
      ['durationMs as text', { type: 'spoke', durationMs: '5' }, 'events.1.durationMs'],
      ['attention without focused', { type: 'attention_changed' }, 'events.1.focused'],
      ['focused as text', { type: 'attention_changed', focused: 'yes' }, 'events.1.focused'],
      ['camera without on', { type: 'camera_toggled' }, 'events.1.on'],
      ['microphone without on', { type: 'microphone_toggled' }, 'events.1.on'],
      ['unknown reaction', { type: 'reaction', reaction: 'fireworks' }, 'events.1.reaction'],
      ['reaction without kind', { type: 'reaction' }, 'events.1.reaction'],
      ['chat without text', { type: 'chat_message' }, 'events.1.text'],
      ['chat text too long', { type: 'chat_message', text: 'x'.repeat(2_001) }, 'events.1.text'],
      [
        'field of another type',
        { type: 'spoke', durationMs: 10, focused: true },
        'events.1.focused',
      ],
      [
        'connectionId on a chat message',
        { type: 'chat_message', text: 'hi', connectionId: 'c' },
        'events.1.connectionId',
      ],
      ['clientEventId too long', { clientEventId: 'x'.repeat(101) }, 'events.1.clientEventId'],
      ['empty clientEventId', { clientEventId: '' }, 'events.1.clientEventId'],
      ['reserved clientEventId', { clientEventId: 'livekit:EV_1' }, 'events.1.clientEventId'],
      ['participantId not a uuid', { participantId: 'student-1' }, 'events.1.participantId'],
      ['unknown participantKind', { participantKind: 'robot' }, 'events.1.participantKind'],
      [
        'board operation with capitals',
        { type: 'board_operation', operation: 'Draw' },
        'events.1.operation',
      ],
      ['unknown field', { colour: 'red' }, 'events.1.colour'],
      [
        'missing participantId with an API key',
        { participantId: undefined },
        'events.1.participantId',
      ],
    ];

    it.each(BAD_EVENTS)('rejects %s and stores nothing', async (_case, overrides, field) => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const bad = { ...event({ participantId }), ...overrides };
      const events = [event({ participantId }), JSON.parse(JSON.stringify(bad))];

      const response = await postBatch(session.id, events);

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_USER_INPUT');
      expect(response.body.field).toBe(field);
      expect(response.body.detail ?? response.body.message).toContain(field);
      expect(await eventCount(session.id)).toBe(0);
    });

    it('lists every invalid event of a batch', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const events = [
        event({ participantId, type: 'spoke' }),
        event({ participantId }),
        event({ participantId, type: 'attention_changed' }),
      ];

      const response = await postBatch(session.id, events);

      expect(response.status).toBe(400);
      expect(response.body.errors.map((problem: { field: string }) => problem.field)).toEqual([
        'events.0.durationMs',
        'events.2.focused',
      ]);
    });

    it('rejects an oversized batch', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const events = Array.from({ length: 1_001 }, () => event({ participantId }));

      const response = await postBatch(session.id, events);

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('events');
      expect(await eventCount(session.id)).toBe(0);
    });

    it('rejects an empty batch', async () => {
      const session = await newSession();

      const response = await postBatch(session.id, []);

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('events');
    });

    it('rejects unknown participants', async () => {
      const session = await newSession();
      const other = await newSession();
      const events = [
        event({ participantId: session.students[0].id }),
        event({ participantId: UNKNOWN_ID }),
        event({ participantId: other.students[0].id }),
      ];

      const response = await postBatch(session.id, events);

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect(response.body.field).toBe('events.1.participantId');
      expect(response.body.errors.map((problem: { field: string }) => problem.field)).toEqual([
        'events.1.participantId',
        'events.2.participantId',
      ]);
      expect(await eventCount(session.id)).toBe(0);
    });

    it('rejects events of a removed participant after the removal', async () => {
      const session = await newSession();
      const student = session.students[0];
      const token = await tokenFor(session.id, student.id);
      const removal = await t.http
        .delete(`/v1/sessions/${session.id}/participants/${student.id}`)
        .set(...bearer(t.adminKey));
      expect(removal.status).toBe(200);

      const earlier = await postOne(session.id, event({ participantId: student.id }));
      const later = await postOne(
        session.id,
        event({ participantId: student.id, occurredAt: new Date().toISOString() }),
      );
      const withToken = await postOne(
        session.id,
        event({ occurredAt: new Date().toISOString() }),
        token,
      );

      expect(earlier.status).toBe(200);
      expect(later.status).toBe(403);
      expect(later.body.code).toBe('FORBIDDEN');
      expect(later.body.field).toBe('participantId');
      expect(withToken.status).toBe(403);
      expect(await eventCount(session.id)).toBe(1);
    });

    it('rejects events of a cancelled session', async () => {
      const session = await newSession();
      await t.http.post(`/v1/sessions/${session.id}/cancel`).set(...bearer(t.adminKey));

      const response = await postOne(session.id, event({ participantId: session.students[0].id }));

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
    });

    it('rejects a malformed session id', async () => {
      const response = await postOne('not-a-uuid', event({}));

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('sessionId');
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const session = await newSession();
      const body = event({ participantId: session.students[0].id });
      const send = () =>
        t.http
          .post(`/v1/sessions/${session.id}/events`)
          .set(...bearer(t.adminKey))
          .set('idempotency-key', `events-${session.id}`)
          .send(body);

      const first = await send();
      const replay = await send();

      expect(first.body.accepted).toBe(1);
      expect(replay.body).toEqual(first.body);
      expect(await eventCount(session.id)).toBe(1);
    });

    it('keeps participant join and leave times in step with events', async () => {
      const session = await newSession();
      const student = session.students[0];
      const send = (type: string, time: string, connectionId: string) =>
        postOne(
          session.id,
          event({ type, occurredAt: at(time), connectionId, participantId: student.id }),
        );

      await send('joined', '15:10:00', 'b');
      await send('left', '15:05:00', 'a');
      await send('joined', '15:00:00', 'a');
      const connected = (await participantsOf(session.id)).find((p) => p.id === student.id);
      await send('left', '15:30:00', 'b');
      const afterLeave = (await participantsOf(session.id)).find((p) => p.id === student.id);

      expect(connected?.joinedAt).toBe('2026-03-02T15:00:00.000Z');
      expect(connected?.leftAt).toBeNull();
      expect(afterLeave?.joinedAt).toBe('2026-03-02T15:00:00.000Z');
      expect(afterLeave?.leftAt).toBe('2026-03-02T15:30:00.000Z');
    });
  });

  describe('over GraphQL', () => {
    const RECORD_ONE = `mutation($s: ID!, $input: EngagementEventInput!) {
      recordEngagementEvent(sessionId: $s, input: $input) { sessionId received accepted duplicates }
    }`;
    const RECORD_MANY = `mutation($s: ID!, $input: EngagementEventBatchInput!) {
      recordEngagementEvents(sessionId: $s, input: $input) { received accepted duplicates }
    }`;

    it('records events and pages through them', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;
      const events = Array.from({ length: 5 }, (_, index) =>
        event({ participantId, clientEventId: `g-${index}`, occurredAt: at(`15:0${index}:00`) }),
      );

      const one = await t.gql(RECORD_ONE, {
        s: session.id,
        input: event({ type: 'spoke', durationMs: 1200, participantId }),
      });
      const many = await t.gql(RECORD_MANY, { s: session.id, input: { events } });
      const again = await t.gql(RECORD_MANY, { s: session.id, input: { events } });
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page += 1) {
        const result: any = await t.gql(
          `query($s: ID!, $after: String) {
            engagementEvents(sessionId: $s, type: help_requested, first: 2, after: $after) {
              nodes { clientEventId occurredAt } pageInfo { hasNextPage endCursor }
            }
          }`,
          { s: session.id, after },
        );
        seen.push(...result.data.engagementEvents.nodes.map((node: any) => node.clientEventId));
        after = result.data.engagementEvents.pageInfo.endCursor;
        if (!result.data.engagementEvents.pageInfo.hasNextPage) {
          break;
        }
      }

      expect(one.data?.recordEngagementEvent).toEqual({
        sessionId: session.id,
        received: 1,
        accepted: 1,
        duplicates: 0,
      });
      expect(many.data?.recordEngagementEvents).toEqual({
        received: 5,
        accepted: 5,
        duplicates: 0,
      });
      expect(again.data?.recordEngagementEvents).toEqual({
        received: 5,
        accepted: 0,
        duplicates: 5,
      });
      expect(seen).toEqual(['g-0', 'g-1', 'g-2', 'g-3', 'g-4']);
    });

    it('names the invalid field of a batch', async () => {
      const session = await newSession();
      const participantId = session.students[0].id;

      const result = await t.gql(RECORD_MANY, {
        s: session.id,
        input: {
          events: [event({ participantId }), event({ participantId, type: 'camera_toggled' })],
        },
      });

      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe('events.1.on');
      expect(await eventCount(session.id)).toBe(0);
    });

    it('rejects an unknown event type', async () => {
      const session = await newSession();

      const result = await t.gql(RECORD_ONE, {
        s: session.id,
        input: event({ type: 'teleported', participantId: session.students[0].id }),
      });

      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('teleported');
    });
  });

  describe('rollups', () => {
    let session: Awaited<ReturnType<typeof newSession>>;

    beforeAll(async () => {
      session = await newSession();
      const [a, b] = session.students;
      const instructor = session.instructor;
      const events = [
        // Student A: two overlapping connections from 15:00 to 15:40, and a screen share.
        { participantId: a.id, type: 'joined', connectionId: 'a1', occurredAt: at('15:00:00') },
        { participantId: a.id, type: 'joined', connectionId: 'a2', occurredAt: at('15:10:00') },
        { participantId: a.id, type: 'left', connectionId: 'a1', occurredAt: at('15:20:00') },
        { participantId: a.id, type: 'left', connectionId: 'a2', occurredAt: at('15:40:00') },
        {
          participantId: a.id,
          type: 'joined',
          participantKind: 'screen_share',
          connectionId: 's',
          occurredAt: at('15:00:00'),
        },
        { participantId: a.id, type: 'spoke', durationMs: 60_000, occurredAt: at('15:05:00') },
        { participantId: a.id, type: 'spoke', durationMs: 60_000, occurredAt: at('15:15:00') },
        {
          participantId: a.id,
          type: 'attention_changed',
          focused: false,
          occurredAt: at('15:10:00'),
        },
        {
          participantId: a.id,
          type: 'attention_changed',
          focused: true,
          occurredAt: at('15:20:00'),
        },
        { participantId: a.id, type: 'hand_raised', occurredAt: at('15:11:00') },
        { participantId: a.id, type: 'hand_raised', raised: false, occurredAt: at('15:12:00') },
        {
          participantId: a.id,
          type: 'reaction',
          reaction: 'thumbs_up',
          occurredAt: at('15:13:00'),
        },
        ...[1, 2, 3].map((n) => ({
          participantId: a.id,
          type: 'board_operation',
          operation: 'draw',
          occurredAt: at(`15:2${n}:00`),
        })),
        // Student B: one connection from 15:00 to 15:30; an agent and a recorder with its identity never count.
        { participantId: b.id, type: 'joined', occurredAt: at('15:00:00') },
        { participantId: b.id, type: 'left', occurredAt: at('15:30:00') },
        {
          participantId: b.id,
          type: 'joined',
          participantKind: 'agent',
          occurredAt: at('15:30:00'),
        },
        {
          participantId: b.id,
          type: 'joined',
          participantKind: 'recorder',
          occurredAt: at('15:30:00'),
        },
        { participantId: b.id, type: 'spoke', durationMs: 40_000, occurredAt: at('15:06:00') },
        {
          participantId: b.id,
          type: 'spoke',
          durationMs: 500_000,
          participantKind: 'agent',
          occurredAt: at('15:07:00'),
        },
        { participantId: b.id, type: 'chat_message', text: 'hello', occurredAt: at('15:08:00') },
        { participantId: b.id, type: 'chat_message', text: 'again', occurredAt: at('15:09:00') },
        // The instructor talks for 4 minutes.
        {
          participantId: instructor.id,
          type: 'spoke',
          durationMs: 240_000,
          occurredAt: at('15:01:00'),
        },
      ];
      const response = await postBatch(session.id, events);
      expect(response.status).toBe(200);
      // Responses are written by the polls module: graded ones carry `correct`, anonymous ones nothing.
      const ctx = systemContext(t.organizationId);
      await t.app.get(DataSource).transaction((manager) =>
        t.app.get(EngagementEventsService).append(manager, ctx, [
          {
            sessionId: session.id,
            participantId: a.id,
            type: 'responded',
            occurredAt: new Date(at('15:25:00')),
            source: 'system',
            data: { activityId: UNKNOWN_ID, correct: true },
          },
          {
            sessionId: session.id,
            participantId: a.id,
            type: 'responded',
            occurredAt: new Date(at('15:26:00')),
            source: 'system',
            data: { activityId: UNKNOWN_ID, correct: false },
          },
          {
            sessionId: session.id,
            participantId: b.id,
            type: 'responded',
            occurredAt: new Date(at('15:27:00')),
            source: 'system',
            data: { activityId: UNKNOWN_ID },
          },
        ]),
      );
    });

    function rollupOf(body: any, participantId: string): any {
      return body.participants.find((p: any) => p.participantId === participantId);
    }

    it('computes attendance, talk, responses and attention', async () => {
      const body = await engagementOf(session.id);
      const a = rollupOf(body, session.students[0].id);
      const b = rollupOf(body, session.students[1].id);

      expect(body.sessionMinutes).toBe(60);
      expect(body.totalTalkSeconds).toBe(400);
      expect(a.attendedMinutes).toBe(40);
      expect(a.attendanceShare).toBeCloseTo(0.6667, 4);
      expect(a.talkSeconds).toBe(120);
      expect(a.talkShare).toBe(0.3);
      expect(a.responses).toBe(2);
      expect(a.gradedResponses).toBe(2);
      expect(a.correctResponses).toBe(1);
      expect(a.correctRate).toBe(0.5);
      expect(a.boardOperations).toBe(3);
      expect(a.attentionShare).toBe(0.75);
      expect(a.handRaises).toBe(1);
      expect(a.reactions).toBe(1);
      expect(a.chatMessages).toBe(0);
      // 0.35 * 2/3 + 0.2 * 1 + 0.2 * 0.75 + 0.15 * 0.9 + 0.1 * 1 = 0.818
      expect(a.participationScore).toBe(82);
      expect(b.attendedMinutes).toBe(30);
      expect(b.talkSeconds).toBe(40);
      expect(b.responses).toBe(1);
      expect(b.gradedResponses).toBe(0);
      expect(b.correctRate).toBeNull();
      expect(b.attentionShare).toBeNull();
      expect(b.chatMessages).toBe(2);
    });

    it('adds nothing to anonymous responses', async () => {
      const b = session.students[1];
      const list = await t.http
        .get(`/v1/sessions/${session.id}/events?type=responded&participantId=${b.id}`)
        .set(...bearer(t.adminKey));
      const rollup = rollupOf(await engagementOf(session.id), b.id);

      expect(list.status).toBe(200);
      expect(list.body.items.map((item: any) => item.data)).toEqual([{ activityId: UNKNOWN_ID }]);
      expect(rollup.gradedResponses).toBe(0);
      expect(rollup.correctResponses).toBe(0);
      expect(rollup.correctRate).toBeNull();
    });

    it('excludes screen share, recorder and agent connections', async () => {
      const body = await engagementOf(session.id);
      const b = rollupOf(body, session.students[1].id);
      const participants = await participantsOf(session.id);

      // The agent and recorder joins at 15:30 stay open, but B attended only 15:00 to 15:30.
      expect(b.attendedMinutes).toBe(30);
      expect(b.talkSeconds).toBe(40);
      expect(participants.find((p) => p.id === session.students[1].id)?.leftAt).toBe(
        '2026-03-02T15:30:00.000Z',
      );
    });

    it('returns the same rollups over GraphQL and the SDK', async () => {
      const rest = await engagementOf(session.id);
      const gql = await t.gql(
        `query($s: ID!) { sessionEngagement(sessionId: $s) {
          sessionId sessionMinutes participants { participantId attendedMinutes talkShare participationScore attentionShare }
        } }`,
        { s: session.id },
      );
      const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
      const sdk = await client.sessionEngagement(session.id);

      const summary = (participants: any[]) =>
        participants
          .map((p) => [
            p.participantId,
            p.attendedMinutes,
            p.talkShare,
            p.participationScore,
            p.attentionShare,
          ])
          .sort();
      expect(gql.data?.sessionEngagement.sessionMinutes).toBe(60);
      expect(summary(gql.data?.sessionEngagement.participants)).toEqual(summary(rest.participants));
      expect(summary(sdk.participants)).toEqual(summary(rest.participants));
    });
  });

  it('closes an open connection at the actual end', async () => {
    const session = await newSession();
    const student = session.students[0];
    await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));
    await postOne(
      session.id,
      event({ type: 'joined', participantId: student.id, occurredAt: new Date().toISOString() }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(t.adminKey));

    const first = rollupOfStudent(await engagementOf(session.id), student.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = rollupOfStudent(await engagementOf(session.id), student.id);

    expect(first.attendanceShare).toBeGreaterThan(0.5);
    expect(first.attendanceShare).toBeLessThanOrEqual(1);
    expect(second.attendanceShare).toBe(first.attendanceShare);
  });

  function rollupOfStudent(body: any, participantId: string): any {
    return body.participants.find((p: any) => p.participantId === participantId);
  }

  it('follows a student across sessions', async () => {
    const studentId = classroom.studentIds[0];
    const scores: number[] = [];
    for (const joinedFor of [0, 1, 2]) {
      const session = await newSession();
      const student = session.students.find((p) => p.studentId === studentId) as ParticipantRow;
      await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));
      const events = [
        event({ type: 'joined', participantId: student.id, occurredAt: new Date().toISOString() }),
      ];
      for (let n = 0; n < joinedFor * 2; n += 1) {
        events.push(
          event({
            type: 'hand_raised',
            participantId: student.id,
            occurredAt: new Date().toISOString(),
          }),
        );
      }
      if (joinedFor > 0) {
        await postBatch(session.id, events);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(t.adminKey));
      scores.push(rollupOfStudent(await engagementOf(session.id), student.id).participationScore);
    }

    const rest = await t.http
      .get(`/v1/students/${studentId}/engagement-trend?last=3`)
      .set(...bearer(t.adminKey));
    const gql = await t.gql(
      `query($id: ID!) { studentEngagementTrend(studentId: $id, last: 2) { slope sessions { participationScore } } }`,
      { id: studentId },
    );
    const sdk = await new HiLinkClient({ url: t.url, apiKey: t.adminKey }).studentEngagementTrend({
      studentId,
      last: 3,
    });

    expect(rest.status).toBe(200);
    expect(rest.body.sessions.map((point: any) => point.participationScore)).toEqual(scores);
    expect(scores[0]).toBe(0);
    expect(scores[2]).toBeGreaterThan(scores[0]);
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(rest.body.sessions[2].movingAverage).toBeCloseTo(mean(scores), 2);
    expect(rest.body.slope).toBeCloseTo((scores[2] - scores[0]) / 2, 4);
    expect(rest.body.movingAverage).toBe(rest.body.sessions[2].movingAverage);
    expect(gql.data?.studentEngagementTrend.sessions.map((p: any) => p.participationScore)).toEqual(
      scores.slice(1),
    );
    expect(sdk.sessions.map((point) => point.participationScore)).toEqual(scores);
  });

  it('rejects a trend window out of range', async () => {
    const response = await t.http
      .get(`/v1/students/${classroom.studentIds[0]}/engagement-trend?last=0`)
      .set(...bearer(t.adminKey));

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('last');
  });

  it('records and lists events through the SDK', async () => {
    const session = await newSession();
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    const participantId = session.students[0].id;

    const one = await client.recordEngagementEvent({
      sessionId: session.id,
      input: { type: 'reaction', reaction: 'heart', occurredAt: at('15:01:00'), participantId },
    });
    const many = await client.recordEngagementEvents({
      sessionId: session.id,
      input: { events: [{ type: 'hand_raised', occurredAt: at('15:02:00'), participantId }] },
    });
    const page = await client.engagementEvents({ sessionId: session.id, first: 10 });
    const failure = await client
      .recordEngagementEvent({
        sessionId: session.id,
        input: { type: 'spoke', occurredAt: at('15:03:00'), participantId },
      })
      .catch((error: unknown) => error);

    expect(one.accepted).toBe(1);
    expect(many.accepted).toBe(1);
    expect(page.nodes.map((node) => node.type)).toEqual(['reaction', 'hand_raised']);
    expect(failure).toBeInstanceOf(HiLinkError);
    expect((failure as HiLinkError).code).toBe('BAD_USER_INPUT');
  });

  describe('across organizations', () => {
    it('hides sessions and students of another organization', async () => {
      const session = await newSession();
      await postOne(session.id, event({ participantId: session.students[0].id }));
      const other = await t.createOrganization('Engagement other tenant');

      const ingest = await postOne(
        session.id,
        event({ participantId: session.students[0].id }),
        other.adminKey,
      );
      const list = await t.http
        .get(`/v1/sessions/${session.id}/events`)
        .set(...bearer(other.adminKey));
      const rollup = await t.http
        .get(`/v1/sessions/${session.id}/engagement`)
        .set(...bearer(other.adminKey));
      const trend = await t.http
        .get(`/v1/students/${classroom.studentIds[0]}/engagement-trend`)
        .set(...bearer(other.adminKey));
      const gql = await t.gql(
        'query($s: ID!) { sessionEngagement(sessionId: $s) { sessionId } }',
        { s: session.id },
        other.adminKey,
      );

      for (const response of [ingest, list, rollup]) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('NOT_FOUND');
        expect(response.body.field).toBe('sessionId');
      }
      expect(trend.status).toBe(404);
      expect(trend.body.field).toBe('studentId');
      expect(gql.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await eventCount(session.id)).toBe(1);
    });

    it('keeps participant tokens out of rollups and lists', async () => {
      const session = await newSession();
      const token = await tokenFor(session.id, session.students[0].id);

      const rollup = await t.http
        .get(`/v1/sessions/${session.id}/engagement`)
        .set(...bearer(token));
      const list = await t.http.get(`/v1/sessions/${session.id}/events`).set(...bearer(token));

      expect(rollup.status).toBe(403);
      expect(list.status).toBe(403);
    });
  });
});
