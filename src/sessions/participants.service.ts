import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { EntityColumns } from '../database/entity-columns';
import { queryPrepared } from '../database/prepared-query';
import { TurnBatch } from '../database/turn-batch';
import { RoomsService } from '../rooms/rooms.service';
import { AddParticipantInput } from './dto/participant.input';
import { Participant } from './participant.entity';
import { SESSION_ROSTER, SessionRoster } from './roster';
import { memberIdentity } from './session-planner';
import { Session } from './session.entity';
import { SessionErrors } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** A session and one of its participants, read together for a join. */
export interface SessionParticipant {
  session: Session;
  participant: Participant;
}

interface SessionParticipantKey {
  organizationId: string;
  sessionId: string;
  participantId: string;
}

function sessionParticipantKey(key: SessionParticipantKey): string {
  return `${key.organizationId}/${key.sessionId}/${key.participantId}`;
}

/** Manages who is in a session: observers added by hand, removals, and join and leave times. */
@Injectable()
export class ParticipantsService {
  private readonly logger = new Logger(ParticipantsService.name);
  private readonly sessionColumns: EntityColumns<Session>;
  private readonly participantColumns: EntityColumns<Participant>;
  /** SQL of getWithSession, sent as a prepared statement. */
  private readonly sessionParticipantSql: string;
  /** The batch form of sessionParticipantSql, for the reads of one event-loop turn. */
  private readonly sessionParticipantsSql: string;
  private readonly sessionParticipants: TurnBatch<
    SessionParticipantKey,
    Partial<SessionParticipant>
  >;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
    @Inject(SESSION_ROSTER) private readonly roster: SessionRoster,
  ) {
    this.sessionColumns = new EntityColumns(dataSource, Session, 's');
    this.participantColumns = new EntityColumns(dataSource, Participant, 'p');
    this.sessionParticipantSql = `SELECT $2::uuid AS k_participant_id, ${this.sessionColumns.selectList}, ${this.participantColumns.selectList}
       FROM sessions s
       LEFT JOIN participants p ON p.id = $2 AND p.session_id = s.id AND p.organization_id = s.organization_id
       WHERE s.id = $1 AND s.organization_id = $3`;
    this.sessionParticipantsSql = `SELECT k.participant_id AS k_participant_id, ${this.sessionColumns.selectList}, ${this.participantColumns.selectList}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(session_id, participant_id, organization_id)
       JOIN sessions s ON s.id = k.session_id AND s.organization_id = k.organization_id
       LEFT JOIN participants p ON p.id = k.participant_id AND p.session_id = s.id AND p.organization_id = s.organization_id`;
    this.sessionParticipants = new TurnBatch(sessionParticipantKey, (keys) =>
      this.readSessionParticipants(keys),
    );
  }

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

  /**
   * Reads a session and one of its participants in one statement instead of two, because a
   * database round trip is a large share of the cost of issuing join tokens; the joins of one
   * event-loop turn share that statement. Raises "session not found" before "participant not
   * found", as two separate reads would.
   */
  async getWithSession(
    ctx: RequestContext,
    sessionId: string,
    participantId: string,
  ): Promise<SessionParticipant> {
    // A malformed id would fail the shared statement of every request in the batch.
    if (!isUUID(sessionId)) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }
    if (!isUUID(participantId)) {
      throw SessionErrors.participantNotFound(participantId);
    }
    const found = await this.sessionParticipants.load({
      organizationId: ctx.organizationId,
      sessionId,
      participantId,
    });
    if (!found?.session) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }
    if (!found.participant) {
      throw SessionErrors.participantNotFound(participantId);
    }

    return { session: found.session, participant: found.participant };
  }

  /** Reads the pairs of one turn; a pair whose session exists maps to it with its participant, if any. */
  private async readSessionParticipants(
    keys: SessionParticipantKey[],
  ): Promise<Map<string, Partial<SessionParticipant>>> {
    const rows =
      keys.length === 1
        ? await queryPrepared<Record<string, unknown>>(
            this.dataSource,
            'participant-with-session',
            this.sessionParticipantSql,
            [keys[0].sessionId, keys[0].participantId, keys[0].organizationId],
          )
        : await queryPrepared<Record<string, unknown>>(
            this.dataSource,
            'participants-with-sessions',
            this.sessionParticipantsSql,
            [
              keys.map((key) => key.sessionId),
              keys.map((key) => key.participantId),
              keys.map((key) => key.organizationId),
            ],
          );
    const found = new Map<string, Partial<SessionParticipant>>();
    for (const row of rows) {
      const session = this.sessionColumns.hydrate(row);
      if (!session) {
        continue;
      }
      const key = sessionParticipantKey({
        organizationId: session.organizationId,
        sessionId: session.id,
        participantId: String(row.k_participant_id),
      });
      found.set(key, { session, participant: this.participantColumns.hydrate(row) });
    }

    return found;
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

  /**
   * Sets participants' first join and last leave inside the caller's transaction. The rows are
   * locked in id order before `derive` reads what they should be, so concurrent updates of one
   * participant apply one after the other, each from the committed state of the other. The
   * engagement module derives both times from joined and left events.
   */
  async updatePresence(
    manager: EntityManager,
    ctx: RequestContext,
    participantIds: readonly string[],
    derive: () => Promise<Map<string, { joinedAt: Date | null; leftAt: Date | null }>>,
  ): Promise<void> {
    if (participantIds.length === 0) {
      return;
    }
    await manager.query(
      `SELECT id FROM participants WHERE id = ANY($1) AND organization_id = $2 ORDER BY id FOR UPDATE`,
      [[...participantIds], ctx.organizationId],
    );
    for (const [participantId, presence] of await derive()) {
      await manager.query(
        `UPDATE participants SET joined_at = $3, left_at = $4, updated_at = now()
         WHERE id = $1 AND organization_id = $2`,
        [participantId, ctx.organizationId, presence.joinedAt, presence.leftAt],
      );
    }
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
