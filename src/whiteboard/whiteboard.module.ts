import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementModule } from '../engagement/engagement.module';
import { SessionsModule } from '../sessions/sessions.module';
import { BoardAccess } from './board-access';
import { BoardMetricsService } from './board-metrics.service';
import { BoardOperationsService } from './board-operations.service';
import { Board } from './board.entity';
import { WhiteboardController } from './whiteboard.controller';
import { WhiteboardResolver } from './whiteboard.resolver';
import { WhiteboardService } from './whiteboard.service';
import { WhiteboardSubscriptionsResolver } from './whiteboard-subscriptions.resolver';

/** Shared whiteboards: boards per session and breakout group, their operation logs and metrics. */
@Module({
  imports: [TypeOrmModule.forFeature([Board]), SessionsModule, EngagementModule],
  providers: [
    BoardAccess,
    WhiteboardService,
    BoardOperationsService,
    BoardMetricsService,
    WhiteboardResolver,
    WhiteboardSubscriptionsResolver,
  ],
  controllers: [WhiteboardController],
  exports: [WhiteboardService, BoardOperationsService],
})
export class WhiteboardModule {}
