import { errorFromGraphQL, HiLinkError } from './errors.js';
import type { TypedDocumentString } from './generated/graphql.js';
import { HiLinkOperations } from './generated/operations.js';
import type { RequestOptions } from './request-options.js';
import {
  HiLinkSubscription,
  SubscribeOptions,
  SubscriptionTransport,
  WebSocketConstructor,
} from './subscriptions.js';

/** Settings of a `HiLinkClient`. */
export interface HiLinkClientOptions {
  /** Base URL of the HiLink server, such as `http://127.0.0.1:3000`, without `/graphql`. */
  url: string;
  /** An API key (`hlk_...`) or a participant token (`hlp_...`), sent as a bearer token. */
  apiKey: string;
  /** The fetch implementation. Default: the global `fetch` of Node 20 and browsers. */
  fetch?: typeof fetch;
  /** Time limit of each request in milliseconds, or 0 for none. Default 30,000. */
  timeoutMs?: number;
  /** Headers sent with every request, such as a tracing header. */
  headers?: Record<string, string>;
  /**
   * The WebSocket class for subscriptions. Default: the global `WebSocket` (browsers, Node 22);
   * in Node 20 pass the `ws` package's default export.
   */
  webSocket?: WebSocketConstructor;
  /**
   * Retries of rejected and failed requests, or `false` for none. A request rejected with 429 is
   * retried after its `Retry-After`, whatever the operation, because the server rejected it
   * before running it. After a network error, a timeout or a 502, 503 or 504 a request is
   * retried with exponential backoff and jitter. A mutation is sent with an `Idempotency-Key`
   * header that stays the same on its retries. A HiLink server runs a mutation once per key and
   * returns the stored response to a retry. A retry that finds the first attempt still running waits and
   * tries again.
   */
  retry?: RetryOptions | false;
}

/** Retry settings of `HiLinkClient`. Every field is optional. */
export interface RetryOptions {
  /** Attempts per call, the first included. Default 3. */
  maxAttempts?: number;
  /** Delay before the first retry without `Retry-After`, doubled per retry, in ms. Default 250. */
  baseDelayMs?: number;
  /** Maximum wait before one retry, `Retry-After` included, in ms. Default 10,000. */
  maxDelayMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
};
const RETRIED_STATUSES = new Set([502, 503, 504]);

/** Reads `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);

  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Checks whether the response reports that an earlier attempt with the same key still runs. */
function isInProgress(body: GraphQLResponseBody): boolean {
  return (
    body.errors?.some((error) => error.extensions?.reason === 'IDEMPOTENCY_KEY_IN_PROGRESS') ??
    false
  );
}

