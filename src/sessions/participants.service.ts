import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { RoomsService } from '../rooms/rooms.service';
import { AddParticipantInput } from './dto/participant.input';
import { Participant } from './participant.entity';
import { SESSION_ROSTER, SessionRoster } from './roster';
import { memberIdentity } from './session-planner';
import { Session } from './session.entity';
import { SessionErrors } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** Manages who is in a session: observers added by hand, removals, and join and leave times. */
@Injectable()
export class ParticipantsService {
  private readonly logger = new Logger(ParticipantsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
    @Inject(SESSION_ROSTER) private readonly roster: SessionRoster,
  ) {}

  async list(ctx: RequestContext, sessionId: string): Promise<Participant[]> {
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.sessions.findParticipants(ctx, [sessionId]);
  }

  async get(ctx: RequestContext, sessionId: string, participantId: string): Promise<Participant> {
    const participant = await this.dataSource.getRepository(Participant).findOneBy({
      id: participantId,
      sessionId,
      organizationId: ctx.organizationId,
    });
    if (!participant) {
      throw SessionErrors.participantNotFound(participantId);
    }

    return participant;
  }

  /** Adds an observer to a scheduled or live session, within the room's capacity. */
  async addObserver(
    ctx: RequestContext,
    sessionId: string,
    input: AddParticipantInput,
  ): Promise<Participant> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    SessionErrors.assertAllowed('change participants', session.status);
    const identity = input.memberId ? memberIdentity(input.memberId) : input.identity;
    if (!identity) {
      throw SessionErrors.observerIdentityMissing();
    }
    if (input.memberId) {
      const [member] = await this.roster.findMembers(ctx, [input.memberId]);
      if (!member) {
        throw notFound('Member', input.memberId, 'memberId');
      }
    }
    const room = await this.rooms.get(ctx, session.roomId, 'roomId');

    const participant = await this.dataSource.transaction(async (manager) => {
      await this.lockSession(manager, ctx, session.id);
      await this.checkRoomFor(manager, ctx, session, identity, room.capacity);

      return manager.save(
        manager.create(Participant, {
          organizationId: ctx.organizationId,
          sessionId: session.id,
          role: 'observer',
          identity,
          displayName: input.displayName,
          memberId: input.memberId ?? null,
          studentId: null,
        }),
      );
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, participantId: participant.id },
      'Observer added',
    );

    return participant;
  }

  /** Marks a participant removed. The row and its history stay, but it gets no new join tokens. */
  async remove(
    ctx: RequestContext,
    sessionId: string,
    participantId: string,
  ): Promise<Participant> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    SessionErrors.assertAllowed('change participants', session.status);
    const participant = await this.get(ctx, sessionId, participantId);
    if (participant.removedAt) {
      throw SessionErrors.participantAlreadyRemoved(participantId);
    }
    participant.removedAt = new Date();
    await this.dataSource
      .getRepository(Participant)
      .update(
        { id: participantId, organizationId: ctx.organizationId },
        { removedAt: participant.removedAt },
      );
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, participantId },
      'Participant removed',
    );

    return participant;
  }

  /** Records a join: joinedAt keeps the first join, and leftAt is cleared until the next leave. */
  async recordJoin(ctx: RequestContext, participantId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE participants SET joined_at = COALESCE(joined_at, $3), left_at = NULL, updated_at = now()
       WHERE id = $1 AND organization_id = $2`,
      [participantId, ctx.organizationId, at],
    );
  }

  /** Records a leave. leftAt keeps the latest leave. */
  async recordLeave(ctx: RequestContext, participantId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE participants SET left_at = GREATEST(COALESCE(left_at, $3), $3), updated_at = now()
       WHERE id = $1 AND organization_id = $2`,
      [participantId, ctx.organizationId, at],
    );
  }

  private async lockSession(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<void> {
    await manager.findOne(Session, {
      where: { id: sessionId, organizationId: ctx.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async checkRoomFor(
    manager: EntityManager,
    ctx: RequestContext,
    session: Session,
    identity: string,
    capacity: number,
  ): Promise<void> {
    const existing = await manager.find(Participant, {
      where: { sessionId: session.id, organizationId: ctx.organizationId },
    });
    if (existing.some((participant) => participant.identity === identity)) {
      throw SessionErrors.participantExists(identity);
    }
    const active = existing.filter((participant) => !participant.removedAt).length;
    if (active + 1 > capacity) {
      throw SessionErrors.tooManyParticipants(active + 1, capacity);
    }
  }
}
