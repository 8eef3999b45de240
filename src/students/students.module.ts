import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Guardian } from './guardian.entity';
import { GuardiansController } from './guardians.controller';
import { GuardiansResolver } from './guardians.resolver';
import { GuardiansService } from './guardians.service';
import { Student } from './student.entity';
import { StudentGuardian } from './student-guardian.entity';
import { StudentsController } from './students.controller';
import { StudentsResolver } from './students.resolver';
import { StudentsService } from './students.service';

@Module({
  imports: [TypeOrmModule.forFeature([Student, Guardian, StudentGuardian])],
  providers: [StudentsService, GuardiansService, StudentsResolver, GuardiansResolver],
  controllers: [StudentsController, GuardiansController],
  exports: [StudentsService, GuardiansService],
})
export class StudentsModule {}
