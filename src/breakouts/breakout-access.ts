import { RequestContext } from '../common/request-context';
import { SessionErrors } from '../sessions/sessions.errors';
import { BreakoutErrors } from './breakouts.errors';

/** Raises FORBIDDEN for a participant token of another session. */
export function assertSameSession(ctx: RequestContext, sessionId: string): void {
  if (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== sessionId) {
    throw SessionErrors.wrongSession();
  }
}

/**
 * Raises FORBIDDEN unless the caller runs the session: an API key, background work, or an
 * instructor participant of this session.
 */
export function assertRunsSession(ctx: RequestContext, sessionId: string, action: string): void {
  assertSameSession(ctx, sessionId);
  if (ctx.actor.kind === 'participant' && ctx.actor.role !== 'instructor') {
    throw BreakoutErrors.instructorsOnly(action);
  }
}

/** Returns the participant id of a participant token, or undefined for other callers. */
export function participantIdOf(ctx: RequestContext): string | undefined {
  return ctx.actor.kind === 'participant' ? ctx.actor.participantId : undefined;
}
