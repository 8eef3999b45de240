import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { choiceCheck, createActivity, respond, startLesson } from './support/activity-fixtures';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { clientFor, subscribe, waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const RESULTS_UPDATED = `subscription ($sessionId: ID!) {
  activityResultsUpdated(sessionId: $sessionId) {
    activityId respondents selections eligible correctCount incorrectCount correctShare
    options { optionId label count correct } textAnswers { answer count }
  }
}`;

const ACTIVITY_CHANGED = `subscription ($sessionId: ID!) {
  activityChanged(sessionId: $sessionId) {
    sessionId activityId action occurredAt
    activity { id status closeReason closedAt correctOptionIds hasCorrectAnswer }
  }
}`;

describe('activities', () => {
  let t: TestApp;
  let classroom: Classroom;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 4 });
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const results = (id: string, key = t.adminKey) =>
    t.http.get(`/v1/activities/${id}/results`).set(...bearer(key));
  const close = (id: string, key = t.adminKey) =>
    t.http.post(`/v1/activities/${id}/close`).set(...bearer(key));
  const open = (id: string, key = t.adminKey) =>
    t.http.post(`/v1/activities/${id}/open`).set(...bearer(key));

  it('counts respondents and selections apart', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, {
      kind: 'poll',
      questionType: 'multiple_choice',
      prompt: 'Which topics should we review?',
      options: [
        { label: 'Fractions' },
        { label: 'Decimals' },
        { label: 'Ratios' },
        { label: 'Percent' },
      ],
    });

    const first = await respond(t, lesson.students[0].token, id, { optionIds: ['a', 'b', 'c'] });
    const second = await respond(t, lesson.students[1].token, id, { optionIds: ['d', 'b', 'a'] });
    const read = await results(id);

    expect(first.status).toBe(201);
    expect(first.body.answer.optionIds).toEqual(['a', 'b', 'c']);
    expect(first.body.correct).toBeNull();
    expect(second.status).toBe(201);
    expect(read.status).toBe(200);
    expect(read.body.respondents).toBe(2);
    expect(read.body.eligible).toBe(4);
    expect(read.body.selections).toBe(6);
    expect(read.body.options.map((option: { count: number }) => option.count)).toEqual([
      2, 2, 1, 1,
    ]);
    expect(read.body.correctShare).toBeNull();
  });

  it('runs a check over GraphQL and hides the key until it closes', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const created = await t.gql(
      `mutation($s: ID!, $input: CreateActivityInput!) {
        createActivity(sessionId: $s, input: $input) { id status correctOptionIds hasCorrectAnswer objectiveCode }
      }`,
      {
        s: lesson.sessionId,
        input: {
          ...choiceCheck(),
          questionType: 'single_choice',
          correctOptionIds: ['c'],
          objectiveCode: 'OBJ.2',
        },
      },
      lesson.instructor.token,
    );
    const id = created.data?.createActivity.id;
    const opened = await t.gql(
      `mutation($id: ID!) { openActivity(id: $id) { status opensAt closesAt } }`,
      { id },
      lesson.instructor.token,
    );
    const studentView = await t.gql(
      `query($id: ID!) { activity(id: $id) { status correctOptionIds hasCorrectAnswer } }`,
      { id },
      lesson.students[0].token,
    );
    const answered = await t.gql(
      `mutation($id: ID!, $input: ActivityResponseInput!) {
        submitActivityResponse(activityId: $id, input: $input) { participantId correct revision answer { optionIds } }
      }`,
      { id, input: { optionIds: ['c'] } },
      lesson.students[0].token,
    );
    const wrong = await t.gql(
      `mutation($id: ID!, $input: ActivityResponseInput!) { submitActivityResponse(activityId: $id, input: $input) { correct } }`,
      { id, input: { optionIds: ['b'], participantId: lesson.students[1].id } },
    );
    const live = await t.gql(
      `query($id: ID!) { activityResults(activityId: $id) { respondents correctCount incorrectCount correctShare } }`,
      { id },
      lesson.instructor.token,
    );
    const closed = await t.gql(
      `mutation($id: ID!) { closeActivity(id: $id) { status closeReason closedAt } }`,
      { id },
    );
    const own = await t.gql(
      `query($id: ID!) { myActivityResponse(activityId: $id) { correct answer { optionIds } } }`,
      { id },
      lesson.students[0].token,
    );
    const afterClose = await t.gql(
      `query($id: ID!) { activity(id: $id) { correctOptionIds } }`,
      { id },
      lesson.students[0].token,
    );

    expect(created.errors).toBeUndefined();
    expect(created.data?.createActivity).toMatchObject({
      status: 'draft',
      correctOptionIds: ['c'],
      hasCorrectAnswer: true,
      objectiveCode: 'OBJ.2',
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.openActivity.status).toBe('open');
    expect(opened.data?.openActivity.closesAt).toBeNull();
    expect(studentView.data?.activity).toEqual({
      status: 'open',
      correctOptionIds: null,
      hasCorrectAnswer: true,
    });
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.submitActivityResponse).toEqual({
      participantId: lesson.students[0].id,
      correct: null,
      revision: 1,
      answer: { optionIds: ['c'] },
    });
    expect(wrong.data?.submitActivityResponse.correct).toBe(false);
    expect(live.data?.activityResults).toEqual({
      respondents: 2,
      correctCount: 1,
      incorrectCount: 1,
      correctShare: 0.5,
    });
    expect(closed.data?.closeActivity.status).toBe('closed');
    expect(closed.data?.closeActivity.closeReason).toBe('manual');
    expect(own.data?.myActivityResponse).toEqual({ correct: true, answer: { optionIds: ['c'] } });
    expect(afterClose.data?.activity.correctOptionIds).toEqual(['c']);
  });

  it('replaces an answer and ignores an identical repeat', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const student = lesson.students[0];

    const first = await respond(t, student.token, id, { optionIds: ['b'] });
    const repeat = await respond(t, student.token, id, { optionIds: ['b'] });
    const changed = await respond(t, student.token, id, { optionIds: ['c', 'a'] });
    const repeatChanged = await respond(t, student.token, id, { optionIds: ['a', 'c'] });
    const read = await results(id);
    const events = await db.query(
      `SELECT data FROM engagement_events WHERE session_id = $1 AND participant_id = $2 AND type = 'responded' ORDER BY sequence`,
      [lesson.sessionId, student.id],
    );

    expect(first.body.revision).toBe(1);
    expect(repeat.status).toBe(201);
    expect(repeat.body.revision).toBe(1);
    expect(repeat.body.id).toBe(first.body.id);
    expect(changed.body.revision).toBe(2);
    expect(repeatChanged.body.revision).toBe(2);
    expect(read.body.respondents).toBe(1);
    expect(read.body.correctCount).toBe(1);
    expect(events.map((row: { data: unknown }) => row.data)).toEqual([
      { activityId: id, kind: 'check', correct: false },
      { activityId: id, kind: 'check', correct: true },
    ]);
  });

  it('keeps one response under concurrent submissions', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const student = lesson.students[0];
    const answers = ['a', 'b', 'c', 'd'];

    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        respond(t, student.token, id, { optionIds: [index < 10 ? 'a' : answers[index % 4]] }),
      ),
    );
    const rows = await db.query(
      `SELECT count(*)::int AS count FROM activity_responses WHERE activity_id = $1`,
      [id],
    );
    const read = await results(id);

    expect(sent.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(new Set(sent.map((response) => response.body.id)).size).toBe(1);
    expect(rows[0].count).toBe(1);
    expect(read.body.respondents).toBe(1);
    expect(read.body.selections).toBe(1);
  });

  it('rejects a response after close', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });
    await close(id);

    const late = await respond(t, lesson.students[0].token, id, { optionIds: ['c'] });
    const lateNew = await respond(t, lesson.students[1].token, id, { optionIds: ['c'] });

    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CONFLICT');
    expect(late.body.title).toBe('ACTIVITY_CLOSED');
    expect(lateNew.status).toBe(409);
    expect((await results(id)).body.respondents).toBe(1);
  });

  it('closes open activities when the session ends', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });

    const ended = await t.http
      .post(`/v1/sessions/${lesson.sessionId}/end`)
      .set(...bearer(t.adminKey));
    const [stored] = await db.query(`SELECT status, close_reason FROM activities WHERE id = $1`, [
      id,
    ]);
    const read = await t.http.get(`/v1/activities/${id}`).set(...bearer(t.adminKey));

    expect(ended.status).toBe(200);
    expect(stored).toEqual({ status: 'closed', close_reason: 'session_ended' });
    expect(read.body).toMatchObject({ status: 'closed', closeReason: 'session_ended' });
    expect((await results(id)).body.respondents).toBe(1);
  });

  it('closes itself at the time limit', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const ws = clientFor(t.url, lesson.students[0].token);
    const changes = subscribe(ws, ACTIVITY_CHANGED, { sessionId: lesson.sessionId });
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'activityChanged');

    const id = await createActivity(
      t,
      t.adminKey,
      lesson.sessionId,
      choiceCheck({ timeLimitSeconds: 5 }),
    );
    const opened = await changes.nextResult();
    const closed = await changes.nextResult(10_000);
    const late = await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });
    const activity = await t.http.get(`/v1/activities/${id}`).set(...bearer(t.adminKey));

    expect(opened.data?.activityChanged).toMatchObject({ activityId: id, action: 'opened' });
    expect(opened.data?.activityChanged.activity).toMatchObject({
      status: 'open',
      correctOptionIds: null,
      hasCorrectAnswer: true,
    });
    expect(closed.data?.activityChanged).toMatchObject({ activityId: id, action: 'closed' });
    expect(closed.data?.activityChanged.activity).toMatchObject({
      status: 'closed',
      closeReason: 'time_limit',
      correctOptionIds: ['a', 'c'],
    });
    expect(late.status).toBe(409);
    expect(activity.body.closedAt).toBe(activity.body.closesAt);
    expect(Date.parse(activity.body.closesAt) - Date.parse(activity.body.opensAt)).toBe(5_000);
    changes.stop();
    await ws.dispose();
  }, 20_000);

  it('refuses a response past closesAt before the job runs', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(
      t,
      t.adminKey,
      lesson.sessionId,
      choiceCheck({ timeLimitSeconds: 600 }),
    );
    await db.query(`UPDATE activities SET closes_at = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);

    const late = await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });
    const stored = await db.query(
      `SELECT status, close_reason, closed_at = closes_at AS on_time FROM activities WHERE id = $1`,
      [id],
    );

    expect(late.status).toBe(409);
    expect(late.body.title).toBe('ACTIVITY_CLOSED');
    expect(stored[0]).toEqual({ status: 'closed', close_reason: 'time_limit', on_time: true });
  });

  it('never outputs who answered an anonymous activity', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const instructorWs = clientFor(t.url, lesson.instructor.token);
    const live = subscribe(instructorWs, RESULTS_UPDATED, { sessionId: lesson.sessionId });
    const changes = subscribe(instructorWs, ACTIVITY_CHANGED, { sessionId: lesson.sessionId });
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'activityResultsUpdated');
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'activityChanged');
    const id = await createActivity(t, t.adminKey, lesson.sessionId, {
      kind: 'check',
      questionType: 'short_text',
      prompt: 'Name the shape with three sides.',
      acceptedAnswers: ['Triangle'],
      anonymous: true,
    });

    const answered = await Promise.all(
      lesson.students.map((student, index) =>
        respond(t, student.token, id, { text: index < 3 ? 'square' : ' TRIANGLE ' }),
      ),
    );
    const viaKey = await respond(t, t.adminKey, id, {
      participantId: lesson.students[0].id,
      text: 'circle',
    });
    let last = await live.nextResult();
    while (last.data?.activityResultsUpdated.respondents !== 4) {
      last = await live.nextResult();
    }
    const rest = await results(id);
    const graphql = await t.gql(
      `query($id: ID!) { activityResults(activityId: $id) { respondents textAnswers { answer count } } }`,
      { id },
    );
    const own = await t.gql(
      `query($id: ID!) { myActivityResponse(activityId: $id) { participantId answer { text } } }`,
      { id },
      lesson.students[1].token,
    );
    const listed = await t.http.get(`/v1/activities/${id}/responses`).set(...bearer(t.adminKey));
    await close(id);
    const closedChange = (await changes.nextResult()).data;
    const closedChangeAgain = await changes.nextResult();
    const events = await db.query(
      `SELECT data FROM engagement_events WHERE type = 'responded' AND data->>'activityId' = $1`,
      [id],
    );
    const alerts = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/alerts`)
      .set(...bearer(t.adminKey));

    const outputs = [
      answered.map((response) => response.body),
      viaKey.body,
      live.results,
      rest.body,
      graphql,
      own,
      closedChange,
      closedChangeAgain,
      events,
      alerts.body,
    ];
    const text = JSON.stringify(outputs);
    for (const person of lesson.students) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.identity);
      expect(text).not.toContain(person.displayName);
    }
    expect(answered.every((response) => response.body.participantId === null)).toBe(true);
    expect(own.data?.myActivityResponse).toEqual({
      participantId: null,
      answer: { text: 'square' },
    });
    expect(listed.status).toBe(403);
    expect(listed.body.title).toBe('ANONYMOUS_ACTIVITY');
    expect(rest.body.respondents).toBe(4);
    expect(rest.body.textAnswers).toEqual([
      { answer: 'square', count: 2 },
      { answer: 'circle', count: 1 },
      { answer: 'triangle', count: 1 },
    ]);
    expect(events.map((row: { data: unknown }) => row.data)).toEqual(
      Array(5).fill({ activityId: id, kind: 'check', anonymous: true }),
    );
    expect(alerts.body.map((alert: { type: string }) => alert.type)).toEqual(['class_incorrect']);
    live.stop();
    changes.stop();
    await instructorWs.dispose();
  });

  it('keeps students to their own view', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const student = lesson.students[0];
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const draft = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck(), false);
    await respond(t, lesson.students[1].token, id, { optionIds: ['a', 'c'] });

    const created = await t.http
      .post(`/v1/sessions/${lesson.sessionId}/activities`)
      .set(...bearer(student.token))
      .send(choiceCheck());
    const opened = await open(draft, student.token);
    const closed = await close(id, student.token);
    const openResults = await results(id, student.token);
    const others = await t.http.get(`/v1/activities/${id}/responses`).set(...bearer(student.token));
    const listed = await t.http
      .get(`/v1/sessions/${lesson.sessionId}/activities`)
      .set(...bearer(student.token));
    const draftRead = await t.http.get(`/v1/activities/${draft}`).set(...bearer(student.token));
    const ws = clientFor(t.url, student.token);
    const probe = subscribe(ws, RESULTS_UPDATED, { sessionId: lesson.sessionId });
    const refused = await probe.nextResult();
    await close(id);
    const closedResults = await results(id, student.token);
    const instructorListed = await t.http
      .get(`/v1/activities/${id}/responses`)
      .set(...bearer(lesson.instructor.token));

    expect(created.status).toBe(403);
    expect(created.body.title).toBe('INSTRUCTOR_ONLY');
    expect(opened.status).toBe(403);
    expect(closed.status).toBe(403);
    expect(openResults.status).toBe(403);
    expect(openResults.body.title).toBe('RESULTS_NOT_AVAILABLE');
    expect(others.status).toBe(403);
    expect(listed.body.map((activity: { id: string }) => activity.id)).toEqual([id]);
    expect(listed.body[0].correctOptionIds).toBeNull();
    expect(draftRead.status).toBe(404);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(closedResults.status).toBe(200);
    expect(closedResults.body.respondents).toBe(1);
    expect(closedResults.body.textAnswers).toEqual([]);
    expect(instructorListed.status).toBe(200);
    expect(instructorListed.body).toMatchObject([
      {
        participantId: lesson.students[1].id,
        displayName: lesson.students[1].displayName,
        correct: true,
      },
    ]);
    await ws.dispose();
  });

  it('rejects invalid activities', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const cases: [string, Record<string, unknown>, string][] = [
      ['kind', choiceCheck({ kind: 'quiz' }), 'kind'],
      ['questionType', choiceCheck({ questionType: 'essay' }), 'questionType'],
      [
        'one option',
        choiceCheck({ options: [{ label: 'only' }], correctOptionIds: ['a'] }),
        'options',
      ],
      [
        '21 options',
        choiceCheck({
          options: Array.from({ length: 21 }, (_, i) => ({ label: `o${i}` })),
          correctOptionIds: undefined,
        }),
        'options',
      ],
      ['long prompt', choiceCheck({ prompt: 'x'.repeat(1001) }), 'prompt'],
      [
        'long label',
        choiceCheck({
          options: [{ label: 'x'.repeat(201) }, { label: 'b' }],
          correctOptionIds: undefined,
        }),
        'options.0.label',
      ],
      [
        'duplicate option ids',
        choiceCheck({
          options: [
            { id: 'x', label: '1' },
            { id: 'x', label: '2' },
          ],
          correctOptionIds: undefined,
        }),
        'options.1.id',
      ],
      ['unknown key', choiceCheck({ correctOptionIds: ['z'] }), 'correctOptionIds'],
      [
        'two keys on single choice',
        choiceCheck({ questionType: 'single_choice' }),
        'correctOptionIds',
      ],
      ['number key on choice', choiceCheck({ correctNumber: 3 }), 'correctNumber'],
      [
        'options on numeric',
        {
          kind: 'check',
          questionType: 'numeric',
          prompt: 'p',
          options: [{ label: 'a' }, { label: 'b' }],
        },
        'options',
      ],
      [
        'tolerance without key',
        { kind: 'check', questionType: 'numeric', prompt: 'p', tolerance: 1 },
        'tolerance',
      ],
      [
        'blank accepted answer',
        { kind: 'check', questionType: 'short_text', prompt: 'p', acceptedAnswers: ['  '] },
        'acceptedAnswers.0',
      ],
      ['unknown objective', choiceCheck({ objectiveCode: 'NOPE.1' }), 'objectiveCode'],
      ['time limit too short', choiceCheck({ timeLimitSeconds: 1 }), 'timeLimitSeconds'],
      ['time limit too long', choiceCheck({ timeLimitSeconds: 3601 }), 'timeLimitSeconds'],
      ['anonymous not boolean', choiceCheck({ anonymous: 'yes' }), 'anonymous'],
    ];
    for (const [name, body, field] of cases) {
      const response = await t.http
        .post(`/v1/sessions/${lesson.sessionId}/activities`)
        .set(...bearer(t.adminKey))
        .send(body);
      expect({ name, status: response.status, code: response.body.code }).toEqual({
        name,
        status: 400,
        code: 'BAD_USER_INPUT',
      });
      expect({
        name,
        fields: response.body.errors?.map((p: { field: string }) => p.field),
      }).toEqual({ name, fields: expect.arrayContaining([field]) });
    }
    const badId = await t.http
      .post('/v1/sessions/not-a-uuid/activities')
      .set(...bearer(t.adminKey))
      .send(choiceCheck());
    const graphqlEnum = await t.gql(
      `mutation($s: ID!, $input: CreateActivityInput!) { createActivity(sessionId: $s, input: $input) { id } }`,
      { s: lesson.sessionId, input: { kind: 'quiz', questionType: 'numeric', prompt: 'p' } },
    );
    const stored = await db.query(
      `SELECT count(*)::int AS count FROM activities WHERE session_id = $1`,
      [lesson.sessionId],
    );

    expect(badId.status).toBe(400);
    expect(graphqlEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stored[0].count).toBe(0);
  });

  it('rejects invalid responses', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const other = await startLesson(t, t.adminKey, classroom);
    const choice = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const single = await createActivity(
      t,
      t.adminKey,
      lesson.sessionId,
      choiceCheck({ questionType: 'single_choice', correctOptionIds: ['a'] }),
    );
    const numeric = await createActivity(t, t.adminKey, lesson.sessionId, {
      kind: 'check',
      questionType: 'numeric',
      prompt: '3/4 as a decimal?',
      correctNumber: 0.75,
    });
    const token = lesson.students[0].token;
    const cases: [string, string, Record<string, unknown>, string, number, string][] = [
      ['unknown option', choice, { optionIds: ['z'] }, token, 400, 'optionIds'],
      ['repeated option', choice, { optionIds: ['a', 'a'] }, token, 400, 'optionIds'],
      ['empty options', choice, { optionIds: [] }, token, 400, 'optionIds'],
      ['too many options', choice, { optionIds: Array(21).fill('a') }, token, 400, 'optionIds'],
      ['two on single', single, { optionIds: ['a', 'b'] }, token, 400, 'optionIds'],
      ['number for choice', choice, { number: 2 }, token, 400, 'number'],
      ['missing answer', choice, {}, token, 400, 'optionIds'],
      ['text for numeric', numeric, { text: '0.75' }, token, 400, 'text'],
      ['number as string', numeric, { number: '0.75' }, token, 400, 'number'],
      ['long text', numeric, { text: 'x'.repeat(201) }, token, 400, 'text'],
      ['unknown field', choice, { optionIds: ['a'], extra: 1 }, token, 400, 'extra'],
      [
        'bad participant id',
        choice,
        { optionIds: ['a'], participantId: 'abc' },
        t.adminKey,
        400,
        'participantId',
      ],
      ['key without participant', choice, { optionIds: ['a'] }, t.adminKey, 400, 'participantId'],
      [
        'key for instructor',
        choice,
        { optionIds: ['a'], participantId: lesson.instructor.id },
        t.adminKey,
        400,
        'participantId',
      ],
      [
        'key for other session',
        choice,
        { optionIds: ['a'], participantId: other.students[0].id },
        t.adminKey,
        404,
        'participantId',
      ],
      [
        'token for someone else',
        choice,
        { optionIds: ['a'], participantId: lesson.students[1].id },
        token,
        403,
        'participantId',
      ],
      ['unknown activity', UNKNOWN_ID, { optionIds: ['a'] }, token, 404, 'activityId'],
      [
        'other session activity',
        choice,
        { optionIds: ['a'] },
        other.students[0].token,
        404,
        'activityId',
      ],
      ['instructor token', choice, { optionIds: ['a'] }, lesson.instructor.token, 403, ''],
    ];
    for (const [name, id, body, key, status, field] of cases) {
      const response = await respond(t, key, id, body);
      expect({ name, status: response.status }).toEqual({ name, status });
      if (field) {
        expect({ name, field: response.body.errors?.[0]?.field }).toEqual({ name, field });
      }
    }
    const stored = await db.query(
      `SELECT count(*)::int AS count FROM activity_responses WHERE session_id = $1`,
      [lesson.sessionId],
    );

    expect(stored[0].count).toBe(0);
  });

  it('grades numeric and short text answers', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const numeric = await createActivity(t, t.adminKey, lesson.sessionId, {
      kind: 'check',
      questionType: 'numeric',
      prompt: 'What is 22 / 7 to two decimals?',
      correctNumber: 3.14,
      tolerance: 0.005,
    });
    const text = await createActivity(t, t.adminKey, lesson.sessionId, {
      kind: 'check',
      questionType: 'short_text',
      prompt: 'What do we call the top number of a fraction?',
      acceptedAnswers: ['numerator', 'the numerator'],
    });
    const values = [3.14, 3.144, 3.2, 1];
    for (const [index, student] of lesson.students.entries()) {
      await respond(t, student.token, numeric, { number: values[index] });
    }
    const texts = ['  The   NUMERATOR ', 'numerator', 'denominator', 'num'];
    for (const [index, student] of lesson.students.entries()) {
      await respond(t, student.token, text, { text: texts[index] });
    }
    await close(numeric);
    await close(text);

    const numericResponses = await t.http
      .get(`/v1/activities/${numeric}/responses`)
      .set(...bearer(t.adminKey));
    const textResponses = await t.http
      .get(`/v1/activities/${text}/responses`)
      .set(...bearer(t.adminKey));
    const summary = await results(numeric);

    expect(numericResponses.body.map((row: { correct: boolean }) => row.correct)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(textResponses.body.map((row: { correct: boolean }) => row.correct)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(textResponses.body[0].answer.text).toBe('The   NUMERATOR');
    expect(summary.body.numeric).toMatchObject({ count: 4, min: 1, max: 3.2 });
    expect(summary.body.numeric.mean).toBeCloseTo((3.14 + 3.144 + 3.2 + 1) / 4, 9);
    expect(summary.body.numeric.median).toBeCloseTo(3.142, 9);
    expect(summary.body.correctShare).toBe(0.5);
  });

  it('rejects illegal transitions', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck(), false);
    const scheduled = await createSession(t, t.adminKey, classroom);
    const early = await createActivity(t, t.adminKey, scheduled.id, choiceCheck(), false);

    const closeDraft = await close(id);
    const draftResponse = await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });
    const first = await open(id);
    const again = await open(id);
    const closed = await close(id);
    const closedAgain = await close(id);
    const reopen = await open(id);
    const notLive = await open(early);

    expect(closeDraft.status).toBe(409);
    expect(closeDraft.body.title).toBe('ACTIVITY_ILLEGAL_TRANSITION');
    expect(draftResponse.status).toBe(409);
    expect(draftResponse.body.title).toBe('ACTIVITY_NOT_OPEN');
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(closed.status).toBe(200);
    expect(closedAgain.status).toBe(409);
    expect(reopen.status).toBe(409);
    expect(notLive.status).toBe(409);
    expect(notLive.body.title).toBe('SESSION_NOT_LIVE');
  });

  it("returns NOT_FOUND for another organization's ids", async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const id = await createActivity(t, t.adminKey, lesson.sessionId, choiceCheck());
    const other = await t.createOrganization('Other activities school');
    const key = other.adminKey;

    const responses = await Promise.all([
      t.http.get(`/v1/activities/${id}`).set(...bearer(key)),
      t.http.get(`/v1/activities/${id}/results`).set(...bearer(key)),
      t.http.get(`/v1/activities/${id}/responses`).set(...bearer(key)),
      t.http.post(`/v1/activities/${id}/close`).set(...bearer(key)),
      t.http
        .post(`/v1/activities/${id}/responses`)
        .set(...bearer(key))
        .send({ optionIds: ['a'], participantId: lesson.students[0].id }),
      t.http.get(`/v1/sessions/${lesson.sessionId}/activities`).set(...bearer(key)),
      t.http
        .post(`/v1/sessions/${lesson.sessionId}/activities`)
        .set(...bearer(key))
        .send(choiceCheck()),
    ]);
    const graphql = await t.gql(
      `query($id: ID!) { activityResults(activityId: $id) { respondents } }`,
      { id },
      key,
    );

    expect(responses.map((response) => response.status)).toEqual(Array(7).fill(404));
    expect(JSON.stringify(responses.map((response) => response.body))).not.toContain(lesson.title);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses students when the phase does not enable polls', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom, {
      phases: [{ kind: 'practice', title: 'P', plannedMinutes: 10, tools: ['chat'] }],
    });
    const advanced = await t.http
      .post(`/v1/sessions/${lesson.sessionId}/phases/advance`)
      .set(...bearer(t.adminKey));
    const id = await createActivity(t, lesson.instructor.token, lesson.sessionId, choiceCheck());

    const refused = await respond(t, lesson.students[0].token, id, { optionIds: ['a'] });
    const viaKey = await respond(t, t.adminKey, id, {
      optionIds: ['a'],
      participantId: lesson.students[0].id,
    });

    expect(advanced.status).toBe(200);
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe('TOOL_NOT_ENABLED');
    expect(viaKey.status).toBe(201);
  });

  it('serves activities through the SDK', async () => {
    const lesson = await startLesson(t, t.adminKey, classroom);
    const instructor = new HiLinkClient({
      url: t.url,
      apiKey: lesson.instructor.token,
      webSocket: WebSocket,
    });
    const student = instructor.withApiKey(lesson.students[0].token);
    const changes = instructor.activityChanged(lesson.sessionId);
    const updates = instructor.activityResultsUpdated(lesson.sessionId);
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'activityResultsUpdated');
    await waitForSubscriber(t, t.organizationId, lesson.sessionId, 'activityChanged');

    const created = await instructor.createActivity({
      sessionId: lesson.sessionId,
      input: {
        kind: 'poll',
        questionType: 'single_choice',
        prompt: 'Ready?',
        options: [{ label: 'Yes' }, { label: 'No' }],
      },
    });
    const opened = await instructor.openActivity(created.id);
    const response = await student.submitActivityResponse({
      activityId: created.id,
      input: { optionIds: ['a'] },
    });
    const own = await student.myActivityResponse(created.id);
    const listed = await instructor.activities(lesson.sessionId);
    const read = await instructor.activity(created.id);
    const named = await instructor.activityResponses(created.id);
    const live = await instructor.activityResults(created.id);
    const refused = await student.activityResults(created.id).catch((error: unknown) => error);
    const closed = await instructor.closeActivity(created.id);
    const opening = await changes.next();
    const update = await updates.next();

    expect(opened.status).toBe('open');
    expect(response.answer.optionIds).toEqual(['a']);
    expect(own?.participantId).toBe(lesson.students[0].id);
    expect(listed.map((activity) => activity.id)).toEqual([created.id]);
    expect(read.prompt).toBe('Ready?');
    expect(named.map((row) => row.displayName)).toEqual([lesson.students[0].displayName]);
    expect(live.respondents).toBe(1);
    expect(refused).toBeInstanceOf(HiLinkError);
    expect((refused as HiLinkError).code).toBe('FORBIDDEN');
    expect(closed.status).toBe('closed');
    expect(opening.value).toMatchObject({ activityId: created.id, action: 'opened' });
    expect(update.value).toMatchObject({ activityId: created.id });
    await changes.return();
    await updates.return();
    await instructor.close();
  });
});
