import { Injectable } from '@nestjs/common';
import { ParticipantTokenService } from '../auth/participant-token.service';
import { generateSigningSecret, SecretBox } from './webhook-signature';

/** The stored secret columns of a subscription, as a raw row. */
export interface StoredSecrets {
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | string | null;
}

/** Opened secrets kept in memory, the least recently opened dropped first. */
const OPENED_CACHE_SIZE = 1_000;

/** Creates signing secrets and keeps them encrypted with a key derived from HILINK_SECRET. */
@Injectable()
export class WebhookSecrets {
  private box?: SecretBox;
  /** Opened secrets by their sealed form, so a busy subscription is not decrypted per request. */
  private readonly opened = new Map<string, string>();

  constructor(private readonly tokens: ParticipantTokenService) {}

  /** Returns a new secret and its sealed form for storage. */
  create(): { secret: string; sealed: string } {
    const secret = generateSigningSecret();

    return { secret, sealed: this.sealer().seal(secret) };
  }

  /** Returns the secrets that sign now: the current one, and the previous one until it expires. */
  signingSecrets(stored: StoredSecrets, now = Date.now()): string[] {
    const secrets = [this.open(stored.secret_ciphertext)];
    const expires = stored.previous_secret_expires_at;
    if (stored.previous_secret_ciphertext && expires && new Date(expires).getTime() > now) {
      secrets.push(this.open(stored.previous_secret_ciphertext));
    }

    return secrets;
  }

  private open(sealed: string): string {
    let secret = this.opened.get(sealed);
    if (secret === undefined) {
      secret = this.sealer().open(sealed);
      this.opened.set(sealed, secret);
      if (this.opened.size > OPENED_CACHE_SIZE) {
        this.opened.delete(this.opened.keys().next().value!);
      }
    }

    return secret;
  }

  private sealer(): SecretBox {
    this.box ??= new SecretBox(this.tokens.deriveKey('webhook-signing-secrets'));

    return this.box;
  }
}
