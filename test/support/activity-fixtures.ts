import { Classroom, createSession } from './classroom-fixtures';
import { bearer, TestApp } from './test-app';

export interface LiveLesson {
  sessionId: string;
  title: string;
  instructor: { id: string; token: string; identity: string; displayName: string };
  students: { id: string; token: string; identity: string; displayName: string }[];
}

/** Creates a session for the classroom, starts it and issues a participant token to everyone. */
export async function startLesson(
  t: TestApp,
  key: string,
  classroom: Classroom,
  overrides: Record<string, unknown> = {},
): Promise<LiveLesson> {
  const session = await createSession(t, key, classroom, overrides);
  const started = await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(key));
  if (started.status !== 200) {
    throw new Error(
      `Starting the session failed: ${started.status} ${JSON.stringify(started.body)}`,
    );
  }
  const listed = await t.http.get(`/v1/sessions/${session.id}/participants`).set(...bearer(key));
  const people = await Promise.all(
    (
      listed.body.items as { id: string; role: string; identity: string; displayName: string }[]
    ).map(async (participant) => {
      const joined = await t.http
        .post(`/v1/sessions/${session.id}/join`)
        .set(...bearer(key))
        .send({ participantId: participant.id });
      if (joined.status !== 200) {
        throw new Error(`Joining failed: ${joined.status} ${JSON.stringify(joined.body)}`);
      }

      return { ...participant, token: joined.body.participantToken as string };
    }),
  );
  const pick = ({ id, token, identity, displayName }: (typeof people)[number]) => ({
    id,
    token,
    identity,
    displayName,
  });
  const instructor = people.find((person) => person.role === 'instructor');
  if (!instructor) {
    throw new Error('The session has no instructor participant.');
  }

  return {
    sessionId: session.id,
    title: session.title,
    instructor: pick(instructor),
    students: people.filter((person) => person.role === 'student').map(pick),
  };
}

/** Returns a multiple-choice check body with options a to d, where a and c are correct. */
export function choiceCheck(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'check',
    questionType: 'multiple_choice',
    prompt: 'Which fractions equal one half?',
    options: [{ label: '2/4' }, { label: '1/3' }, { label: '3/6' }, { label: '2/3' }],
    correctOptionIds: ['a', 'c'],
    ...overrides,
  };
}

/** Creates an activity over REST and opens it unless `open` is false; returns its id. */
export async function createActivity(
  t: TestApp,
  key: string,
  sessionId: string,
  body: Record<string, unknown>,
  open = true,
): Promise<string> {
  const created = await t.http
    .post(`/v1/sessions/${sessionId}/activities`)
    .set(...bearer(key))
    .send(body);
  if (created.status !== 201) {
    throw new Error(
      `Creating the activity failed: ${created.status} ${JSON.stringify(created.body)}`,
    );
  }
  if (open) {
    const opened = await t.http.post(`/v1/activities/${created.body.id}/open`).set(...bearer(key));
    if (opened.status !== 200) {
      throw new Error(
        `Opening the activity failed: ${opened.status} ${JSON.stringify(opened.body)}`,
      );
    }
  }

  return created.body.id as string;
}

export function respond(
  t: TestApp,
  token: string,
  activityId: string,
  body: Record<string, unknown>,
) {
  return t.http
    .post(`/v1/activities/${activityId}/responses`)
    .set(...bearer(token))
    .send(body);
}
