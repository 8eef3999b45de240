import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';

/** True for API keys, background work and instructor participant tokens. */
export function isInstructorCaller(ctx: RequestContext): boolean {
  return ctx.actor.kind !== 'participant' || ctx.actor.role === 'instructor';
}

/**
 * Raises FORBIDDEN unless the caller may run the session: an API key, background work, or an
 * instructor's participant token for this session.
 */
export function assertInstructorOf(ctx: RequestContext, sessionId: string, action: string): void {
  if (ctx.actor.kind !== 'participant') {
    return;
  }
  if (ctx.actor.sessionId !== sessionId) {
    throw new AppError(ErrorCode.Forbidden, 'This participant token belongs to another session.', {
      reason: 'PARTICIPANT_WRONG_SESSION',
      field: 'sessionId',
    });
  }
  if (ctx.actor.role !== 'instructor') {
    throw new AppError(
      ErrorCode.Forbidden,
      `Only the session's instructors and API keys can ${action}.`,
      {
        reason: 'INSTRUCTOR_ONLY',
      },
    );
  }
}
