import { EntityManager } from 'typeorm';
import { computeSessionFacts, SessionFact, StudentSessionFact } from './session-facts';

/** The four per-session metrics aggregated in dashboard_daily, by column prefix. */
export const DAILY_METRICS = {
  approval_delay: 'recap_approval_delay_seconds',
  participation: 'participation_score',
  coverage: 'coverage_share',
  correctness: 'correct_share',
} as const;

const metricAggregates = Object.values(DAILY_METRICS)
  .map(
    (column) =>
      `count(f.${column})::int, coalesce(sum(f.${column}), 0), coalesce(sum(f.${column} * f.${column}), 0), min(f.${column}), max(f.${column})`,
  )
  .join(',\n              ');

const metricColumnList = Object.keys(DAILY_METRICS)
  .map((p) => `${p}_n, ${p}_sum, ${p}_sumsq, ${p}_min, ${p}_max`)
  .join(', ');

/**
 * Recomputes the facts and student rows of the sessions from raw rows and rewrites the daily
 * aggregates of every day they were or are now on. Use the manager of the transaction that
 * changed the sessions.
 */
export async function writeSessionRollups(
  manager: EntityManager,
  organizationId: string,
  sessionIds: readonly string[],
  now = new Date(),
): Promise<void> {
  if (sessionIds.length === 0) {
    return;
  }
  const computed = await computeSessionFacts(manager, organizationId, sessionIds, now);
  const previous: { day: string }[] = await manager.query(
    `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM dashboard_session_facts
      WHERE organization_id = $1 AND session_id = ANY($2::uuid[])`,
    [organizationId, [...sessionIds]],
  );
  await deleteSessionRows(manager, organizationId, sessionIds);
  await insertSessionRows(manager, computed.sessions, computed.students);
  const days = new Set([...previous.map((row) => row.day), ...computed.sessions.map((f) => f.day)]);
  await refreshDays(manager, organizationId, [...days]);
}

export async function deleteSessionRows(
  manager: EntityManager,
  organizationId: string,
  sessionIds: readonly string[],
): Promise<void> {
  await manager.query(
    `DELETE FROM dashboard_student_sessions WHERE organization_id = $1 AND session_id = ANY($2::uuid[])`,
    [organizationId, [...sessionIds]],
  );
  await manager.query(
    `DELETE FROM dashboard_session_facts WHERE organization_id = $1 AND session_id = ANY($2::uuid[])`,
    [organizationId, [...sessionIds]],
  );
}

/** Inserts fact and student rows with one statement each, passing the rows as a JSON array. */
export async function insertSessionRows(
  manager: EntityManager,
  facts: SessionFact[],
  students: StudentSessionFact[],
): Promise<void> {
  if (facts.length > 0) {
    await manager.query(
      `INSERT INTO dashboard_session_facts (
         session_id, organization_id, day, scheduled_start, status, instructor_id, curriculum_id,
         expected_students, attended_students, has_approved_recap, recap_approval_delay_seconds,
         participation_score, planned_objectives, covered_objectives, coverage_share,
         checks_answered, checks_correct, correct_share)
       SELECT "sessionId", "organizationId", day, "scheduledStart", status, "instructorId",
              "curriculumId", "expectedStudents", "attendedStudents", "hasApprovedRecap",
              "recapApprovalDelaySeconds", "participationScore", "plannedObjectives",
              "coveredObjectives", "coverageShare", "checksAnswered", "checksCorrect", "correctShare"
         FROM jsonb_to_recordset($1::jsonb) AS x(
           "sessionId" uuid, "organizationId" uuid, day date, "scheduledStart" timestamptz,
           status varchar, "instructorId" uuid, "curriculumId" uuid, "expectedStudents" int,
           "attendedStudents" int, "hasApprovedRecap" boolean,
           "recapApprovalDelaySeconds" double precision, "participationScore" double precision,
           "plannedObjectives" int, "coveredObjectives" int, "coverageShare" double precision,
           "checksAnswered" int, "checksCorrect" int, "correctShare" double precision)`,
      [JSON.stringify(facts)],
    );
  }
  if (students.length > 0) {
    await manager.query(
      `INSERT INTO dashboard_student_sessions (
         session_id, student_id, organization_id, day, instructor_id, curriculum_id, attended,
         late_join, attended_minutes, talk_share, participation_score, checks_answered, checks_correct)
       SELECT "sessionId", "studentId", "organizationId", day, "instructorId", "curriculumId",
              attended, "lateJoin", "attendedMinutes", "talkShare", "participationScore",
              "checksAnswered", "checksCorrect"
         FROM jsonb_to_recordset($1::jsonb) AS x(
           "sessionId" uuid, "studentId" uuid, "organizationId" uuid, day date,
           "instructorId" uuid, "curriculumId" uuid, attended boolean, "lateJoin" boolean,
           "attendedMinutes" double precision, "talkShare" double precision,
           "participationScore" double precision, "checksAnswered" int, "checksCorrect" int)`,
      [JSON.stringify(students)],
    );
  }
}

