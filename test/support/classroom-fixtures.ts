import { randomBytes } from 'node:crypto';
import { bearer, TestApp } from './test-app';

export interface Classroom {
  roomId: string;
  instructorId: string;
  studentIds: string[];
  curriculumId: string;
  enrollmentIds: string[];
}

async function post(
  t: TestApp,
  key: string,
  path: string,
  body: Record<string, unknown>,
  expectedStatus = 201,
): Promise<any> {
  const response = await t.http
    .post(path)
    .set(...bearer(key))
    .send(body);
  if (response.status !== expectedStatus) {
    throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }

  return response.body;
}

/**
 * Creates a room, an instructor, a curriculum with objectives OBJ.1 to OBJ.3, and one enrollment
 * per student, through the public REST API of the organization that owns `key`.
 */
export async function createClassroom(
  t: TestApp,
  key: string,
  options: { students?: number; capacity?: number } = {},
): Promise<Classroom> {
  const tag = randomBytes(3).toString('hex');
  const room = await post(t, key, '/v1/rooms', {
    name: `Room ${tag}`,
    capacity: options.capacity ?? 30,
  });
  const instructor = await post(t, key, '/v1/members', {
    role: 'instructor',
    name: `Instructor ${tag}`,
    email: `instructor-${tag}@example.com`,
  });
  const curriculum = await post(t, key, '/v1/curricula', {
    name: `Curriculum ${tag}`,
    objectives: [1, 2, 3].map((n) => ({ code: `OBJ.${n}`, title: `Objective ${n}` })),
  });
  const studentIds: string[] = [];
  const enrollmentIds: string[] = [];
  for (let index = 0; index < (options.students ?? 2); index += 1) {
    const student = await post(t, key, '/v1/students', { name: `Student ${tag}-${index}` });
    const enrollment = await post(t, key, '/v1/enrollments', {
      studentId: student.id,
      instructorId: instructor.id,
      curriculumId: curriculum.id,
      startDate: '2026-01-05',
    });
    studentIds.push(student.id);
    enrollmentIds.push(enrollment.id);
  }

  return {
    roomId: room.id,
    instructorId: instructor.id,
    studentIds,
    curriculumId: curriculum.id,
    enrollmentIds,
  };
}

/** Returns a valid session body for the classroom, with `overrides` replacing fields. */
export function sessionBody(
  classroom: Classroom,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    roomId: classroom.roomId,
    title: 'Fractions, week 3',
    enrollmentIds: classroom.enrollmentIds,
    scheduledStart: '2026-03-02T16:00:00+01:00',
    scheduledEnd: '2026-03-02T17:00:00+01:00',
    timeZone: 'Europe/Berlin',
    phases: [
      { kind: 'warm_up', title: 'Warm-up', plannedMinutes: 5, objectiveCodes: ['OBJ.1'] },
      { kind: 'instruction', title: 'New idea', plannedMinutes: 20, objectiveCodes: ['OBJ.2'] },
      {
        kind: 'practice',
        title: 'Practice',
        plannedMinutes: 25,
        notes: 'Pairs',
        objectiveCodes: ['OBJ.2', 'OBJ.3'],
      },
      { kind: 'close', title: 'Close', plannedMinutes: 10 },
    ],
    ...overrides,
  };
}

export async function createSession(
  t: TestApp,
  key: string,
  classroom: Classroom,
  overrides: Record<string, unknown> = {},
): Promise<any> {
  return post(t, key, '/v1/sessions', sessionBody(classroom, overrides));
}

/**
 * Joins a participant of the session and returns their participant token: the participant with
 * `participantId`, else the `index`-th participant with `role`.
 */
export async function participantToken(
  t: TestApp,
  key: string,
  sessionId: string,
  options: { role?: 'instructor' | 'student' | 'observer'; index?: number; participantId?: string },
): Promise<{ token: string; participantId: string }> {
  let participantId = options.participantId;
  if (!participantId) {
    const listed = await t.http.get(`/v1/sessions/${sessionId}/participants`).set(...bearer(key));
    const matching = (listed.body.items as { id: string; role: string }[]).filter(
      (person) => person.role === (options.role ?? 'student'),
    );
    participantId = matching[options.index ?? 0]?.id;
    if (!participantId) {
      throw new Error(`Session ${sessionId} has no ${options.role ?? 'student'} participant.`);
    }
  }
  const joined = await post(t, key, `/v1/sessions/${sessionId}/join`, { participantId }, 200);

  return { token: joined.participantToken as string, participantId };
}
