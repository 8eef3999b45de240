import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Participant, ParticipantRole } from '../sessions/participant.entity';
import { ParticipantsService } from '../sessions/participants.service';
import { Session } from '../sessions/session.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import { SessionsService } from '../sessions/sessions.service';
import { WhiteboardErrors } from './whiteboard.errors';

/** The caller of a board operation, resolved against the board's session. */
export interface BoardActor {
  session: Session;
  /** A participant's role from the participants table; `api_key` and `system` for other callers. */
  role: ParticipantRole | 'api_key' | 'system';
  participantId: string | null;
  apiKeyId: string | null;
}

/** Writes are allowed while a session is scheduled (preparation) or live. */
export const WRITABLE_SESSION_STATUSES = ['scheduled', 'live'];

/**
 * Resolves who is calling for a board's session. A participant token must belong to that
 * session and to a participant who was not removed; API keys reach every session of their
 * organization. Raises NOT_FOUND for a session of another organization.
 */
@Injectable()
export class BoardAccess {
  constructor(
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
  ) {}

  /**
   * Reads who is calling and the session. Pass the manager of an open transaction: the
   * embedded database has one connection, so a read outside the transaction would wait for it
   * to end.
   */
  async actorFor(
    ctx: RequestContext,
    sessionId: string,
    manager?: EntityManager,
  ): Promise<BoardActor> {
    const actor = ctx.actor;
    if (manager) {
      return actorInTransaction(manager, ctx, sessionId);
    }
    if (actor.kind !== 'participant') {
      const session = await this.sessions.get(ctx, sessionId, 'sessionId');

      return {
        session,
        role: actor.kind,
        participantId: null,
        apiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
      };
    }
    if (actor.sessionId !== sessionId) {
      throw WhiteboardErrors.otherSession();
    }
    const { session, participant } = await this.participants.getWithSession(
      ctx,
      sessionId,
      actor.participantId,
    );
    if (participant.removedAt) {
      throw WhiteboardErrors.participantRemoved(participant.id);
    }

    return { session, role: participant.role, participantId: participant.id, apiKeyId: null };
  }

  /** Like actorFor, and raises FORBIDDEN unless the caller is an instructor or an API key. */
  async instructorFor(
    ctx: RequestContext,
    sessionId: string,
    action: string,
    manager?: EntityManager,
  ): Promise<BoardActor> {
    const actor = await this.actorFor(ctx, sessionId, manager);
    if (!isInstructorOrKey(actor)) {
      throw WhiteboardErrors.instructorOnlyAction(action);
    }

    return actor;
  }
}

/** Reads the session and the calling participant through an open transaction. */
async function actorInTransaction(
  manager: EntityManager,
  ctx: RequestContext,
  sessionId: string,
): Promise<BoardActor> {
  const session = await manager.findOneBy(Session, {
    id: sessionId,
    organizationId: ctx.organizationId,
  });
  if (!session) {
    throw SessionErrors.notFound(sessionId, 'sessionId');
  }
  const actor = ctx.actor;
  if (actor.kind !== 'participant') {
    return {
      session,
      role: actor.kind,
      participantId: null,
      apiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
    };
  }
  if (actor.sessionId !== sessionId) {
    throw WhiteboardErrors.otherSession();
  }
  const participant = await manager.findOneBy(Participant, {
    id: actor.participantId,
    sessionId,
    organizationId: ctx.organizationId,
  });
  if (!participant) {
    throw SessionErrors.participantNotFound(actor.participantId);
  }
  if (participant.removedAt) {
    throw WhiteboardErrors.participantRemoved(participant.id);
  }

  return { session, role: participant.role, participantId: participant.id, apiKeyId: null };
}

/** True for instructors, API keys and HiLink's own background work. */
export function isInstructorOrKey(actor: BoardActor): boolean {
  return actor.role === 'instructor' || actor.role === 'api_key' || actor.role === 'system';
}
