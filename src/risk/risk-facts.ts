import { EntityManager, In } from 'typeorm';
import { readActivityCounts, readTimelines } from '../engagement/engagement-queries';
import { rollUpSession } from '../engagement/engagement-rollups.service';
import { Participant } from '../sessions/participant.entity';
import { Session } from '../sessions/session.entity';
import { ObjectiveStandstill, RISK_WINDOW_SESSIONS, StudentSessionFacts } from './risk-rules';

/** Returns the ids of the students of a session: its student participants and enrolled students. */
export async function studentsOfSession(
  manager: EntityManager,
  organizationId: string,
  sessionId: string,
): Promise<string[]> {
  const rows: { student_id: string }[] = await manager.query(
    `SELECT p.student_id FROM participants p
      WHERE p.organization_id = $1 AND p.session_id = $2 AND p.student_id IS NOT NULL
     UNION
     SELECT e.student_id FROM session_enrollments se
       JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
      WHERE se.organization_id = $1 AND se.session_id = $2`,
    [organizationId, sessionId],
  );

  return rows.map((row) => row.student_id).sort();
}

/**
 * Reads the student's latest RISK_WINDOW_SESSIONS documented sessions, oldest first, with
 * attendance, participation, talk share and graded answers to non-anonymous checks.
 */
