import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import { BreakoutsService } from '../breakouts/breakouts.service';
import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext, systemContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { syncParticipantPresence } from '../engagement/engagement-ingest.service';
import { ParticipantsService } from '../sessions/participants.service';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import {
  clientEventIdOf,
  occurredAtOf,
  participantKindOf,
  PRESENCE_EVENTS,
} from './livekit-event-mapping';
import { LivekitWebhookResult, WebhookOutcome } from './livekit-webhook.result';

/** Loads livekit-server-sdk on first use, as LivekitService does, to keep it out of servers without LiveKit. */
function livekitSdk(): typeof import('livekit-server-sdk') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('livekit-server-sdk') as typeof import('livekit-server-sdk');
}

/** Errors that protobuf-es raises for a verified body that is not a LiveKit webhook event. */
function isBodyError(error: unknown): boolean {
  return (
    error instanceof SyntaxError ||
    (error instanceof Error && error.message.startsWith('cannot decode'))
  );
}

/**
 * Turns LiveKit webhooks into attendance: participant_joined and participant_left become
 * joined and left engagement events, and room_finished ends the live session. Webhooks for
 * rooms and identities that HiLink does not know are acknowledged and logged, because
 * LiveKit retries every webhook that is not acknowledged.
 */
@Injectable()
export class LivekitWebhooksService {
  private readonly logger = new Logger(LivekitWebhooksService.name);
  private receiver?: WebhookReceiver;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly events: EngagementEventsService,
    private readonly breakouts: BreakoutsService,
  ) {}

  /**
   * Verifies a webhook's signature over the raw body and applies it. Raises 503 when LiveKit is
   * not configured, UNAUTHENTICATED for a missing or invalid signature, and BAD_USER_INPUT for a
   * signed body that is not a webhook event.
   */
  async receive(body: string, authorization: string | undefined): Promise<LivekitWebhookResult> {
    const event = await this.verify(body, authorization);
    const presenceType = PRESENCE_EVENTS[event.event];
    if (presenceType) {
      return this.recordPresence(event, presenceType);
    }
    if (event.event === 'room_finished') {
      return this.finishRoom(event);
    }

    return {
      event: event.event,
      outcome: 'ignored',
      reason: 'HiLink does not use this event type.',
    };
  }

  private async verify(body: string, authorization: string | undefined): Promise<WebhookEvent> {
    const livekit = this.config.livekit;
    if (!livekit) {
      throw new AppError(
        ErrorCode.ServiceUnavailable,
        'LiveKit webhooks are not accepted because LiveKit is not configured on this server: set ' +
          'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to the values LiveKit signs webhooks with.',
        { reason: 'LIVEKIT_NOT_CONFIGURED' },
      );
    }
    this.receiver ??= new (livekitSdk().WebhookReceiver)(livekit.apiKey, livekit.apiSecret);
    const token = authorization?.replace(/^Bearer\s+/i, '');
    try {
      return await this.receiver.receive(body, token);
    } catch (error) {
      if (isBodyError(error)) {
        throw new AppError(
          ErrorCode.BadUserInput,
          'The webhook body is signed but is not a LiveKit webhook event in JSON.',
          { reason: 'WEBHOOK_BODY_INVALID', field: 'body' },
        );
      }
      this.logger.warn(
        { err: error },
        'Rejected a LiveKit webhook with a missing or invalid signature',
      );
      throw new AppError(
        ErrorCode.Unauthenticated,
        'The LiveKit webhook signature is missing or invalid: the Authorization header must be a ' +
          'token signed with LIVEKIT_API_SECRET whose sha256 claim matches the body.',
        { reason: 'WEBHOOK_SIGNATURE_INVALID' },
      );
    }
  }

  private async recordPresence(
    event: WebhookEvent,
    type: 'joined' | 'left',
  ): Promise<LivekitWebhookResult> {
    const target = await this.findTarget(event);
    if ('outcome' in target) {
      return target;
    }
    const { ctx, session, participantId, breakoutGroupId } = target;
    const participantKind = participantKindOf(event.participant?.kind);
    const clientEventId = clientEventIdOf(event);
    const stored = await this.dataSource.transaction(async (manager) => {
      const count = await this.events.append(manager, ctx, [
        {
          sessionId: session.id,
          participantId,
          type,
          occurredAt: occurredAtOf(event, type, new Date()),
          source: 'livekit',
          participantKind,
          clientEventId,
          data: {
            connectionId: event.participant?.sid || null,
            livekitEventId: event.id || null,
            livekitRoomSid: event.room?.sid || null,
            // A connection to a breakout group's room is attendance of the session too, and
            // tells the group's status who is present.
            ...(breakoutGroupId ? { breakoutGroupId, roomName: event.room?.name } : {}),
          },
        },
      ]);
      if (count > 0 && participantKind === 'standard') {
        await syncParticipantPresence(manager, ctx, this.participants, session.id, [participantId]);
      }

      return count;
    });
    const outcome: WebhookOutcome = stored > 0 ? 'recorded' : 'duplicate';
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: session.id,
        participantId,
        participantKind,
        event: event.event,
        livekitEventId: event.id,
        outcome,
      },
      'LiveKit webhook applied',
    );

    return { event: event.event, outcome };
  }

  private async finishRoom(event: WebhookEvent): Promise<LivekitWebhookResult> {
    const session = await this.findSession(event);
    if (!session) {
      return this.ignore(event, 'No session uses this LiveKit room.');
    }
    if (session.status !== 'live') {
      return this.ignore(event, `The session is ${session.status}, not live.`, session);
    }
    const ctx = systemContext(session.organizationId, `livekit:${event.id}`);
    try {
      await this.sessions.end(ctx, session.id);
    } catch (error) {
      // The session ended through the API between the read and the end.
      if (error instanceof AppError && error.code === ErrorCode.Conflict) {
        return this.ignore(event, 'The session is no longer live.', session);
      }
      throw error;
    }
    this.logger.log(
      { organizationId: session.organizationId, sessionId: session.id, livekitEventId: event.id },
      'Session ended because its LiveKit room finished',
    );

    return { event: event.event, outcome: 'session_ended' };
  }

  private async findTarget(
    event: WebhookEvent,
  ): Promise<
    | { ctx: RequestContext; session: Session; participantId: string; breakoutGroupId?: string }
    | LivekitWebhookResult
  > {
    let session = await this.findSession(event);
    let breakoutGroupId: string | undefined;
    if (!session && event.room?.name) {
      const group = await this.breakouts.findByLivekitRoomName(event.room.name);
      if (group) {
        breakoutGroupId = group.groupId;
        const [found] = await this.sessions.findByIds(
          systemContext(group.organizationId, `livekit:${event.id}`),
          [group.sessionId],
        );
        session = found ?? null;
      }
    }
    if (!session) {
      return this.ignore(event, 'No session or breakout group uses this LiveKit room.');
    }
    const ctx = systemContext(session.organizationId, `livekit:${event.id}`);
    const identity = event.participant?.identity ?? '';
    const participant = (await this.sessions.findParticipants(ctx, [session.id])).find(
      (candidate) => candidate.identity === identity,
    );
    if (!participant) {
      return this.ignore(event, 'No participant of the session has this identity.', session);
    }

    return { ctx, session, participantId: participant.id, breakoutGroupId };
  }

  private async findSession(event: WebhookEvent): Promise<Session | null> {
    const roomName = event.room?.name ?? '';

    return roomName === '' ? null : this.sessions.findByLivekitRoomName(roomName);
  }

  private ignore(event: WebhookEvent, reason: string, session?: Session): LivekitWebhookResult {
    this.logger.warn(
      {
        event: event.event,
        livekitEventId: event.id,
        roomName: event.room?.name,
        participantIdentity: event.participant?.identity,
        organizationId: session?.organizationId,
        sessionId: session?.id,
        reason,
      },
      'LiveKit webhook acknowledged and ignored',
    );

    return { event: event.event, outcome: 'ignored', reason };
  }
}
