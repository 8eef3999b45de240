import { EntityManager, In } from 'typeorm';
import { readActivityCounts, readTimelines } from '../engagement/engagement-queries';
import { rollUpSession } from '../engagement/engagement-rollups.service';
import { LATE_JOIN_MINUTES } from '../risk/risk-rules';
import { Participant } from '../sessions/participant.entity';
import { Session } from '../sessions/session.entity';

/** One row of dashboard_session_facts. */
export interface SessionFact {
  sessionId: string;
  organizationId: string;
  /** The UTC date of the scheduled start, as YYYY-MM-DD. */
  day: string;
  scheduledStart: string;
  status: string;
  instructorId: string | null;
  curriculumId: string | null;
  expectedStudents: number;
  attendedStudents: number;
  hasApprovedRecap: boolean;
  recapApprovalDelaySeconds: number | null;
  participationScore: number | null;
  plannedObjectives: number;
  coveredObjectives: number;
  coverageShare: number | null;
  checksAnswered: number;
  checksCorrect: number;
  correctShare: number | null;
}

/** One row of dashboard_student_sessions. */
export interface StudentSessionFact {
  sessionId: string;
  studentId: string;
  organizationId: string;
  day: string;
  instructorId: string | null;
  curriculumId: string | null;
  attended: boolean;
  lateJoin: boolean;
  attendedMinutes: number | null;
  talkShare: number | null;
  participationScore: number | null;
  checksAnswered: number;
  checksCorrect: number;
}

/** Statuses of sessions that took place, so attendance and engagement are counted for them. */
export const HELD_STATUSES = new Set(['ended', 'documented']);

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Computes the dashboard facts of the sessions from raw rows: sessions, enrollments,
 * participants, engagement events, activity responses, recaps and coverage. Sessions of
 * another organization are left out. It reads only through `manager`, so it can run inside
 * the transaction that changes a session.
 */
