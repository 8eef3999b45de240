import { DataSource } from 'typeorm';
import { AlertsService } from '../src/alerts/alerts.service';
import { systemContext } from '../src/common/request-context';
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

const ALERT_RAISED = `subscription ($sessionId: ID!) {
  instructorAlertRaised(sessionId: $sessionId) { id sessionId type participantId activityId message data createdAt acknowledgedAt }
}`;

interface AlertBody {
  id: string;
  type: string;
  participantId: string | null;
  activityId: string | null;
  message: string;
  data: Record<string, unknown>;
  acknowledgedAt: string | null;
}

describe('instructor alerts', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey, { students: 4 });
  });

  afterAll(async () => {
    await t.close();
  });

  async function alertsOf(lesson: LiveLesson, key = t.adminKey): Promise<AlertBody[]> {
    const response = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/alerts`)
      .set(...bearer(key));
    expect(response.status).toBe(200);

    return response.body as AlertBody[];
  }

  const close = (id: string) =>
    t.http.post(`/v1/activities/${id}/close`).set(...bearer(t.adminKey));

  /** Runs a closed check where each listed student picks the given option ('a' and 'c' together are correct). */
  async function runCheck(
    lesson: LiveLesson,
    answers: (string[] | null)[],
    overrides: Record<string, unknown> = {},
  ) {
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck(overrides));
    for (const [index, optionIds] of answers.entries()) {
      if (optionIds) {
        const response = await respond(t, lesson.students[index].token, id, { optionIds });
        expect(response.status).toBe(201);
      }
    }
    expect((await close(id)).status).toBe(200);

    return id;
  }

  it('raises incorrect_streak once per streak', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const right = ['a', 'c'];
    const wrong = ['b'];
    await runCheck(lesson, [wrong, right, right, right]);
    await runCheck(lesson, [wrong, right, right, right]);
    const before = await alertsOf(lesson);
    const third = await runCheck(lesson, [wrong, right, right, right]);
    await runCheck(lesson, [wrong, right, right, right]);
    const after = await alertsOf(lesson);

    expect(before).toEqual([]);
    const streaks = after.filter((alert) => alert.type === 'incorrect_streak');
    expect(streaks).toHaveLength(1);
    expect(streaks[0].participantId).toBe(lesson.students[0].id);
    expect(streaks[0].activityId).toBe(third);
    expect(streaks[0].message).toContain(lesson.students[0].displayName);
    expect(streaks[0].data.activityIds).toHaveLength(3);
  });

  it('raises class_incorrect among responses once three answered', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const ws = clientFor(t.url, lesson.instructor.token);
    const probe = subscribe(ws, ALERT_RAISED, { sessionId: lesson.sessionId });
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'instructorAlertRaised');

    await respond(t, lesson.students[0].token, id, { optionIds: ['b'] });
    await respond(t, lesson.students[1].token, id, { optionIds: ['d'] });
    const afterTwo = await alertsOf(lesson);
    await respond(t, lesson.students[2].token, id, { optionIds: ['a', 'c'] });
    const raised = await probe.nextResult();
    await respond(t, lesson.students[3].token, id, { optionIds: ['b'] });
    await close(id);
    const all = await alertsOf(lesson);

    expect(afterTwo).toEqual([]);
    expect(raised.data?.instructorAlertRaised).toMatchObject({
      type: 'class_incorrect',
      activityId: id,
      participantId: null,
      data: { respondents: 3, incorrect: 2, threshold: 0.5 },
    });
    expect(all.filter((alert) => alert.type === 'class_incorrect')).toHaveLength(1);
    probe.stop();
    await ws.dispose();
  });

  it('evaluates class_incorrect at close with the session threshold', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const settings = await t.gql(
      `mutation($s: ID!) { updateAlertSettings(sessionId: $s, input: { incorrectShareThreshold: 0.25 }) { incorrectShareThreshold missedActivitiesThreshold } }`,
      { s: lesson.sessionId },
      lesson.instructor.token,
    );
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    await respond(t, lesson.students[0].token, id, { optionIds: ['b'] });
    await respond(t, lesson.students[1].token, id, { optionIds: ['a', 'c'] });
    const open = await alertsOf(lesson);
    await close(id);
    const closed = await alertsOf(lesson);

    expect(settings.data?.updateAlertSettings).toEqual({
      incorrectShareThreshold: 0.25,
      missedActivitiesThreshold: 3,
    });
    expect(open).toEqual([]);
    expect(closed.map((alert) => alert.type)).toEqual(['class_incorrect']);
    expect(closed[0].data).toMatchObject({
      respondents: 2,
      incorrect: 1,
      incorrectShare: 0.5,
      threshold: 0.25,
    });
  });

  it('raises missed_responses after N closed activities without a response', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const updated = await t.http
      .put(`/v1/sessions/${lesson.sessionId}/alert-settings`)
      .set(...bearer(t.adminKey))
      .send({ missedActivitiesThreshold: 2 });
    const poll = { kind: 'poll', correctOptionIds: undefined };
    await runCheck(lesson, [['a'], ['a'], ['a'], null], poll);
    const afterOne = await alertsOf(lesson);
    const second = await runCheck(lesson, [['a'], null, ['a'], null], poll);
    const afterTwo = await alertsOf(lesson);
    await runCheck(lesson, [['a'], null, ['a'], null], { ...poll, anonymous: true });
    await runCheck(lesson, [['a'], null, ['a'], null], poll);
    const afterFour = await alertsOf(lesson);

    expect(updated.status).toBe(200);
    expect(updated.body.missedActivitiesThreshold).toBe(2);
    expect(afterOne).toEqual([]);
    expect(afterTwo.map((alert) => [alert.type, alert.participantId, alert.activityId])).toEqual([
      ['missed_responses', lesson.students[3].id, second],
    ]);
    expect(afterFour.filter((alert) => alert.participantId === lesson.students[3].id)).toHaveLength(
      1,
    );
    expect(afterFour.map((alert) => alert.participantId).sort()).toEqual(
      [lesson.students[1].id, lesson.students[3].id].sort(),
    );
  });

  it('ignores anonymous checks for per-student alerts', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const wrong = ['b'];
    const right = ['a', 'c'];
    for (let round = 0; round < 3; round += 1) {
      await runCheck(lesson, [wrong, right, right, right], { anonymous: true });
    }
    const alerts = await alertsOf(lesson);

    expect(alerts.filter((alert) => alert.participantId !== null)).toEqual([]);
    expect(JSON.stringify(alerts)).not.toContain(lesson.students[0].displayName);
  });

  it('raises generic alerts once and acknowledges them', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const service = t.app.get(AlertsService);
    const ctx = systemContext(t.organizationId);
    const ws = clientFor(t.url, t.adminKey);
    const probe = subscribe(ws, ALERT_RAISED, { sessionId: lesson.sessionId });
    const studentWs = clientFor(t.url, lesson.students[0].token);
    const refused = subscribe(studentWs, ALERT_RAISED, { sessionId: lesson.sessionId });
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'instructorAlertRaised');
    const alert = {
      sessionId: lesson.sessionId,
      type: 'help_requested' as const,
      participantId: lesson.students[1].id,
      conditionKey: 'help_requested:group-1:1',
      message: 'Group 1 asked for help.',
      data: { groupId: 'group-1' },
    };

    const first = await t.app
      .get(DataSource)
      .transaction((manager) => service.raise(manager, ctx, alert));
    const repeat = await t.app
      .get(DataSource)
      .transaction((manager) => service.raise(manager, ctx, alert));
    await service.publishRaised(ctx, first ? [first] : []);
    const delivered = await probe.nextResult();
    const refusal = await refused.nextResult();
    const studentList = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/alerts`)
      .set(...bearer(lesson.students[0].token));
    const studentAck = await t.http
      .post(`/v1/alerts/${first?.id}/acknowledge`)
      .set(...bearer(lesson.students[0].token));
    const other = await t.createOrganization('Other alerts school');
    const foreign = await t.http
      .post(`/v1/alerts/${first?.id}/acknowledge`)
      .set(...bearer(other.adminKey));
    const foreignList = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/alerts`)
      .set(...bearer(other.adminKey));
    const acknowledged = await t.gql(
      `mutation($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt } }`,
      { id: first?.id },
      lesson.instructor.token,
    );
    const again = await t.http
      .post(`/v1/alerts/${first?.id}/acknowledge`)
      .set(...bearer(t.adminKey));
    const open = await t.gql(
      `query($s: ID!) { alerts(sessionId: $s, unacknowledgedOnly: true) { id } all: alerts(sessionId: $s) { id type message acknowledgedAt } }`,
      { s: lesson.sessionId },
    );

    expect(first?.type).toBe('help_requested');
    expect(repeat).toBeNull();
    expect(delivered.data?.instructorAlertRaised).toMatchObject({
      id: first?.id,
      type: 'help_requested',
      data: { groupId: 'group-1' },
    });
    expect(refusal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(studentList.status).toBe(403);
    expect(studentAck.status).toBe(403);
    expect(foreign.status).toBe(404);
    expect(foreignList.status).toBe(404);
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data?.acknowledgeAlert.acknowledgedAt).toEqual(expect.any(String));
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('ALERT_ALREADY_ACKNOWLEDGED');
    expect(open.data?.alerts).toEqual([]);
    expect(open.data?.all).toHaveLength(1);
    probe.stop();
    await ws.dispose();
    await studentWs.dispose();
  });

  it('rejects invalid alert settings', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const cases: Record<string, unknown>[] = [
      { incorrectShareThreshold: 2 },
      { incorrectShareThreshold: 0 },
      { incorrectShareThreshold: 'half' },
      { missedActivitiesThreshold: 0 },
      { missedActivitiesThreshold: 21 },
      { missedActivitiesThreshold: 2.5 },
    ];
    for (const body of cases) {
      const response = await t.http
        .put(`/v1/sessions/${lesson.sessionId}/alert-settings`)
        .set(...bearer(t.adminKey))
        .send(body);
      expect({ body, status: response.status, field: response.body.errors?.[0]?.field }).toEqual({
        body,
        status: 400,
        field: Object.keys(body)[0],
      });
    }
    const student = await t.http
      .put(`/v1/sessions/${lesson.sessionId}/alert-settings`)
      .set(...bearer(lesson.students[0].token))
      .send({ missedActivitiesThreshold: 2 });
    const read = await t.gql(
      `query($s: ID!) { alertSettings(sessionId: $s) { incorrectShareThreshold missedActivitiesThreshold } }`,
      {
        s: lesson.sessionId,
      },
    );
    const unknownAlert = await t.http
      .post('/v1/alerts/00000000-0000-4000-8000-000000000000/acknowledge')
      .set(...bearer(t.adminKey));

    expect(student.status).toBe(403);
    expect(read.data?.alertSettings).toEqual({
      incorrectShareThreshold: 0.5,
      missedActivitiesThreshold: 3,
    });
    expect(unknownAlert.status).toBe(404);
  });
});
