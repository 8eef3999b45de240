import { TokenVerifier } from 'livekit-server-sdk';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import {
  choiceCheck,
  createActivity,
  LiveLesson,
  respond,
  startLesson,
} from './support/activity-fixtures';
import { Classroom, createClassroom } from './support/classroom-fixtures';
import { clientFor, subscribe, waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const LIVEKIT_KEY = 'devkey';
const LIVEKIT_SECRET = 'test-secret-that-is-at-least-32-characters';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const STATUS_CHANGED = `subscription ($sessionId: ID!) {
  breakoutStatusChanged(sessionId: $sessionId) {
    sessionId readAt
    groups { group { id name status } presentCount absentCount helpRequestCount boardOperationCount responseCount members { participantId present } }
  }
}`;

const MESSAGE_POSTED = `subscription ($sessionId: ID!) {
  breakoutMessagePosted(sessionId: $sessionId) { id sessionId body groupIds sentAt }
}`;

/** Returns a 127.0.0.1 port that nothing listens on, so LiveKit server calls fail fast. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

describe('breakout groups', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({
      LIVEKIT_URL: `http://127.0.0.1:${await closedPort()}`,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    });
    classroom = await createClassroom(t, t.adminKey, { students: 6 });
  });

  afterAll(async () => {
    await t.close();
  });

  function post(path: string, body?: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post(path)
      .set(...bearer(key))
      .send(body);
  }

  function get(path: string, key = t.adminKey) {
    return t.http.get(path).set(...bearer(key));
  }

  function createGroups(lesson: LiveLesson, body: Record<string, unknown>, key = t.adminKey) {
    return post(`/v1/sessions/${lesson.sessionId}/breakouts/groups`, body, key);
  }

  /** Two manual groups: students 0–2 and students 3–5. */
  function twoGroups(lesson: LiveLesson, extra: Record<string, unknown> = {}) {
    return createGroups(lesson, {
      strategy: 'manual',
      instructions: 'Solve the three fraction problems together.',
      timeLimitMinutes: 10,
      groups: [
        { name: 'Red', participantIds: lesson.students.slice(0, 3).map((s) => s.id) },
        { name: 'Blue', participantIds: lesson.students.slice(3).map((s) => s.id) },
      ],
      ...extra,
    });
  }

  it('creates manual groups over REST', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const before = Date.now();

    const created = await twoGroups(lesson);
    const again = await createGroups(lesson, {
      strategy: 'manual',
      instructions: 'Second set',
      timeLimitMinutes: 5,
      groups: [{ participantIds: [lesson.students[0]!.id] }],
    });
    const listed = await get(`/v1/sessions/${lesson.sessionId}/breakouts/groups`);
    const [red, blue] = created.body.items;

    expect(created.status).toBe(201);
    expect(created.body.items).toHaveLength(2);
    expect(red.name).toBe('Red');
    expect(red.status).toBe('open');
    expect(red.strategy).toBe('manual');
    expect(red.instructions).toBe('Solve the three fraction problems together.');
    expect(red.participantIds).toEqual(lesson.students.slice(0, 3).map((s) => s.id));
    expect(blue.participantIds).toEqual(lesson.students.slice(3).map((s) => s.id));
    expect(red.livekitRoomName).not.toBe(blue.livekitRoomName);
    expect(red.livekitRoomName).toMatch(/-breakout-1$/);
    expect(new Date(red.closesAt).getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000 - 1000);
    expect(new Date(red.closesAt).getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    expect(red).not.toHaveProperty('organizationId');
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('BREAKOUT_ALREADY_ASSIGNED');
    expect(listed.body.items.map((group: { id: string }) => group.id)).toEqual([red.id, blue.id]);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const body = { strategy: 'random', groupCount: 2, instructions: 'Pairs', timeLimitMinutes: 5 };

    const first = await createGroups(lesson, body).set('Idempotency-Key', 'breakout-create-1');
    const second = await createGroups(lesson, body).set('Idempotency-Key', 'breakout-create-1');
    const listed = await get(`/v1/sessions/${lesson.sessionId}/breakouts/groups`);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(listed.body.items).toHaveLength(2);
  });

  it('deals random groups by count and size', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);

    const bySize = await createGroups(lesson, {
      strategy: 'random',
      groupSize: 4,
      instructions: 'Discuss',
      timeLimitMinutes: 5,
    });
    const closed = await post(`/v1/sessions/${lesson.sessionId}/breakouts/close`);
    const byCount = await createGroups(lesson, {
      strategy: 'random',
      groupCount: 3,
      instructions: 'Discuss',
      timeLimitMinutes: 5,
    });
    const allIds = lesson.students.map((s) => s.id).sort();

    expect(bySize.status).toBe(201);
    expect(
      bySize.body.items.map((g: { participantIds: string[] }) => g.participantIds.length),
    ).toEqual([3, 3]);
    expect(
      bySize.body.items.flatMap((g: { participantIds: string[] }) => g.participantIds).sort(),
    ).toEqual(allIds);
    expect(bySize.body.items.map((g: { name: string }) => g.name)).toEqual(['Group 1', 'Group 2']);
    expect(closed.status).toBe(200);
    expect(closed.body.items).toHaveLength(2);
    expect(byCount.status).toBe(201);
    expect(
      byCount.body.items.map((g: { participantIds: string[] }) => g.participantIds.length),
    ).toEqual([2, 2, 2]);
    expect(
      byCount.body.items.flatMap((g: { participantIds: string[] }) => g.participantIds).sort(),
    ).toEqual(allIds);
    expect(byCount.body.items.map((g: { name: string }) => g.name)).toEqual([
      'Group 3',
      'Group 4',
      'Group 5',
    ]);
  });

  it('balances groups by check correctness', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [s0, s1, s2, s3, s4, s5] = lesson.students;
    // Two checks with a and c correct: s0 and s1 respond correctly to both, s2 and s3 to one, s4
    // none, and s5 does not answer, so s5 is ranked last.
    const checks = [
      await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck()),
      await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck()),
    ];
    const answers: [typeof s0, string[], string[]][] = [
      [s0, ['a', 'c'], ['a', 'c']],
      [s1, ['a', 'c'], ['a', 'c']],
      [s2, ['a', 'c'], ['b']],
      [s3, ['d'], ['a', 'c']],
      [s4, ['d'], ['b']],
    ];
    for (const [student, first, second] of answers) {
      expect((await respond(t, student!.token, checks[0]!, { optionIds: first })).status).toBe(201);
      expect((await respond(t, student!.token, checks[1]!, { optionIds: second })).status).toBe(
        201,
      );
    }

    const created = await createGroups(lesson, {
      strategy: 'balanced',
      groupCount: 3,
      instructions: 'Explain your answers to each other.',
      timeLimitMinutes: 10,
    });
    const groups: string[][] = created.body.items.map(
      (g: { participantIds: string[] }) => g.participantIds,
    );
    const strong = [s0!.id, s1!.id];

    expect(created.status).toBe(201);
    expect(created.body.items.every((g: { strategy: string }) => g.strategy === 'balanced')).toBe(
      true,
    );
    // Ranked s0/s1 (1.0), s2/s3 (0.5), s4 (0.0), s5 (no responses) and dealt 1, 2, 3, 3, 2, 1.
    expect(groups).toHaveLength(3);
    expect(groups[0]).toHaveLength(2);
    expect(strong).toContain(groups[0]![0]);
    expect(groups[0]![1]).toBe(s5!.id);
    expect(strong).toContain(groups[1]![0]);
    expect(groups[1]![1]).toBe(s4!.id);
    expect([...groups[2]!].sort()).toEqual([s2!.id, s3!.id].sort());
  });

  it.each([
    ['unknown strategy', { strategy: 'alphabetical', groupCount: 2 }, 'strategy'],
    [
      'empty group',
      { strategy: 'manual', groups: [{ participantIds: [] }] },
      'groups.0.participantIds',
    ],
    [
      'too many groups',
      {
        strategy: 'manual',
        groups: Array.from({ length: 51 }, () => ({ participantIds: [UNKNOWN_ID] })),
      },
      'groups',
    ],
    ['group count above limit', { strategy: 'random', groupCount: 51 }, 'groupCount'],
    ['more groups than students', { strategy: 'random', groupCount: 7 }, 'groupCount'],
    ['manual without groups', { strategy: 'manual' }, 'groups'],
    [
      'random with groups',
      { strategy: 'random', groupCount: 2, groups: [{ participantIds: [UNKNOWN_ID] }] },
      'groups',
    ],
    [
      'count and size together',
      { strategy: 'balanced', groupCount: 2, groupSize: 2 },
      'groupCount',
    ],
    ['neither count nor size', { strategy: 'random' }, 'groupCount'],
    [
      'zero time limit',
      { strategy: 'random', groupCount: 2, timeLimitMinutes: 0 },
      'timeLimitMinutes',
    ],
    [
      'long instructions',
      { strategy: 'random', groupCount: 2, instructions: 'x'.repeat(4001) },
      'instructions',
    ],
    [
      'malformed participant id',
      { strategy: 'manual', groups: [{ participantIds: ['p-1'] }] },
      'groups.0.participantIds',
    ],
    [
      'unknown activity',
      { strategy: 'random', groupCount: 2, activityId: UNKNOWN_ID },
      'activityId',
    ],
  ])('rejects %s', async (_name, body, field) => {
    const lesson = await startLesson(t, t.adminKey, classroom);

    const response = await createGroups(lesson, {
      instructions: 'Task',
      timeLimitMinutes: 10,
      ...body,
    });
    const listed = await get(`/v1/sessions/${lesson.sessionId}/breakouts/groups`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.problems?.[0]?.field ?? response.body.field).toBe(field);
    expect(listed.body.items).toEqual([]);
  });

  it('rejects participants outside the students', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [s0, s1] = lesson.students;
    const manual = (groups: { participantIds: string[] }[]) =>
      createGroups(lesson, {
        strategy: 'manual',
        instructions: 'Task',
        timeLimitMinutes: 5,
        groups,
      });

    const unknown = await manual([{ participantIds: [s0!.id, UNKNOWN_ID] }]);
    const duplicate = await manual([
      { participantIds: [s0!.id] },
      { participantIds: [s1!.id, s0!.id] },
    ]);
    const instructor = await manual([{ participantIds: [lesson.instructor.id] }]);

    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('groups.0.participantIds.1');
    expect(unknown.body.title).toBe('BREAKOUT_PARTICIPANT_NOT_IN_SESSION');
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.field).toBe('groups.1.participantIds.1');
    expect(duplicate.body.detail ?? duplicate.body.message).toContain('groups.0.participantIds.0');
    expect(instructor.status).toBe(400);
    expect(instructor.body.title).toBe('BREAKOUT_PARTICIPANT_NOT_STUDENT');
  });

  it('requires a live session and the breakouts tool', async () => {
    const room = await post('/v1/rooms', {
      name: 'No breakouts',
      enabledTools: ['video', 'audio'],
    });
    const lesson = await startLesson(t, t.adminKey, { ...classroom, roomId: room.body.id });
    const body = { strategy: 'random', groupCount: 2, instructions: 'Task', timeLimitMinutes: 5 };
    const ended = await startLesson(t, t.adminKey, classroom);
    await post(`/v1/sessions/${ended.sessionId}/end`);

    const noTool = await createGroups(lesson, body);
    const notLive = await createGroups(ended, body);

    expect(noTool.status).toBe(403);
    expect(noTool.body.title).toBe('TOOL_NOT_ENABLED');
    expect(notLive.status).toBe(409);
    expect(notLive.body.title).toBe('SESSION_NOT_LIVE');
  });

  it('issues member and hidden listener tokens', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red, blue] = (await twoGroups(lesson)).body.items;
    const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
    const base = `/v1/sessions/${lesson.sessionId}/breakouts/groups`;
    const student = lesson.students[0]!;

    const member = await post(`${base}/${red.id}/join`, {}, student.token);
    const byKey = await post(`${base}/${red.id}/join`, { participantId: student.id });
    const otherGroup = await post(`${base}/${blue.id}/join`, {}, student.token);
    const listener = await post(`${base}/${blue.id}/listen`, {
      participantId: lesson.instructor.id,
    });
    const studentListener = await post(`${base}/${blue.id}/listen`, {}, student.token);
    const noParticipant = await post(`${base}/${red.id}/join`, {});
    const otherIdentity = await post(
      `${base}/${red.id}/join`,
      { participantId: lesson.students[1]!.id },
      student.token,
    );
    const memberClaims = await verifier.verify(member.body.media.token);
    const listenerClaims = await verifier.verify(listener.body.media.token);

    expect(member.status).toBe(200);
    expect(member.body.hidden).toBe(false);
    expect(member.body.participantToken).toMatch(/^hlp_/);
    expect(member.body.media.roomName).toBe(red.livekitRoomName);
    expect(memberClaims.sub).toBe(student.identity);
    expect(memberClaims.video).toMatchObject({
      room: red.livekitRoomName,
      roomJoin: true,
      canPublish: true,
    });
    expect(memberClaims.video?.hidden).toBeFalsy();
    expect(JSON.parse(memberClaims.metadata ?? '{}')).toMatchObject({
      breakoutGroupId: red.id,
      hidden: false,
    });
    expect(byKey.status).toBe(200);
    expect(otherGroup.status).toBe(403);
    expect(otherGroup.body.title).toBe('BREAKOUT_NOT_A_MEMBER');
    expect(listener.status).toBe(200);
    expect(listener.body.hidden).toBe(true);
    expect(listenerClaims.video).toMatchObject({
      room: blue.livekitRoomName,
      roomJoin: true,
      hidden: true,
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    });
    expect(listenerClaims.video?.roomAdmin).toBeFalsy();
    expect(studentListener.status).toBe(403);
    expect(studentListener.body.title).toBe('BREAKOUT_LISTENER_ROLE');
    expect(noParticipant.status).toBe(400);
    expect(noParticipant.body.field).toBe('participantId');
    expect(otherIdentity.status).toBe(403);
  });

  it('joins and listens over GraphQL', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red] = (await twoGroups(lesson)).body.items;
    const fields = 'hidden participantId group { id name } media { available roomName token }';

    const joined = await t.gql(
      `mutation($s: ID!, $g: ID!) { joinBreakoutGroup(sessionId: $s, groupId: $g) { ${fields} } }`,
      { s: lesson.sessionId, g: red.id },
      lesson.students[1]!.token,
    );
    const listened = await t.gql(
      `mutation($s: ID!, $g: ID!) { listenToBreakoutGroup(sessionId: $s, groupId: $g) { ${fields} } }`,
      { s: lesson.sessionId, g: red.id },
      lesson.instructor.token,
    );

    expect(joined.errors).toBeUndefined();
    expect(joined.data?.joinBreakoutGroup).toMatchObject({
      hidden: false,
      participantId: lesson.students[1]!.id,
    });
    expect(joined.data?.joinBreakoutGroup.media.roomName).toBe(red.livekitRoomName);
    expect(listened.errors).toBeUndefined();
    expect(listened.data?.listenToBreakoutGroup.hidden).toBe(true);
  });

  it('shows present and absent members with help requests', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red] = (await twoGroups(lesson)).body.items;
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;
    const [s0, s1, s2] = lesson.students;

    const joined = await post(`${base}/groups/${red.id}/presence`, { state: 'joined' }, s0!.token);
    const joinedThenLeft = await post(
      `${base}/groups/${red.id}/presence`,
      { state: 'joined' },
      s1!.token,
    );
    const left = await post(`${base}/groups/${red.id}/presence`, { state: 'left' }, s1!.token);
    const badState = await post(`${base}/groups/${red.id}/presence`, { state: 'away' }, s0!.token);
    const help = await post(
      `${base}/groups/${red.id}/help`,
      { message: 'We are stuck on problem 2' },
      s0!.token,
    );
    const helpByKey = await post(`${base}/groups/${red.id}/help`, {});
    const helpTooLong = await post(
      `${base}/groups/${red.id}/help`,
      { message: 'x'.repeat(501) },
      s0!.token,
    );
    const status = await get(`${base}/status`);
    const studentStatus = await get(`${base}/status`, s2!.token);
    const alerts = await get(`/v1/sessions/${lesson.sessionId}/alerts`);
    const redStatus = status.body.groups.find(
      (g: { group: { id: string } }) => g.group.id === red.id,
    );
    const presence = Object.fromEntries(
      redStatus.members.map((m: { participantId: string; present: boolean }) => [
        m.participantId,
        m.present,
      ]),
    );
    const alertItems = alerts.body.items ?? alerts.body;

    expect(joined.status).toBe(200);
    expect(joinedThenLeft.status).toBe(200);
    expect(left.status).toBe(200);
    expect(badState.status).toBe(400);
    expect(badState.body.field).toBe('state');
    expect(help.status).toBe(201);
    expect(help.body).toMatchObject({
      participantId: s0!.id,
      message: 'We are stuck on problem 2',
    });
    expect(helpByKey.status).toBe(403);
    expect(helpTooLong.status).toBe(400);
    expect(status.status).toBe(200);
    expect(presence).toEqual({ [s0!.id]: true, [s1!.id]: false, [s2!.id]: false });
    expect(redStatus.presentCount).toBe(1);
    expect(redStatus.absentCount).toBe(2);
    expect(redStatus.helpRequestCount).toBe(1);
    expect(redStatus.lastHelpRequestAt).toEqual(expect.any(String));
    expect(studentStatus.status).toBe(403);
    expect(alerts.status).toBe(200);
    expect(alertItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'help_requested', participantId: s0!.id }),
      ]),
    );
  });

  it('refuses a removed student', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red] = (await twoGroups(lesson)).body.items;
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;
    const removedStudent = lesson.students[2]!;

    const removed = await t.http
      .delete(`/v1/sessions/${lesson.sessionId}/participants/${removedStudent.id}`)
      .set(...bearer(t.adminKey));
    const join = await post(`${base}/groups/${red.id}/join`, { participantId: removedStudent.id });
    const help = await post(`${base}/groups/${red.id}/help`, {}, removedStudent.token);
    const status = await get(`${base}/status`);
    const member = status.body.groups[0].members.find(
      (m: { participantId: string }) => m.participantId === removedStudent.id,
    );

    expect(removed.status).toBe(200);
    expect(join.status).toBe(403);
    expect(join.body.title).toBe('PARTICIPANT_REMOVED');
    expect(help.status).toBe(403);
    expect(help.body.title).toBe('PARTICIPANT_REMOVED');
    expect(member).toMatchObject({ removed: true, present: false });
  });

  it('forbids students to create, close or broadcast', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red] = (await twoGroups(lesson)).body.items;
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;
    const token = lesson.students[0]!.token;

    const create = await createGroups(
      lesson,
      { strategy: 'random', groupCount: 2, instructions: 'x', timeLimitMinutes: 5 },
      token,
    );
    const closeOne = await post(`${base}/groups/${red.id}/close`, {}, token);
    const closeAll = await post(`${base}/close`, {}, token);
    const broadcast = await post(`${base}/messages`, { body: 'Hello' }, token);
    const graphql = await t.gql(
      `mutation($s: ID!) { closeBreakoutGroups(sessionId: $s) { id } }`,
      { s: lesson.sessionId },
      token,
    );
    const byInstructor = await post(
      `${base}/messages`,
      { body: 'Two minutes left' },
      lesson.instructor.token,
    );

    for (const response of [create, closeOne, closeAll, broadcast]) {
      expect(response.status).toBe(403);
      expect(response.body.title).toBe('INSTRUCTOR_ONLY');
    }
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byInstructor.status).toBe(201);
    expect(byInstructor.body.senderParticipantId).toBe(lesson.instructor.id);
  });

  it('delivers status and messages to subscribers', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const monitor = clientFor(t.url, t.adminKey);
    const studentClient = clientFor(t.url, lesson.students[0]!.token);
    try {
      const status = subscribe(monitor, STATUS_CHANGED, { sessionId: lesson.sessionId });
      const messages = subscribe(studentClient, MESSAGE_POSTED, { sessionId: lesson.sessionId });
      const refused = subscribe(studentClient, STATUS_CHANGED, { sessionId: lesson.sessionId });
      await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'breakoutStatusChanged');
      await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'breakoutMessagePosted');

      const activityId = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
      const [red] = (await twoGroups(lesson, { createBoards: true, activityId })).body.items;
      const opened = await status.nextResult();
      const sent = await post(`/v1/sessions/${lesson.sessionId}/breakouts/messages`, {
        body: 'Five minutes left',
      });
      const message = await messages.nextResult();
      await post(
        `/v1/sessions/${lesson.sessionId}/breakouts/groups/${red.id}/help`,
        {},
        lesson.students[0]!.token,
      );
      const helped = await status.nextResult();
      const denied = await refused.nextResult();
      await post(
        `/v1/boards/${red.boardId}/operations`,
        {
          operations: [
            {
              clientOperationId: 'op-1',
              type: 'add',
              elementId: 'n-1',
              kind: 'sticky_note',
              properties: { x: 0, y: 0, text: '1/2' },
            },
          ],
        },
        lesson.students[0]!.token,
      );
      const drew = await status.nextResult();
      await respond(t, lesson.students[0]!.token, activityId, { optionIds: ['a'] });
      const answered = await status.nextResult();

      expect(opened.errors).toBeUndefined();
      expect(opened.data?.breakoutStatusChanged.groups).toHaveLength(2);
      expect(opened.data?.breakoutStatusChanged.groups[0].group).toMatchObject({
        id: red.id,
        status: 'open',
      });
      expect(sent.status).toBe(201);
      expect(message.data?.breakoutMessagePosted).toMatchObject({
        id: sent.body.id,
        body: 'Five minutes left',
        sessionId: lesson.sessionId,
      });
      expect(message.data?.breakoutMessagePosted.groupIds).toHaveLength(2);
      expect(message.data?.breakoutMessagePosted.sentAt).toEqual(expect.any(String));
      expect(helped.data?.breakoutStatusChanged.groups[0].helpRequestCount).toBe(1);
      expect(drew.data?.breakoutStatusChanged.groups[0].boardOperationCount).toBe(1);
      expect(answered.data?.breakoutStatusChanged.groups[0].responseCount).toBe(1);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await monitor.dispose();
      await studentClient.dispose();
    }
  });

  it('keeps outputs after close and session end', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const activityId = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const created = await twoGroups(lesson, { createBoards: true, activityId });
    const [red, blue] = created.body.items;
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;
    const [s0, s1] = lesson.students;
    await respond(t, s0!.token, activityId, { optionIds: ['a', 'c'] });
    await respond(t, s1!.token, activityId, { optionIds: ['b'] });
    await post(`${base}/groups/${red.id}/help`, { message: 'Is 3/6 one half?' }, s0!.token);
    const drawn = await post(
      `/v1/boards/${red.boardId}/operations`,
      {
        operations: [
          {
            clientOperationId: 'op-1',
            type: 'add',
            elementId: 'note-1',
            kind: 'sticky_note',
            properties: { x: 10, y: 10, text: '3/6 = 1/2' },
          },
        ],
      },
      s0!.token,
    );
    const statusBefore = await get(`${base}/status`);

    const closedRed = await post(`${base}/groups/${red.id}/close`);
    const closedAgain = await post(`${base}/groups/${red.id}/close`);
    const joinClosed = await post(`${base}/groups/${red.id}/join`, {}, s0!.token);
    const closedAll = await post(`${base}/close`);
    const reassigned = await createGroups(lesson, {
      strategy: 'manual',
      instructions: 'Round two',
      timeLimitMinutes: 5,
      groups: [{ participantIds: [s0!.id] }],
    });
    await post(`/v1/sessions/${lesson.sessionId}/end`);
    // Read the row directly: every API read would also close a group of an ended session.
    const [roundTwo] = await t.app
      .get(DataSource)
      .query(`SELECT status, closed_reason FROM breakout_groups WHERE id = $1`, [
        reassigned.body.items[0].id,
      ]);
    const afterEnd = await get(`${base}/groups`);
    const viaSession = await t.gql(
      `query($id: ID!) { session(id: $id) { breakoutGroups { id status closedReason
        output { members { participantId } board activity { activityId responseCount respondentCount correctCount }
        helpRequests { participantId message requestedAt } } } } }`,
      { id: lesson.sessionId },
    );
    const redAfter = afterEnd.body.items.find((g: { id: string }) => g.id === red.id);
    const redStatus = statusBefore.body.groups.find(
      (g: { group: { id: string } }) => g.group.id === red.id,
    );

    expect(red.boardId).toEqual(expect.any(String));
    expect(blue.boardId).toEqual(expect.any(String));
    expect(red.activityId).toBe(activityId);
    expect([200, 201]).toContain(drawn.status);
    expect(redStatus.boardOperationCount).toBe(1);
    expect(redStatus.responseCount).toBe(2);
    expect(redStatus.respondentCount).toBe(2);
    expect(closedRed.status).toBe(200);
    expect(closedRed.body).toMatchObject({
      status: 'closed',
      closedReason: 'closed_by_instructor',
    });
    expect(closedRed.body.closedAt).toEqual(expect.any(String));
    expect(closedAgain.status).toBe(409);
    expect(closedAgain.body.title).toBe('BREAKOUT_GROUP_CLOSED');
    expect(joinClosed.status).toBe(409);
    expect(closedAll.body.items.map((g: { id: string }) => g.id)).toEqual([blue.id]);
    expect(reassigned.status).toBe(201);
    expect(roundTwo).toEqual({ status: 'closed', closed_reason: 'session_ended' });
    expect(
      redAfter.output.members.map((m: { participantId: string }) => m.participantId).sort(),
    ).toEqual(
      lesson.students
        .slice(0, 3)
        .map((s) => s.id)
        .sort(),
    );
    expect(redAfter.output.activity).toEqual({
      activityId,
      responseCount: 2,
      respondentCount: 2,
      correctCount: 1,
    });
    expect(redAfter.output.helpRequests).toEqual([
      expect.objectContaining({ participantId: s0!.id, message: 'Is 3/6 one half?' }),
    ]);
    expect(redAfter.output.board.elements).toHaveLength(1);
    expect(redAfter.output.board.board).not.toHaveProperty('organizationId');
    expect(viaSession.errors).toBeUndefined();
    expect(viaSession.data?.session.breakoutGroups).toHaveLength(3);
    expect(
      viaSession.data?.session.breakoutGroups.every(
        (g: { status: string }) => g.status === 'closed',
      ),
    ).toBe(true);
    expect(
      viaSession.data?.session.breakoutGroups.find((g: { id: string }) => g.id === red.id).output
        .helpRequests[0].requestedAt,
    ).toEqual(expect.any(String));
    expect(
      viaSession.data?.session.breakoutGroups.map((g: { closedReason: string }) => g.closedReason),
    ).toEqual(expect.arrayContaining(['session_ended']));
  });

  it('closes groups past their time limit', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red, blue] = (await twoGroups(lesson)).body.items;
    const dataSource = t.app.get(DataSource);
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;

    await dataSource.query(
      `UPDATE breakout_groups SET closes_at = now() - interval '1 second' WHERE id = $1`,
      [red.id],
    );
    const read = await get(`${base}/groups/${red.id}`);
    await dataSource.query(
      `UPDATE breakout_groups SET closes_at = now() - interval '1 second' WHERE id = $1`,
      [blue.id],
    );
    await dataSource.query(
      `UPDATE jobs SET run_at = now() WHERE kind = 'breakout.close' AND payload->>'groupId' = $1`,
      [blue.id],
    );
    let blueStatus = 'open';
    for (let attempt = 0; attempt < 100 && blueStatus === 'open'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [row] = await dataSource.query(`SELECT status FROM breakout_groups WHERE id = $1`, [
        blue.id,
      ]);
      blueStatus = row.status;
    }
    const blueRead = await get(`${base}/groups/${blue.id}`);

    expect(read.body).toMatchObject({ status: 'closed', closedReason: 'time_limit' });
    expect(read.body.participantIds).toHaveLength(3);
    expect(blueStatus).toBe('closed');
    expect(blueRead.body.closedReason).toBe('time_limit');
  });

  it('hides other organizations’ groups', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const [red] = (await twoGroups(lesson)).body.items;
    const other = await t.createOrganization('Breakouts other tenant');
    const base = `/v1/sessions/${lesson.sessionId}/breakouts`;

    const responses = [
      await get(`${base}/groups`, other.adminKey),
      await get(`${base}/groups/${red.id}`, other.adminKey),
      await get(`${base}/status`, other.adminKey),
      await post(`${base}/groups/${red.id}/close`, {}, other.adminKey),
      await post(
        `${base}/groups/${red.id}/join`,
        { participantId: lesson.students[0]!.id },
        other.adminKey,
      ),
      await createGroups(
        lesson,
        { strategy: 'random', groupCount: 2, instructions: 'x', timeLimitMinutes: 5 },
        other.adminKey,
      ),
      await get(`/v1/sessions/${lesson.sessionId}/breakouts/groups/${UNKNOWN_ID}`),
    ];
    const graphql = await t.gql(
      `query($s: ID!, $g: ID!) { breakoutGroup(sessionId: $s, groupId: $g) { id } }`,
      { s: lesson.sessionId, g: red.id },
      other.adminKey,
    );
    const stillOpen = await get(`${base}/groups/${red.id}`);

    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(stillOpen.body.status).toBe('open');
  });

  it('runs a breakout round over GraphQL', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);

    const created = await t.gql(
      `mutation($s: ID!, $input: CreateBreakoutGroupsInput!) {
        createBreakoutGroups(sessionId: $s, input: $input) { id name participantIds closesAt status }
      }`,
      {
        s: lesson.sessionId,
        input: {
          strategy: 'random',
          groupCount: 2,
          instructions: 'Compare methods',
          timeLimitMinutes: 15,
        },
      },
    );
    const badStrategy = await t.gql(
      `mutation($s: ID!, $input: CreateBreakoutGroupsInput!) { createBreakoutGroups(sessionId: $s, input: $input) { id } }`,
      {
        s: lesson.sessionId,
        input: { strategy: 'alphabetical', groupCount: 2, instructions: 'x', timeLimitMinutes: 5 },
      },
    );
    const duplicate = await t.gql(
      `mutation($s: ID!, $input: CreateBreakoutGroupsInput!) { createBreakoutGroups(sessionId: $s, input: $input) { id } }`,
      {
        s: lesson.sessionId,
        input: {
          strategy: 'manual',
          instructions: 'x',
          timeLimitMinutes: 5,
          groups: [{ participantIds: [UNKNOWN_ID, UNKNOWN_ID] }],
        },
      },
    );
    const status = await t.gql(
      `query($s: ID!) { breakoutStatus(sessionId: $s) { sessionId groups { group { id } absentCount presentCount } } }`,
      { s: lesson.sessionId },
    );
    const broadcast = await t.gql(
      `mutation($s: ID!) { broadcastBreakoutMessage(sessionId: $s, input: { body: "Wrap up" }) { id body groupIds } }`,
      { s: lesson.sessionId },
    );
    const messages = await t.gql(
      `query($s: ID!) { breakoutMessages(sessionId: $s) { body } }`,
      { s: lesson.sessionId },
      lesson.students[0]!.token,
    );
    const groupId = created.data?.createBreakoutGroups[0].id;
    const closed = await t.gql(
      `mutation($s: ID!, $g: ID!) { closeBreakoutGroup(sessionId: $s, groupId: $g) { id status output { members { participantId } } } }`,
      { s: lesson.sessionId, g: groupId },
    );

    expect(created.errors).toBeUndefined();
    expect(created.data?.createBreakoutGroups).toHaveLength(2);
    expect(badStrategy.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(status.errors).toBeUndefined();
    expect(status.data?.breakoutStatus.groups).toHaveLength(2);
    expect(status.data?.breakoutStatus.groups[0].absentCount).toBe(3);
    expect(broadcast.data?.broadcastBreakoutMessage.groupIds).toHaveLength(2);
    expect(messages.data?.breakoutMessages).toEqual([{ body: 'Wrap up' }]);
    expect(closed.data?.closeBreakoutGroup.status).toBe('closed');
    expect(closed.data?.closeBreakoutGroup.output.members).toHaveLength(3);
  });
});

