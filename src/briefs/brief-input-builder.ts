import { EntityManager } from 'typeorm';
import {
  BriefEngagementTrend,
  BriefInput,
  BriefMisconceptionFacts,
  BriefProgressStatus,
  BriefRecapFacts,
  BriefStudentFacts,
} from '../ai/ai-provider';
import { slope } from '../engagement/participation-score';
import { RecapContent } from '../recaps/recap-content';
import { readStudentSessionFacts, studentsOfSession } from '../risk/risk-facts';
import { LATE_JOIN_MINUTES } from '../risk/risk-rules';
import { Session } from '../sessions/session.entity';
import { BRIEF_LIMITS } from './brief-limits';

/** A slope of participation scores below this many points per session, either way, is steady. */
export const STEADY_SLOPE_POINTS = 2;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Classifies participation scores, oldest first, by their least-squares slope per session. */
export function classifyTrend(scores: number[]): {
  slope: number | null;
  trend: BriefEngagementTrend;
} {
  const value = slope(scores);
  if (value === null) {
    return { slope: null, trend: 'unknown' };
  }
  let trend: BriefEngagementTrend = 'steady';
  if (value >= STEADY_SLOPE_POINTS) {
    trend = 'rising';
  } else if (value <= -STEADY_SLOPE_POINTS) {
    trend = 'falling';
  }

  return { slope: round2(value), trend };
}

/** Normalizes a misconception description for comparison across recaps. */
function misconceptionKey(description: string): string {
  return description.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, '');
}

/**
 * Returns the misconceptions of the recaps (oldest first) that are not resolved: one that a
 * recap marks resolved, or that a later recap lists again as resolved, is left out. Two
 * misconceptions are the same when their descriptions match after case and space folding.
 */
export function findOpenMisconceptions(
  recaps: (BriefRecapFacts & { misconceptions: { description: string; resolved: boolean }[] })[],
): BriefMisconceptionFacts[] {
  const open = new Map<string, BriefMisconceptionFacts>();
  for (const recap of recaps) {
    for (const item of recap.misconceptions) {
      const key = misconceptionKey(item.description);
      if (item.resolved) {
        open.delete(key);
      } else if (!open.has(key)) {
        open.set(key, {
          description: item.description.trim(),
          recapId: recap.recapId,
          sessionId: recap.sessionId,
          sessionTitle: recap.sessionTitle,
          startedAt: recap.startedAt,
        });
      }
    }
  }

  return [...open.values()];
}

interface RecapRow {
  recap_id: string;
  session_id: string;
  title: string;
  started_at: Date;
  content: RecapContent;
}

/**
 * Reads the approved recaps of the latest earlier sessions that share an enrollment with the
 * session, oldest first, with their misconceptions.
 */
async function readRecentRecaps(
  manager: EntityManager,
  session: Session,
  enrollmentIds: string[],
) {
  if (enrollmentIds.length === 0) {
    return [];
  }
  const rows: RecapRow[] = await manager.query(
    `SELECT r.id AS recap_id, s.id AS session_id, s.title,
            coalesce(s.actual_start, s.scheduled_start) AS started_at, v.content
       FROM recaps r
       JOIN recap_versions v ON v.id = r.current_version_id
       JOIN sessions s ON s.id = r.session_id AND s.organization_id = r.organization_id
      WHERE r.organization_id = $1 AND r.status = 'approved' AND s.id <> $2
        AND coalesce(s.actual_start, s.scheduled_start) < $3
        AND EXISTS (SELECT 1 FROM session_enrollments se
                     WHERE se.organization_id = s.organization_id AND se.session_id = s.id
                       AND se.enrollment_id = ANY($4::uuid[]))
      ORDER BY coalesce(s.actual_start, s.scheduled_start) DESC, r.approved_at DESC
      LIMIT $5`,
    [
      session.organizationId,
      session.id,
      session.scheduledStart.toISOString(),
      enrollmentIds,
      BRIEF_LIMITS.recentSessions,
    ],
  );

  return rows.reverse().map((row) => ({
    recapId: row.recap_id,
    sessionId: row.session_id,
    sessionTitle: row.title,
    startedAt: new Date(row.started_at).toISOString(),
    summary: row.content.summary,
    nextSteps: row.content.nextSteps ?? [],
    objectiveCodes: (row.content.objectivesCovered ?? []).map((objective) => objective.code),
    misconceptions: (row.content.misconceptions ?? []).map((item) => ({
      description: item.description,
      resolved: item.resolved,
    })),
  }));
}

