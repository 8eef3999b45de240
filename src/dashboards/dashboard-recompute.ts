import { EntityManager } from 'typeorm';
import { LANDING_CORRECT_SHARE } from '../progress/progress-rules';
import { StoredRiskSignal } from '../risk/risk-assessment.entity';
import { RiskLevel } from '../risk/risk-rules';
import { DEFAULT_DASHBOARD_ROWS, SeriesInterval } from './dashboard-limits';
import {
  addValue,
  addVolume,
  emptyAggregate,
  emptyVolume,
  MetricAggregate,
  spreadOf,
  VolumeCounts,
  volumePoint,
} from './dashboard-math';
import { addDays, bucketStart, bucketStarts } from './dashboard-period';
import { DEFAULT_AT_RISK_LEVELS, toCoverageGap } from './dashboards.service';
import {
  AtRiskStudentsDashboard,
  CurriculumGapsDashboard,
  DashboardPeriod,
  InstructorConsistencyDashboard,
  SessionVolumeDashboard,
} from './dto/dashboard.views';
import { computeSessionFacts, SessionFact, StudentSessionFact } from './session-facts';
import { REBUILD_BATCH_SESSIONS } from './dashboard-rebuild.service';

/** Scope of a recomputation: a resolved period and optional instructor and curriculum ids. */
export interface RawScope {
  organizationId: string;
  period: DashboardPeriod;
  instructorId?: string;
  curriculumId?: string;
}

/**
 * Computes the dashboards from raw rows (sessions, enrollments, participants, engagement events,
 * activity responses, lesson plan phases, recaps) without the rollup tables. The coverage share
 * of the session facts still reads session_objective_coverage, as computeSessionFacts does.
 * Tests and the benchmark compare its answers with the rollup reads of DashboardsService; it is
 * far slower, because it reads every event of the sessions in scope.
 */
export class DashboardRecomputation {
  constructor(private readonly manager: EntityManager) {}

  /** Computes the facts of the sessions in scope, reading events only when `engagement` is set. */
  async facts(
    scope: RawScope,
    engagement: boolean,
  ): Promise<{ sessions: SessionFact[]; students: StudentSessionFact[] }> {
    const params: unknown[] = [
      scope.organizationId,
      scope.period.from,
      addDays(scope.period.to, 1),
    ];
    const conditions: string[] = [];
    if (scope.instructorId) {
      params.push(scope.instructorId);
      conditions.push(`a.instructor_id = $${params.length}`);
    }
    if (scope.curriculumId) {
      params.push(scope.curriculumId);
      conditions.push(`a.curriculum_id = $${params.length}`);
    }
    const rows: { id: string }[] = await this.manager.query(
      `SELECT s.id FROM sessions s
         LEFT JOIN LATERAL (
           SELECT min(e.instructor_id::text) AS instructor_id, min(e.curriculum_id::text) AS curriculum_id
             FROM session_enrollments se
             JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
            WHERE se.organization_id = s.organization_id AND se.session_id = s.id) a ON true
        WHERE s.organization_id = $1
          AND s.scheduled_start >= ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND s.scheduled_start < ($3::date)::timestamp AT TIME ZONE 'UTC'
          ${conditions.map((c) => `AND ${c}`).join(' ')}
        ORDER BY s.id`,
      params,
    );
    const ids = rows.map((row) => row.id);
    const sessions: SessionFact[] = [];
    const students: StudentSessionFact[] = [];
    for (let offset = 0; offset < ids.length; offset += REBUILD_BATCH_SESSIONS) {
      const batch = await computeSessionFacts(
        this.manager,
        scope.organizationId,
        ids.slice(offset, offset + REBUILD_BATCH_SESSIONS),
        new Date(),
        { engagement },
      );
      sessions.push(...batch.sessions);
      students.push(...batch.students);
    }

    return { sessions, students };
  }

  async sessionVolume(scope: RawScope, interval: SeriesInterval): Promise<SessionVolumeDashboard> {
    const { sessions } = await this.facts(scope, false);
    const buckets = new Map(
      bucketStarts(scope.period, interval).map((start) => [start, emptyVolume()]),
    );
    const totals = emptyVolume();
    for (const fact of sessions) {
      const held = fact.status === 'ended' || fact.status === 'documented';
      const counts: VolumeCounts = {
        sessions: 1,
        openSessions: fact.status === 'scheduled' || fact.status === 'live' ? 1 : 0,
        endedSessions: fact.status === 'ended' ? 1 : 0,
        documentedSessions: fact.status === 'documented' ? 1 : 0,
        cancelledSessions: fact.status === 'cancelled' ? 1 : 0,
        documentedWithRecap: fact.status === 'documented' && fact.hasApprovedRecap ? 1 : 0,
        expectedStudents: held ? fact.expectedStudents : 0,
        attendedStudents: held ? fact.attendedStudents : 0,
      };
      const bucket = buckets.get(bucketStart(fact.day, interval, scope.period.from));
      if (bucket) {
        addVolume(bucket, counts);
      }
      addVolume(totals, counts);
    }

    return {
      period: scope.period,
      interval,
      totals: volumePoint(scope.period.from, totals),
      series: [...buckets].map(([start, counts]) => volumePoint(start, counts)),
    };
  }

