import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config';
import { JobsModule } from '../jobs/jobs.module';
import { createRecapProvider, RECAP_AI_PROVIDER } from '../recaps/recap-provider';
import { SessionsModule } from '../sessions/sessions.module';
import { BriefGenerator } from './brief-generator';
import { BriefScheduler } from './brief-scheduler';
import { BriefsController } from './briefs.controller';
import { BriefsResolver } from './briefs.resolver';
import { BriefsService } from './briefs.service';
import { SessionBrief, SessionBriefVersion } from './session-brief.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SessionBrief, SessionBriefVersion]), JobsModule, SessionsModule],
  providers: [
    BriefScheduler,
    BriefsService,
    BriefGenerator,
    BriefsResolver,
    { provide: RECAP_AI_PROVIDER, useFactory: createRecapProvider, inject: [APP_CONFIG] },
  ],
  controllers: [BriefsController],
})
export class BriefsModule {}
