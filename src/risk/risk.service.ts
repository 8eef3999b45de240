import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { StudentsService } from '../students/students.service';
import { AtRiskStudentView, StudentRiskView } from './dto/risk.views';
import { RiskAssessment, RiskLevelChange } from './risk-assessment.entity';
import { RiskLevel } from './risk-rules';

/** Level changes returned with a student's risk. */
export const LEVEL_CHANGES_SHOWN = 20;

/** Reads risk assessments and level changes, which RiskRecorder writes. */
@Injectable()
export class RiskService {
  constructor(
    @InjectRepository(RiskAssessment) private readonly assessments: Repository<RiskAssessment>,
    @InjectRepository(RiskLevelChange) private readonly changes: Repository<RiskLevelChange>,
    private readonly students: StudentsService,
  ) {}

  /** Returns the student's level, signals and latest level changes, or raises NOT_FOUND for an unknown student. */
  async studentRisk(ctx: RequestContext, studentId: string, field = 'id'): Promise<StudentRiskView> {
    await this.students.get(ctx, studentId, field);
    const assessment = await this.assessments.findOne({
      where: { organizationId: ctx.organizationId, studentId },
    });
    const levelChanges = await this.changes.find({
      where: { organizationId: ctx.organizationId, studentId },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: LEVEL_CHANGES_SHOWN,
    });

    return {
      studentId,
      level: assessment?.level ?? 'low',
      score: assessment?.score ?? 0,
      signals: assessment?.signals ?? [],
      lastSessionId: assessment?.lastSessionId ?? null,
      computedAt: assessment?.computedAt ?? null,
      levelChanges: levelChanges.map((change) => ({
        fromLevel: change.fromLevel,
        toLevel: change.toLevel,
        score: change.score,
        sessionId: change.sessionId,
        changedAt: change.changedAt,
      })),
    };
  }

  /** Lists assessed students at one level, or at medium and high, highest score first. */
  async atRiskStudents(
    ctx: RequestContext,
    level: RiskLevel | undefined,
    page: PageRequest,
  ): Promise<Page<AtRiskStudentView>> {
    const levels: RiskLevel[] = level ? [level] : ['medium', 'high'];
    const query = this.assessments
      .createQueryBuilder('assessment')
      .where('assessment.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('assessment.level IN (:...levels)', { levels });
    const found = await paginate(query, page, {
      sortColumn: 'assessment.score',
      sortValue: (row) => row.score,
      idColumn: 'assessment.id',
      direction: 'DESC',
      cursorField: 'cursor',
    });
    const students = await this.students.findByIds(
      ctx,
      found.items.map((assessment) => assessment.studentId),
    );
    const names = new Map(students.map((student) => [student.id, student.name]));

    return {
      items: found.items.map((assessment) => ({
        id: assessment.id,
        studentId: assessment.studentId,
        studentName: names.get(assessment.studentId) ?? '',
        level: assessment.level,
        score: assessment.score,
        signals: assessment.signals,
        lastSessionId: assessment.lastSessionId,
        computedAt: assessment.computedAt,
      })),
      nextCursor: found.nextCursor,
    };
  }
}

export const atRiskSortValue = (row: AtRiskStudentView) => row.score;
