import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { PageArgs, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateGuardianInput, UpdateGuardianInput } from './dto/guardian.input';
import { GuardianConnection } from './dto/student-page';
import { Guardian } from './guardian.entity';
import { GuardiansService, guardianSortValue } from './guardians.service';
import { Student } from './student.entity';
import { StudentsService } from './students.service';

@Resolver(() => Guardian)
export class GuardiansResolver {
  constructor(
    private readonly guardians: GuardiansService,
    private readonly students: StudentsService,
  ) {}

  @RequireScope('read')
  @Query(() => Guardian)
  guardian(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.guardians.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => GuardianConnection, { name: 'guardians' })
  async listGuardians(@Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    const page = await this.guardians.list(ctx, pageFromArgs(args));

    return toConnection(page, guardianSortValue);
  }

  @ResolveField('students', () => [Student], {
    description: 'Students this guardian is linked to, in link order.',
  })
  linkedStudents(@Ctx() ctx: RequestContext, @Parent() guardian: Guardian) {
    return this.students.studentsOf(ctx, guardian.id);
  }

  @RequireScope('write')
  @Mutation(() => Guardian)
  createGuardian(@Ctx() ctx: RequestContext, @Args('input') input: CreateGuardianInput) {
    return this.guardians.create(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => Guardian)
  updateGuardian(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: UpdateGuardianInput,
  ) {
    return this.guardians.update(ctx, id, input);
  }
}
