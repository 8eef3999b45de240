/** Data that the session, join and ingest paths run against, created through the REST API. */
export interface BenchFixtures {
  sessionId: string;
  /** More sessions of the same room and enrollments, scheduled on later days, read in rotation. */
  otherSessionIds: string[];
  /** A student participant of the session, who requests join tokens. */
  participantId: string;
  participantCount: number;
}

const STUDENT_COUNT = 3;

/** Sessions that the rotation run of path (b) reads, the live one included. */
export const ROTATION_SESSION_COUNT = 50;

/** The GraphQL query of path (b): one session with its room and participants. */
export const SESSION_QUERY = `query BenchSession($id: ID!) {
  session(id: $id) {
    id
    title
    status
    scheduledStart
    scheduledEnd
    room { id name capacity enabledTools }
    participants { id role identity displayName joinedAt leftAt }
  }
}`;

/** Sends one JSON request to HiLink and returns the parsed body, raising on any non-2xx status. */
export async function callApi<T>(
  baseUrl: string,
  adminKey: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${adminKey}` };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `${method} ${path} failed with status ${response.status}: ${text.slice(0, 500)}`,
    );
  }

  return JSON.parse(text) as T;
}

async function createEnrollments(baseUrl: string, adminKey: string): Promise<string[]> {
  const post = <T>(path: string, body: unknown) =>
    callApi<T>(baseUrl, adminKey, 'POST', path, body);
  const instructor = await post<{ id: string }>('/v1/members', {
    role: 'instructor',
    name: 'Bench Instructor',
    email: 'instructor@bench.example.com',
  });
  const curriculum = await post<{ id: string }>('/v1/curricula', {
    name: 'Bench algebra',
    objectives: [
      { code: '7.EE.B.3', title: 'Solve multi-step real-life problems with rational numbers' },
      {
        code: '7.RP.A.3',
        title: 'Use proportional relationships to solve ratio and percent problems',
      },
    ],
  });
  const enrollmentIds: string[] = [];
  for (let index = 1; index <= STUDENT_COUNT; index += 1) {
    const student = await post<{ id: string }>('/v1/students', { name: `Bench Student ${index}` });
    const enrollment = await post<{ id: string }>('/v1/enrollments', {
      studentId: student.id,
      instructorId: instructor.id,
      curriculumId: curriculum.id,
      startDate: '2026-01-05',
    });
    enrollmentIds.push(enrollment.id);
  }

  return enrollmentIds;
}

interface SessionView {
  data?: { session: { participants: { id: string; role: string }[] } };
  errors?: unknown[];
}

/** Creates an instructor, students, a curriculum, enrollments, a room and a live session. */
export async function createFixtures(baseUrl: string, adminKey: string): Promise<BenchFixtures> {
  const enrollmentIds = await createEnrollments(baseUrl, adminKey);
  const room = await callApi<{ id: string }>(baseUrl, adminKey, 'POST', '/v1/rooms', {
    name: 'Bench room',
  });
  const start = new Date(Date.now() + 60 * 60 * 1000);
  const session = await callApi<{ id: string }>(baseUrl, adminKey, 'POST', '/v1/sessions', {
    roomId: room.id,
    title: 'Bench session',
    enrollmentIds,
    scheduledStart: start.toISOString(),
    scheduledEnd: new Date(start.getTime() + 60 * 60 * 1000).toISOString(),
    timeZone: 'Europe/Berlin',
    phases: [
      { kind: 'warm_up', title: 'Warm-up', plannedMinutes: 5 },
      { kind: 'practice', title: 'Practice', plannedMinutes: 50, objectiveCodes: ['7.EE.B.3'] },
      { kind: 'close', title: 'Close', plannedMinutes: 5 },
    ],
  });
  // Join tokens and live transcript segments belong to a session in progress.
  await callApi(baseUrl, adminKey, 'POST', `/v1/sessions/${session.id}/start`);
  const view = await callApi<SessionView>(baseUrl, adminKey, 'POST', '/graphql', {
    query: SESSION_QUERY,
    variables: { id: session.id },
  });
  const participants = view.data?.session.participants ?? [];
  const student = participants.find((participant) => participant.role === 'student');
  if (!student) {
    throw new Error(
      `The session query returned no student participant: ${JSON.stringify(view).slice(0, 500)}`,
    );
  }

  const otherSessionIds: string[] = [];
  for (let day = 1; day < ROTATION_SESSION_COUNT; day += 1) {
    const dayStart = new Date(start.getTime() + day * 24 * 60 * 60 * 1000);
    const other = await callApi<{ id: string }>(baseUrl, adminKey, 'POST', '/v1/sessions', {
      roomId: room.id,
      title: `Bench session, day ${day + 1}`,
      enrollmentIds,
      scheduledStart: dayStart.toISOString(),
      scheduledEnd: new Date(dayStart.getTime() + 60 * 60 * 1000).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    otherSessionIds.push(other.id);
  }

  return {
    sessionId: session.id,
    otherSessionIds,
    participantId: student.id,
    participantCount: participants.length,
  };
}
