import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { RequestContext } from '../common/request-context';
import { DashboardRebuildService } from './dashboard-rebuild.service';
import { DashboardsService } from './dashboards.service';
import {
  AtRiskDashboardFilter,
  CurriculumGapsDashboardFilter,
  DashboardFilter,
  SessionVolumeDashboardFilter,
} from './dto/dashboard.input';
import {
  AtRiskStudentsDashboard,
  CurriculumGapsDashboard,
  DashboardRollupRebuild,
  InstructorConsistencyDashboard,
  SessionVolumeDashboard,
} from './dto/dashboard.views';

@Resolver()
export class DashboardsResolver {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly rebuilds: DashboardRebuildService,
  ) {}

  @RequireScope('operations:read')
  @Query(() => AtRiskStudentsDashboard, {
    description: 'Students at risk who had a held session in the period, with their factors.',
  })
  atRiskStudentsDashboard(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => AtRiskDashboardFilter, nullable: true })
    filter?: AtRiskDashboardFilter,
  ): Promise<AtRiskStudentsDashboard> {
    return this.dashboards.atRiskStudents(ctx, filter ?? {});
  }

  @RequireScope('operations:read')
  @Query(() => InstructorConsistencyDashboard, {
    description:
      'Per instructor, mean and spread of recap approval delay, participation, coverage and correctness.',
  })
  instructorConsistencyDashboard(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => DashboardFilter, nullable: true }) filter?: DashboardFilter,
  ): Promise<InstructorConsistencyDashboard> {
    return this.dashboards.instructorConsistency(ctx, filter ?? {});
  }

  @RequireScope('operations:read')
  @Query(() => CurriculumGapsDashboard, {
    description: 'Objectives that documented sessions in the period skipped or did not land most.',
  })
  curriculumGapsDashboard(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CurriculumGapsDashboardFilter, nullable: true })
    filter?: CurriculumGapsDashboardFilter,
  ): Promise<CurriculumGapsDashboard> {
    return this.dashboards.curriculumGaps(ctx, filter ?? {});
  }

  @RequireScope('operations:read')
  @Query(() => SessionVolumeDashboard, {
    description:
      'Sessions by status, attendance and documentation completeness, with a day or week series.',
  })
  sessionVolumeDashboard(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => SessionVolumeDashboardFilter, nullable: true })
    filter?: SessionVolumeDashboardFilter,
  ): Promise<SessionVolumeDashboard> {
    return this.dashboards.sessionVolume(ctx, filter ?? {});
  }

  @RequireScope('admin')
  @Mutation(() => DashboardRollupRebuild, {
    description: 'Recomputes the organization’s dashboard rollups from raw rows.',
  })
  rebuildDashboardRollups(@Ctx() ctx: RequestContext): Promise<DashboardRollupRebuild> {
    return this.rebuilds.rebuild(ctx);
  }
}
