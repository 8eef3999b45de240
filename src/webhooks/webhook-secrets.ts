import { Injectable } from '@nestjs/common';
import { ParticipantTokenService } from '../auth/participant-token.service';
import { generateSigningSecret, SecretBox } from './webhook-signature';

/** The stored secret columns of a subscription, as a raw row. */
export interface StoredSecrets {
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | string | null;
}

/** Creates signing secrets and keeps them encrypted with a key derived from HILINK_SECRET. */
@Injectable()
export class WebhookSecrets {
  private box?: SecretBox;

  constructor(private readonly tokens: ParticipantTokenService) {}

  /** Returns a new secret and its sealed form for storage. */
  create(): { secret: string; sealed: string } {
    const secret = generateSigningSecret();

    return { secret, sealed: this.sealer().seal(secret) };
  }

  /** Returns the secrets that sign now: the current one, and the previous one until it expires. */
  signingSecrets(stored: StoredSecrets, now = Date.now()): string[] {
    const secrets = [this.sealer().open(stored.secret_ciphertext)];
    const expires = stored.previous_secret_expires_at;
    if (stored.previous_secret_ciphertext && expires && new Date(expires).getTime() > now) {
      secrets.push(this.sealer().open(stored.previous_secret_ciphertext));
    }

    return secrets;
  }

  private sealer(): SecretBox {
    this.box ??= new SecretBox(this.tokens.deriveKey('webhook-signing-secrets'));

    return this.box;
  }
}