export async function computeSessionFacts(
  manager: EntityManager,
  organizationId: string,
  sessionIds: readonly string[],
  now = new Date(),
  options: { engagement?: boolean } = {},
): Promise<{ sessions: SessionFact[]; students: StudentSessionFact[] }> {
  if (sessionIds.length === 0) {
    return { sessions: [], students: [] };
  }
  const sessions = await manager.find(Session, {
    where: { organizationId, id: In([...sessionIds]) },
    order: { id: 'ASC' },
  });
  const ids = sessions.map((session) => session.id);
  const heldIds = sessions.filter((s) => HELD_STATUSES.has(s.status)).map((s) => s.id);
  // Sequential, because a transaction's manager has one connection.
  const attribution = await readAttribution(manager, organizationId, ids);
  const studentLinks = await readSessionStudents(manager, organizationId, ids);
  const recaps = await readFirstApprovals(manager, organizationId, ids);
  const coverage = await readCoverageCounts(manager, organizationId, ids);
  const engagement = await readEngagement(
    manager,
    organizationId,
    sessions,
    heldIds,
    now,
    options.engagement ?? true,
  );
  const checks = await readCheckCounts(manager, organizationId, heldIds);

  const facts: SessionFact[] = [];
  const students: StudentSessionFact[] = [];
  for (const session of sessions) {
    const owner = attribution.get(session.id) ?? { instructorId: null, curriculumId: null };
    const day = utcDay(session.scheduledStart);
    const held = HELD_STATUSES.has(session.status);
    const rows = held
      ? (studentLinks.get(session.id) ?? []).map((studentId) => ({
          sessionId: session.id,
          studentId,
          organizationId,
          day,
          ...owner,
          ...studentEngagement(session, studentId, engagement),
          ...(checks.get(`${session.id}:${studentId}`) ?? { checksAnswered: 0, checksCorrect: 0 }),
        }))
      : [];
    students.push(...rows);
    const attended = rows.filter((row) => row.attended);
    const scores = attended
      .map((row) => row.participationScore)
      .filter((score): score is number => score !== null);
    const checksAnswered = rows.reduce((sum, row) => sum + row.checksAnswered, 0);
    const checksCorrect = rows.reduce((sum, row) => sum + row.checksCorrect, 0);
    const objectives = coverage.get(session.id) ?? { planned: 0, covered: 0 };
    const delay = recaps.get(session.id);
    facts.push({
      sessionId: session.id,
      organizationId,
      day,
      scheduledStart: session.scheduledStart.toISOString(),
      status: session.status,
      ...owner,
      expectedStudents: (studentLinks.get(session.id) ?? []).length,
      attendedStudents: attended.length,
      hasApprovedRecap: delay !== undefined,
      recapApprovalDelaySeconds: delay ?? null,
      participationScore:
        scores.length > 0 ? round4(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      plannedObjectives: objectives.planned,
      coveredObjectives: objectives.covered,
      coverageShare:
        objectives.planned > 0 ? round4(objectives.covered / objectives.planned) : null,
      checksAnswered,
      checksCorrect,
      correctShare: checksAnswered > 0 ? round4(checksCorrect / checksAnswered) : null,
    });
  }

  return { sessions: facts, students };
}

interface EngagementOfStudents {
  /** Participant rows of the held sessions, by session. */
  participants: Map<string, Participant[]>;
  /** Participation score, talk share and attended minutes by `sessionId:participantId`. */
  rollups: Map<string, { participationScore: number; talkShare: number; attendedMinutes: number }>;
}

function studentEngagement(
  session: Session,
  studentId: string,
  engagement: EngagementOfStudents,
): Pick<
  StudentSessionFact,
  'attended' | 'lateJoin' | 'attendedMinutes' | 'talkShare' | 'participationScore'
> {
  const own = (engagement.participants.get(session.id) ?? []).filter(
    (p) => p.studentId === studentId,
  );
  const joins = own.filter((p) => p.joinedAt !== null).map((p) => (p.joinedAt as Date).getTime());
  if (joins.length === 0) {
    return {
      attended: false,
      lateJoin: false,
      attendedMinutes: null,
      talkShare: null,
      participationScore: null,
    };
  }
  const startedAt = (session.actualStart ?? session.scheduledStart).getTime();
  const rollups = own
    .map((p) => engagement.rollups.get(`${session.id}:${p.id}`))
    .filter((row) => row !== undefined);

  return {
    attended: true,
    lateJoin: (Math.min(...joins) - startedAt) / 60_000 > LATE_JOIN_MINUTES,
    attendedMinutes:
      rollups.length > 0
        ? round4(rollups.reduce((sum, row) => sum + row.attendedMinutes, 0))
        : null,
    talkShare:
      rollups.length > 0 ? round4(rollups.reduce((sum, row) => sum + row.talkShare, 0)) : null,
    // A student with several participants in one session is scored by the best of them.
    participationScore:
      rollups.length > 0 ? Math.max(...rollups.map((row) => row.participationScore)) : null,
  };
}

/**
 * Reads the participants of the held sessions and, when `withEvents` is set, runs their
 * engagement rollups from the event log.
 */
async function readEngagement(
  manager: EntityManager,
  organizationId: string,
  sessions: Session[],
  heldIds: string[],
  now: Date,
  withEvents: boolean,
): Promise<EngagementOfStudents> {
  const result: EngagementOfStudents = { participants: new Map(), rollups: new Map() };
  if (heldIds.length === 0) {
    return result;
  }
  const participants = await manager.find(Participant, {
    where: { organizationId, sessionId: In(heldIds) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  for (const participant of participants) {
    const list = result.participants.get(participant.sessionId) ?? [];
    list.push(participant);
    result.participants.set(participant.sessionId, list);
  }
  if (!withEvents) {
    return result;
  }
  const counts = await readActivityCounts(manager, organizationId, heldIds);
  const timelines = await readTimelines(manager, organizationId, heldIds);
  const countsByKey = new Map(counts.map((row) => [`${row.sessionId}:${row.participantId}`, row]));
  const eventsByKey = new Map(
    timelines.map((timeline) => [
      `${timeline.sessionId}:${timeline.participantId}`,
      timeline.events,
    ]),
  );
  for (const session of sessions.filter((s) => HELD_STATUSES.has(s.status))) {
    const rollup = rollUpSession(
      session,
      result.participants.get(session.id) ?? [],
      (participantId) => countsByKey.get(`${session.id}:${participantId}`),
      (participantId) => eventsByKey.get(`${session.id}:${participantId}`) ?? [],
      session.actualEnd ?? now,
    );
    for (const row of rollup.participants) {
      result.rollups.set(`${session.id}:${row.participantId}`, {
        participationScore: row.participationScore,
        talkShare: row.talkShare,
        attendedMinutes: row.attendedMinutes,
      });
    }
  }

  return result;
}

/**
 * Attributes each session to the instructor and curriculum of its enrollments. A session whose
 * enrollments have several instructors or curricula gets the lowest id of each.
 */
async function readAttribution(
  manager: EntityManager,
  organizationId: string,
  sessionIds: string[],
): Promise<Map<string, { instructorId: string | null; curriculumId: string | null }>> {
  const rows: { session_id: string; instructor_id: string; curriculum_id: string }[] =
    await manager.query(
      `SELECT se.session_id, min(e.instructor_id::text) AS instructor_id,
              min(e.curriculum_id::text) AS curriculum_id
         FROM session_enrollments se
         JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
        WHERE se.organization_id = $1 AND se.session_id = ANY($2::uuid[])
        GROUP BY se.session_id`,
      [organizationId, sessionIds],
    );

  return new Map(
    rows.map((row) => [
      row.session_id,
      { instructorId: row.instructor_id, curriculumId: row.curriculum_id },
    ]),
  );
}

/** Returns the expected students of each session: its student participants and enrolled students. */
async function readSessionStudents(
  manager: EntityManager,
  organizationId: string,
  sessionIds: string[],
): Promise<Map<string, string[]>> {
  const rows: { session_id: string; student_id: string }[] = await manager.query(
    `SELECT p.session_id, p.student_id FROM participants p
      WHERE p.organization_id = $1 AND p.session_id = ANY($2::uuid[]) AND p.student_id IS NOT NULL
     UNION
     SELECT se.session_id, e.student_id FROM session_enrollments se
       JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
      WHERE se.organization_id = $1 AND se.session_id = ANY($2::uuid[])
     ORDER BY 1, 2`,
    [organizationId, sessionIds],
  );
  const bySession = new Map<string, string[]>();
  for (const row of rows) {
    const list = bySession.get(row.session_id) ?? [];
    list.push(row.student_id);
    bySession.set(row.session_id, list);
  }

  return bySession;
}

/**
 * Returns the seconds from draft to approval of each session's first approved recap. The draft
 * time is when generation finished, or when the recap was created if it has no generation time.
 */
async function readFirstApprovals(
  manager: EntityManager,
  organizationId: string,
  sessionIds: string[],
): Promise<Map<string, number>> {
  const rows: { session_id: string; delay: string | number }[] = await manager.query(
    `SELECT DISTINCT ON (session_id) session_id,
            greatest(0, extract(epoch FROM approved_at - coalesce(generated_at, created_at))) AS delay
       FROM recaps
      WHERE organization_id = $1 AND session_id = ANY($2::uuid[]) AND status = 'approved'
        AND approved_at IS NOT NULL
      ORDER BY session_id, approved_at, id`,
    [organizationId, sessionIds],
  );

  return new Map(rows.map((row) => [row.session_id, round4(Number(row.delay))]));
}

/**
 * Counts, per session, the (enrollment, objective) pairs that the lesson plan planned and those
 * of them that were covered.
 */
async function readCoverageCounts(
  manager: EntityManager,
  organizationId: string,
  sessionIds: string[],
): Promise<Map<string, { planned: number; covered: number }>> {
  const rows: { session_id: string; planned: number; covered: number }[] = await manager.query(
    `SELECT session_id,
            count(*) FILTER (WHERE planned_done OR planned_skipped)::int AS planned,
            count(*) FILTER (WHERE (planned_done OR planned_skipped) AND status = 'covered')::int AS covered
       FROM session_objective_coverage
      WHERE organization_id = $1 AND session_id = ANY($2::uuid[])
      GROUP BY session_id`,
    [organizationId, sessionIds],
  );

  return new Map(
    rows.map((row) => [row.session_id, { planned: row.planned, covered: row.covered }]),
  );
}

/** Counts each student's graded answers to non-anonymous checks, by `sessionId:studentId`. */
async function readCheckCounts(
  manager: EntityManager,
  organizationId: string,
  sessionIds: string[],
): Promise<Map<string, { checksAnswered: number; checksCorrect: number }>> {
  if (sessionIds.length === 0) {
    return new Map();
  }
  const rows: { session_id: string; student_id: string; answered: number; correct: number }[] =
    await manager.query(
      `SELECT r.session_id, p.student_id, count(*)::int AS answered,
              count(*) FILTER (WHERE r.correct)::int AS correct
         FROM activity_responses r
         JOIN activities a ON a.id = r.activity_id AND a.organization_id = r.organization_id
         JOIN participants p ON p.id = r.participant_id AND p.organization_id = r.organization_id
        WHERE r.organization_id = $1 AND r.session_id = ANY($2::uuid[])
          AND a.kind = 'check' AND a.anonymous = false AND r.correct IS NOT NULL
          AND p.student_id IS NOT NULL
        GROUP BY r.session_id, p.student_id`,
      [organizationId, sessionIds],
    );

  return new Map(
    rows.map((row) => [
      `${row.session_id}:${row.student_id}`,
      { checksAnswered: row.answered, checksCorrect: row.correct },
    ]),
  );
}