/**
 * Rewrites the daily and objective aggregates of the days (YYYY-MM-DD) from the fact rows and
 * session_objective_coverage, or of every day of the organization when `days` is null. A
 * transaction-scoped advisory lock per day serializes concurrent rewrites of the same day, so
 * the second writer's statements read the facts that the first one committed.
 */
export async function refreshDays(
  manager: EntityManager,
  organizationId: string,
  days: string[] | null,
): Promise<void> {
  if (days !== null && days.length === 0) {
    return;
  }
  const sorted = days === null ? null : [...days].sort();
  for (const day of sorted ?? []) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `dashboard_daily:${organizationId}:${day}`,
    ]);
  }
  const dayFilter = sorted === null ? '' : 'AND day = ANY($2::date[])';
  const params = sorted === null ? [organizationId] : [organizationId, sorted];
  await manager.query(
    `DELETE FROM dashboard_daily WHERE organization_id = $1 ${dayFilter}`,
    params,
  );
  await manager.query(
    `INSERT INTO dashboard_daily (
       organization_id, day, instructor_id, curriculum_id, sessions, open_sessions, ended_sessions,
       documented_sessions, cancelled_sessions, documented_with_recap, expected_students,
       attended_students, ${metricColumnList})
     SELECT f.organization_id, f.day, f.instructor_id, f.curriculum_id, count(*)::int,
            count(*) FILTER (WHERE f.status IN ('scheduled', 'live'))::int,
            count(*) FILTER (WHERE f.status = 'ended')::int,
            count(*) FILTER (WHERE f.status = 'documented')::int,
            count(*) FILTER (WHERE f.status = 'cancelled')::int,
            count(*) FILTER (WHERE f.status = 'documented' AND f.has_approved_recap)::int,
            coalesce(sum(f.expected_students) FILTER (WHERE f.status IN ('ended', 'documented')), 0)::int,
            coalesce(sum(f.attended_students) FILTER (WHERE f.status IN ('ended', 'documented')), 0)::int,
            ${metricAggregates}
       FROM dashboard_session_facts f
      WHERE f.organization_id = $1 ${dayFilter.replace('day', 'f.day')}
      GROUP BY f.organization_id, f.day, f.instructor_id, f.curriculum_id`,
    params,
  );
  await manager.query(
    `DELETE FROM dashboard_objective_daily WHERE organization_id = $1 ${dayFilter}`,
    params,
  );
  // The period index of session_objective_coverage bounds the scan to the days' range.
  const coverageFilter =
    sorted === null
      ? ''
      : `AND c.session_start >= ($3::date)::timestamp AT TIME ZONE 'UTC'
         AND c.session_start < ($4::date + 1)::timestamp AT TIME ZONE 'UTC'
         AND (c.session_start AT TIME ZONE 'UTC')::date = ANY($2::date[])`;
  const coverageParams =
    sorted === null ? params : [...params, sorted[0], sorted[sorted.length - 1]];
  for (const level of ['instructor', 'all'] as const) {
    const instructor = level === 'instructor' ? 'c.instructor_id' : 'NULL::uuid';
    await manager.query(
      `INSERT INTO dashboard_objective_daily (
         organization_id, day, instructor_id, curriculum_id, objective_id, objective_code,
         occurrences, covered, partially_covered, skipped, not_landing, checks_answered, checks_correct)
       SELECT c.organization_id, (c.session_start AT TIME ZONE 'UTC')::date, ${instructor},
              c.curriculum_id, c.objective_id, c.objective_code, count(*)::int,
              count(*) FILTER (WHERE c.status = 'covered')::int,
              count(*) FILTER (WHERE c.status = 'partially_covered')::int,
              count(*) FILTER (WHERE c.status = 'skipped')::int,
              count(*) FILTER (WHERE c.status = 'not_landing')::int,
              sum(c.checks_answered)::int, sum(c.checks_correct)::int
         FROM session_objective_coverage c
        WHERE c.organization_id = $1 ${coverageFilter}
        GROUP BY c.organization_id, (c.session_start AT TIME ZONE 'UTC')::date, ${instructor},
                 c.curriculum_id, c.objective_id, c.objective_code`,
      coverageParams,
    );
  }
}