async function readPlannedObjectives(
  manager: EntityManager,
  session: Session,
  enrollmentIds: string[],
): Promise<{ code: string; title: string }[]> {
  const phases: { objective_codes: string[] }[] = await manager.query(
    `SELECT objective_codes FROM session_phases
      WHERE organization_id = $1 AND session_id = $2 ORDER BY position`,
    [session.organizationId, session.id],
  );
  const codes = [...new Set(phases.flatMap((phase) => phase.objective_codes))];
  if (codes.length === 0) {
    return [];
  }
  const titles = await readObjectiveTitles(manager, session.organizationId, enrollmentIds, codes);

  return codes.map((code) => ({ code, title: titles.get(code) ?? code }));
}

async function readObjectiveTitles(
  manager: EntityManager,
  organizationId: string,
  enrollmentIds: string[],
  codes: string[],
): Promise<Map<string, string>> {
  const rows: { code: string; title: string }[] = await manager.query(
    `SELECT DISTINCT ON (o.code) o.code, o.title FROM objectives o
       JOIN enrollments e ON e.curriculum_id = o.curriculum_id AND e.organization_id = o.organization_id
      WHERE o.organization_id = $1 AND e.id = ANY($2::uuid[]) AND o.code = ANY($3::text[])
      ORDER BY o.code, o.title`,
    [organizationId, enrollmentIds, codes],
  );

  return new Map(rows.map((row) => [row.code, row.title]));
}

async function readStudent(
  manager: EntityManager,
  organizationId: string,
  studentId: string,
  name: string,
  objectiveCodes: string[],
): Promise<BriefStudentFacts> {
  const progress: { objective_code: string; title: string; status: BriefProgressStatus }[] =
    await manager.query(
      `SELECT pr.objective_code, o.title, pr.status FROM progress_records pr
         JOIN objectives o ON o.id = pr.objective_id
        WHERE pr.organization_id = $1 AND pr.student_id = $2 AND pr.objective_code = ANY($3::text[])
        ORDER BY pr.objective_code`,
      [organizationId, studentId, objectiveCodes],
    );
  const sessions = await readStudentSessionFacts(manager, organizationId, studentId);
  let late = 0;
  let absent = 0;
  for (const facts of sessions) {
    if (facts.joinedAt === null) {
      absent += 1;
    } else if ((facts.joinedAt.getTime() - facts.startedAt.getTime()) / 60_000 > LATE_JOIN_MINUTES) {
      late += 1;
    }
  }
  const scores = sessions.flatMap((facts) =>
    facts.participationScore === null ? [] : [facts.participationScore],
  );

  return {
    studentId,
    name,
    progress: progress.map((row) => ({
      objectiveCode: row.objective_code,
      objectiveTitle: row.title,
      status: row.status,
    })),
    attendance: { sessions: sessions.length, attended: sessions.length - absent, late, absent },
    engagement: { scores, ...classifyTrend(scores) },
  };
}

/**
 * Reads every fact of a session's brief through `manager`. These are the lesson plan's
 * objectives, the approved recaps of the latest earlier sessions of its enrollments and their
 * open misconceptions. Per student, they are the progress on the relevant objectives and the
 * attendance and participation in the student's latest documented sessions.
 */
export async function buildBriefInput(
  manager: EntityManager,
  session: Session,
): Promise<BriefInput> {
  const links: { enrollment_id: string }[] = await manager.query(
    `SELECT enrollment_id FROM session_enrollments
      WHERE organization_id = $1 AND session_id = $2 ORDER BY enrollment_id`,
    [session.organizationId, session.id],
  );
  const enrollmentIds = links.map((link) => link.enrollment_id);
  const plannedObjectives = await readPlannedObjectives(manager, session, enrollmentIds);
  const recaps = await readRecentRecaps(manager, session, enrollmentIds);
  const openMisconceptions = findOpenMisconceptions(recaps);
  const relevantCodes = [
    ...new Set([
      ...plannedObjectives.map((objective) => objective.code),
      ...recaps.flatMap((recap) => recap.objectiveCodes),
    ]),
  ];
  const studentIds = await studentsOfSession(manager, session.organizationId, session.id);
  const names: { id: string; name: string }[] = studentIds.length
    ? await manager.query(
        `SELECT id, name FROM students WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY name, id`,
        [session.organizationId, studentIds],
      )
    : [];
  const students: BriefStudentFacts[] = [];
  for (const student of names) {
    students.push(
      await readStudent(manager, session.organizationId, student.id, student.name, relevantCodes),
    );
  }

  return {
    sessionId: session.id,
    sessionTitle: session.title,
    scheduledStart: session.scheduledStart.toISOString(),
    plannedObjectives,
    recentSessions: recaps.map(({ misconceptions: _misconceptions, ...recap }) => recap),
    openMisconceptions,
    students,
  };
}
