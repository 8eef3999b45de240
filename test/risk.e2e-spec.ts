import { DataSource } from 'typeorm';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { LiveLesson } from './support/activity-fixtures';
import { Classroom, createClassroom } from './support/classroom-fixtures';
import { runDocumentedLesson } from './support/progress-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Evidence {
  sessionId: string;
  value: number | null;
  objectiveCode: string | null;
}

interface Signal {
  kind: string;
  score: number;
  explanation: string;
  evidence: Evidence[];
}

interface StudentRisk {
  studentId: string;
  level: string;
  score: number;
  signals: Signal[];
  lastSessionId: string | null;
  levelChanges: { fromLevel: string; toLevel: string; sessionId: string }[];
}

/** Engagement of one student in one lesson: joined or not, and how many chat messages and seconds of talk. */
interface Activity {
  joined: boolean;
  chats: number;
  talkSeconds: number;
}

describe('risk signals', () => {
  let t: TestApp;
  let classroom: Classroom;
  const sessionIds: string[] = [];

  function signalOf(risk: StudentRisk, kind: string): Signal {
    const signal = risk.signals.find((item) => item.kind === kind);
    if (!signal) {
      throw new Error(`No ${kind} signal`);
    }

    return signal;
  }

  async function riskOf(studentId: string, key = t.adminKey): Promise<StudentRisk> {
    const response = await t.http.get(`/v1/students/${studentId}/risk`).set(...bearer(key));
    expect(response.status).toBe(200);

    return response.body;
  }

  /** Records join, talk and chat events for each student of the lesson. */
  function engage(activities: Activity[]) {
    return async (lesson: LiveLesson) => {
      const events: Record<string, unknown>[] = [];
      const now = new Date().toISOString();
      activities.forEach((activity, index) => {
        const participantId = lesson.students.find(
          (student) => student.identity === `student:${classroom.studentIds[index]}`,
        )?.id;
        if (!activity.joined || !participantId) {
          return;
        }
        events.push({ participantId, type: 'joined', connectionId: `c${index}`, occurredAt: now });
        events.push({
          participantId,
          type: 'spoke',
          durationMs: activity.talkSeconds * 1000,
          occurredAt: now,
        });
        for (let chat = 0; chat < activity.chats; chat += 1) {
          events.push({ participantId, type: 'chat_message', text: `Note ${chat}`, occurredAt: now });
        }
      });
      const response = await t.http
        .post(`/v1/sessions/${lesson.sessionId}/events/batch`)
        .set(...bearer(t.adminKey))
        .send({ events });
      if (response.status !== 200) {
        throw new Error(`Recording events failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 2 });
    // Student 0 answers correctly and stays engaged. Student 1 answers wrongly, talks and chats
    // less each time and misses the third of four lessons. The anonymous check is answered the other way
    // round and must not count.
    const lessons: Activity[][] = [
      [
        { joined: true, chats: 5, talkSeconds: 60 },
        { joined: true, chats: 5, talkSeconds: 60 },
      ],
      [
        { joined: true, chats: 5, talkSeconds: 60 },
        { joined: true, chats: 2, talkSeconds: 20 },
      ],
      [
        { joined: true, chats: 5, talkSeconds: 60 },
        { joined: false, chats: 0, talkSeconds: 0 },
      ],
      [
        { joined: true, chats: 5, talkSeconds: 60 },
        { joined: true, chats: 1, talkSeconds: 5 },
      ],
    ];
    for (const [index, activities] of lessons.entries()) {
      const lesson = await runDocumentedLesson(t, t.adminKey, classroom, {
        phases: [['OBJ.1'], []],
        scheduledStart: `2026-03-0${index + 2}T16:00:00+01:00`,
        checks: [
          { objectiveCode: 'OBJ.1', answers: [true, false] },
          { objectiveCode: 'OBJ.1', answers: [false, true], anonymous: true },
        ],
        recapCodes: ['OBJ.1'],
        whileLive: engage(activities),
      });
      sessionIds.push(lesson.sessionId);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('raises the struggling student to high', async () => {
    const risk = await riskOf(classroom.studentIds[1]);

    expect(risk.level).toBe('high');
    expect(risk.score).toBe(1);
    expect(risk.lastSessionId).toBe(sessionIds[3]);
    expect(risk.signals.map((signal) => signal.kind).sort()).toEqual([
      'absences_and_late_joins',
      'declining_participation',
      'falling_talk_share',
      'repeated_incorrect_checks',
      'stalled_objectives',
    ]);
  });

  it('counts only non-anonymous incorrect checks', async () => {
    const signal = signalOf(await riskOf(classroom.studentIds[1]), 'repeated_incorrect_checks');

    expect(signal.score).toBe(1);
    expect(signal.explanation).toContain('4 of 4');
    expect(signal.evidence).toEqual(
      sessionIds.map((sessionId) => ({ sessionId, value: 1, objectiveCode: null })),
    );
  });

  it('detects declining participation', async () => {
    const signal = signalOf(await riskOf(classroom.studentIds[1]), 'declining_participation');
    const values = signal.evidence.map((item) => item.value as number);

    expect(signal.evidence.map((item) => item.sessionId)).toEqual(sessionIds);
    expect(values[0]).toBeGreaterThan(values[1]);
    expect(values[1]).toBeGreaterThan(values[2]);
    expect(signal.score).toBeGreaterThan(0.3);
    expect(signal.explanation).toContain('Participation fell');
  });

  it('records the missed session', async () => {
    const signal = signalOf(await riskOf(classroom.studentIds[1]), 'absences_and_late_joins');

    expect(signal.evidence).toEqual([{ sessionId: sessionIds[2], value: null, objectiveCode: null }]);
    expect(signal.score).toBe(0.25);
  });

  it('detects falling talk share', async () => {
    const signal = signalOf(await riskOf(classroom.studentIds[1]), 'falling_talk_share');
    const values = signal.evidence.map((item) => item.value as number);

    expect(signal.evidence.map((item) => item.sessionId)).toEqual([
      sessionIds[0],
      sessionIds[1],
      sessionIds[3],
    ]);
    expect(values[0]).toBe(0.5);
    expect(values[1]).toBe(0.25);
    expect(values[2]).toBeLessThan(0.25);
    expect(signal.score).toBeGreaterThan(0.5);
  });

  it('detects a stalled objective', async () => {
    const signal = signalOf(await riskOf(classroom.studentIds[1]), 'stalled_objectives');

    expect(signal.score).toBe(0.75);
    expect(signal.explanation).toContain('OBJ.1 (practicing, 4 sessions)');
    expect(signal.evidence.map((item) => item.sessionId)).toEqual(sessionIds);
    expect(signal.evidence.every((item) => item.objectiveCode === 'OBJ.1')).toBe(true);
  });

  it('leaves the engaged student low', async () => {
    const risk = await riskOf(classroom.studentIds[0]);

    expect(risk.level).toBe('low');
    expect(signalOf(risk, 'repeated_incorrect_checks').score).toBe(0);
    expect(signalOf(risk, 'absences_and_late_joins').score).toBe(0);
    expect(signalOf(risk, 'declining_participation').score).toBeLessThan(0.1);
    expect(signalOf(risk, 'falling_talk_share').score).toBe(0);
    expect(risk.levelChanges).toEqual([]);
  });

  it('keeps level changes and writes the outbox event', async () => {
    const risk = await riskOf(classroom.studentIds[1]);
    const events: { payload: Record<string, unknown> }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT payload FROM domain_events
          WHERE organization_id = $1 AND type = 'risk.level_changed' AND payload->>'studentId' = $2
          ORDER BY occurred_at`,
        [t.organizationId, classroom.studentIds[1]],
      );
    const last = risk.levelChanges[0];

    expect(risk.levelChanges.length).toBeGreaterThanOrEqual(1);
    expect(last.toLevel).toBe('high');
    expect(events).toHaveLength(risk.levelChanges.length);
    expect(Object.keys(last).sort()).toEqual([
      'changedAt',
      'fromLevel',
      'score',
      'sessionId',
      'toLevel',
    ]);
    expect(events[events.length - 1].payload).toMatchObject({
      studentId: classroom.studentIds[1],
      fromLevel: last.fromLevel,
      toLevel: 'high',
      sessionId: last.sessionId,
    });
  });

  it('lists students at risk by level', async () => {
    const atRisk = await t.http.get('/v1/risk/students').set(...bearer(t.adminKey));
    const low = await t.http.get('/v1/risk/students?level=low').set(...bearer(t.adminKey));
    const graphql = await t.gql(
      `query R($level: String) { atRiskStudents(level: $level, first: 10) { nodes { studentId level } } }`,
      { level: 'high' },
    );

    expect(atRisk.status).toBe(200);
    expect(atRisk.body.items.map((item: { studentId: string }) => item.studentId)).toEqual([
      classroom.studentIds[1],
    ]);
    expect(low.body.items.map((item: { studentId: string }) => item.studentId)).toEqual([
      classroom.studentIds[0],
    ]);
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data?.atRiskStudents.nodes).toEqual([
      { studentId: classroom.studentIds[1], level: 'high' },
    ]);
  });

  it('rejects a wrong level', async () => {
    const rest = await t.http.get('/v1/risk/students?level=severe').set(...bearer(t.adminKey));
    const graphql = await t.gql(`query { atRiskStudents(level: "severe") { nodes { studentId } } }`);

    expect(rest.status).toBe(400);
    expect(rest.body.problems?.[0]?.field ?? rest.body.field).toBe('level');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(graphql.errors?.[0]?.message).toContain('level');
  });

  it('hides other organizations’ students', async () => {
    const other = await t.createOrganization('Risk other tenant');
    const rest = await t.http
      .get(`/v1/students/${classroom.studentIds[1]}/risk`)
      .set(...bearer(other.adminKey));
    const unknown = await t.http.get(`/v1/students/${UNKNOWN_ID}/risk`).set(...bearer(t.adminKey));
    const graphql = await t.gql(
      `query R($id: ID!) { studentRisk(studentId: $id) { level } }`,
      { id: classroom.studentIds[1] },
      other.adminKey,
    );
    const list = await t.http.get('/v1/risk/students?level=high').set(...bearer(other.adminKey));

    expect(rest.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(list.body.items).toEqual([]);
  });

  it('works through the SDK', async () => {
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    const risk = await client.studentRisk(classroom.studentIds[1]);
    const list = await client.atRiskStudents({ level: 'high', first: 5 });
    const missing = await client.studentRisk(UNKNOWN_ID).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(risk.level).toBe('high');
    expect(risk.signals).toHaveLength(5);
    expect(list.nodes.map((node) => node.studentId)).toEqual([classroom.studentIds[1]]);
    expect(list.nodes[0].studentName).toBeTruthy();
    expect(missing).toBeInstanceOf(HiLinkError);
    expect((missing as HiLinkError).code).toBe('NOT_FOUND');
  });
});
