import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ErrorCode } from '../common/app-error';
import { ApiScope } from '../common/request-context';
import { ApiKeysService } from '../organizations/api-keys.service';
import {
  AuthenticatedRequest,
  PARTICIPANT_KEY,
  PUBLIC_KEY,
  requestFrom,
  SCOPE_KEY,
} from './auth.decorators';
import { PARTICIPANT_TOKEN_PREFIX, ParticipantTokenService } from './participant-token.service';
import { bearerCredential, missingBearerReason } from './bearer';
import { hasScope } from './scopes';
import {
  CredentialKind,
  RateLimiter,
  rateLimitExceeded,
  RateLimitState,
} from '../rate-limits/rate-limiter';

function unauthenticated(message: string): AppError {
  return new AppError(ErrorCode.Unauthenticated, message, { reason: 'UNAUTHENTICATED' });
}

/** The auth metadata of one route handler, read once because it never changes at runtime. */
interface RoutePolicy {
  isPublic: boolean;
  allowsParticipants: boolean;
  /** The scope an API key needs, which is `admin` when the route names none. */
  requiredScope: ApiScope;
}

/** Authenticates every request by its bearer credential and checks the operation's scope. */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Keyed by class, then handler: a subclass may inherit a handler but carry other class metadata. */
  private readonly policies = new WeakMap<object, WeakMap<object, RoutePolicy>>();
  /** The rate limit count of each request in flight, taken once per request. */
  private readonly counted = new WeakMap<object, Promise<RateLimitState | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly participantTokens: ParticipantTokenService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** Public routes return synchronously, so NestJS awaits no promise for them. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const policy = this.policyFor(context);
    if (policy.isPublic) {
      return true;
    }
    const request = requestFrom(context);
    const token = this.bearerToken(request);
    if (token.startsWith(PARTICIPANT_TOKEN_PREFIX)) {
      this.admitParticipant(request, token, policy);

      return this.limit(request);
    }

    return this.admitApiKey(request, token, policy.requiredScope).then(() => this.limit(request));
  }

  /**
   * Counts the request against its credential's rate limit once; GraphQL runs the guard for
   * every root field of one request. The state is kept on the request for the RateLimit headers.
   */
  private async limit(request: AuthenticatedRequest): Promise<boolean> {
    const actor = request.hilinkContext?.actor;
    if (actor?.kind !== 'api_key' && actor?.kind !== 'participant') {
      return true;
    }
    const kind: CredentialKind = actor.kind;
    // Root fields of one GraphQL request run their guards concurrently, so they share the count.
    let counted = this.counted.get(request);
    if (!counted && request.rateLimit !== undefined) {
      // The GraphQL idempotency plugin already counted this request.
      counted = Promise.resolve(request.rateLimit ?? undefined);
      this.counted.set(request, counted);
    }
    if (!counted) {
      const id = actor.kind === 'api_key' ? actor.apiKeyId : actor.participantId;
      counted = this.rateLimiter.consume(kind, id);
      this.counted.set(request, counted);
    }
    const state = (await counted) ?? null;
    request.rateLimit = state;
    if (state?.exceeded) {
      throw rateLimitExceeded(kind, state);
    }

    return true;
  }

  private policyFor(context: ExecutionContext): RoutePolicy {
    const handler = context.getHandler();
    const controller = context.getClass();
    let policies = this.policies.get(controller);
    if (!policies) {
      policies = new WeakMap();
      this.policies.set(controller, policies);
    }
    let policy = policies.get(handler);
    if (!policy) {
      const targets = [handler, controller];
      policy = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false,
        allowsParticipants:
          this.reflector.getAllAndOverride<boolean>(PARTICIPANT_KEY, targets) ?? false,
        requiredScope: this.reflector.getAllAndOverride<ApiScope>(SCOPE_KEY, targets) ?? 'admin',
      };
      policies.set(handler, policy);
    }

    return policy;
  }

  private async admitApiKey(
    request: AuthenticatedRequest,
    token: string,
    required: ApiScope,
  ): Promise<boolean> {
    const key = await this.apiKeys.verify(token);
    if (!key) {
      throw unauthenticated(
        'The API key is invalid or revoked. Check the key, or ask an admin of the organization for a new one (a lost platform admin key is replaced with npm run admin-key).',
      );
    }
    if (!hasScope(key.scopes, required)) {
      throw new AppError(
        ErrorCode.Forbidden,
        `This operation requires the "${required}" scope; the key has: ${key.scopes.join(', ')}.`,
        { reason: 'MISSING_SCOPE', details: { requiredScope: required } },
      );
    }
    request.hilinkContext = {
      organizationId: key.organizationId,
      requestId: String(request.id),
      actor: { kind: 'api_key', apiKeyId: key.apiKeyId, scopes: key.scopes },
    };

    return true;
  }

  private bearerToken(request: AuthenticatedRequest): string {
    const header = request.headers?.authorization;
    const credential = bearerCredential(header);
    if (credential === undefined) {
      throw unauthenticated(missingBearerReason(header));
    }

    return credential;
  }

  private admitParticipant(
    request: AuthenticatedRequest,
    token: string,
    policy: RoutePolicy,
  ): void {
    const claims = this.participantTokens.verify(token);
    if (!claims) {
      throw unauthenticated(
        'The participant token is invalid or expired. Request a new join token.',
      );
    }
    if (!policy.allowsParticipants) {
      throw new AppError(
        ErrorCode.Forbidden,
        'A participant token cannot call this operation; use an API key.',
        {
          reason: 'PARTICIPANT_NOT_ALLOWED',
        },
      );
    }
    request.hilinkContext = {
      organizationId: claims.organizationId,
      requestId: String(request.id),
      actor: {
        kind: 'participant',
        participantId: claims.participantId,
        sessionId: claims.sessionId,
        identity: claims.identity,
        role: claims.role,
      },
    };
  }
}
