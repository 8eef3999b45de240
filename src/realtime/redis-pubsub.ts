import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EventIterator } from './event-iterator';
import { LocalSubscribers, PubSub } from './pubsub';

/** How long start-up waits for both Redis connections before it fails. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Connection errors are logged at most once per this interval, because ioredis retries forever. */
const ERROR_LOG_INTERVAL_MS = 30_000;

export interface RedisPubSubOptions {
  url: string;
  /** Prepended to every channel name, so deployments that share a Redis server stay apart. */
  channelPrefix: string;
}

/**
 * Shares subscription events between replicas through Redis PUBLISH/SUBSCRIBE. It uses two
 * connections, because a Redis connection in subscribe mode cannot publish: one publishes, and
 * the other subscribes to each channel that has at least one subscriber in this process.
 */
export class RedisPubSub implements PubSub {
  private readonly logger = new Logger(RedisPubSub.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscribers = new LocalSubscribers();
  /** The SUBSCRIBE of each channel in use, so later subscribers also wait for its confirmation. */
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private lastErrorLoggedAt = 0;
  private suppressedErrors = 0;

  constructor(private readonly options: RedisPubSubOptions) {
    // Without the offline queue a publish fails at once while Redis is down, so a committed
    // write never waits for a reconnect.
    this.publisher = new Redis(options.url, { lazyConnect: true, enableOfflineQueue: false });
    this.subscriber = new Redis(options.url, { lazyConnect: true });
    for (const [role, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => this.logConnectionError(role, error));
    }
    this.subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
  }

  async connect(): Promise<void> {
    const timeout = new Promise<never>((_resolve, reject) => {
      setTimeout(
        () => reject(new Error(`Connecting to Redis at REDIS_URL timed out after ${CONNECT_TIMEOUT_MS} ms.`)),
        CONNECT_TIMEOUT_MS,
      ).unref();
    });
    try {
      await Promise.race([Promise.all([this.publisher.connect(), this.subscriber.connect()]), timeout]);
    } catch (error) {
      this.publisher.disconnect();
      this.subscriber.disconnect();
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Failed to connect to Redis at REDIS_URL (${this.redactedUrl()}): ${detail}`);
    }
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.redisChannel(channel), JSON.stringify(payload));
  }

  async subscribe<T>(channel: string): Promise<EventIterator<T>> {
    const redisChannel = this.redisChannel(channel);
    const { iterator, first } = this.subscribers.add<T>(channel, () => {
      this.subscribed.delete(channel);
      this.subscriber.unsubscribe(redisChannel).catch((error: unknown) => {
        this.logger.warn({ err: error, channel: redisChannel }, 'Failed to unsubscribe from a Redis channel');
      });
    });
    if (first) {
      this.subscribed.set(channel, this.subscriber.subscribe(redisChannel));
    }
    try {
      await this.subscribed.get(channel);
    } catch (error) {
      await iterator.return();
      throw error;
    }

    return iterator;
  }

  subscriberCount(channel: string): number {
    return this.subscribers.count(channel);
  }

  /** Always true: subscribers on other replicas are not known here. */
  mayHaveSubscribers(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.subscribers.endAll();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private onMessage(redisChannel: string, message: string): void {
    if (!redisChannel.startsWith(this.options.channelPrefix)) {
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch (error) {
      this.logger.warn({ err: error, channel: redisChannel }, 'Ignored a Redis message that is not JSON');

      return;
    }
    this.subscribers.deliver(redisChannel.slice(this.options.channelPrefix.length), payload);
  }

  private redisChannel(channel: string): string {
    return `${this.options.channelPrefix}${channel}`;
  }

  /** Returns the Redis URL without its password, for log and error messages. */
  private redactedUrl(): string {
    try {
      const url = new URL(this.options.url);
      url.password = url.password ? '***' : '';

      return url.toString();
    } catch {
      return 'an invalid URL';
    }
  }

  private logConnectionError(role: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) {
      this.suppressedErrors += 1;

      return;
    }
    this.logger.error(
      { err: error, connection: role, suppressedSinceLastLog: this.suppressedErrors },
      'Redis connection error; ioredis reconnects automatically',
    );
    this.lastErrorLoggedAt = now;
    this.suppressedErrors = 0;
  }
}
