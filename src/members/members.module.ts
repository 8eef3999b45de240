import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member])],
  providers: [MembersService, MembersResolver],
  controllers: [MembersController],
  exports: [MembersService],
})
export class MembersModule {}