export async function readStudentSessionFacts(
  manager: EntityManager,
  organizationId: string,
  studentId: string,
): Promise<StudentSessionFacts[]> {
  const idRows: { id: string }[] = await manager.query(
    // The student's sessions come from the participants and enrollments indexes, so the query
    // reads the student's rows and not every session of the organization.
    `SELECT s.id FROM sessions s
      WHERE s.organization_id = $1 AND s.status = 'documented'
        AND s.id IN (SELECT p.session_id FROM participants p
                      WHERE p.organization_id = $1 AND p.student_id = $2
                     UNION
                     SELECT se.session_id FROM session_enrollments se
                       JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
                      WHERE se.organization_id = $1 AND e.student_id = $2)
      ORDER BY coalesce(s.actual_start, s.scheduled_start) DESC, s.id DESC
      LIMIT $3`,
    [organizationId, studentId, RISK_WINDOW_SESSIONS],
  );
  const ids = idRows.map((row) => row.id);
  if (ids.length === 0) {
    return [];
  }
  const sessions = await manager.find(Session, { where: { organizationId, id: In(ids) } });
  const participants = await manager.find(Participant, {
    where: { organizationId, sessionId: In(ids) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  // One after another, because the manager uses one transaction's connection, which runs one query at a time.
  const counts = await readActivityCounts(manager, organizationId, ids);
  const timelines = await readTimelines(manager, organizationId, ids);
  const answers = await readCheckAnswers(manager, organizationId, studentId, ids);
  const countsByKey = new Map(counts.map((row) => [`${row.sessionId}:${row.participantId}`, row]));
  const eventsByKey = new Map(
    timelines.map((timeline) => [
      `${timeline.sessionId}:${timeline.participantId}`,
      timeline.events,
    ]),
  );
  const computedAt = new Date();

  return sessions
    .map((session) => {
      const own = participants.filter((p) => p.sessionId === session.id);
      const rollup = rollUpSession(
        session,
        own,
        (participantId) => countsByKey.get(`${session.id}:${participantId}`),
        (participantId) => eventsByKey.get(`${session.id}:${participantId}`) ?? [],
        session.actualEnd ?? computedAt,
      );
      const studentRows = rollup.participants.filter((p) => p.studentId === studentId);
      const joins = own
        .filter((p) => p.studentId === studentId && p.joinedAt !== null)
        .map((p) => (p.joinedAt as Date).getTime());
      const checks = answers.get(session.id) ?? { answered: 0, incorrect: 0 };

      return {
        sessionId: session.id,
        startedAt: session.actualStart ?? session.scheduledStart,
        joinedAt: joins.length > 0 ? new Date(Math.min(...joins)) : null,
        // A student with several participants in one session is scored by the best of them.
        participationScore:
          studentRows.length > 0 ? Math.max(...studentRows.map((p) => p.participationScore)) : null,
        talkShare:
          studentRows.length > 0 ? studentRows.reduce((sum, p) => sum + p.talkShare, 0) : null,
        checksAnswered: checks.answered,
        checksIncorrect: checks.incorrect,
      };
    })
    .sort(
      (a, b) =>
        a.startedAt.getTime() - b.startedAt.getTime() || a.sessionId.localeCompare(b.sessionId),
    );
}

/** Counts graded answers to checks per session, leaving out answers to anonymous checks. */
async function readCheckAnswers(
  manager: EntityManager,
  organizationId: string,
  studentId: string,
  sessionIds: string[],
): Promise<Map<string, { answered: number; incorrect: number }>> {
  const rows: { session_id: string; answered: string; incorrect: string }[] = await manager.query(
    `SELECT r.session_id, count(*) AS answered, count(*) FILTER (WHERE NOT r.correct) AS incorrect
       FROM activity_responses r
       JOIN activities a ON a.id = r.activity_id AND a.organization_id = r.organization_id
       JOIN participants p ON p.id = r.participant_id AND p.organization_id = r.organization_id
      WHERE r.organization_id = $1 AND r.session_id = ANY($2::uuid[]) AND p.student_id = $3
        AND a.kind = 'check' AND a.anonymous = false AND r.correct IS NOT NULL
      GROUP BY r.session_id`,
    [organizationId, sessionIds, studentId],
  );

  return new Map(
    rows.map((row) => [
      row.session_id,
      { answered: Number(row.answered), incorrect: Number(row.incorrect) },
    ]),
  );
}

/**
 * Reads the student's progress records at `introduced` or `practicing`, each with the documented
 * sessions that assessed the objective (a check answer or an instructor rating) since its status
 * last changed, oldest first. Sessions that only planned or mentioned the objective do not count:
 * without an assessment a record cannot move, so that would not show the student stalling. The
 * session of the change itself counts, because its evidence is written just before the change.
 */
export async function readObjectiveStandstills(
  manager: EntityManager,
  organizationId: string,
  studentId: string,
): Promise<ObjectiveStandstill[]> {
  // The lateral subquery reads each record's evidence sessions, which are then read by primary
  // key. PostgreSQL 15 does not turn `s.id IN (subquery on r and lc)` in the join condition into a
  // semi-join, because it refers to the left-joined last_change, so that form runs the subquery
  // once per documented session of the organization.
  const rows: { objective_code: string; status: string; session_ids: string[] }[] =
    await manager.query(
      `WITH records AS (
         SELECT id, objective_code, status FROM progress_records
          WHERE organization_id = $1 AND student_id = $2 AND status IN ('introduced', 'practicing')
       ), last_change AS (
         SELECT DISTINCT ON (c.progress_record_id) c.progress_record_id, c.session_id, c.created_at
           FROM progress_history c JOIN records r ON r.id = c.progress_record_id
          WHERE c.organization_id = $1 AND c.from_status IS DISTINCT FROM c.to_status
          ORDER BY c.progress_record_id, c.created_at DESC
       )
       SELECT r.objective_code, r.status,
              array_agg(s.id ORDER BY coalesce(s.actual_start, s.scheduled_start), s.id) AS session_ids
         FROM records r
         LEFT JOIN last_change lc ON lc.progress_record_id = r.id
         CROSS JOIN LATERAL (
           SELECT DISTINCT e.session_id FROM progress_evidence e
            WHERE e.organization_id = $1 AND e.progress_record_id = r.id
              AND e.session_id IS NOT NULL
              AND e.kind IN ('check_result', 'instructor_rating')
              AND (e.session_id = lc.session_id
                   OR e.recorded_at >= coalesce(lc.created_at, '-infinity'::timestamptz))) ev
         JOIN sessions s ON s.id = ev.session_id AND s.organization_id = $1 AND s.status = 'documented'
        GROUP BY r.id, r.objective_code, r.status`,
      [organizationId, studentId],
    );

  return rows.map((row) => ({
    objectiveCode: row.objective_code,
    status: row.status,
    sessionIds: row.session_ids,
  }));
}
