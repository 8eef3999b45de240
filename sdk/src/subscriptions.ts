import { Client, createClient } from 'graphql-ws';
import { errorFromGraphQL, HiLinkError } from './errors.js';

/** WebSocket close code with which the server rejects missing, invalid, revoked or expired credentials. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

/** Per-subscription options accepted by every subscription method. */
export interface SubscribeOptions {
  /** Stops the subscription when this signal fires; the iterator then ends without an error. */
  signal?: AbortSignal;
}

/**
 * The events of one subscription as an async iterator. Leaving a `for await` loop, or calling
 * `return()`, stops the subscription. A failure rejects with a `HiLinkError`.
 */
export interface HiLinkSubscription<T> extends AsyncIterableIterator<T> {
  /** Stops the subscription on the server and ends the iterator. */
  return(): Promise<IteratorResult<T>>;
}

/** A WebSocket constructor: the global `WebSocket` of browsers and Node 22, or `ws` in Node 20. */
export type WebSocketConstructor = unknown;

export interface SubscriptionTransportOptions {
  /** Base URL of the server, such as `http://127.0.0.1:3000`; the scheme becomes ws or wss. */
  url: string;
  apiKey: string;
  webSocket?: WebSocketConstructor;
}

interface FormattedResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Converts what graphql-ws rejects with (a close event, GraphQL errors or an Error) into a HiLinkError. */
function subscriptionError(error: unknown, endpoint: string): HiLinkError {
  if (Array.isArray(error)) {
    return errorFromGraphQL(error, 200, undefined);
  }
  const close = error as { code?: unknown; reason?: unknown } | null;
  if (close && typeof close.code === 'number') {
    const reason =
      typeof close.reason === 'string' && close.reason ? close.reason : 'no reason given';
    return new HiLinkError(
      `The subscription connection to ${endpoint} closed with ${close.code}: ${reason}`,
      {
        code: close.code === UNAUTHORIZED_CLOSE_CODE ? 'UNAUTHENTICATED' : 'NETWORK_ERROR',
        cause: error,
      },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);

  return new HiLinkError(`The subscription connection to ${endpoint} failed: ${detail}`, {
    code: 'NETWORK_ERROR',
    cause: error,
  });
}

/**
 * One graphql-ws connection shared by all subscriptions of a client. It connects on the first
 * subscription, sends the credential in the connection_init payload, and closes after the
 * last subscription ends.
 */
export class SubscriptionTransport {
  readonly endpoint: string;
  private client?: Client;

  constructor(private readonly options: SubscriptionTransportOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '').replace(/^http/i, 'ws')}/graphql`;
  }

  /**
   * Sends a subscription document at once and returns an iterator over `select(data)` of each
   * event. Sending at once keeps the events that arrive before the first `next()`.
   */
  subscribe<T>(
    query: string,
    variables: unknown,
    select: (data: unknown) => T,
    options: SubscribeOptions = {},
  ): HiLinkSubscription<T> {
    const results = this.connection().iterate({
      query,
      variables: variables as Record<string, unknown>,
    });
    const stop = () => void results.return?.();
    if (options.signal?.aborted) {
      stop();
    } else {
      options.signal?.addEventListener('abort', stop, { once: true });
    }

    const cleanUp = () => options.signal?.removeEventListener('abort', stop);
    const events = this.events(results, select, cleanUp);

    // A generator that never started skips its finally block on return(), so this one ends the
    // server subscription itself.
    return {
      next: () => events.next(),
      return: async (): Promise<IteratorResult<T>> => {
        cleanUp();
        stop();
        await events.return(undefined);

        return { value: undefined, done: true };
      },
      throw: (error?: unknown) => events.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private async *events<T>(
    results: AsyncIterableIterator<FormattedResult>,
    select: (data: unknown) => T,
    cleanUp: () => void,
  ): AsyncGenerator<T, void, undefined> {
    try {
      for (;;) {
        let next: IteratorResult<FormattedResult>;
        try {
          next = await results.next();
        } catch (error) {
          throw subscriptionError(error, this.endpoint);
        }
        if (next.done) {
          return;
        }
        if (next.value.errors && next.value.errors.length > 0) {
          throw errorFromGraphQL([...next.value.errors], 200, undefined);
        }
        yield select(next.value.data);
      }
    } finally {
      cleanUp();
      await results.return?.();
    }
  }

  /** Closes the WebSocket; open subscriptions end. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.dispose();
  }

  private connection(): Client {
    if (!this.client) {
      const webSocketImpl =
        this.options.webSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
      if (!webSocketImpl) {
        throw new HiLinkError(
          'No WebSocket implementation: pass webSocket (for example the default export of the ws package) to HiLinkClient.',
          { code: 'NETWORK_ERROR' },
        );
      }
      this.client = createClient({
        url: this.endpoint,
        webSocketImpl,
        connectionParams: { authorization: `Bearer ${this.options.apiKey}` },
        // A rejected credential is final, so the client does not retry it.
        shouldRetry: (event) => (event as { code?: number }).code !== UNAUTHORIZED_CLOSE_CODE,
      });
    }

    return this.client;
  }
}
