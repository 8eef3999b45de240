import { Injectable } from '@nestjs/common';
import {
  PARTICIPANT_TOKEN_PREFIX,
  ParticipantTokenService,
} from '../auth/participant-token.service';
import { bearerCredential, missingBearerReason } from '../auth/bearer';
import { ApiKeysService } from '../organizations/api-keys.service';

/** WebSocket close code for missing, invalid, revoked or expired credentials. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

/** The outcome of checking a connection_init payload. */
export type ConnectionAuthResult = { ok: true; credential: string } | { ok: false; reason: string };

/** Reads `authorization` (any letter case) from the connection_init payload. */
function authorizationOf(payload: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!payload) {
    return undefined;
  }
  const key = Object.keys(payload).find((name) => name.toLowerCase() === 'authorization');

  return key === undefined ? undefined : payload[key];
}

/**
 * Checks the credential of a subscription connection with the same verification as HTTP
 * requests. The close reasons fit the 123-byte limit of a WebSocket close frame.
 */
@Injectable()
export class SubscriptionAuthenticator {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly participantTokens: ParticipantTokenService,
  ) {}

  async authenticate(
    payload: Readonly<Record<string, unknown>> | undefined,
  ): Promise<ConnectionAuthResult> {
    const authorization = authorizationOf(payload);
    const credential = bearerCredential(authorization);
    if (credential === undefined) {
      const reason =
        authorization === undefined || authorization === ''
          ? 'Missing credentials: send {"authorization":"Bearer <API key>"} in the connection_init payload.'
          : missingBearerReason(authorization);

      return { ok: false, reason };
    }
    if (await this.isValid(credential)) {
      return { ok: true, credential };
    }
    const reason = credential.startsWith(PARTICIPANT_TOKEN_PREFIX)
      ? 'The participant token is invalid or expired. Request a new join token.'
      : 'The API key is invalid or revoked. Connect again with a valid key.';

    return { ok: false, reason };
  }

  /** Checks that a credential accepted earlier is still valid: not revoked and not expired. */
  async isValid(credential: string): Promise<boolean> {
    if (credential.startsWith(PARTICIPANT_TOKEN_PREFIX)) {
      return this.participantTokens.verify(credential) !== undefined;
    }

    return (await this.apiKeys.verify(credential)) !== undefined;
  }
}
