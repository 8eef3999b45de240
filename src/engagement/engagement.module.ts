import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementEventsService } from './engagement-events.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEvent])],
  providers: [EngagementEventsService],
  exports: [EngagementEventsService],
})
export class EngagementModule {}