  async instructorConsistency(scope: RawScope): Promise<InstructorConsistencyDashboard> {
    const { sessions } = await this.facts(scope, true);
    const byInstructor = new Map<
      string,
      { held: number; documented: number; metrics: MetricAggregate[] }
    >();
    for (const fact of sessions) {
      if (!fact.instructorId) {
        continue;
      }
      const entry = byInstructor.get(fact.instructorId) ?? {
        held: 0,
        documented: 0,
        metrics: [emptyAggregate(), emptyAggregate(), emptyAggregate(), emptyAggregate()],
      };
      byInstructor.set(fact.instructorId, entry);
      entry.held += fact.status === 'ended' || fact.status === 'documented' ? 1 : 0;
      entry.documented += fact.status === 'documented' ? 1 : 0;
      addValue(entry.metrics[0], fact.recapApprovalDelaySeconds);
      addValue(entry.metrics[1], fact.participationScore);
      addValue(entry.metrics[2], fact.coverageShare);
      addValue(entry.metrics[3], fact.correctShare);
    }
    const names = await this.names('members', [...byInstructor.keys()], scope.organizationId);
    const instructors = [...byInstructor]
      .filter(([, entry]) => entry.held > 0)
      .map(([instructorId, entry]) => ({
        instructorId,
        instructorName: names.get(instructorId) ?? '',
        sessions: entry.held,
        documentedSessions: entry.documented,
        recapApprovalDelaySeconds: spreadOf(entry.metrics[0]),
        participationScore: spreadOf(entry.metrics[1]),
        coverageShare: spreadOf(entry.metrics[2]),
        correctShare: spreadOf(entry.metrics[3]),
      }))
      .sort((a, b) =>
        a.instructorName === b.instructorName
          ? a.instructorId.localeCompare(b.instructorId)
          : a.instructorName < b.instructorName
            ? -1
            : 1,
      );

    return { period: scope.period, instructors };
  }

