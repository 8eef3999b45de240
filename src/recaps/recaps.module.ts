import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config';
import { CurriculaModule } from '../curricula/curricula.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { JobsModule } from '../jobs/jobs.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TranscriptsModule } from '../transcripts/transcripts.module';
import { RecapGenerator } from './recap-generator';
import { RecapInputBuilder } from './recap-input-builder';
import { createRecapProvider, RECAP_AI_PROVIDER } from './recap-provider';
import { RecapReviewService } from './recap-review.service';
import { RecapVersion } from './recap-version.entity';
import { Recap } from './recap.entity';
import { RecapsController } from './recaps.controller';
import { RecapsResolver, SessionRecapResolver } from './recaps.resolver';
import { RecapsService } from './recaps.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Recap, RecapVersion]),
    JobsModule,
    SessionsModule,
    TranscriptsModule,
    EnrollmentsModule,
    CurriculaModule,
  ],
  providers: [
    RecapsService,
    RecapReviewService,
    RecapInputBuilder,
    RecapGenerator,
    RecapsResolver,
    SessionRecapResolver,
    { provide: RECAP_AI_PROVIDER, useFactory: createRecapProvider, inject: [APP_CONFIG] },
  ],
  controllers: [RecapsController],
  exports: [RecapsService, RecapReviewService],
})
export class RecapsModule {}
