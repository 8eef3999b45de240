import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Alert } from '../alerts/alert.entity';
import { AlertsService } from '../alerts/alerts.service';
import { RequestContext } from '../common/request-context';
import { EngagementEventsService } from '../engagement/engagement-events.service';
import { Participant } from '../sessions/participant.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import { assertRunsSession, assertSameSession } from './breakout-access';
import { BreakoutCloser } from './breakout-closer';
import { BreakoutGroup, BreakoutMessage, MAX_MESSAGES_PER_SESSION } from './breakout-group.entity';
import { BreakoutHelpRequest } from './breakout-output';
import { BreakoutPublisher } from './breakout-publisher';
import { BreakoutsService } from './breakouts.service';
import { BreakoutErrors } from './breakouts.errors';
import { PresenceState } from './dto/breakout-requests.input';
import { recordDomainEvent } from '../webhooks/domain-events';

/** Participant actions in groups (help requests, presence) and the instructor's broadcast messages. */
@Injectable()
export class BreakoutParticipationService {
  private readonly logger = new Logger(BreakoutParticipationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly breakouts: BreakoutsService,
    private readonly closer: BreakoutCloser,
    private readonly publisher: BreakoutPublisher,
    private readonly engagement: EngagementEventsService,
    private readonly alerts: AlertsService,
  ) {}

  /**
   * Records a student's help request in their own open group as a `help_requested` engagement
   * event and raises an instructor alert, both in one transaction.
   */
  async requestHelp(
    ctx: RequestContext,
    sessionId: string,
    groupId: string,
    message: string | undefined,
  ): Promise<BreakoutHelpRequest> {
    if (ctx.actor.kind !== 'participant' || ctx.actor.role !== 'student') {
      throw BreakoutErrors.studentsOnly();
    }
    const participantId = ctx.actor.participantId;
    const group = await this.memberGroup(ctx, sessionId, groupId, participantId);
    const requestedAt = new Date();
    const alert = await this.dataSource.transaction(async (manager) => {
      await this.engagement.append(manager, ctx, [
        {
          sessionId,
          participantId,
          type: 'help_requested',
          occurredAt: requestedAt,
          data: { breakoutGroupId: group.id, message: message ?? null },
        },
      ]);

      await recordDomainEvent(manager, ctx.organizationId, 'breakout.help_requested', {
        sessionId,
        breakoutGroupId: group.id,
        groupName: group.name,
        participantId,
        message: message ?? null,
        requestedAt: requestedAt.toISOString(),
      });

      return this.alerts.raise(manager, ctx, {
        sessionId,
        type: 'help_requested',
        participantId,
        conditionKey: `breakout-help:${group.id}:${requestedAt.getTime()}:${participantId}`,
        message: message
          ? `${group.name} asked for help: ${message}`
          : `${group.name} asked for help.`,
        data: { breakoutGroupId: group.id, groupName: group.name },
      });
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, breakoutGroupId: groupId, participantId },
      'Breakout help requested',
    );
    await this.alerts.publishRaised(
      ctx,
      [alert].filter((raised): raised is Alert => raised !== null),
    );
    await this.publisher.publishStatus(ctx, sessionId);

    return Object.assign(new BreakoutHelpRequest(), {
      participantId,
      message: message ?? null,
      requestedAt,
    });
  }

  /**
   * Records that the calling member connected to or left the group's LiveKit room, as a
   * `joined` or `left` engagement event, which the live status reads for presence.
   */
  async reportPresence(
    ctx: RequestContext,
    sessionId: string,
    groupId: string,
    state: PresenceState,
  ): Promise<BreakoutGroup> {
    if (ctx.actor.kind !== 'participant') {
      throw SessionErrors.participantTokenRequired();
    }
    const participantId = ctx.actor.participantId;
    const group = await this.memberGroup(ctx, sessionId, groupId, participantId);
    await this.dataSource.transaction((manager) =>
      this.engagement.append(manager, ctx, [
        {
          sessionId,
          participantId,
          type: state,
          occurredAt: new Date(),
          data: { breakoutGroupId: group.id, roomName: group.livekitRoomName },
        },
      ]),
    );
    await this.publisher.publishStatus(ctx, sessionId);

    return group;
  }

  /** Stores a message to every open group of a live session and sends it to subscribers. */
  async broadcast(ctx: RequestContext, sessionId: string, body: string): Promise<BreakoutMessage> {
    assertRunsSession(ctx, sessionId, 'send messages to breakout groups');
    const session = await this.breakouts.getSession(ctx, sessionId);
    if (session.status !== 'live') {
      throw BreakoutErrors.sessionNotLive(session.status);
    }
    await this.closer.closeDue(ctx, sessionId);
    const message = await this.dataSource.transaction(async (manager) => {
      const open = await manager.find(BreakoutGroup, {
        where: { organizationId: ctx.organizationId, sessionId, status: 'open' },
        order: { position: 'ASC' },
      });
      if (open.length === 0) {
        throw BreakoutErrors.noOpenGroups();
      }
      const sent = await manager.count(BreakoutMessage, {
        where: { organizationId: ctx.organizationId, sessionId },
      });
      if (sent >= MAX_MESSAGES_PER_SESSION) {
        throw BreakoutErrors.tooManyMessages();
      }

      return manager.save(
        manager.create(BreakoutMessage, {
          organizationId: ctx.organizationId,
          sessionId,
          body,
          groupIds: open.map((group) => group.id),
          senderParticipantId: ctx.actor.kind === 'participant' ? ctx.actor.participantId : null,
        }),
      );
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, breakoutMessageId: message.id },
      'Breakout message sent',
    );
    await this.publisher.publishMessage(ctx, message);

    return message;
  }

  /** Lists the session's broadcast messages, oldest first. */
  async listMessages(ctx: RequestContext, sessionId: string): Promise<BreakoutMessage[]> {
    assertSameSession(ctx, sessionId);
    await this.breakouts.getSession(ctx, sessionId);

    return this.dataSource.manager.find(BreakoutMessage, {
      where: { organizationId: ctx.organizationId, sessionId },
      order: { sentAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Returns the open group that the participant is a current member of. Raises FORBIDDEN for a
   * removed participant or a non-member, CONFLICT for a closed group.
   */
  private async memberGroup(
    ctx: RequestContext,
    sessionId: string,
    groupId: string,
    participantId: string,
  ): Promise<BreakoutGroup> {
    assertSameSession(ctx, sessionId);
    await this.breakouts.getSession(ctx, sessionId);
    await this.closer.closeDue(ctx, sessionId);
    const participant = await this.dataSource.manager.findOneBy(Participant, {
      id: participantId,
      sessionId,
      organizationId: ctx.organizationId,
    });
    if (!participant) {
      throw SessionErrors.wrongSession();
    }
    if (participant.removedAt) {
      throw SessionErrors.participantRemoved(participantId);
    }
    const group = await this.breakouts.findGroup(ctx, sessionId, groupId);
    if (group.status !== 'open') {
      throw BreakoutErrors.groupClosed(groupId);
    }
    if (!group.participantIds.includes(participantId)) {
      throw BreakoutErrors.notAMember(groupId);
    }

    return group;
  }
}
