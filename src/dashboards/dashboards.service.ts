import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { MembersService } from '../members/members.service';
import { CoverageGap } from '../progress/dto/coverage.views';
import { ProgressErrors } from '../progress/progress.errors';
import { StoredRiskSignal } from '../risk/risk-assessment.entity';
import { RiskLevel } from '../risk/risk-rules';
import { DEFAULT_DASHBOARD_ROWS } from './dashboard-limits';
import {
  addVolume,
  emptyVolume,
  MetricAggregate,
  spreadOf,
  VolumeCounts,
  volumePoint,
} from './dashboard-math';
import { bucketStart, bucketStarts, resolvePeriod } from './dashboard-period';
import { DAILY_METRICS } from './rollup-writer';
import {
  AtRiskDashboardFilter,
  CurriculumGapsDashboardFilter,
  DashboardFilter,
  SessionVolumeDashboardFilter,
} from './dto/dashboard.input';
import {
  AtRiskStudentsDashboard,
  CurriculumGapsDashboard,
  DashboardPeriod,
  InstructorConsistencyDashboard,
  SessionVolumeDashboard,
} from './dto/dashboard.views';

/** Risk levels listed when the request names none. */
export const DEFAULT_AT_RISK_LEVELS: RiskLevel[] = ['medium', 'high'];

/** A WHERE clause over a rollup table alias, with its parameters. */
interface RollupScope {
  period: DashboardPeriod;
  where: string;
  params: unknown[];
}

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * The operations dashboards. Every read goes to the rollup tables (dashboard_session_facts,
 * dashboard_student_sessions, dashboard_daily, dashboard_objective_daily) and risk_assessments,
 * never to engagement_events.
 */
