import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { SessionTranscript } from './session-transcript.entity';
import { TranscriptSegment } from './transcript-segment.entity';
import { TranscriptsController } from './transcripts.controller';
import { TranscriptsResolver } from './transcripts.resolver';
import { TranscriptsService } from './transcripts.service';
import { TranscriptSubscriptionsResolver } from './transcript-subscriptions.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([TranscriptSegment, SessionTranscript]), SessionsModule],
  providers: [TranscriptsService, TranscriptsResolver, TranscriptSubscriptionsResolver],
  controllers: [TranscriptsController],
  exports: [TranscriptsService],
})
export class TranscriptsModule {}
