import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { PageArgs, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateStudentInput, UpdateStudentInput } from './dto/student.input';
import { StudentConnection } from './dto/student-page';
import { Guardian } from './guardian.entity';
import { Student } from './student.entity';
import { StudentsService, studentSortValue } from './students.service';

@Resolver(() => Student)
export class StudentsResolver {
  constructor(private readonly students: StudentsService) {}

  @RequireScope('read')
  @Query(() => Student)
  student(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.students.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => StudentConnection, { name: 'students' })
  async listStudents(@Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    const page = await this.students.list(ctx, pageFromArgs(args));

    return toConnection(page, studentSortValue);
  }

  @ResolveField(() => [Guardian], {
    description: 'Guardians linked to this student, in link order.',
  })
  guardians(@Ctx() ctx: RequestContext, @Parent() student: Student) {
    return this.students.guardiansOf(ctx, student.id);
  }

  @RequireScope('write')
  @Mutation(() => Student)
  createStudent(@Ctx() ctx: RequestContext, @Args('input') input: CreateStudentInput) {
    return this.students.create(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => Student)
  updateStudent(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: UpdateStudentInput,
  ) {
    return this.students.update(ctx, id, input);
  }

  @RequireScope('write')
  @Mutation(() => [Guardian], {
    description: "Links a guardian to a student and returns the student's guardians.",
  })
  linkGuardian(
    @Ctx() ctx: RequestContext,
    @Args('studentId', { type: () => ID }, new ParseUuidPipe('studentId')) studentId: string,
    @Args('guardianId', { type: () => ID }, new ParseUuidPipe('guardianId')) guardianId: string,
  ) {
    return this.students.linkGuardian(ctx, studentId, guardianId);
  }

  @RequireScope('write')
  @Mutation(() => [Guardian], {
    description: "Unlinks a guardian from a student and returns the student's guardians.",
  })
  unlinkGuardian(
    @Ctx() ctx: RequestContext,
    @Args('studentId', { type: () => ID }, new ParseUuidPipe('studentId')) studentId: string,
    @Args('guardianId', { type: () => ID }, new ParseUuidPipe('guardianId')) guardianId: string,
  ) {
    return this.students.unlinkGuardian(ctx, studentId, guardianId);
  }
}
