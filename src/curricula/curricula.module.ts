import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CurriculaController } from './curricula.controller';
import { CurriculaResolver } from './curricula.resolver';
import { CurriculaService } from './curricula.service';
import { Curriculum } from './curriculum.entity';
import { Objective } from './objective.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Curriculum, Objective])],
  providers: [CurriculaService, CurriculaResolver],
  controllers: [CurriculaController],
  exports: [CurriculaService],
})
export class CurriculaModule {}
