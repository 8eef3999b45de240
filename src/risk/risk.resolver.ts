import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Connection, ConnectionShape, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { AtRiskStudentsArgs } from './dto/risk.input';
import { AtRiskStudentView, StudentRiskView } from './dto/risk.views';
import { atRiskSortValue, RiskService } from './risk.service';

export const AtRiskStudentConnection = Connection(AtRiskStudentView, 'AtRiskStudent');

@Resolver(() => StudentRiskView)
export class RiskResolver {
  constructor(private readonly risk: RiskService) {}

  @RequireScope('read')
  @Query(() => StudentRiskView, {
    description:
      'A student’s risk level with its signals, their evidence and the latest level changes; recomputed when a session of the student is documented.',
  })
  studentRisk(
    @Ctx() ctx: RequestContext,
    @Args('studentId', { type: () => ID }, new ParseUuidPipe('studentId')) studentId: string,
  ): Promise<StudentRiskView> {
    return this.risk.studentRisk(ctx, studentId, 'studentId');
  }

  @RequireScope('read')
  @Query(() => AtRiskStudentConnection, {
    description:
      'Students of the organization at one risk level, or at medium and high without a level, highest score first.',
  })
  async atRiskStudents(
    @Ctx() ctx: RequestContext,
    @Args() args: AtRiskStudentsArgs,
  ): Promise<ConnectionShape<AtRiskStudentView>> {
    const page = await this.risk.atRiskStudents(ctx, args.level, pageFromArgs(args));

    return toConnection(page, atRiskSortValue);
  }
}
