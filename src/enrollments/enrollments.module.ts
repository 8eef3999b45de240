import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CurriculaModule } from '../curricula/curricula.module';
import { MembersModule } from '../members/members.module';
import { StudentsModule } from '../students/students.module';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsResolver } from './enrollments.resolver';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [TypeOrmModule.forFeature([Enrollment]), MembersModule, StudentsModule, CurriculaModule],
  providers: [EnrollmentsService, EnrollmentsResolver],
  controllers: [EnrollmentsController],
  exports: [EnrollmentsService],
})
export class EnrollmentsModule {}