describe('breakout groups through the SDK', () => {
  let t: TestApp;
  let classroom: Classroom;
  let client: HiLinkClient;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 4 });
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey, webSocket: WebSocket });
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs a breakout round', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const student = new HiLinkClient({
      url: t.url,
      apiKey: lesson.students[0]!.token,
      webSocket: WebSocket,
    });
    const otherTenant = client.withApiKey(
      (await t.createOrganization('SDK breakouts tenant')).adminKey,
    );

    const groups = await client.createBreakoutGroups({
      sessionId: lesson.sessionId,
      input: {
        strategy: 'random',
        groupCount: 2,
        instructions: 'Compare answers',
        timeLimitMinutes: 10,
      },
    });
    const mine = groups.find((group) => group.participantIds.includes(lesson.students[0]!.id))!;
    const joined = await student.joinBreakoutGroup({
      sessionId: lesson.sessionId,
      groupId: mine.id,
    });
    const listened = await client.listenToBreakoutGroup({
      sessionId: lesson.sessionId,
      groupId: mine.id,
      participantId: lesson.instructor.id,
    });
    await student.reportBreakoutPresence({
      sessionId: lesson.sessionId,
      groupId: mine.id,
      input: { state: 'joined' },
    });
    const help = await student.requestBreakoutHelp({
      sessionId: lesson.sessionId,
      groupId: mine.id,
      input: { message: 'Stuck' },
    });
    const status = await client.breakoutStatus(lesson.sessionId);
    const messages = student.breakoutMessagePosted(lesson.sessionId);
    const nextMessage = messages.next();
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'breakoutMessagePosted');
    const sent = await client.broadcastBreakoutMessage({
      sessionId: lesson.sessionId,
      input: { body: 'Two minutes' },
    });
    const received = await nextMessage;
    await messages.return();
    const studentStatusFeed = student.breakoutStatusChanged(lesson.sessionId);
    const statusError = await studentStatusFeed.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    const listedMessages = await student.breakoutMessages(lesson.sessionId);
    const closed = await client.closeBreakoutGroup({
      sessionId: lesson.sessionId,
      groupId: mine.id,
    });
    const closedAll = await client.closeBreakoutGroups(lesson.sessionId);
    const read = await client.breakoutGroup({ sessionId: lesson.sessionId, groupId: mine.id });
    const listed = await client.breakoutGroups(lesson.sessionId);
    const notFound = await otherTenant
      .breakoutGroup({ sessionId: lesson.sessionId, groupId: mine.id })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const studentCreate = await student
      .createBreakoutGroups({
        sessionId: lesson.sessionId,
        input: { strategy: 'random', groupCount: 1, instructions: 'x', timeLimitMinutes: 5 },
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(groups).toHaveLength(2);
    expect(joined.hidden).toBe(false);
    expect(joined.media.available).toBe(false);
    expect(joined.media.reason).toMatch(/LiveKit is not configured/);
    expect(listened.hidden).toBe(true);
    expect(help.message).toBe('Stuck');
    expect(status.groups.find((entry) => entry.group.id === mine.id)?.presentCount).toBe(1);
    expect(status.groups.find((entry) => entry.group.id === mine.id)?.helpRequestCount).toBe(1);
    expect(received.value?.id).toBe(sent.id);
    expect(statusError).toBeInstanceOf(HiLinkError);
    expect((statusError as HiLinkError).code).toBe('FORBIDDEN');
    expect(listedMessages.map((message) => message.body)).toEqual(['Two minutes']);
    expect(closed.status).toBe('closed');
    expect(closed.output?.helpRequests).toHaveLength(1);
    expect(closedAll).toHaveLength(1);
    expect(read.output?.members.map((member) => member.participantId).sort()).toEqual(
      [...mine.participantIds].sort(),
    );
    expect(listed.every((group) => group.status === 'closed')).toBe(true);
    expect(notFound).toBeInstanceOf(HiLinkError);
    expect((notFound as HiLinkError).code).toBe('NOT_FOUND');
    expect(studentCreate).toBeInstanceOf(HiLinkError);
    expect((studentCreate as HiLinkError).code).toBe('FORBIDDEN');
  });
});
