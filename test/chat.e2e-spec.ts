import { startLesson, LiveLesson } from './support/activity-fixtures';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { clientFor, subscribe, waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const SEND = `mutation ($sessionId: ID!, $input: SendChatMessageInput!) {
  sendChatMessage(sessionId: $sessionId, input: $input) {
    id sessionId participantId senderName senderRole apiKeyId body sentAt
  }
}`;

const LIST = `query ($sessionId: ID!, $last: Int) {
  chatMessages(sessionId: $sessionId, last: $last) { id participantId senderName body }
}`;

const POSTED = `subscription ($sessionId: ID!) {
  chatMessagePosted(sessionId: $sessionId) { id participantId senderName body sentAt }
}`;

describe('session chat', () => {
  let t: TestApp;
  let classroom: Classroom;
  let lesson: LiveLesson;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
    lesson = await startLesson(t, t.adminKey, classroom);
  });

  afterAll(async () => {
    await t.close();
  });

  function postMessage(key: string, body: Record<string, unknown>, sessionId = lesson.sessionId) {
    return t.http
      .post(`/v1/sessions/${sessionId}/chat/messages`)
      .set(...bearer(key))
      .send(body);
  }

  it('sends and lists messages with a student token', async () => {
    const [student] = lesson.students;
    const sent = await t.gql(
      SEND,
      { sessionId: lesson.sessionId, input: { body: 'Is 3/6 one half?' } },
      student.token,
    );

    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendChatMessage).toMatchObject({
      sessionId: lesson.sessionId,
      participantId: student.id,
      senderName: student.displayName,
      senderRole: 'student',
      apiKeyId: null,
      body: 'Is 3/6 one half?',
    });

    const listed = await t.gql(LIST, { sessionId: lesson.sessionId }, lesson.students[1].token);

    expect(listed.errors).toBeUndefined();
    expect(listed.data?.chatMessages.map((message: { body: string }) => message.body)).toContain(
      'Is 3/6 one half?',
    );
  });

  it('records a chat_message engagement event without the text', async () => {
    const [, student] = lesson.students;
    const sent = await postMessage(student.token, { body: 'Four words right here' });

    expect(sent.status).toBe(201);
    const events = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/events?type=chat_message&participantId=${student.id}`)
      .set(...bearer(t.adminKey));

    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].data).toEqual({ length: 21 });
    expect(JSON.stringify(events.body.items[0])).not.toContain('Four words');
  });

  it('sends for a named participant with an API key', async () => {
    const sent = await postMessage(t.adminKey, {
      body: 'Welcome',
      participantId: lesson.instructor.id,
    });

    expect(sent.status).toBe(201);
    expect(sent.body.senderRole).toBe('instructor');
    expect(sent.body.apiKeyId).not.toBeNull();
  });

  it('requires participantId with an API key', async () => {
    const sent = await postMessage(t.adminKey, { body: 'Welcome' });

    expect(sent.status).toBe(400);
    expect(sent.body.field).toBe('participantId');
  });

  it('rejects a token sending as someone else', async () => {
    const [student, other] = lesson.students;
    const sent = await postMessage(student.token, { body: 'Hi', participantId: other.id });

    expect(sent.status).toBe(403);
    expect(sent.body.title).toBe('CHAT_OTHER_PARTICIPANT');
  });

  it.each([
    ['an empty body', '', 400],
    ['a blank body', '   ', 400],
    ['a body over 2,000 characters', 'x'.repeat(2001), 400],
  ])('rejects %s', async (_case, body, status) => {
    const sent = await postMessage(lesson.students[0].token, { body });

    expect(sent.status).toBe(status);
    expect(JSON.stringify(sent.body)).toContain('body');
  });

  it('accepts a body of exactly 2,000 characters', async () => {
    const sent = await postMessage(lesson.instructor.token, { body: 'y'.repeat(2000) });

    expect(sent.status).toBe(201);
  });

  it('rejects a token of another session', async () => {
    const other = await startLesson(t, t.adminKey, classroom);
    const sent = await postMessage(other.students[0].token, { body: 'Wrong room' });
    const listed = await t.gql(LIST, { sessionId: lesson.sessionId }, other.students[0].token);

    expect(sent.status).toBe(403);
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects messages before the session is live', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const participants = await t.http
      .get(`/v1/sessions/${session.id}/participants`)
      .set(...bearer(t.adminKey));
    const studentId = participants.body.items.find(
      (p: { role: string }) => p.role === 'student',
    ).id;
    const sent = await postMessage(
      t.adminKey,
      { body: 'Too early', participantId: studentId },
      session.id,
    );

    expect(sent.status).toBe(409);
    expect(sent.body.title).toBe('CHAT_SESSION_NOT_LIVE');
  });

  it('follows the phase tool gate for students', async () => {
    const gated = await startLesson(t, t.adminKey, classroom, {
      phases: [{ kind: 'instruction', title: 'Listen', plannedMinutes: 10, tools: ['polls'] }],
    });
    const advanced = await t.http
      .post(`/v1/sessions/${gated.sessionId}/phases/advance`)
      .set(...bearer(t.adminKey));
    expect(advanced.status).toBe(200);

    const student = await postMessage(gated.students[0].token, { body: 'Hello' }, gated.sessionId);
    const instructor = await postMessage(
      gated.instructor.token,
      { body: 'Listen first' },
      gated.sessionId,
    );

    expect(student.status).toBe(403);
    expect(student.body.title).toBe('TOOL_NOT_ENABLED');
    expect(instructor.status).toBe(201);
  });

  it('hides messages from another organization', async () => {
    const tenant = await t.createOrganization('Other school');
    const listed = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/chat/messages`)
      .set(...bearer(tenant.adminKey));
    const sent = await postMessage(tenant.adminKey, {
      body: 'Hello',
      participantId: lesson.students[0].id,
    });

    expect(listed.status).toBe(404);
    expect(sent.status).toBe(404);
  });

  it('rate limits a participant', async () => {
    const fresh = await startLesson(t, t.adminKey, classroom);
    const token = fresh.students[0].token;
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      statuses.push(
        (await postMessage(token, { body: `Message ${index}` }, fresh.sessionId)).status,
      );
    }

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });

  it('limits the list to the latest messages', async () => {
    const listed = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/chat/messages?last=2`)
      .set(...bearer(lesson.students[0].token));
    const invalid = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/chat/messages?last=0`)
      .set(...bearer(lesson.students[0].token));

    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body[1].body).toBe('y'.repeat(2000));
    expect(invalid.status).toBe(400);
  });

  it('delivers new messages to subscribers', async () => {
    const client = clientFor(t.url, lesson.students[1].token);
    const probe = subscribe(client, POSTED, { sessionId: lesson.sessionId });
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'chatMessagePosted');
    await postMessage(lesson.students[0].token, { body: 'Live hello' });
    const result = await probe.nextResult();
    probe.stop();
    await client.dispose();

    expect(result.errors).toBeUndefined();
    expect(result.data?.chatMessagePosted).toMatchObject({
      participantId: lesson.students[0].id,
      body: 'Live hello',
    });
    expect(Number.isNaN(Date.parse(result.data?.chatMessagePosted.sentAt))).toBe(false);
  });

  it('rejects a subscription to another session', async () => {
    const other = await startLesson(t, t.adminKey, classroom);
    const client = clientFor(t.url, other.students[0].token);
    const probe = subscribe(client, POSTED, { sessionId: lesson.sessionId });
    const result = await probe.nextResult();
    probe.stop();
    await client.dispose();

    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
