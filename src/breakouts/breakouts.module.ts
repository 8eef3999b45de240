import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { AlertsModule } from '../alerts/alerts.module';
import { EngagementModule } from '../engagement/engagement.module';
import { JobsModule } from '../jobs/jobs.module';
import { SessionsModule } from '../sessions/sessions.module';
import { WhiteboardModule } from '../whiteboard/whiteboard.module';
import { BreakoutActivityResults } from './activity-results';
import { BreakoutBoards } from './breakout-boards';
import { BreakoutCloser } from './breakout-closer';
import { BreakoutGroup, BreakoutMember, BreakoutMessage } from './breakout-group.entity';
import { BreakoutJoinService } from './breakout-join.service';
import { BreakoutParticipationService } from './breakout-participation.service';
import { BreakoutPublisher } from './breakout-publisher';
import { BreakoutStatusReader } from './breakout-status.reader';
import { BreakoutSubscriptionsResolver } from './breakout-subscriptions.resolver';
import { BreakoutsController } from './breakouts.controller';
import { BreakoutsResolver } from './breakouts.resolver';
import { BreakoutsService } from './breakouts.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([BreakoutGroup, BreakoutMember, BreakoutMessage]),
    SessionsModule,
    ActivitiesModule,
    EngagementModule,
    JobsModule,
    AlertsModule,
    WhiteboardModule,
  ],
  providers: [
    BreakoutsService,
    BreakoutParticipationService,
    BreakoutJoinService,
    BreakoutCloser,
    BreakoutPublisher,
    BreakoutStatusReader,
    BreakoutActivityResults,
    BreakoutBoards,
    BreakoutsResolver,
    BreakoutSubscriptionsResolver,
  ],
  controllers: [BreakoutsController],
  exports: [BreakoutsService],
})
export class BreakoutsModule {}