function isMutation(query: string): boolean {
  return /^\s*mutation\b/m.test(query);
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * A typed client for the HiLink GraphQL API. Every query and mutation is a method named like the
 * operation (`client.createMember(input)`, `client.session(id)`) that resolves to the operation's
 * result or rejects with a `HiLinkError`. Every subscription is a method that returns an async
 * iterator of its events (`client.sessionStatusChanged(sessionId)`), over one graphql-ws
 * WebSocket per client.
 *
 * @example
 * const client = new HiLinkClient({ url: 'http://127.0.0.1:3000', apiKey: process.env.HILINK_API_KEY! });
 * const organization = await client.organization();
 */
export class HiLinkClient extends HiLinkOperations {
  private readonly endpoint: string;
  private readonly fetchImpl: typeof fetch;
  private transport?: SubscriptionTransport;

  /** Creates a client; raises TypeError when `url` or `apiKey` is missing. Sends nothing yet. */
  constructor(private readonly options: HiLinkClientOptions) {
    super();
    if (!options.url) {
      throw new TypeError(
        'HiLinkClient: url is missing: pass the server URL, such as http://127.0.0.1:3000.',
      );
    }
    if (!options.apiKey) {
      throw new TypeError(
        'HiLinkClient: apiKey is missing: pass an API key (hlk_...) or a participant token.',
      );
    }
    this.endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** Returns a client for the same server that authenticates with another key or token. */
  withApiKey(apiKey: string): HiLinkClient {
    return new HiLinkClient({ ...this.options, apiKey });
  }

  /**
   * Sends any operation document, such as one generated from your own `.graphql` files, and
   * returns its whole `data` object.
   */
  async request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Promise<TResult> {
    const { response, body } = await this.postWithRetries(document.toString(), variables, options);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (body.errors && body.errors.length > 0) {
      throw errorFromGraphQL(body.errors, response.status, requestId);
    }
    if (!body.data) {
      throw new HiLinkError(`The server returned HTTP ${response.status} without data.`, {
        code: 'INVALID_RESPONSE',
        status: response.status,
        requestId,
      });
    }

    return body.data as TResult;
  }

  /**
   * Sends any subscription document over the graphql-ws WebSocket at /graphql and returns an
   * iterator over the `data` of each event. The first subscription opens the connection.
   */
  subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    options: SubscribeOptions = {},
  ): HiLinkSubscription<TResult> {
    return this.subscriptions().subscribe(
      document.toString(),
      variables,
      (data) => data as TResult,
      options,
    );
  }

  /** Closes the subscription WebSocket, which ends every open subscription of this client. */
  async close(): Promise<void> {
    await this.transport?.close();
    this.transport = undefined;
  }

  protected subscribeTo<TResult, TVariables, TKey extends keyof TResult>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    resultKey: TKey,
    options?: SubscribeOptions,
  ): HiLinkSubscription<TResult[TKey]> {
    const select = (data: unknown) => (data as TResult)[resultKey];

    return this.subscriptions().subscribe(document.toString(), variables, select, options);
  }

  private subscriptions(): SubscriptionTransport {
    this.transport ??= new SubscriptionTransport({
      url: this.options.url,
      apiKey: this.options.apiKey,
      webSocket: this.options.webSocket,
    });

    return this.transport;
  }

  protected async execute<TResult, TVariables, TKey extends keyof TResult>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    resultKey: TKey,
    options?: RequestOptions,
  ): Promise<TResult[TKey]> {
    const data = await this.request(document, variables, options);

    return data[resultKey];
  }

  /** Sends the request, and again as `retry` allows; returns the last response or raises. */
  private async postWithRetries(
    query: string,
    variables: unknown,
    options: RequestOptions,
  ): Promise<{ response: Response; body: GraphQLResponseBody }> {
    const retry =
      this.options.retry === false
        ? { ...DEFAULT_RETRY, maxAttempts: 1 }
        : { ...DEFAULT_RETRY, ...this.options.retry };
    const mutation = isMutation(query);
    const headers: Record<string, string> = mutation
      ? { 'idempotency-key': options.idempotencyKey ?? globalThis.crypto.randomUUID() }
      : {};
    const attemptOptions = { ...options, headers: { ...headers, ...options.headers } };
    for (let attempt = 1; ; attempt += 1) {
      const last = attempt >= retry.maxAttempts;
      let waitMs: number | undefined;
      try {
        const result = await this.post(query, variables, attemptOptions);
        const status = result.response.status;
        const retried = status === 429 || RETRIED_STATUSES.has(status) || isInProgress(result.body);
        if (last || !retried) {
          return result;
        }
        waitMs = retryAfterMs(result.response);
      } catch (error) {
        if (last || options.signal?.aborted || !this.mayRetry(error)) {
          throw error;
        }
      }
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1);
      const delay = Math.min(
        retry.maxDelayMs,
        waitMs ?? backoff / 2 + (Math.random() * backoff) / 2,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Checks whether a failure without a usable response may be retried: a 429, or a transient failure. */
  private mayRetry(error: unknown): boolean {
    if (!(error instanceof HiLinkError)) {
      return false;
    }

    return (
      error.code === 'NETWORK_ERROR' ||
      error.code === 'TIMEOUT' ||
      (error.code === 'INVALID_RESPONSE' &&
        (error.status === 429 || RETRIED_STATUSES.has(error.status ?? 0)))
    );
  }

  private async post(
    query: string,
    variables: unknown,
    options: RequestOptions,
  ): Promise<{ response: Response; body: GraphQLResponseBody }> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signals = [options.signal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined];
    const signal = AbortSignal.any(
      signals.filter((item): item is AbortSignal => item !== undefined),
    );
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json',
      ...this.options.headers,
      ...options.headers,
      authorization: `Bearer ${this.options.apiKey}`,
    };
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (error) {
      throw transportError(error, this.endpoint, timeoutMs);
    }

    return { response, body: await readBody(response) };
  }
}

function transportError(error: unknown, endpoint: string, timeoutMs: number): HiLinkError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') {
    return new HiLinkError(`The request to ${endpoint} timed out after ${timeoutMs} ms.`, {
      code: 'TIMEOUT',
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  // fetch reports every transport failure as "fetch failed"; the system error code in its
  // cause (ECONNREFUSED, ENOTFOUND, ...) is what tells the caller what to fix.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const systemCode = typeof cause?.code === 'string' ? ` (${cause.code})` : '';

  return new HiLinkError(`The request to ${endpoint} failed: ${detail}${systemCode}`, {
    code: 'NETWORK_ERROR',
    cause: error,
  });
}

async function readBody(response: Response): Promise<GraphQLResponseBody> {
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponseBody;
  } catch (error) {
    throw new HiLinkError(
      `The server returned HTTP ${response.status} with a body that is not JSON.`,
      {
        code: 'INVALID_RESPONSE',
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        cause: error,
      },
    );
  }
}
