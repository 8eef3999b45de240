import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('v1/dashboards')
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly rebuilds: DashboardRebuildService,
  ) {}

  @RequireScope('operations:read')
  @Get('at-risk-students')
  @ApiOkResponse({
    type: AtRiskStudentsDashboard,
    description: 'Students at risk who had a held session in the period, with their factors.',
  })
  atRiskStudents(
    @Ctx() ctx: RequestContext,
    @Query() filter: AtRiskDashboardFilter,
  ): Promise<AtRiskStudentsDashboard> {
    return this.dashboards.atRiskStudents(ctx, filter);
  }

  @RequireScope('operations:read')
  @Get('instructor-consistency')
  @ApiOkResponse({
    type: InstructorConsistencyDashboard,
    description:
      'Per instructor, mean and spread of recap approval delay, participation, coverage and correctness.',
  })
  instructorConsistency(
    @Ctx() ctx: RequestContext,
    @Query() filter: DashboardFilter,
  ): Promise<InstructorConsistencyDashboard> {
    return this.dashboards.instructorConsistency(ctx, filter);
  }

  @RequireScope('operations:read')
  @Get('curriculum-gaps')
  @ApiOkResponse({
    type: CurriculumGapsDashboard,
    description: 'Objectives that documented sessions skipped or did not land most.',
  })
  curriculumGaps(
    @Ctx() ctx: RequestContext,
    @Query() filter: CurriculumGapsDashboardFilter,
  ): Promise<CurriculumGapsDashboard> {
    return this.dashboards.curriculumGaps(ctx, filter);
  }

  @RequireScope('operations:read')
  @Get('session-volume')
  @ApiOkResponse({
    type: SessionVolumeDashboard,
    description: 'Sessions by status, attendance and documentation completeness, with a series.',
  })
  sessionVolume(
    @Ctx() ctx: RequestContext,
    @Query() filter: SessionVolumeDashboardFilter,
  ): Promise<SessionVolumeDashboard> {
    return this.dashboards.sessionVolume(ctx, filter);
  }

  @RequireScope('admin')
  @Post('rollups/rebuild')
  @HttpCode(200)
  @ApiOkResponse({
    type: DashboardRollupRebuild,
    description: 'Recomputes the organization’s dashboard rollups from raw rows.',
  })
  rebuild(@Ctx() ctx: RequestContext): Promise<DashboardRollupRebuild> {
    return this.rebuilds.rebuild(ctx);
  }
}
