import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

export const PARTICIPANT_TOKEN_PREFIX = 'hlp_';

/** Claims of a participant token: one identity in one session of one organization. */
export interface ParticipantClaims {
  organizationId: string;
  sessionId: string;
  participantId: string;
  identity: string;
  role: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/**
 * Signs and verifies participant tokens with HMAC-SHA256. The key is HILINK_SECRET, or a random
 * secret generated once and stored in the database so tokens survive restarts.
 */
@Injectable()
export class ParticipantTokenService implements OnModuleInit {
  private key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.key = Buffer.from(this.config.secret ?? (await this.loadStoredSecret()), 'utf8');
  }

  /** Derives a 32-byte key for another purpose from the same secret, so the two never share a key. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `hilink:${purpose}`, 32));
  }

  sign(claims: ParticipantClaims): string {
    const payload = Buffer.from(
      JSON.stringify({
        o: claims.organizationId,
        s: claims.sessionId,
        p: claims.participantId,
        i: claims.identity,
        r: claims.role,
        exp: claims.exp,
      }),
    ).toString('base64url');

    return `${PARTICIPANT_TOKEN_PREFIX}${payload}.${this.signature(payload)}`;
  }

  /** Returns the claims of a valid, unexpired token, or undefined. */
  verify(token: string, now = Date.now()): ParticipantClaims | undefined {
    if (!token.startsWith(PARTICIPANT_TOKEN_PREFIX)) {
      return undefined;
    }
    const [payload, signature] = token.slice(PARTICIPANT_TOKEN_PREFIX.length).split('.');
    if (!payload || !signature) {
      return undefined;
    }
    const expected = Buffer.from(this.signature(payload));
    const presented = Buffer.from(signature);
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) {
      return undefined;
    }
    try {
      const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      if (typeof raw.exp !== 'number' || raw.exp * 1000 <= now) {
        return undefined;
      }

      return {
        organizationId: String(raw.o),
        sessionId: String(raw.s),
        participantId: String(raw.p),
        identity: String(raw.i),
        role: String(raw.r),
        exp: raw.exp,
      };
    } catch {
      return undefined;
    }
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private async loadStoredSecret(): Promise<string> {
    const generated = randomBytes(32).toString('hex');
    await this.dataSource.query(
      `INSERT INTO system_settings (key, value) VALUES ('participant_token_secret', $1)
       ON CONFLICT (key) DO NOTHING`,
      [generated],
    );
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM system_settings WHERE key = 'participant_token_secret'`,
    );

    return rows[0]?.value ?? generated;
  }
}
