import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { MembersService } from '../members/members.service';
import { CoverageGapsFilter } from './dto/progress.input';
import { CoverageGap, EnrollmentCoverage, ObjectiveCoverage } from './dto/coverage.views';
import { ProgressErrors } from './progress.errors';
import { LANDING_CORRECT_SHARE } from './progress-rules';
import { CoverageStatus, DEFAULT_GAPS } from './progress-status';
import { SessionObjectiveCoverage } from './session-objective-coverage.entity';

const share = (correct: number, answered: number): number | null =>
  answered === 0 ? null : Math.round((correct / answered) * 1000) / 1000;

/** Curriculum coverage: per enrollment, and the objectives skipped or not landing most. */
@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrollments: EnrollmentsService,
    private readonly curricula: CurriculaService,
    private readonly members: MembersService,
  ) {}

  async enrollmentCoverage(ctx: RequestContext, enrollmentId: string): Promise<EnrollmentCoverage> {
    const enrollment = await this.enrollments.get(ctx, enrollmentId).catch((error: unknown) => {
      throw ProgressErrors.renameNotFound(error, 'Enrollment', enrollmentId, 'enrollmentId');
    });
    const [objectives, rows, upcoming] = await Promise.all([
      this.curricula.getObjectives(ctx, enrollment.curriculumId),
      this.dataSource.getRepository(SessionObjectiveCoverage).find({
        where: { organizationId: ctx.organizationId, enrollmentId },
        order: { sessionStart: 'ASC', createdAt: 'ASC' },
      }),
      this.upcomingCodes(ctx, enrollmentId),
    ]);
    const byCode = new Map(objectives.map((o) => [o.code, o]));
    const planned = enrollment.plannedObjectiveCodes.filter((code) => byCode.has(code));
    const extra = [...new Set(rows.map((row) => row.objectiveCode))].filter(
      (code) => !planned.includes(code),
    );
    const items = [...planned, ...extra].flatMap((code) => {
      const objective = byCode.get(code);
      if (!objective) {
        return [];
      }
      const own = rows.filter((row) => row.objectiveCode === code);
      const position = planned.indexOf(code);

      return [
        this.objectiveCoverage(objective, position < 0 ? null : position, own, upcoming.has(code)),
      ];
    });
    const count = (status: CoverageStatus) => items.filter((item) => item.status === status).length;

    return {
      enrollmentId,
      studentId: enrollment.studentId,
      curriculumId: enrollment.curriculumId,
      instructorId: enrollment.instructorId,
      sessionsDocumented: new Set(rows.map((row) => row.sessionId)).size,
      covered: count('covered'),
      partiallyCovered: count('partially_covered'),
      skipped: count('skipped'),
      notLanding: count('not_landing'),
      planned: count('planned'),
      notStarted: count('not_started'),
      objectives: items,
    };
  }

  /** Lists objectives by how often documented sessions skipped them or they did not land. */
  async gaps(ctx: RequestContext, filter: CoverageGapsFilter): Promise<CoverageGap[]> {
    if (filter.from && filter.to && new Date(filter.from) >= new Date(filter.to)) {
      throw ProgressErrors.periodReversed(filter.from, filter.to);
    }
    if (filter.curriculumId) {
      await this.curricula.get(ctx, filter.curriculumId, 'curriculumId');
    }
    if (filter.instructorId) {
      const instructorId = filter.instructorId;
      await this.members.get(ctx, instructorId).catch((error: unknown) => {
        throw ProgressErrors.renameNotFound(error, 'Member', instructorId, 'instructorId');
      });
    }
    const conditions = ['c.organization_id = $1'];
    const params: unknown[] = [ctx.organizationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.curriculumId) {
      add('c.curriculum_id = ?', filter.curriculumId);
    }
    if (filter.instructorId) {
      add('c.instructor_id = ?', filter.instructorId);
    }
    if (filter.from) {
      add('c.session_start >= ?', new Date(filter.from));
    }
    if (filter.to) {
      add('c.session_start < ?', new Date(filter.to));
    }
    params.push(filter.limit ?? DEFAULT_GAPS);
    const rows: Record<string, string | number>[] = await this.dataSource.query(
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
        WHERE ${conditions.join(' AND ')}
        GROUP BY c.objective_id, c.objective_code, c.curriculum_id, o.title
       HAVING count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) > 0
        ORDER BY count(*) FILTER (WHERE c.status IN ('skipped', 'not_landing')) DESC,
                 c.objective_code ASC, c.objective_id ASC
        LIMIT $${params.length}`,
      params,
    );

    return rows.map((row) => {
      const occurrences = Number(row.occurrences);
      const skipped = Number(row.skipped);
      const notLanding = Number(row.not_landing);

      return {
        objectiveId: String(row.objective_id),
        objectiveCode: String(row.objective_code),
        objectiveTitle: String(row.title),
        curriculumId: String(row.curriculum_id),
        occurrences,
        coveredCount: Number(row.covered),
        partiallyCoveredCount: Number(row.partially_covered),
        skippedCount: skipped,
        notLandingCount: notLanding,
        gapShare: Math.round(((skipped + notLanding) / occurrences) * 1000) / 1000,
        checksAnswered: Number(row.checks_answered),
        correctShare: share(Number(row.checks_correct), Number(row.checks_answered)),
      };
    });
  }

  /** Objective codes planned in sessions of the enrollment that are not documented yet. */
  private async upcomingCodes(ctx: RequestContext, enrollmentId: string): Promise<Set<string>> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT unnest(p.objective_codes) AS code
         FROM session_phases p
         JOIN session_enrollments l ON l.session_id = p.session_id AND l.organization_id = p.organization_id
         JOIN sessions s ON s.id = p.session_id AND s.organization_id = p.organization_id
        WHERE p.organization_id = $1 AND l.enrollment_id = $2
          AND s.status IN ('scheduled', 'live', 'ended')
          AND p.status IN ('planned', 'active')`,
      [ctx.organizationId, enrollmentId],
    );

    return new Set(rows.map((row) => row.code));
  }

  private objectiveCoverage(
    objective: { id: string; code: string; title: string },
    planPosition: number | null,
    rows: SessionObjectiveCoverage[],
    upcoming: boolean,
  ): ObjectiveCoverage {
    const sessionsWith = (status: string) => rows.filter((row) => row.status === status).length;
    const checksAnswered = rows.reduce((sum, row) => sum + row.checksAnswered, 0);
    const checksCorrect = rows.reduce((sum, row) => sum + row.checksCorrect, 0);
    const correctShare = share(checksCorrect, checksAnswered);
    const sessionsCovered = sessionsWith('covered');
    const taught = rows.some((row) => row.status !== 'skipped');
    let status: CoverageStatus;
    if (rows.length === 0) {
      status = upcoming ? 'planned' : 'not_started';
    } else if (!taught) {
      status = 'skipped';
    } else if (correctShare !== null && correctShare < LANDING_CORRECT_SHARE) {
      status = 'not_landing';
    } else if (sessionsCovered > 0) {
      status = 'covered';
    } else {
      status = 'partially_covered';
    }

    return {
      objectiveId: objective.id,
      objectiveCode: objective.code,
      objectiveTitle: objective.title,
      planPosition,
      status,
      sessionsCovered,
      sessionsPartiallyCovered: sessionsWith('partially_covered'),
      sessionsSkipped: sessionsWith('skipped'),
      sessionsNotLanding: sessionsWith('not_landing'),
      checksAnswered,
      checksCorrect,
      correctShare,
      recapMatches: rows.filter((row) => row.recapMatched).length,
      lastSessionId: rows[rows.length - 1]?.sessionId ?? null,
    };
  }
}
