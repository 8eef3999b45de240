import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { MAX_CHAT_MESSAGE_LENGTH } from './chat-limits';
import { ChatMessage } from './chat-message.entity';
import { ChatService } from './chat.service';
import { ChatMessagesQuery, SendChatMessageInput } from './dto/chat.input';

const SESSION_ID = new ParseUuidPipe('sessionId');

@ApiTags('chat')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('sessions/:sessionId/chat/messages')
  @ApiOperation({
    summary:
      `Send a chat message of 1 to ${MAX_CHAT_MESSAGE_LENGTH} characters to everyone in a live session. ` +
      'A participant token sends as itself; an API key names participantId.',
  })
  @ApiCreatedResponse({ type: ChatMessage })
  send(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: SendChatMessageInput,
  ): Promise<ChatMessage> {
    return this.chat.send(ctx, sessionId, input);
  }

  @RequireScope('read')
  @AllowParticipant()
  @Get('sessions/:sessionId/chat/messages')
  @ApiOperation({ summary: 'List the latest chat messages of a session, oldest first.' })
  @ApiOkResponse({ type: [ChatMessage] })
  list(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Query() query: ChatMessagesQuery,
  ): Promise<ChatMessage[]> {
    return this.chat.list(ctx, sessionId, query.last);
  }
}
