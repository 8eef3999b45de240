import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { FastifyRequest } from 'fastify';
import { ApiScope, RequestContext } from '../common/request-context';
import type { RateLimitState } from '../rate-limits/rate-limiter';

export const PUBLIC_KEY = 'hilink:public';
export const SCOPE_KEY = 'hilink:scope';
export const PARTICIPANT_KEY = 'hilink:participant';

/** Marks a route that needs no credentials (health, docs, signed webhooks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The scope an API key needs for this operation; without it only `admin` keys pass. */
export const RequireScope = (scope: ApiScope) => SetMetadata(SCOPE_KEY, scope);

/** Also admits participant tokens; the service must then check the token's session. */
export const AllowParticipant = () => SetMetadata(PARTICIPANT_KEY, true);

export type AuthenticatedRequest = FastifyRequest & {
  hilinkContext?: RequestContext;
  /** Set once per request by the auth guard; null when the credential is unlimited. */
  rateLimit?: RateLimitState | null;
};

export function requestFrom(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }

  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** Injects the caller's RequestContext, which the auth guard attached to the request. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const ctx = requestFrom(context).hilinkContext;
  if (!ctx) {
    throw new Error('RequestContext is missing: the route is public but asked for a caller.');
  }

  return ctx;
});
