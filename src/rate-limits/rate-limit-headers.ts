import { FastifyReply } from 'fastify';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { WINDOW_MS } from './rate-limiter';

/**
 * Adds the RateLimit header fields of the IETF HTTP API draft to every limited response, and
 * Retry-After with status 429 to a rejected one. GraphQL returns the errors of a rejected request
 * in a 200 body, so the status is set here for both API surfaces.
 */
export function setRateLimitHeaders(request: AuthenticatedRequest, reply: FastifyReply): void {
  const state = request.rateLimit;
  if (!state) {
    return;
  }
  void reply.header('ratelimit-policy', `${state.limit};w=${WINDOW_MS / 1000}`);
  void reply.header('ratelimit-limit', String(state.limit));
  void reply.header('ratelimit-remaining', String(state.remaining));
  void reply.header('ratelimit-reset', String(state.resetSeconds));
  if (state.exceeded) {
    void reply.header('retry-after', String(state.resetSeconds));
    void reply.code(429);
  }
}
