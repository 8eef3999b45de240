import { AppError, ErrorCode } from '../common/app-error';
import { RequestContext } from '../common/request-context';

/**
 * Rejects a participant token that asks for another session than its own. API keys pass: the
 * caller then loads the session, which raises NOT_FOUND for another organization's session.
 */
export function assertOwnSession(ctx: RequestContext, sessionId: string): void {
  if (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== sessionId) {
    throw new AppError(
      ErrorCode.Forbidden,
      `This participant token belongs to another session and cannot subscribe to session "${sessionId}".`,
      { reason: 'PARTICIPANT_OTHER_SESSION', field: 'sessionId' },
    );
  }
}
