import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppError, ErrorCode } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/config';

/** The window of every limit: requests are counted per credential and per minute. */
export const WINDOW_MS = 60_000;
/** Counter failures in Redis are logged at the first one and then once per this many ms. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/** The count of one request against its credential's limit, for the RateLimit headers. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
  exceeded: boolean;
}

export type CredentialKind = 'api_key' | 'participant';

/** Counts requests per credential in fixed one-minute windows, in Redis when it is configured. */
export interface RequestCounter {
  increment(key: string, windowStart: number): Promise<number>;
  close(): Promise<void>;
}

/** Counts in this process only; each replica then enforces the limit on its own share. */
export class MemoryCounter implements RequestCounter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  increment(key: string, windowStart: number): Promise<number> {
    const current = this.counts.get(key);
    if (!current || current.windowStart !== windowStart) {
      if (this.counts.size > 100_000) {
        this.evictBefore(windowStart);
      }
      this.counts.set(key, { windowStart, count: 1 });

      return Promise.resolve(1);
    }
    current.count += 1;

    return Promise.resolve(current.count);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private evictBefore(windowStart: number): void {
    for (const [key, entry] of this.counts) {
      if (entry.windowStart < windowStart) {
        this.counts.delete(key);
      }
    }
  }
}

/** Counts in Redis, so that every replica shares one count per credential. */
export class RedisCounter implements RequestCounter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
    });
  }

  async increment(key: string, windowStart: number): Promise<number> {
    const name = `${this.prefix}ratelimit:${key}:${windowStart}`;
    const results = await this.redis
      .multi()
      .incr(name)
      .pexpire(name, WINDOW_MS * 2)
      .exec();
    const [error, count] = results?.[0] ?? [new Error('Redis returned no result'), 0];
    if (error) {
      throw error;
    }

    return Number(count);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * Limits requests per API key and per participant token, in fixed one-minute windows. When the
 * shared counter fails, requests pass, because refusing every request would turn a Redis outage
 * into an API outage.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly counter: RequestCounter;
  private lastErrorLoggedAt = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.counter = config.redis
      ? new RedisCounter(config.redis.url, config.redis.channelPrefix)
      : new MemoryCounter();
  }

  /** Returns the limit per minute of a credential kind, or 0 when it is unlimited. */
  limitFor(kind: CredentialKind): number {
    return kind === 'api_key'
      ? this.config.rateLimits.apiKeyPerMinute
      : this.config.rateLimits.participantPerMinute;
  }

  /** Counts one request of the credential and returns its state, or undefined when unlimited. */
  async consume(
    kind: CredentialKind,
    id: string,
    now = Date.now(),
  ): Promise<RateLimitState | undefined> {
    const limit = this.limitFor(kind);
    if (limit === 0) {
      return undefined;
    }
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    let count: number;
    try {
      count = await this.counter.increment(`${kind}:${id}`, windowStart);
    } catch (error) {
      this.logError(error);

      return undefined;
    }

    return { limit, remaining: Math.max(0, limit - count), resetSeconds, exceeded: count > limit };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }

  private logError(error: unknown): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt >= ERROR_LOG_INTERVAL_MS) {
      this.lastErrorLoggedAt = now;
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'Counting requests for the rate limit failed; requests pass unlimited until it works',
      );
    }
  }
}

/** Builds the error of a request over its credential's limit. */
export function rateLimitExceeded(kind: CredentialKind, state: RateLimitState): AppError {
  const credential = kind === 'api_key' ? 'API key' : 'participant token';
  const wait = state.resetSeconds === 1 ? '1 second' : `${state.resetSeconds} seconds`;

  return new AppError(
    ErrorCode.TooManyRequests,
    `This ${credential} sent more than ${state.limit} requests this minute. Retry after ${wait}, ` +
      'spread requests out, or batch them (for example with the batch endpoints of transcripts and events).',
    {
      reason: 'RATE_LIMITED',
      details: { limit: state.limit, retryAfterSeconds: state.resetSeconds },
    },
  );
}
