import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementModule } from '../engagement/engagement.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ChatMessage } from './chat-message.entity';
import { ChatController } from './chat.controller';
import { ChatResolver } from './chat.resolver';
import { ChatService } from './chat.service';

/** The session chat over GraphQL (query, mutation, subscription) and REST. */
@Module({
  imports: [TypeOrmModule.forFeature([ChatMessage]), SessionsModule, EngagementModule],
  controllers: [ChatController],
  providers: [ChatService, ChatResolver],
})
export class ChatModule {}
