import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config';
import { JobsModule } from '../jobs/jobs.module';
import { ProgressModule } from '../progress/progress.module';
import { createRecapProvider, RECAP_AI_PROVIDER } from '../recaps/recap-provider';
import { RecapsModule } from '../recaps/recaps.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StudentsModule } from '../students/students.module';
import { DomainEvent } from '../webhooks/domain-event.entity';
import { Mailer } from './mailer';
import { ParentUpdateDeliveryWorker } from './parent-update-delivery.worker';
import { ParentUpdateGenerator } from './parent-update-generator';
import { ParentUpdateVersion } from './parent-update-version.entity';
import { ParentUpdate, ParentUpdateDelivery } from './parent-update.entity';
import { ParentUpdatesController } from './parent-updates.controller';
import { ParentUpdatesResolver } from './parent-updates.resolver';
import { ParentUpdatesService } from './parent-updates.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ParentUpdate,
      ParentUpdateVersion,
      ParentUpdateDelivery,
      DomainEvent,
    ]),
    JobsModule,
    RecapsModule,
    SessionsModule,
    StudentsModule,
    ProgressModule,
  ],
  providers: [
    Mailer,
    ParentUpdatesService,
    ParentUpdateGenerator,
    ParentUpdateDeliveryWorker,
    ParentUpdatesResolver,
    { provide: RECAP_AI_PROVIDER, useFactory: createRecapProvider, inject: [APP_CONFIG] },
  ],
  controllers: [ParentUpdatesController],
  exports: [ParentUpdatesService],
})
export class ParentUpdatesModule {}
