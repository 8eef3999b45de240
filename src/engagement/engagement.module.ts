import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { StudentsModule } from '../students/students.module';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementController } from './engagement.controller';
import { EngagementEventListService } from './engagement-event-list.service';
import { EngagementEventsService } from './engagement-events.service';
import { EngagementIngestService } from './engagement-ingest.service';
import { EngagementResolver } from './engagement.resolver';
import { EngagementRollupsService } from './engagement-rollups.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEvent]), SessionsModule, StudentsModule],
  providers: [
    EngagementEventsService,
    EngagementIngestService,
    EngagementEventListService,
    EngagementRollupsService,
    EngagementResolver,
  ],
  controllers: [EngagementController],
  exports: [EngagementEventsService, EngagementIngestService, EngagementRollupsService],
})
export class EngagementModule {}
