import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { MembersModule } from '../members/members.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StudentsModule } from '../students/students.module';
import { CoverageService } from './coverage.service';
import { DocumentedSessionRecorder } from './documented-session-recorder';
import { ProgressController } from './progress.controller';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';

/** Progress records per student and objective, and curriculum coverage per enrollment. */
@Module({
  imports: [SessionsModule, StudentsModule, CurriculaModule, EnrollmentsModule, MembersModule],
  providers: [ProgressService, CoverageService, DocumentedSessionRecorder, ProgressResolver],
  controllers: [ProgressController],
  exports: [ProgressService, CoverageService],
})
export class ProgressModule {}
