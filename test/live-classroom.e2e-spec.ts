import { startLesson } from './support/activity-fixtures';
import { createClassroom } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * One lesson through every live classroom area, in the order an instructor runs them. It runs
 * on PostgreSQL and on the embedded database, where a read outside an open transaction would
 * wait for that transaction forever, so it guards the paths that write in transactions.
 */
describe('a live lesson', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
  });

  afterAll(async () => {
    await t.close();
  });

  function send(path: string, token: string, body?: Record<string, unknown>) {
    return t.http
      .post(path)
      .set(...bearer(token))
      .send(body);
  }

  function read(path: string, token = t.adminKey) {
    return t.http.get(path).set(...bearer(token));
  }

  it('runs phases, a check, a board, breakouts and engagement', async () => {
    const classroom = await createClassroom(t, t.adminKey, { students: 2 });
    const lesson = await startLesson(t, t.adminKey, classroom, {
      phases: [
        { kind: 'warm_up', title: 'Check', plannedMinutes: 5, tools: ['polls'] },
        {
          kind: 'practice',
          title: 'Boards',
          plannedMinutes: 20,
          tools: ['whiteboard', 'breakouts'],
        },
      ],
    });
    const session = `/v1/sessions/${lesson.sessionId}`;
    const teacher = lesson.instructor.token;
    const [sam, ria] = lesson.students;

    const warmUp = await send(`${session}/phases/advance`, teacher);
    const tools = await read(`${session}/tools`, sam!.token);

    const check = await send(`${session}/activities`, teacher, {
      kind: 'check',
      questionType: 'single_choice',
      prompt: 'Which fraction equals 1/2?',
      options: [{ label: '2/3' }, { label: '3/6' }],
      correctOptionIds: ['b'],
    });
    const opened = await send(`/v1/activities/${check.body.id}/open`, teacher);
    const samAnswer = await send(`/v1/activities/${check.body.id}/responses`, sam!.token, {
      optionIds: ['b'],
    });
    const riaAnswer = await send(`/v1/activities/${check.body.id}/responses`, ria!.token, {
      optionIds: ['a'],
    });
    const results = await read(`/v1/activities/${check.body.id}/results`, teacher);
    const boardTooEarly = await send(`${session}/boards`, teacher, { title: 'Early' });
    const drawTooEarly = await send(`/v1/boards/${boardTooEarly.body.id}/operations`, sam!.token, {
      operations: [
        {
          clientOperationId: 'early',
          type: 'add',
          elementId: 'e',
          kind: 'text',
          properties: { x: 0, y: 0, text: 'hi' },
        },
      ],
    });

    const practice = await send(`${session}/phases/advance`, teacher);
    const drawn = await send(`/v1/boards/${boardTooEarly.body.id}/operations`, sam!.token, {
      operations: [
        {
          clientOperationId: 'sam-1',
          type: 'add',
          elementId: 'n',
          kind: 'sticky_note',
          properties: { x: 1, y: 1, text: '3/6' },
        },
      ],
    });
    const groups = await send(`${session}/breakouts/groups`, teacher, {
      strategy: 'balanced',
      groupCount: 2,
      instructions: 'Find two fractions equal to 1/2',
      timeLimitMinutes: 10,
      createBoards: true,
    });
    const samGroup = groups.body.items?.find((group: { participantIds: string[] }) =>
      group.participantIds.includes(sam!.id),
    );
    const help = await send(`${session}/breakouts/groups/${samGroup?.id}/help`, sam!.token, {
      message: 'Is 4/8 one half?',
    });
    const events = await send(`${session}/events/batch`, t.adminKey, {
      events: [
        {
          type: 'joined',
          participantId: sam!.id,
          occurredAt: new Date().toISOString(),
          clientEventId: 'j',
        },
        {
          type: 'spoke',
          participantId: sam!.id,
          occurredAt: new Date().toISOString(),
          durationMs: 30_000,
          clientEventId: 's',
        },
      ],
    });
    const ended = await send(`${session}/end`, t.adminKey);
    const checkAfter = await read(`/v1/activities/${check.body.id}`);
    const groupsAfter = await read(`${session}/breakouts/groups`);
    const engagement = await read(`${session}/engagement`);

    expect(warmUp.status).toBe(200);
    expect(tools.body.studentTools).toEqual(['polls']);
    expect([check.status, opened.status, samAnswer.status, riaAnswer.status]).toEqual([
      201, 200, 201, 201,
    ]);
    expect(results.body).toMatchObject({ respondents: 2, correctCount: 1 });
    expect(drawTooEarly.status).toBe(403);
    expect(drawTooEarly.body.title).toBe('TOOL_NOT_ENABLED');
    expect(practice.status).toBe(200);
    expect(drawn.body.applied).toBe(1);
    expect(groups.status).toBe(201);
    expect(groups.body.items).toHaveLength(2);
    expect(groups.body.items.every((group: { boardId: string | null }) => group.boardId)).toBe(
      true,
    );
    expect(help.status).toBe(201);
    expect(events.body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(ended.status).toBe(200);
    expect(checkAfter.body).toMatchObject({ status: 'closed', closeReason: 'session_ended' });
    expect(
      groupsAfter.body.items.every((group: { status: string }) => group.status === 'closed'),
    ).toBe(true);
    const samRollup = engagement.body.participants.find(
      (row: { participantId: string }) => row.participantId === sam!.id,
    );
    expect(samRollup).toMatchObject({ responses: 1, correctResponses: 1, boardOperations: 1 });
  });
});
