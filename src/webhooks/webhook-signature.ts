import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The prefix of a signing secret, as the Standard Webhooks specification writes it. */
export const SECRET_PREFIX = 'whsec_';

/** Decoded signing keys by secret, so that a busy subscription's key is decoded once. */
const keys = new Map<string, Buffer>();
/** Decoded keys kept at most; the oldest is dropped first. */
const MAX_KEYS = 1_000;

function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (key === undefined) {
    key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
    keys.set(secret, key);
    if (keys.size > MAX_KEYS) {
      keys.delete(keys.keys().next().value!);
    }
  }

  return key;
}

/** Returns a new signing secret: `whsec_` and 32 random bytes in base64. */
export function generateSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * Signs one message per the Standard Webhooks specification: HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>` with the secret's base64-decoded bytes, written as
 * `v1,<base64 signature>`.
 */
export function signMessage(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const signature = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');

  return `v1,${signature}`;
}

/** The headers of one delivery attempt; with a previous secret still valid, both signatures. */
export function signatureHeaders(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets
      .map((secret) => signMessage(secret, id, timestampSeconds, body))
      .join(' '),
  };
}

/**
 * Encrypts signing secrets at rest with AES-256-GCM. The stored form is
 * `<iv>.<tag>.<ciphertext>`, each in base64url.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) {
      throw new RangeError(`SecretBox key has ${key.length} bytes: expected 32.`);
    }
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);

    return [iv, cipher.getAuthTag(), ciphertext]
      .map((part) => part.toString('base64url'))
      .join('.');
  }

  open(sealed: string): string {
    const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !ciphertext) {
      throw new Error('The sealed secret is malformed: expected <iv>.<tag>.<ciphertext>.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);

    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}
