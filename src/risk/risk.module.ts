import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgressModule } from '../progress/progress.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StudentsModule } from '../students/students.module';
import { RiskAssessment, RiskLevelChange } from './risk-assessment.entity';
import { RiskController } from './risk.controller';
import { RiskRecorder } from './risk-recorder';
import { RiskResolver } from './risk.resolver';
import { RiskService } from './risk.service';

/**
 * Risk signals and levels per student. ProgressModule is imported so that its documented-session
 * listener initializes, and so runs, before RiskRecorder's, which reads the progress it writes.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RiskAssessment, RiskLevelChange]),
    ProgressModule,
    SessionsModule,
    StudentsModule,
  ],
  providers: [RiskService, RiskRecorder, RiskResolver],
  controllers: [RiskController],
})
export class RiskModule {}
