import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { MembersModule } from '../members/members.module';
import { RiskModule } from '../risk/risk.module';
import { SessionsModule } from '../sessions/sessions.module';
import { DashboardRebuildService } from './dashboard-rebuild.service';
import { DashboardRecorder } from './dashboard-recorder';
import { DashboardsController } from './dashboards.controller';
import { DashboardsResolver } from './dashboards.resolver';
import { DashboardsService } from './dashboards.service';

/**
 * Operations dashboards over rollup tables. RiskModule is imported so that the progress and risk
 * listeners of a documented session register, and so run, before DashboardRecorder's.
 */
@Module({
  imports: [SessionsModule, MembersModule, CurriculaModule, RiskModule],
  providers: [DashboardsService, DashboardRebuildService, DashboardRecorder, DashboardsResolver],
  controllers: [DashboardsController],
  exports: [DashboardsService, DashboardRebuildService],
})
export class DashboardsModule {}
