/** Maximum events buffered for one subscriber before its subscription fails. */
export const MAX_BUFFERED_EVENTS = 1_000;

/** Raised to a subscriber that fell MAX_BUFFERED_EVENTS events behind the publisher. */
export class SubscriberOverflowError extends Error {
  constructor(readonly channel: string) {
    super(
      `The subscriber of ${channel} fell more than ${MAX_BUFFERED_EVENTS} events behind; subscribe again and reload the current state with a query.`,
    );
    this.name = 'SubscriberOverflowError';
  }
}

/**
 * An async iterator over the messages of one channel. The pub/sub pushes messages into it,
 * and `return()` (called by graphql-js when the client stops the subscription) unsubscribes.
 */
export class EventIterator<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: Error) => void }[] = [];
  private failure?: Error;
  private finished = false;

  constructor(
    readonly channel: string,
    private readonly onFinish: () => void,
  ) {}

  /** Delivers one message to the consumer, or buffers it until the consumer asks for it. */
  push(value: T): void {
    if (this.finished) {
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter.resolve({ value, done: false });

      return;
    }
    if (this.buffered.length >= MAX_BUFFERED_EVENTS) {
      this.fail(new SubscriberOverflowError(this.channel));

      return;
    }
    this.buffered.push(value);
  }

  /** Ends the iteration after the buffered messages, as when the pub/sub closes. */
  end(): void {
    this.finish();
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffered.shift();
    if (value !== undefined) {
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    if (this.finished) {
      return Promise.resolve({ value: undefined, done: true });
    }

    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.buffered.length = 0;
    this.finish();

    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.buffered.length = 0;
    this.finish();

    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private fail(error: Error): void {
    this.failure = error;
    this.buffered.length = 0;
    this.finish();
  }

  private finish(): void {
    if (this.finished) {
      return;
    }
    this.finished = true;
    for (const waiter of this.waiting.splice(0)) {
      if (this.failure) {
        waiter.reject(this.failure);
      } else {
        waiter.resolve({ value: undefined, done: true });
      }
    }
    this.onFinish();
  }
}
