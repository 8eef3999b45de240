import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { Curriculum } from '../curricula/curriculum.entity';
import { Member } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { Student } from '../students/student.entity';
import { StudentsService } from '../students/students.service';
import {
  CreateEnrollmentInput,
  EnrollmentConnection,
  ListEnrollmentsArgs,
  UpdateEnrollmentInput,
} from './dto/enrollment.input';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsService, enrollmentSortValue } from './enrollments.service';

@Resolver(() => Enrollment)
export class EnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly students: StudentsService,
    private readonly members: MembersService,
    private readonly curricula: CurriculaService,
  ) {}

  @RequireScope('read')
  @Query(() => Enrollment)
  enrollment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.enrollments.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => EnrollmentConnection, { name: 'enrollments' })
  async listEnrollments(@Ctx() ctx: RequestContext, @Args() args: ListEnrollmentsArgs) {
    const filter = {
      studentId: args.studentId,
      instructorId: args.instructorId,
      curriculumId: args.curriculumId,
      status: args.status,
    };
    const page = await this.enrollments.list(ctx, filter, pageFromArgs(args));

    return toConnection(page, enrollmentSortValue);
  }

  @ResolveField(() => Student)
  student(@Ctx() ctx: RequestContext, @Parent() enrollment: Enrollment) {
    return this.students.get(ctx, enrollment.studentId);
  }

  @ResolveField(() => Member)
  instructor(@Ctx() ctx: RequestContext, @Parent() enrollment: Enrollment) {
    return this.members.get(ctx, enrollment.instructorId);
  }

  @ResolveField(() => Curriculum)
  curriculum(@Ctx() ctx: RequestContext, @Parent() enrollment: Enrollment) {
    return this.curricula.get(ctx, enrollment.curriculumId);
  }

  @RequireScope('write')
  @Mutation(() => Enrollment)
  createEnrollment(@Ctx() ctx: RequestContext, @Args('input') input: CreateEnrollmentInput) {
    return this.enrollments.create(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => Enrollment, {
    description: 'Changes the status or replaces the planned objective sequence.',
  })
  updateEnrollment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: UpdateEnrollmentInput,
  ) {
    return this.enrollments.update(ctx, id, input);
  }
}
