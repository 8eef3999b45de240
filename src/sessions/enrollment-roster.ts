import { Injectable, Logger } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { Enrollment } from '../enrollments/enrollment.entity';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { MembersService } from '../members/members.service';
import { StudentsService } from '../students/students.service';
import { RosterEnrollment, RosterPerson, SessionRoster } from './roster';

/** SessionRoster backed by the enrollment, student, member and curriculum services. */
@Injectable()
export class EnrollmentRoster implements SessionRoster {
  private readonly logger = new Logger(EnrollmentRoster.name);

  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly students: StudentsService,
    private readonly members: MembersService,
    private readonly curricula: CurriculaService,
  ) {}

  /** Returns the enrollments found. Unknown ids and ids of other organizations are left out. */
  async findEnrollments(ctx: RequestContext, ids: string[]): Promise<RosterEnrollment[]> {
    const rows = await this.findEnrollmentRows(ctx, ids);

    return rows.map(({ id, studentId, instructorId, curriculumId }) => ({
      id,
      studentId,
      instructorId,
      curriculumId,
    }));
  }

  async findStudents(ctx: RequestContext, ids: string[]): Promise<RosterPerson[]> {
    const rows = await this.students.findByIds(ctx, ids);

    return rows.map(({ id, name }) => ({ id, name }));
  }

  /** Loads members one by one, because sessions have few instructors. A missing member is left out. */
  async findMembers(ctx: RequestContext, ids: string[]): Promise<RosterPerson[]> {
    const found = await Promise.all(ids.map((id) => this.findMember(ctx, id)));

    return found.filter((member): member is RosterPerson => member !== undefined);
  }

  async findObjectiveCodes(
    ctx: RequestContext,
    curriculumId: string,
    codes: string[],
  ): Promise<string[]> {
    try {
      const objectives = await this.curricula.findObjectivesByCodes(ctx, curriculumId, codes);

      return objectives.map((objective) => objective.code);
    } catch (error) {
      const unknown = unknownCodesOf(error);
      if (!unknown) {
        throw error;
      }
      // Codes may come from another enrollment's curriculum, so a miss here is not yet an error.
      this.logger.debug(
        { organizationId: ctx.organizationId, curriculumId, unknown },
        'Codes outside curriculum',
      );

      return codes.filter((code) => !unknown.includes(code));
    }
  }

  /**
   * EnrollmentsService.findByIds raises NOT_FOUND on the first missing id, so on that error each
   * id is looked up alone to find every missing one. Only invalid requests take this path.
   */
  private async findEnrollmentRows(ctx: RequestContext, ids: string[]): Promise<Enrollment[]> {
    try {
      return await this.enrollments.findByIds(ctx, ids);
    } catch (error) {
      if (!isNotFound(error)) {
        throw error;
      }
      this.logger.debug(
        { organizationId: ctx.organizationId },
        'Some enrollment ids were not found',
      );
      const lookups = await Promise.all(
        ids.map((id) =>
          this.enrollments
            .findByIds(ctx, [id])
            .catch((miss: unknown) => (isNotFound(miss) ? [] : Promise.reject(miss))),
        ),
      );

      return lookups.flat();
    }
  }

  private async findMember(ctx: RequestContext, id: string): Promise<RosterPerson | undefined> {
    try {
      const { name } = await this.members.get(ctx, id);

      return { id, name };
    } catch (error) {
      if (isNotFound(error)) {
        this.logger.warn(
          { organizationId: ctx.organizationId, memberId: id },
          'Enrolled instructor not found',
        );

        return undefined;
      }
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.NotFound;
}

function unknownCodesOf(error: unknown): string[] | undefined {
  if (error instanceof AppError && error.reason === 'OBJECTIVE_NOT_FOUND') {
    const codes = error.details?.unknownCodes;

    return Array.isArray(codes) ? codes.map(String) : undefined;
  }

  return undefined;
}
