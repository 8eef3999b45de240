import {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestListener,
  GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { graphQLErrorExtensions } from '../common/exception.filter';
import {
  checkIdempotencyKey,
  IDEMPOTENCY_HEADER,
  IdempotencyStore,
} from '../common/idempotency-store';
import { ApiKeysService } from '../organizations/api-keys.service';
import { CredentialKind, RateLimiter, rateLimitExceeded } from '../rate-limits/rate-limiter';
import { AuthenticatedRequest } from './auth.decorators';
import { bearerCredential } from './bearer';
import { PARTICIPANT_TOKEN_PREFIX, ParticipantTokenService } from './participant-token.service';

/** The organization and credential that sent a request, as far as the idempotency key needs them. */
interface Caller {
  organizationId: string;
  kind: CredentialKind;
  credentialId: string;
}

/** Returns a GraphQL response that reports `error` the way resolver errors are reported. */
function errorResponse(error: AppError): GraphQLResponse {
  return {
    http: { status: 200, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: {
        errors: [{ message: error.message, extensions: graphQLErrorExtensions(error) }],
      },
    },
  };
}

/**
 * Makes GraphQL mutations safe to retry: a mutation sent with an `Idempotency-Key` header runs
 * once per organization and key, and a repeat of the same request by the same credential gets
 * the stored response, with the header `idempotent-replayed: true`. A response with errors is
 * not stored, so a corrected request may reuse the key. Queries ignore the header.
 */
@Plugin()
export class GraphQLIdempotencyPlugin implements ApolloServerPlugin {
  private readonly logger = new Logger(GraphQLIdempotencyPlugin.name);
  private readonly store: IdempotencyStore;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    private readonly participantTokens: ParticipantTokenService,
    private readonly rateLimiter: RateLimiter,
  ) {
    this.store = new IdempotencyStore(dataSource, (error) =>
      this.logger.warn({ err: error }, 'Failed to purge expired idempotency keys'),
    );
  }

  async requestDidStart(
    started: GraphQLRequestContext<{ req?: AuthenticatedRequest }>,
  ): Promise<GraphQLRequestListener<{ req?: AuthenticatedRequest }> | void> {
    const key = started.request.http?.headers.get(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      return;
    }
    let claimed: { caller: Caller; key: string } | undefined;

    return {
      responseForOperation: async (context) => {
        if (context.operation.operation !== 'mutation') {
          return null;
        }
        try {
          checkIdempotencyKey(key);
        } catch (error) {
          return errorResponse(error as AppError);
        }
        const caller = await this.caller(context.request.http?.headers.get('authorization'));
        if (!caller) {
          // The guard of the mutation raises the authentication error.
          return null;
        }
        // A replay never reaches the guard, so the request is counted here. The guard reuses
        // this count when the mutation runs.
        const request = context.contextValue.req;
        const limit = await this.rateLimiter.consume(caller.kind, caller.credentialId);
        if (request) {
          request.rateLimit = limit ?? null;
        }
        if (limit?.exceeded) {
          return errorResponse(rateLimitExceeded(caller.kind, limit));
        }
        const requestHash = createHash('sha256')
          .update(
            JSON.stringify([
              caller.credentialId,
              context.source,
              context.operationName,
              context.request.variables ?? null,
            ]),
          )
          .digest('hex');
        try {
          const claim = await this.store.claim(caller.organizationId, key, requestHash);
          if (claim.kind === 'replay') {
            const headers = new HeaderMap([['idempotent-replayed', 'true']]);

            return {
              http: { status: claim.statusCode, headers },
              body: { kind: 'single', singleResult: claim.response as Record<string, unknown> },
            };
          }
        } catch (error) {
          if (error instanceof AppError) {
            return errorResponse(error);
          }
          throw error;
        }
        claimed = { caller, key };

        return null;
      },
      willSendResponse: async (context) => {
        if (!claimed) {
          return;
        }
        const { organizationId } = claimed.caller;
        const body = context.response.body;
        const result = body.kind === 'single' ? body.singleResult : undefined;
        if (!result || result.errors?.length) {
          await this.store.release(organizationId, claimed.key);

          return;
        }
        await this.store.complete(organizationId, claimed.key, 200, {
          data: result.data ?? null,
        });
      },
    };
  }

  /** Resolves the request's credential without enforcing scopes, which the guard does later. */
  private async caller(authorization: string | undefined): Promise<Caller | undefined> {
    const token = bearerCredential(authorization);
    if (token === undefined) {
      return undefined;
    }
    if (token.startsWith(PARTICIPANT_TOKEN_PREFIX)) {
      const claims = this.participantTokens.verify(token);

      return claims
        ? {
            organizationId: claims.organizationId,
            kind: 'participant',
            credentialId: claims.participantId,
          }
        : undefined;
    }
    const apiKey = await this.apiKeys.verify(token);

    return apiKey
      ? { organizationId: apiKey.organizationId, kind: 'api_key', credentialId: apiKey.apiKeyId }
      : undefined;
  }
}
