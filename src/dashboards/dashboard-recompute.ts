import { EntityManager } from 'typeorm';
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
 * activity responses, recaps, coverage) without the rollup tables. Tests and the benchmark
 * compare its answers with the rollup reads of DashboardsService; it is far slower, because it
 * reads every event of the sessions in scope.
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

  /** Groups the raw session_objective_coverage rows of the scope, as CoverageService.gaps does. */
  async curriculumGaps(
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
