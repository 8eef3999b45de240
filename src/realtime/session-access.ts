import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';

/**
 * Rejects a participant token that asks for another session than its own. API keys pass: the
 * caller then loads the session, which raises NOT_FOUND for another organization's session.
 */
export function assertOwnSession(
  ctx: RequestContext,
  sessionId: string,
  action = 'subscribe to',
): void {
  if (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== sessionId) {
    throw new AppError(
      ErrorCode.Forbidden,
      `This participant token belongs to another session and cannot ${action} session "${sessionId}".`,
      { reason: 'PARTICIPANT_OTHER_SESSION', field: 'sessionId' },
    );
  }
}

/**
 * Rejects a participant token unless it is an instructor's token for this session. API keys
 * pass: their scope was checked by the guard, and the session lookup scopes them to their
 * organization.
 */
export function assertInstructorOf(ctx: RequestContext, sessionId: string, action: string): void {
  if (ctx.actor.kind !== 'participant') {
    return;
  }
  if (ctx.actor.sessionId !== sessionId) {
    throw new AppError(
      ErrorCode.Forbidden,
      `This participant token belongs to another session and cannot ${action} in session "${sessionId}".`,
      { reason: 'PARTICIPANT_OTHER_SESSION', field: 'sessionId' },
    );
  }
  if (ctx.actor.role !== 'instructor') {
    throw new AppError(
      ErrorCode.Forbidden,
      `Only the session's instructors can ${action}; this participant token has the ${ctx.actor.role} role.`,
      { reason: 'INSTRUCTOR_ONLY' },
    );
  }
}
