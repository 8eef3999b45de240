import { Inject, Injectable, Logger } from '@nestjs/common';
import { ParticipantTokenService } from '../auth/participant-token.service';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JoinResult, MediaAccess } from './dto/join-result';
import { ParticipantSessionView } from './dto/session-page';
import { LIVEKIT_NOT_CONFIGURED, LivekitService } from './livekit.service';
import { Participant } from './participant.entity';
import { ParticipantsService } from './participants.service';
import { Session } from './session.entity';
import { SessionErrors } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** Issues join credentials and serves what a participant token may read. */
@Injectable()
export class JoinService {
  private readonly logger = new Logger(JoinService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly livekit: LivekitService,
    private readonly participantTokens: ParticipantTokenService,
  ) {}

  /**
   * Issues a HiLink participant token and, when LiveKit is configured, a LiveKit access token
   * for one participant. Both expire after joinTokenTtlSeconds.
   */
  async join(ctx: RequestContext, sessionId: string, participantId: string): Promise<JoinResult> {
    const { session, participant } = await this.participants.getWithSession(
      ctx,
      sessionId,
      participantId,
    );
    SessionErrors.assertAllowed('join', session.status);
    if (participant.removedAt) {
      throw SessionErrors.participantRemoved(participantId);
    }

    const ttlSeconds = this.config.joinTokenTtlSeconds;
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const participantToken = this.participantTokens.sign({
      organizationId: ctx.organizationId,
      sessionId,
      participantId,
      identity: participant.identity,
      role: participant.role,
      exp: Math.floor(expiresAt.getTime() / 1000),
    });
    const media = await this.mediaAccess(session, participant, ttlSeconds);
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, participantId, media: media.available },
      'Join token issued',
    );

    return { participant, participantToken, expiresInSeconds: ttlSeconds, expiresAt, media };
  }

  /** Returns the caller's session, limited to what a participant may see. */
  async participantSession(ctx: RequestContext): Promise<ParticipantSessionView> {
    if (ctx.actor.kind !== 'participant') {
      throw SessionErrors.participantTokenRequired();
    }
    const { sessionId, participantId } = ctx.actor;
    const details = await this.sessions.getWithRelations(ctx, sessionId);
    const participant = details.participants.find((p) => p.id === participantId);
    if (!participant) {
      throw SessionErrors.wrongSession();
    }
    if (participant.removedAt) {
      throw SessionErrors.participantRemoved(participantId);
    }
    const { session } = details;

    return {
      id: session.id,
      title: session.title,
      status: session.status,
      scheduledStart: session.scheduledStart,
      scheduledEnd: session.scheduledEnd,
      phases: details.phases,
      participantId,
      role: participant.role,
    };
  }

  /**
   * Mints fresh media access for the participant of the calling participant token, with the same
   * identity, metadata, grants and TTL as join. Lets a client that holds only the participant
   * token, such as the embed page, connect to LiveKit.
   */
  async participantMedia(ctx: RequestContext, sessionId: string): Promise<MediaAccess> {
    if (ctx.actor.kind !== 'participant') {
      throw SessionErrors.mediaTokenNeedsParticipant();
    }
    if (ctx.actor.sessionId !== sessionId) {
      throw SessionErrors.wrongSession();
    }
    const { participantId } = ctx.actor;
    const { session, participant } = await this.participants.getWithSession(
      ctx,
      sessionId,
      participantId,
    );
    if (participant.removedAt) {
      throw SessionErrors.participantRemoved(participantId);
    }
    if (session.status !== 'scheduled' && session.status !== 'live') {
      throw SessionErrors.mediaSessionClosed(sessionId, session.status);
    }
    const media = await this.mediaAccess(session, participant, this.config.joinTokenTtlSeconds);
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, participantId, media: media.available },
      'Media token issued to a participant token',
    );

    return media;
  }

  private async mediaAccess(
    session: Session,
    participant: Participant,
    ttlSeconds: number,
  ): Promise<MediaAccess> {
    const token = await this.livekit.mintToken({
      roomName: session.livekitRoomName,
      identity: participant.identity,
      name: participant.displayName,
      metadata: { role: participant.role, participantId: participant.id, sessionId: session.id },
      role: participant.role,
      ttlSeconds,
    });
    if (!token) {
      return { available: false, reason: LIVEKIT_NOT_CONFIGURED };
    }

    return { available: true, url: this.livekit.url, token, roomName: session.livekitRoomName };
  }
}
