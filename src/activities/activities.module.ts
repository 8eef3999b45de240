import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module';
import { CurriculaModule } from '../curricula/curricula.module';
import { EngagementModule } from '../engagement/engagement.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { JobsModule } from '../jobs/jobs.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesResolver } from './activities.resolver';
import { ActivitiesService } from './activities.service';
import { ActivityAlertRules } from './activity-alert-rules';
import { ActivityCloseJob } from './activity-close-job';
import { ActivityResponse } from './activity-response.entity';
import { ActivityResponsesService } from './activity-responses.service';
import { ActivityResultsReader } from './activity-results-reader';
import { ActivitySubscriptionsResolver } from './activity-subscriptions.resolver';
import { Activity } from './activity.entity';
import { ResultsPublisher } from './results-publisher';

@Module({
  imports: [
    TypeOrmModule.forFeature([Activity, ActivityResponse]),
    SessionsModule,
    EnrollmentsModule,
    CurriculaModule,
    EngagementModule,
    JobsModule,
    AlertsModule,
  ],
  providers: [
    ActivitiesService,
    ActivityResponsesService,
    ActivityAlertRules,
    ActivityResultsReader,
    ResultsPublisher,
    ActivityCloseJob,
    ActivitiesResolver,
    ActivitySubscriptionsResolver,
  ],
  controllers: [ActivitiesController],
  exports: [ActivitiesService, ActivityResponsesService],
})
export class ActivitiesModule {}
