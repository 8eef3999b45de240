import { EventIterator } from './event-iterator';

/**
 * The message bus behind GraphQL subscriptions. Payloads are JSON values: every implementation
 * delivers the JSON round trip of what was published, so a Date arrives as an ISO string.
 */
export interface PubSub {
  /** Connects to the backing service, if any; called once before the first publish. */
  connect(): Promise<void>;
  /** Sends a payload to the current subscribers of a channel, on every replica that shares the bus. */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Returns an iterator of the channel's messages, ready to receive once the promise resolves. */
  subscribe<T>(channel: string): Promise<EventIterator<T>>;
  /** Number of open iterators on a channel in this process. */
  subscriberCount(channel: string): number;
  /**
   * Checks whether a publish to the channel may reach a subscriber, so a caller can skip
   * building a payload that no one receives. Returns false only when that is certain.
   */
  mayHaveSubscribers(channel: string): boolean;
  /** Ends every open iterator and releases connections. */
  close(): Promise<void>;
}

export const PUB_SUB = Symbol('PUB_SUB');

/**
 * Keeps the open iterators of each channel in this process and delivers messages to them.
 * Both pub/sub implementations use it for the local fan-out.
 */
export class LocalSubscribers {
  private readonly channels = new Map<string, Set<EventIterator<unknown>>>();

  /**
   * Adds an iterator to a channel. `onLastLeft` runs when the channel's last iterator finishes,
   * so a shared connection can stop listening to it.
   */
  add<T>(channel: string, onLastLeft: () => void): { iterator: EventIterator<T>; first: boolean } {
    let iterators = this.channels.get(channel);
    const first = iterators === undefined;
    if (!iterators) {
      iterators = new Set();
      this.channels.set(channel, iterators);
    }
    const iterator: EventIterator<T> = new EventIterator<T>(channel, () => {
      const current = this.channels.get(channel);
      current?.delete(iterator as EventIterator<unknown>);
      if (current?.size === 0) {
        this.channels.delete(channel);
        onLastLeft();
      }
    });
    iterators.add(iterator as EventIterator<unknown>);

    return { iterator, first };
  }

  /** Delivers a message to every iterator of the channel. */
  deliver(channel: string, payload: unknown): void {
    for (const iterator of [...(this.channels.get(channel) ?? [])]) {
      iterator.push(payload);
    }
  }

  count(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  /** Ends every iterator; each one's buffered messages can still be read. */
  endAll(): void {
    for (const iterators of [...this.channels.values()]) {
      for (const iterator of [...iterators]) {
        iterator.end();
      }
    }
    this.channels.clear();
  }
}

/** Delivers messages only to subscribers in this process; the default without REDIS_URL. */
export class InProcessPubSub implements PubSub {
  private readonly subscribers = new LocalSubscribers();

  connect(): Promise<void> {
    return Promise.resolve();
  }

  publish(channel: string, payload: unknown): Promise<void> {
    // The JSON round trip gives subscribers the same values that Redis would deliver.
    this.subscribers.deliver(channel, JSON.parse(JSON.stringify(payload)));

    return Promise.resolve();
  }

  subscribe<T>(channel: string): Promise<EventIterator<T>> {
    return Promise.resolve(this.subscribers.add<T>(channel, () => undefined).iterator);
  }

  subscriberCount(channel: string): number {
    return this.subscribers.count(channel);
  }

  mayHaveSubscribers(channel: string): boolean {
    return this.subscribers.count(channel) > 0;
  }

  close(): Promise<void> {
    this.subscribers.endAll();

    return Promise.resolve();
  }
}
