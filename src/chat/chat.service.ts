import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import { Participant } from '../sessions/participant.entity';
import { PhaseToolGate } from '../sessions/phase-tool-gate';
import { Session } from '../sessions/session.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import {
  CHAT_RATE_WINDOW_SECONDS,
  DEFAULT_CHAT_PAGE,
  MAX_CHAT_MESSAGES_PER_SESSION,
  MAX_CHAT_MESSAGES_PER_WINDOW,
} from './chat-limits';
import { ChatMessage } from './chat-message.entity';
import { ChatErrors } from './chat.errors';
import { SendChatMessageInput } from './dto/chat.input';

/** The session chat: messages every participant of a session reads, sent while it is live. */
@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly toolGate: PhaseToolGate,
    private readonly engagement: EngagementEventsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  /**
   * Stores a message of a live session and its `chat_message` engagement event in one
   * transaction, then sends the message to `chatMessagePosted` subscribers. Students send only
   * while the current phase enables the `chat` tool; everyone else needs it enabled on the room.
   */
  async send(
    ctx: RequestContext,
    sessionId: string,
    input: SendChatMessageInput,
  ): Promise<ChatMessage> {
    assertOwnSession(ctx, sessionId, 'send chat messages to');
    const participantId = this.senderId(ctx, input);
    if (input.body.trim().length === 0) {
      throw ChatErrors.blankBody();
    }
    const message = await this.dataSource.transaction(async (manager) => {
      const session = await this.loadSession(manager, ctx, sessionId);
      if (session.status !== 'live') {
        throw ChatErrors.sessionNotLive(session.status);
      }
      const sender = await this.loadSender(manager, ctx, sessionId, participantId);
      await this.toolGate.assertToolEnabled(ctx, sessionId, 'chat', manager);
      await this.checkLimits(manager, ctx, sessionId, participantId);
      const stored = await manager.save(
        manager.create(ChatMessage, {
          organizationId: ctx.organizationId,
          sessionId,
          participantId,
          senderName: sender.displayName,
          senderRole: sender.role,
          apiKeyId: ctx.actor.kind === 'api_key' ? ctx.actor.apiKeyId : null,
          body: input.body,
        }),
      );
      // The engagement log records that the participant wrote and how much, never the text.
      await this.engagement.append(manager, ctx, [
        {
          sessionId,
          participantId,
          type: 'chat_message',
          occurredAt: stored.sentAt,
          clientEventId: `chat-message:${stored.id}`,
          data: { length: [...input.body].length },
        },
      ]);

      return stored;
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, chatMessageId: message.id, participantId },
      'Chat message sent',
    );
    await this.realtime.publish(ctx.organizationId, sessionId, 'chatMessagePosted', [message]);

    return message;
  }

  /** Lists the latest `last` messages of the session, oldest first. */
  async list(
    ctx: RequestContext,
    sessionId: string,
    last = DEFAULT_CHAT_PAGE,
  ): Promise<ChatMessage[]> {
    assertOwnSession(ctx, sessionId, 'read the chat of');
    await this.loadSession(this.dataSource.manager, ctx, sessionId);
    const newest = await this.dataSource.manager.find(ChatMessage, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { sentAt: 'DESC', id: 'DESC' },
      take: last,
    });

    return newest.reverse();
  }

  /** Checks that the session exists in the caller's organization, for subscriptions. */
  async assertReadable(ctx: RequestContext, sessionId: string): Promise<void> {
    assertOwnSession(ctx, sessionId, 'subscribe to the chat of');
    await this.loadSession(this.dataSource.manager, ctx, sessionId);
  }

  private senderId(ctx: RequestContext, input: SendChatMessageInput): string {
    if (ctx.actor.kind === 'participant') {
      if (input.participantId !== undefined && input.participantId !== ctx.actor.participantId) {
        throw ChatErrors.otherParticipant();
      }
      if (ctx.actor.role === 'observer') {
        throw ChatErrors.observerCannotSend();
      }

      return ctx.actor.participantId;
    }
    if (input.participantId === undefined) {
      throw ChatErrors.participantIdRequired();
    }

    return input.participantId;
  }

  private async loadSession(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<Session> {
    const session = await manager.findOneBy(Session, {
      id: sessionId,
      organizationId: ctx.organizationId,
    });
    if (!session) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }

    return session;
  }

  private async loadSender(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
    participantId: string,
  ): Promise<Participant> {
    const sender = await manager.findOneBy(Participant, {
      id: participantId,
      sessionId,
      organizationId: ctx.organizationId,
    });
    if (!sender) {
      throw SessionErrors.participantNotFound(participantId);
    }
    if (sender.removedAt) {
      throw ChatErrors.removedParticipant(participantId);
    }
    if (sender.role === 'observer') {
      throw ChatErrors.observerCannotSend();
    }

    return sender;
  }

  private async checkLimits(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
    participantId: string,
  ): Promise<void> {
    const rows: { total: number; recent: number }[] = await manager.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (
                WHERE participant_id = $3 AND sent_at > now() - make_interval(secs => $4)
              )::int AS recent
         FROM session_chat_messages
        WHERE organization_id = $1 AND session_id = $2`,
      [ctx.organizationId, sessionId, participantId, CHAT_RATE_WINDOW_SECONDS],
    );
    const { total, recent } = rows[0];
    if (total >= MAX_CHAT_MESSAGES_PER_SESSION) {
      throw ChatErrors.tooManyMessages();
    }
    // API keys relay messages for participants and are not rate limited, as on the whiteboard.
    if (ctx.actor.kind === 'participant' && recent >= MAX_CHAT_MESSAGES_PER_WINDOW) {
      throw ChatErrors.rateLimited();
    }
  }
}
