import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';

/**
 * Raises FORBIDDEN unless the caller may review the session's parent updates: an API key,
 * background work, or an instructor's participant token for this session.
 */
export function assertReviewerOf(ctx: RequestContext, sessionId: string): void {
  if (ctx.actor.kind !== 'participant') {
    return;
  }
  if (ctx.actor.role !== 'instructor') {
    throw new AppError(
      ErrorCode.Forbidden,
      "Only the session's instructors and API keys can read or review parent updates.",
      { reason: 'INSTRUCTOR_ONLY' },
    );
  }
  if (ctx.actor.sessionId !== sessionId) {
    throw new AppError(ErrorCode.Forbidden, 'This participant token belongs to another session.', {
      reason: 'PARTICIPANT_WRONG_SESSION',
      field: 'sessionId',
    });
  }
}
