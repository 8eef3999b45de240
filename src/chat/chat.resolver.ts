import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { MAX_CHAT_MESSAGE_LENGTH } from './chat-limits';
import { ChatMessage, reviveChatMessage } from './chat-message.entity';
import { ChatService } from './chat.service';
import { ChatMessagesArgs, SendChatMessageInput } from './dto/chat.input';

const SESSION_ID = new ParseUuidPipe('sessionId');

@Resolver(() => ChatMessage)
export class ChatResolver {
  constructor(
    private readonly chat: ChatService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => ChatMessage, {
    description:
      `Sends a chat message of 1 to ${MAX_CHAT_MESSAGE_LENGTH} characters to everyone in a live session and records a ` +
      'chat_message engagement event. A participant token sends as itself; an API key names participantId.',
  })
  sendChatMessage(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
    @Args('input') input: SendChatMessageInput,
  ): Promise<ChatMessage> {
    return this.chat.send(ctx, sessionId, input);
  }

  @RequireScope('read')
  @AllowParticipant()
  @Query(() => [ChatMessage], {
    description:
      "The latest chat messages of a session, oldest first. A participant token reads its own session's chat.",
  })
  chatMessages(@Ctx() ctx: RequestContext, @Args() args: ChatMessagesArgs): Promise<ChatMessage[]> {
    return this.chat.list(ctx, args.sessionId, args.last);
  }

  @RequireScope('read')
  @AllowParticipant()
  @Subscription(() => ChatMessage, {
    description:
      'Each chat message of the session after it is stored. A participant token may subscribe only to its own session.',
    resolve: (message: ChatMessage) => reviveChatMessage(message),
  })
  async chatMessagePosted(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
  ): Promise<EventIterator<ChatMessage>> {
    await this.chat.assertReadable(ctx, sessionId);

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'chatMessagePosted');
  }
}
