import { HiLinkClient, verifyWebhook } from '../sdk/src';
import {
  choiceCheck,
  createActivity,
  LiveLesson,
  respond,
  startLesson,
} from './support/activity-fixtures';
import { Classroom, createClassroom } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { ReceivedRequest, startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

interface DeliveredEvent {
  id: string;
  type: string;
  data: Record<string, any>;
}

describe('classroom webhook events', () => {
  let t: TestApp;
  let client: HiLinkClient;
  let receiver: WebhookReceiver;
  let secret: string;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    receiver = await startWebhookReceiver();
    const created = await client.createWebhookSubscription({
      url: receiver.url,
      eventTypes: ['phase.*', 'activity.*', 'breakout.*', 'transcript.*'],
    });
    secret = created.secret;
    classroom = await createClassroom(t, t.adminKey, { students: 3 });
  });

  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  async function post(path: string, body: Record<string, unknown> = {}, key = t.adminKey) {
    const response = await t.http
      .post(path)
      .set(...bearer(key))
      .send(body);
    if (response.status >= 300) {
      throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }

    return response.body;
  }

  /** Waits until the session has at least `minimum` events and every one of `types` is among them. */
  async function eventsOf(
    sessionId: string,
    types: string[],
    minimum = types.length,
  ): Promise<DeliveredEvent[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const events = receiver
        .accepted()
        .map((request) => JSON.parse(request.body) as DeliveredEvent)
        .filter((event) => event.data.sessionId === sessionId);
      const seen = new Set(events.map((event) => event.type));
      if (types.every((type) => seen.has(type)) && events.length >= minimum) {
        return events;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${types.join(', ')}; got ${[...seen].join(', ')}.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function requestOf(eventId: string): ReceivedRequest {
    return receiver.accepted().find((request) => request.headers['webhook-id'] === eventId)!;
  }

  async function lesson(): Promise<LiveLesson> {
    return startLesson(t, t.adminKey, classroom);
  }

  it('sends phase changes in order', async () => {
    const live = await lesson();
    const base = `/v1/sessions/${live.sessionId}/phases`;
    const plan = await post(`${base}/advance`);
    const phaseIds: string[] = plan.phases.map((phase: { id: string }) => phase.id);
    await post(`${base}/${phaseIds[2]}/skip`);
    const reordered = await post(`${base}/reorder`, { phaseIds: [phaseIds[3], phaseIds[1]] });
    const positionOf = (id: string) =>
      reordered.phases.find((phase: { id: string }) => phase.id === id).position as number;
    await post(`${base}/advance`);

    const events = await eventsOf(
      live.sessionId,
      ['phase.started', 'phase.skipped', 'phase.reordered', 'phase.ended'],
      5,
    );

    expect(events.map((event) => event.type)).toEqual([
      'phase.started',
      'phase.skipped',
      'phase.reordered',
      'phase.ended',
      'phase.started',
    ]);
    expect(events[0]!.data).toMatchObject({
      phaseId: phaseIds[0],
      position: 0,
      kind: 'warm_up',
      title: 'Warm-up',
      objectiveCodes: ['OBJ.1'],
    });
    expect(events[1]!.data.phaseId).toBe(phaseIds[2]);
    expect(events[2]!.data.phases).toEqual([
      { phaseId: phaseIds[3], position: positionOf(phaseIds[3]!) },
      { phaseId: phaseIds[1], position: positionOf(phaseIds[1]!) },
    ]);
    expect(events[4]!.data.phaseId).toBe(phaseIds[3]);
    const request = requestOf(events[0]!.id);
    expect(() => verifyWebhook(request.body, request.headers, secret)).not.toThrow();
  });

  it('sends responses and results of a named check', async () => {
    const live = await lesson();
    const activityId = await createActivity(t, t.adminKey, live.sessionId, choiceCheck());
    const [first, second] = live.students;
    await respond(t, first!.token, activityId, { optionIds: ['a', 'c'] }).expect(201);
    await respond(t, second!.token, activityId, { optionIds: ['b'] }).expect(201);
    await post(`/v1/activities/${activityId}/close`);

    const events = await eventsOf(live.sessionId, ['activity.opened', 'activity.closed']);
    const responses = events.filter((event) => event.type === 'activity.response_submitted');
    const closed = events.find((event) => event.type === 'activity.closed')!;

    expect(events[0]).toMatchObject({
      type: 'activity.opened',
      data: { activityId, kind: 'check', anonymous: false },
    });
    expect(responses.map((event) => event.data)).toEqual([
      expect.objectContaining({
        activityId,
        participantId: first!.id,
        answer: { optionIds: ['a', 'c'] },
        correct: true,
      }),
      expect.objectContaining({
        activityId,
        participantId: second!.id,
        answer: { optionIds: ['b'] },
        correct: false,
      }),
    ]);
    expect(closed.data).toMatchObject({ activityId, closeReason: 'manual' });
    expect(closed.data.results).toMatchObject({ respondents: 2, correctCount: 1 });
  });

  it('sends only aggregates of an anonymous poll', async () => {
    const live = await lesson();
    const activityId = await createActivity(t, t.adminKey, live.sessionId, {
      kind: 'poll',
      questionType: 'short_text',
      prompt: 'One word for today?',
      anonymous: true,
    });
    for (const [index, student] of live.students.entries()) {
      await respond(t, student.token, activityId, { text: `word ${index}` }).expect(201);
    }
    await post(`/v1/activities/${activityId}/close`);

    const events = await eventsOf(live.sessionId, ['activity.opened', 'activity.closed']);
    const closed = events.find((event) => event.type === 'activity.closed')!;
    const body = JSON.stringify(closed);

    expect(events.map((event) => event.type)).toEqual(['activity.opened', 'activity.closed']);
    expect(closed.data.anonymous).toBe(true);
    expect(closed.data.results.respondents).toBe(3);
    for (const student of live.students) {
      expect(body).not.toContain(student.id);
    }
    expect(body).not.toContain('word 0');
  });

  it('sends breakout assignments, help and output', async () => {
    const live = await lesson();
    const base = `/v1/sessions/${live.sessionId}/breakouts`;
    const [first, second, third] = live.students;
    const created = await post(`${base}/groups`, {
      strategy: 'manual',
      groups: [
        { name: 'Red', participantIds: [first!.id, second!.id] },
        { name: 'Blue', participantIds: [third!.id] },
      ],
      instructions: 'Compare your answers to problem 2.',
      timeLimitMinutes: 10,
    });
    const red = created.items[0];
    await post(`${base}/groups/${red.id}/help`, { message: 'Stuck on 2' }, first!.token);
    await post(`${base}/close`);

    const events = await eventsOf(live.sessionId, [
      'breakout.opened',
      'breakout.help_requested',
      'breakout.closed',
    ]);
    const opened = events.find((event) => event.type === 'breakout.opened')!;
    const help = events.find((event) => event.type === 'breakout.help_requested')!;
    const closed = events.find((event) => event.type === 'breakout.closed')!;

    expect(opened.data.groups).toEqual([
      expect.objectContaining({ name: 'Red', participantIds: [first!.id, second!.id] }),
      expect.objectContaining({ name: 'Blue', participantIds: [third!.id] }),
    ]);
    expect(help.data).toMatchObject({
      breakoutGroupId: red.id,
      participantId: first!.id,
      message: 'Stuck on 2',
    });
    expect(closed.data.reason).toBe('closed_by_instructor');
    expect(closed.data.groups[0]).toMatchObject({ breakoutGroupId: red.id, helpRequestCount: 1 });
    expect([...closed.data.groups[0].participantIds].sort()).toEqual(
      [first!.id, second!.id].sort(),
    );
  });

  it('sends one transcript event per changing write', async () => {
    const live = await lesson();
    const path = `/v1/sessions/${live.sessionId}/transcript/segments/batch`;
    const segments = [
      { clientSegmentId: 'a', speakerLabel: 'Tutor', startMs: 1000, endMs: 2000, text: 'Hi' },
      { clientSegmentId: 'b', speakerLabel: 'Student', startMs: 2500, endMs: 4000, text: 'Hello' },
    ];
    await post(path, { segments });
    await post(path, { segments });
    await post(path, {
      segments: [
        {
          clientSegmentId: 'c',
          speakerLabel: 'Tutor',
          startMs: 5000,
          endMs: 6000,
          text: 'So',
          isFinal: false,
        },
      ],
    });

    const events = await eventsOf(live.sessionId, ['transcript.updated'], 2);
    // A repeated write changes nothing, so it must not add an event after the second one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const all = receiver
      .accepted()
      .map((request) => JSON.parse(request.body) as DeliveredEvent)
      .filter((event) => event.data.sessionId === live.sessionId);

    expect(events.map((event) => event.type)).toEqual(['transcript.updated', 'transcript.updated']);
    expect(all).toHaveLength(2);
    expect(all[0]!.data).toMatchObject({
      source: 'live',
      inserted: 2,
      replaced: 0,
      finalSegments: 2,
      startMs: 1000,
      endMs: 4000,
    });
    expect(all[1]!.data).toMatchObject({
      inserted: 1,
      finalSegments: 0,
      startMs: 5000,
      endMs: 6000,
    });
  });
});
