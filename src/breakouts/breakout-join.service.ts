import { Inject, Injectable, Logger } from '@nestjs/common';
import type { VideoGrant } from 'livekit-server-sdk';
import { ParticipantTokenService } from '../auth/participant-token.service';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MediaAccess } from '../sessions/dto/join-result';
import { LIVEKIT_NOT_CONFIGURED, LivekitService } from '../sessions/livekit.service';
import { Participant } from '../sessions/participant.entity';
import { ParticipantsService } from '../sessions/participants.service';
import { SessionErrors } from '../sessions/sessions.errors';
import { assertSameSession } from './breakout-access';
import { BreakoutCloser } from './breakout-closer';
import { BreakoutGroup } from './breakout-group.entity';
import { BreakoutsService } from './breakouts.service';
import { BreakoutErrors } from './breakouts.errors';
import { BreakoutJoinResult } from './dto/breakout-views';

/** The way a participant enters a group's room: as a member, or unseen and unheard. */
export type BreakoutJoinMode = 'member' | 'listener';

/** Grants of an instructor or observer who listens to a group without being seen or heard. */
export function hiddenListenerGrant(room: string): VideoGrant {
  return {
    room,
    roomJoin: true,
    hidden: true,
    canPublish: false,
    canSubscribe: true,
    canPublishData: false,
  };
}

/** Issues join credentials for a breakout group's LiveKit room. */
@Injectable()
export class BreakoutJoinService {
  private readonly logger = new Logger(BreakoutJoinService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly breakouts: BreakoutsService,
    private readonly closer: BreakoutCloser,
    private readonly participants: ParticipantsService,
    private readonly livekit: LivekitService,
    private readonly participantTokens: ParticipantTokenService,
  ) {}

  /**
   * Issues a participant token and, when LiveKit is configured, a LiveKit token for the group's
   * room. Students join only the group they are assigned to, and instructors join any group
   * with their usual grants. A listener is an instructor or observer with hidden, subscribe-only grants.
   */
  async join(
    ctx: RequestContext,
    sessionId: string,
    groupId: string,
    requestedParticipantId: string | undefined,
    mode: BreakoutJoinMode,
  ): Promise<BreakoutJoinResult> {
    assertSameSession(ctx, sessionId);
    const participantId = this.joiningParticipant(ctx, requestedParticipantId);
    const { session, participant } = await this.participants.getWithSession(
      ctx,
      sessionId,
      participantId,
    );
    if (session.status !== 'live') {
      throw BreakoutErrors.sessionNotLive(session.status);
    }
    if (participant.removedAt) {
      throw SessionErrors.participantRemoved(participantId);
    }
    await this.closer.closeDue(ctx, sessionId);
    const group = await this.breakouts.findGroup(ctx, sessionId, groupId);
    if (group.status !== 'open') {
      throw BreakoutErrors.groupClosed(groupId);
    }
    const hidden = mode === 'listener';
    if (hidden && participant.role === 'student') {
      throw BreakoutErrors.listenerRole(participant.role);
    }
    if (
      !hidden &&
      participant.role !== 'instructor' &&
      !group.participantIds.includes(participantId)
    ) {
      throw BreakoutErrors.notAMember(groupId);
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
    const media = await this.mediaAccess(group, participant, hidden, ttlSeconds);
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId,
        breakoutGroupId: groupId,
        participantId,
        hidden,
        media: media.available,
      },
      'Breakout join token issued',
    );

    return Object.assign(new BreakoutJoinResult(), {
      group,
      participantId,
      hidden,
      participantToken,
      expiresInSeconds: ttlSeconds,
      expiresAt,
      media,
    });
  }

  /** Resolves the joining participant: a participant token joins as itself, an API key names one. */
  private joiningParticipant(ctx: RequestContext, requested: string | undefined): string {
    if (ctx.actor.kind === 'participant') {
      if (requested !== undefined && requested !== ctx.actor.participantId) {
        throw BreakoutErrors.otherParticipant();
      }

      return ctx.actor.participantId;
    }
    if (requested === undefined) {
      throw BreakoutErrors.participantIdRequired();
    }

    return requested;
  }

  private async mediaAccess(
    group: BreakoutGroup,
    participant: Participant,
    hidden: boolean,
    ttlSeconds: number,
  ): Promise<MediaAccess> {
    const token = await this.livekit.mintToken({
      roomName: group.livekitRoomName,
      identity: participant.identity,
      name: participant.displayName,
      metadata: {
        role: participant.role,
        participantId: participant.id,
        sessionId: group.sessionId,
        breakoutGroupId: group.id,
        hidden,
      },
      role: participant.role,
      ttlSeconds,
      grant: hidden ? hiddenListenerGrant(group.livekitRoomName) : undefined,
    });
    if (!token) {
      return { available: false, reason: LIVEKIT_NOT_CONFIGURED };
    }

    return { available: true, url: this.livekit.url, token, roomName: group.livekitRoomName };
  }
}