  async atRiskStudents(
    scope: RawScope,
    level?: RiskLevel,
    limit = DEFAULT_DASHBOARD_ROWS,
  ): Promise<AtRiskStudentsDashboard> {
    const { students } = await this.facts(scope, true);
    const byStudent = new Map<string, StudentSessionFact[]>();
    for (const row of students) {
      byStudent.set(row.studentId, [...(byStudent.get(row.studentId) ?? []), row]);
    }
    const levels = level ? [level] : DEFAULT_AT_RISK_LEVELS;
    const assessments: {
      student_id: string;
      level: RiskLevel;
      score: number;
      signals: StoredRiskSignal[];
      computed_at: Date;
      last_session_id: string;
      name: string;
    }[] = await this.manager.query(
      `SELECT r.student_id, r.level, r.score, r.signals, r.computed_at, r.last_session_id, s.name
         FROM risk_assessments r JOIN students s ON s.id = r.student_id AND s.organization_id = r.organization_id
        WHERE r.organization_id = $1 AND r.student_id = ANY($2::uuid[]) AND r.level = ANY($3)`,
      [scope.organizationId, [...byStudent.keys()], levels],
    );
    const rows = assessments
      .sort((a, b) => b.score - a.score || (a.student_id < b.student_id ? -1 : 1))
      .map((assessment) => {
        const own = byStudent.get(assessment.student_id) ?? [];
        const attended = own.filter((row) => row.attended);
        const scores = attended
          .map((row) => row.participationScore)
          .filter((score): score is number => score !== null);

        return {
          studentId: assessment.student_id,
          studentName: assessment.name,
          level: assessment.level,
          score: Number(assessment.score),
          factors: assessment.signals
            .filter((signal) => signal.score > 0)
            .sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind))
            .map(({ kind, score, explanation }) => ({ kind, score, explanation })),
          computedAt: new Date(assessment.computed_at),
          lastSessionId: assessment.last_session_id,
          sessionsInPeriod: own.length,
          attendedInPeriod: attended.length,
          lateJoinsInPeriod: own.filter((row) => row.lateJoin).length,
          meanParticipationScore:
            scores.length === 0
              ? null
              : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100,
          checksAnswered: own.reduce((sum, row) => sum + row.checksAnswered, 0),
          checksCorrect: own.reduce((sum, row) => sum + row.checksCorrect, 0),
        };
      });

    return {
      period: scope.period,
      studentsInPeriod: byStudent.size,
      atRiskStudents: rows.length,
      students: rows.slice(0, limit),
    };
  }

  /**
   * Recomputes the curriculum gaps from the raw sources of coverage, without
   * session_objective_coverage: for every documented session in scope and each of its
   * enrollments, the objectives that its lesson plan phases, the answers of the enrollment's
   * student to graded checks and its approved recap name, classified as
   * DocumentedSessionRecorder and classifySessionObjective do when the session becomes
   * documented, then grouped as CoverageService.gaps groups the coverage rows.
   *
   * - A phase done marks its objectives planned and done; a phase skipped, or still planned when
   *   the session ended, marks them planned and skipped (an active phase marks neither).
   * - The recap is the session's first approved one, whose approval documented the session: a
   *   later approval does not record coverage again, and approved content is not edited.
   * - Answers count the graded responses (correct not null) of a student participant to
   *   non-anonymous checks of the session that name an objective code.
   * - Codes outside the enrollment's curriculum have no row.
   *
   * The session's scheduled start places it in the period, and the enrollment's instructor and
   * curriculum match the filters, as the coverage rows that the recorder writes carry them.
   */
  async curriculumGaps(
    scope: RawScope,
    limit = DEFAULT_DASHBOARD_ROWS,
  ): Promise<CurriculumGapsDashboard> {
    const params: unknown[] = [
      scope.organizationId,
      scope.period.from,
      addDays(scope.period.to, 1),
      LANDING_CORRECT_SHARE,
    ];
    const conditions: string[] = [];
    if (scope.instructorId) {
      params.push(scope.instructorId);
      conditions.push(`e.instructor_id = $${params.length}`);
    }
    if (scope.curriculumId) {
      params.push(scope.curriculumId);
      conditions.push(`e.curriculum_id = $${params.length}`);
    }
    params.push(limit);
    const rows: Record<string, unknown>[] = await this.manager.query(
      `WITH scoped AS (
         SELECT s.id AS session_id, e.id AS enrollment_id, e.student_id, e.curriculum_id
           FROM sessions s
           JOIN session_enrollments se ON se.session_id = s.id AND se.organization_id = s.organization_id
           JOIN enrollments e ON e.id = se.enrollment_id AND e.organization_id = se.organization_id
          WHERE s.organization_id = $1 AND s.status = 'documented'
            AND s.scheduled_start >= ($2::date)::timestamp AT TIME ZONE 'UTC'
            AND s.scheduled_start < ($3::date)::timestamp AT TIME ZONE 'UTC'
            ${conditions.map((c) => `AND ${c}`).join(' ')}),
       scoped_sessions AS (SELECT DISTINCT session_id FROM scoped),
       first_recap AS (
         SELECT DISTINCT ON (r.session_id) r.session_id, r.current_version_id
           FROM recaps r
          WHERE r.organization_id = $1 AND r.status = 'approved'
            AND r.session_id IN (SELECT session_id FROM scoped_sessions)
          ORDER BY r.session_id, r.approved_at, r.id),
       -- One row per thing a source says about an objective code; student_id is null for what
       -- the whole session says (phases and recap).
       observations AS (
         SELECT p.session_id, NULL::uuid AS student_id, code,
                p.status = 'done' AS done, p.status IN ('skipped', 'planned') AS skipped,
                false AS recap, 0 AS answered, 0 AS correct
           FROM session_phases p CROSS JOIN LATERAL unnest(p.objective_codes) AS code
          WHERE p.organization_id = $1 AND p.session_id IN (SELECT session_id FROM scoped_sessions)
         UNION ALL
         SELECT r.session_id, NULL::uuid, o.value->>'code', false, false, true, 0, 0
           FROM first_recap r
           JOIN recap_versions v ON v.id = r.current_version_id AND v.organization_id = $1
          CROSS JOIN LATERAL jsonb_array_elements(coalesce(v.content->'objectivesCovered', '[]'::jsonb)) o
         UNION ALL
         SELECT r.session_id, p.student_id, a.objective_code, false, false, false, 1,
                CASE WHEN r.correct THEN 1 ELSE 0 END
           FROM activity_responses r
           JOIN activities a ON a.id = r.activity_id AND a.organization_id = r.organization_id
                            AND a.session_id = r.session_id
           JOIN participants p ON p.id = r.participant_id AND p.organization_id = r.organization_id
          WHERE r.organization_id = $1 AND r.session_id IN (SELECT session_id FROM scoped_sessions)
            AND a.kind = 'check' AND a.anonymous = false AND a.objective_code IS NOT NULL
            AND r.correct IS NOT NULL AND p.student_id IS NOT NULL),
       facts AS (
         SELECT c.session_id, c.enrollment_id, c.curriculum_id, ob.code,
                bool_or(ob.done) AS planned_done, bool_or(ob.skipped) AS planned_skipped,
                bool_or(ob.recap) AS recap_matched, sum(ob.answered)::int AS checks_answered,
                sum(ob.correct)::int AS checks_correct
           FROM scoped c
           JOIN observations ob ON ob.session_id = c.session_id
                               AND (ob.student_id IS NULL OR ob.student_id = c.student_id)
          GROUP BY c.session_id, c.enrollment_id, c.curriculum_id, ob.code),
       coverage AS (
         SELECT o.id AS objective_id, o.code AS objective_code, o.curriculum_id, o.title,
                f.checks_answered, f.checks_correct,
                CASE WHEN NOT (f.planned_done OR f.recap_matched OR f.checks_answered > 0) THEN 'skipped'
                     WHEN f.checks_answered > 0
                          AND f.checks_correct::float8 / f.checks_answered < $4::float8 THEN 'not_landing'
                     WHEN (f.planned_done OR f.recap_matched) AND NOT f.planned_skipped THEN 'covered'
                     ELSE 'partially_covered' END AS status
           FROM facts f
           JOIN objectives o ON o.organization_id = $1 AND o.curriculum_id = f.curriculum_id
                            AND o.code = f.code)
       SELECT c.objective_id, c.objective_code, c.curriculum_id, c.title,
              count(*)::int AS occurrences,
              count(*) FILTER (WHERE c.status = 'covered')::int AS covered,
              count(*) FILTER (WHERE c.status = 'partially_covered')::int AS partially_covered,
              count(*) FILTER (WHERE c.status = 'skipped')::int AS skipped,
              count(*) FILTER (WHERE c.status = 'not_landing')::int AS not_landing,
              sum(c.checks_answered)::int AS checks_answered,
              sum(c.checks_correct)::int AS checks_correct
         FROM coverage c
        GROUP BY c.objective_id, c.objective_code, c.curriculum_id, c.title
       HAVING count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) > 0
        ORDER BY count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) DESC,
                 c.objective_code, c.objective_id
        LIMIT $${params.length}`,
      params,
    );

    return { period: scope.period, objectives: rows.map(toCoverageGap) };
  }

  /**
   * Groups the session_objective_coverage rows of the scope, as CoverageService.gaps does. That
   * table is derived: DocumentedSessionRecorder writes it from the raw sources that
   * curriculumGaps reads. The benchmark reports this scan next to the raw one.
   */
  async curriculumGapsFromSessionCoverage(
    scope: RawScope,
    limit = DEFAULT_DASHBOARD_ROWS,
  ): Promise<CurriculumGapsDashboard> {
    const params: unknown[] = [
      scope.organizationId,
      scope.period.from,
      addDays(scope.period.to, 1),
    ];
    const conditions: string[] = [];
    if (scope.instructorId) {
      params.push(scope.instructorId);
      conditions.push(`c.instructor_id = $${params.length}`);
    }
    if (scope.curriculumId) {
      params.push(scope.curriculumId);
      conditions.push(`c.curriculum_id = $${params.length}`);
    }
    params.push(limit);
    const rows: Record<string, unknown>[] = await this.manager.query(
      `SELECT c.objective_id, c.objective_code, c.curriculum_id, o.title,
              count(*)::int AS occurrences,
              count(*) FILTER (WHERE c.status = 'covered')::int AS covered,
              count(*) FILTER (WHERE c.status = 'partially_covered')::int AS partially_covered,
              count(*) FILTER (WHERE c.status = 'skipped')::int AS skipped,
              count(*) FILTER (WHERE c.status = 'not_landing')::int AS not_landing,
              sum(c.checks_answered)::int AS checks_answered,
              sum(c.checks_correct)::int AS checks_correct
         FROM session_objective_coverage c
         JOIN objectives o ON o.id = c.objective_id AND o.organization_id = c.organization_id
        WHERE c.organization_id = $1
          AND c.session_start >= ($2::date)::timestamp AT TIME ZONE 'UTC'
          AND c.session_start < ($3::date)::timestamp AT TIME ZONE 'UTC'
          ${conditions.map((c) => `AND ${c}`).join(' ')}
        GROUP BY c.objective_id, c.objective_code, c.curriculum_id, o.title
       HAVING count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) > 0
        ORDER BY count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) DESC,
                 c.objective_code, c.objective_id
        LIMIT $${params.length}`,
      params,
    );

    return { period: scope.period, objectives: rows.map(toCoverageGap) };
  }

  private async names(
    table: 'members',
    ids: string[],
    organizationId: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.manager.query(
      `SELECT id, name FROM ${table} WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );

    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
