import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { ApiScope, RequestContext } from '../common/request-context';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput, CreatedApiKey } from './dto/create-api-key.input';
import { OrganizationErrors } from './organizations.errors';

export const API_KEY_PREFIX = 'hlk_';
const KEY_PATTERN = /^hlk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** How long a verified key is trusted without a database read; revocation on another replica takes effect within it. */
const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;

export interface VerifiedKey {
  apiKeyId: string;
  organizationId: string;
  scopes: ApiScope[];
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);

  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly cache = new Map<string, { key: VerifiedKey; hash: Buffer; expiresAt: number }>();

  constructor(@InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>) {}

  /** Creates a key and returns its secret, which is not stored and cannot be shown again. */
  async create(
    organizationId: string,
    input: CreateApiKeyInput,
    manager: EntityManager = this.apiKeys.manager,
  ): Promise<CreatedApiKey> {
    const prefix = randomAlphanumeric(12);
    const secret = `${API_KEY_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
    const apiKey = manager.create(ApiKey, {
      organizationId,
      name: input.name,
      prefix: `${API_KEY_PREFIX}${prefix}`,
      secretHash: sha256(secret).toString('hex'),
      scopes: [...new Set(input.scopes)],
      lastUsedAt: null,
      revokedAt: null,
    });

    return { apiKey: await manager.save(apiKey), secret };
  }

  list(ctx: RequestContext): Promise<ApiKey[]> {
    return this.apiKeys.find({
      where: { organizationId: ctx.organizationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    const apiKey = await this.apiKeys.findOneBy({ id, organizationId: ctx.organizationId });
    if (!apiKey) {
      throw notFound('API key', id);
    }
    if (apiKey.revokedAt) {
      throw OrganizationErrors.apiKeyAlreadyRevoked(id);
    }
    if (ctx.actor.kind === 'api_key' && ctx.actor.apiKeyId === id) {
      throw OrganizationErrors.cannotRevokeOwnKey();
    }
    apiKey.revokedAt = new Date();
    await this.apiKeys.update({ id, organizationId: ctx.organizationId }, { revokedAt: apiKey.revokedAt });
    this.cache.delete(apiKey.prefix);

    return apiKey;
  }

  /** Resolves a presented key, comparing hashes in constant time; returns undefined when invalid or revoked. */
  async verify(presented: string): Promise<VerifiedKey | undefined> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) {
      return undefined;
    }
    const prefix = `${API_KEY_PREFIX}${match[1]}`;
    const hash = sha256(presented);
    const cached = this.cache.get(prefix);
    if (cached && cached.expiresAt > Date.now()) {
      return timingSafeEqual(cached.hash, hash) ? cached.key : undefined;
    }
    const row = await this.apiKeys.findOneBy({ prefix, revokedAt: IsNull() });
    if (!row || !timingSafeEqual(Buffer.from(row.secretHash, 'hex'), hash)) {
      return undefined;
    }
    const key = { apiKeyId: row.id, organizationId: row.organizationId, scopes: row.scopes };
    this.remember(prefix, key, hash);

    return key;
  }

  private remember(prefix: string, key: VerifiedKey, hash: Buffer): void {
    if (this.cache.size >= CACHE_MAX_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
      }
    }
    this.cache.set(prefix, { key, hash, expiresAt: Date.now() + CACHE_TTL_MS });
    this.apiKeys.update({ id: key.apiKeyId }, { lastUsedAt: new Date() }).catch((error: unknown) => {
      this.logger.warn({ err: error, apiKeyId: key.apiKeyId }, 'Failed to record API key use');
    });
  }
}