@Injectable()
export class DashboardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly curricula: CurriculaService,
  ) {}

  /** Students at risk who had a held session in the period, highest risk score first. */
  async atRiskStudents(
    ctx: RequestContext,
    filter: AtRiskDashboardFilter,
  ): Promise<AtRiskStudentsDashboard> {
    const scope = await this.scope(ctx, filter, 'd');
    const levels = filter.level ? [filter.level] : DEFAULT_AT_RISK_LEVELS;
    const [counted]: Row[] = await this.dataSource.query(
      `SELECT count(*)::int AS students
         FROM (SELECT DISTINCT d.student_id FROM dashboard_student_sessions d WHERE ${scope.where}) x`,
      scope.params,
    );
    // Only the student rows of students at the requested levels are aggregated, through the
    // (organization_id, student_id, day) index, so a long period stays cheap.
    const levelParam = scope.params.length + 1;
    const rows: Row[] = await this.dataSource.query(
      `WITH risky AS (
         SELECT r.student_id, r.level, r.score, r.signals, r.computed_at, r.last_session_id
           FROM risk_assessments r
          WHERE r.organization_id = $1 AND r.level = ANY($${levelParam})
       ), period AS (
         SELECT d.student_id, count(*)::int AS sessions,
                count(*) FILTER (WHERE d.attended)::int AS attended,
                count(*) FILTER (WHERE d.late_join)::int AS late_joins,
                avg(d.participation_score) FILTER (WHERE d.attended) AS participation,
                sum(d.checks_answered)::int AS checks_answered,
                sum(d.checks_correct)::int AS checks_correct
           FROM risky k
           JOIN dashboard_student_sessions d ON d.student_id = k.student_id
          WHERE ${scope.where}
          GROUP BY d.student_id
       )
       SELECT p.*, r.level, r.score, r.signals, r.computed_at, r.last_session_id, s.name,
              count(*) OVER ()::int AS at_risk
         FROM period p
         JOIN risky r ON r.student_id = p.student_id
         JOIN students s ON s.id = p.student_id AND s.organization_id = $1
        ORDER BY r.score DESC, p.student_id
        LIMIT $${levelParam + 1}`,
      [...scope.params, levels, filter.limit ?? DEFAULT_DASHBOARD_ROWS],
    );

    return {
      period: scope.period,
      studentsInPeriod: num(counted?.students),
      atRiskStudents: num(rows[0]?.at_risk),
      students: rows.map((row) => ({
        studentId: String(row.student_id),
        studentName: String(row.name),
        level: row.level as RiskLevel,
        score: num(row.score),
        factors: (row.signals as StoredRiskSignal[])
          .filter((signal) => signal.score > 0)
          .sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind))
          .map(({ kind, score, explanation }) => ({ kind, score, explanation })),
        computedAt: new Date(row.computed_at as string),
        lastSessionId: String(row.last_session_id),
        sessionsInPeriod: num(row.sessions),
        attendedInPeriod: num(row.attended),
        lateJoinsInPeriod: num(row.late_joins),
        meanParticipationScore:
          row.participation === null ? null : Math.round(num(row.participation) * 100) / 100,
        checksAnswered: num(row.checks_answered),
        checksCorrect: num(row.checks_correct),
      })),
    };
  }

  /** Per instructor: mean and spread of four per-session metrics over the period. */
  async instructorConsistency(
    ctx: RequestContext,
    filter: DashboardFilter,
  ): Promise<InstructorConsistencyDashboard> {
    const scope = await this.scope(ctx, filter, 'd');
    const metricSelects = Object.keys(DAILY_METRICS)
      .map(
        (p) =>
          `sum(d.${p}_n)::int AS ${p}_n, sum(d.${p}_sum) AS ${p}_sum, sum(d.${p}_sumsq) AS ${p}_sumsq, min(d.${p}_min) AS ${p}_min, max(d.${p}_max) AS ${p}_max`,
      )
      .join(',\n              ');
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.instructor_id, m.name,
              sum(d.ended_sessions + d.documented_sessions)::int AS held,
              sum(d.documented_sessions)::int AS documented,
              ${metricSelects}
         FROM dashboard_daily d
         JOIN members m ON m.id = d.instructor_id AND m.organization_id = d.organization_id
        WHERE ${scope.where} AND d.instructor_id IS NOT NULL
        GROUP BY d.instructor_id, m.name
       HAVING sum(d.ended_sessions + d.documented_sessions) > 0
        ORDER BY m.name, d.instructor_id`,
      scope.params,
    );
    const aggregate = (row: Row, prefix: string): MetricAggregate => ({
      n: num(row[`${prefix}_n`]),
      sum: num(row[`${prefix}_sum`]),
      sumsq: num(row[`${prefix}_sumsq`]),
      min: numOrNull(row[`${prefix}_min`]),
      max: numOrNull(row[`${prefix}_max`]),
    });

    return {
      period: scope.period,
      instructors: rows.map((row) => ({
        instructorId: String(row.instructor_id),
        instructorName: String(row.name),
        sessions: num(row.held),
        documentedSessions: num(row.documented),
        recapApprovalDelaySeconds: spreadOf(aggregate(row, 'approval_delay')),
        participationScore: spreadOf(aggregate(row, 'participation')),
        coverageShare: spreadOf(aggregate(row, 'coverage')),
        correctShare: spreadOf(aggregate(row, 'correctness')),
      })),
    };
  }

  /** Objectives that documented sessions in the period skipped or did not land most. */
  async curriculumGaps(
    ctx: RequestContext,
    filter: CurriculumGapsDashboardFilter,
  ): Promise<CurriculumGapsDashboard> {
    // A filter that names no row of the organization selects no rollup rows, so its instructor
    // and curriculum are looked up only when the result is empty, to report NOT_FOUND.
    const scope = this.rollupScope(ctx, filter, 'g');
    // Without an instructor filter, the query reads the all-instructors rows (instructor_id null).
    // NOTE: the read sums one row per day and objective, so its time grows with the period;
    // cumulative rows would make it constant.
    const level = filter.instructorId ? '' : 'AND g.instructor_id IS NULL';
    const rows: Row[] = await this.dataSource.query(
      `SELECT g.objective_id, g.objective_code, g.curriculum_id, o.title,
              sum(g.occurrences)::int AS occurrences, sum(g.covered)::int AS covered,
              sum(g.partially_covered)::int AS partially_covered, sum(g.skipped)::int AS skipped,
              sum(g.not_landing)::int AS not_landing, sum(g.checks_answered)::int AS checks_answered,
              sum(g.checks_correct)::int AS checks_correct
         FROM dashboard_objective_daily g
         JOIN objectives o ON o.id = g.objective_id AND o.organization_id = g.organization_id
        WHERE ${scope.where} ${level}
        GROUP BY g.objective_id, g.objective_code, g.curriculum_id, o.title
       HAVING sum(g.skipped + g.not_landing) > 0
        ORDER BY sum(g.skipped + g.not_landing) DESC, g.objective_code, g.objective_id
        LIMIT $${scope.params.length + 1}`,
      [...scope.params, filter.limit ?? DEFAULT_DASHBOARD_ROWS],
    );
    if (rows.length === 0) {
      await this.checkFilterTargets(ctx, filter);
    }

    return { period: scope.period, objectives: rows.map(toCoverageGap) };
  }

  /** Sessions by status, attendance and documentation completeness, with a day or week series. */
  async sessionVolume(
    ctx: RequestContext,
    filter: SessionVolumeDashboardFilter,
  ): Promise<SessionVolumeDashboard> {
    const scope = await this.scope(ctx, filter, 'd');
    const interval = filter.interval ?? 'day';
    const rows: Row[] = await this.dataSource.query(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.sessions)::int AS sessions,
              sum(d.open_sessions)::int AS open, sum(d.ended_sessions)::int AS ended,
              sum(d.documented_sessions)::int AS documented,
              sum(d.cancelled_sessions)::int AS cancelled,
              sum(d.documented_with_recap)::int AS with_recap,
              sum(d.expected_students)::int AS expected, sum(d.attended_students)::int AS attended
         FROM dashboard_daily d
        WHERE ${scope.where}
        GROUP BY d.day`,
      scope.params,
    );
    const buckets = new Map(
      bucketStarts(scope.period, interval).map((start) => [start, emptyVolume()]),
    );
    const totals = emptyVolume();
    for (const row of rows) {
      const counts: VolumeCounts = {
        sessions: num(row.sessions),
        openSessions: num(row.open),
        endedSessions: num(row.ended),
        documentedSessions: num(row.documented),
        cancelledSessions: num(row.cancelled),
        documentedWithRecap: num(row.with_recap),
        expectedStudents: num(row.expected),
        attendedStudents: num(row.attended),
      };
      const bucket = buckets.get(bucketStart(String(row.day), interval, scope.period.from));
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

  /**
   * Resolves the period and checks the instructor and curriculum, raising NOT_FOUND that names
   * the field for an id of another organization or none at all.
   */
  /** Checks that the filter's instructor and curriculum exist, then returns the rollup scope. */
  private async scope(
    ctx: RequestContext,
    filter: DashboardFilter,
    alias: string,
  ): Promise<RollupScope> {
    await this.checkFilterTargets(ctx, filter);

    return this.rollupScope(ctx, filter, alias);
  }

  /** Raises NOT_FOUND when the filter names an instructor or curriculum the organization lacks. */
  private async checkFilterTargets(ctx: RequestContext, filter: DashboardFilter): Promise<void> {
    if (filter.instructorId) {
      const instructorId = filter.instructorId;
      await this.members.get(ctx, instructorId).catch((error: unknown) => {
        throw ProgressErrors.renameNotFound(error, 'Member', instructorId, 'instructorId');
      });
    }
    if (filter.curriculumId) {
      await this.curricula.get(ctx, filter.curriculumId, 'curriculumId');
    }
  }

  private rollupScope(ctx: RequestContext, filter: DashboardFilter, alias: string): RollupScope {
    const period = resolvePeriod(filter);
    const params: unknown[] = [ctx.organizationId, period.from, period.to];
    const conditions = [
      `${alias}.organization_id = $1`,
      `${alias}.day BETWEEN $2::date AND $3::date`,
    ];
    if (filter.instructorId) {
      params.push(filter.instructorId);
      conditions.push(`${alias}.instructor_id = $${params.length}`);
    }
    if (filter.curriculumId) {
      params.push(filter.curriculumId);
      conditions.push(`${alias}.curriculum_id = $${params.length}`);
    }

    return { period, where: conditions.join(' AND '), params };
  }
}

/** Maps a grouped objective row, from rollups or from raw coverage rows, to a CoverageGap. */
export function toCoverageGap(row: Row): CoverageGap {
  const occurrences = num(row.occurrences);
  const skipped = num(row.skipped);
  const notLanding = num(row.not_landing);

  return {
    objectiveId: String(row.objective_id),
    objectiveCode: String(row.objective_code),
    objectiveTitle: String(row.title),
    curriculumId: String(row.curriculum_id),
    occurrences,
    coveredCount: num(row.covered),
    partiallyCoveredCount: num(row.partially_covered),
    skippedCount: skipped,
    notLandingCount: notLanding,
    gapShare: Math.round(((skipped + notLanding) / occurrences) * 1000) / 1000,
    checksAnswered: num(row.checks_answered),
    correctShare:
      num(row.checks_answered) === 0
        ? null
        : Math.round((num(row.checks_correct) / num(row.checks_answered)) * 1000) / 1000,
  };
}
