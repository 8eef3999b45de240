import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { MembersService } from '../members/members.service';
import { StudentsService } from '../students/students.service';
import { CreateEnrollmentInput, UpdateEnrollmentInput } from './dto/enrollment.input';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';
import { ENROLLMENT_TRANSITIONS, isFinal } from './enrollment-status';
import { EnrollmentErrors } from './enrollments.errors';

export interface EnrollmentFilter {
  studentId?: string;
  instructorId?: string;
  curriculumId?: string;
  status?: EnrollmentStatus;
}

export const enrollmentSortValue = (enrollment: Enrollment): string =>
  enrollment.createdAt.toISOString();

const PLAN_FIELD = 'plannedObjectiveCodes';

@Injectable()
export class EnrollmentsService {
  private readonly logger = new Logger(EnrollmentsService.name);

  constructor(
    @InjectRepository(Enrollment) private readonly enrollments: Repository<Enrollment>,
    private readonly students: StudentsService,
    private readonly members: MembersService,
    private readonly curricula: CurriculaService,
  ) {}

  /** Enrolls a student; the instructor must be an active member with the instructor role. */
  async create(ctx: RequestContext, input: CreateEnrollmentInput): Promise<Enrollment> {
    await this.students.get(ctx, input.studentId, 'studentId');
    await this.members.getActiveWithRole(ctx, input.instructorId, 'instructor', 'instructorId');
    await this.curricula.get(ctx, input.curriculumId, 'curriculumId');
    const plannedObjectiveCodes = await this.resolvePlan(
      ctx,
      input.curriculumId,
      input.plannedObjectiveCodes,
    );
    const enrollment = await this.enrollments.save(
      this.enrollments.create({
        organizationId: ctx.organizationId,
        studentId: input.studentId,
        instructorId: input.instructorId,
        curriculumId: input.curriculumId,
        status: 'active',
        startDate: input.startDate,
        plannedObjectiveCodes,
      }),
    );
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        enrollmentId: enrollment.id,
        studentId: input.studentId,
      },
      'Enrollment created',
    );

    return this.get(ctx, enrollment.id);
  }

  async get(ctx: RequestContext, id: string): Promise<Enrollment> {
    const enrollment = await this.enrollments.findOneBy({ id, organizationId: ctx.organizationId });
    if (!enrollment) {
      throw notFound('Enrollment', id);
    }

    return enrollment;
  }

  /** Loads enrollments in the order of `ids`; raises NOT_FOUND naming the first id that is missing. */
  async findByIds(ctx: RequestContext, ids: string[]): Promise<Enrollment[]> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.enrollments.findBy({ id: In(unique), organizationId: ctx.organizationId })
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));

    return ids.map((id) => {
      const enrollment = byId.get(id);
      if (!enrollment) {
        throw notFound('Enrollment', id, 'ids');
      }

      return enrollment;
    });
  }

  list(
    ctx: RequestContext,
    filter: EnrollmentFilter,
    page: PageRequest,
  ): Promise<Page<Enrollment>> {
    const query = this.enrollments
      .createQueryBuilder('enrollment')
      .where('enrollment.organizationId = :organizationId', { organizationId: ctx.organizationId });
    for (const key of ['studentId', 'instructorId', 'curriculumId', 'status'] as const) {
      if (filter[key]) {
        query.andWhere(`enrollment.${key} = :${key}`, { [key]: filter[key] });
      }
    }

    return paginate(query, page, {
      sortColumn: 'enrollment.createdAt',
      sortValue: enrollmentSortValue,
      idColumn: 'enrollment.id',
    });
  }

  /** Changes the status along the allowed transitions and replaces the planned sequence. */
  async update(ctx: RequestContext, id: string, input: UpdateEnrollmentInput): Promise<Enrollment> {
    const enrollment = await this.get(ctx, id);
    const changes: Partial<Enrollment> = {};
    if (input.plannedObjectiveCodes !== undefined) {
      if (isFinal(enrollment.status)) {
        throw EnrollmentErrors.finalPlan(id, enrollment.status);
      }
      await this.curricula.findObjectivesByCodes(
        ctx,
        enrollment.curriculumId,
        input.plannedObjectiveCodes,
        PLAN_FIELD,
      );
      changes.plannedObjectiveCodes = input.plannedObjectiveCodes;
    }
    if (input.status !== undefined && input.status !== enrollment.status) {
      const allowed = ENROLLMENT_TRANSITIONS[enrollment.status];
      if (!allowed.includes(input.status)) {
        throw EnrollmentErrors.illegalTransition(id, enrollment.status, input.status, allowed);
      }
      changes.status = input.status;
    }
    if (Object.keys(changes).length > 0) {
      await this.enrollments.update({ id, organizationId: ctx.organizationId }, changes);
      this.logger.log(
        { organizationId: ctx.organizationId, enrollmentId: id, status: changes.status },
        'Enrollment updated',
      );
    }

    return this.get(ctx, id);
  }

  /** Validates the requested codes against the curriculum, or plans every objective in curriculum order. */
  private async resolvePlan(
    ctx: RequestContext,
    curriculumId: string,
    codes: string[] | undefined,
  ): Promise<string[]> {
    if (codes === undefined) {
      const objectives = await this.curricula.getObjectives(ctx, curriculumId);

      return objectives.map((objective) => objective.code);
    }
    await this.curricula.findObjectivesByCodes(ctx, curriculumId, codes, PLAN_FIELD);

    return codes;
  }
}
