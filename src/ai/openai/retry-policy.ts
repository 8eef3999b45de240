import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export interface RetryPolicy {
  /** Maximum number of requests per transcript part, including the first one. */
  maxAttempts: number;
  /** Delay in ms before the first retry. Each further retry doubles it. */
  baseDelayMs: number;
  /** Maximum delay before a retry in ms, for backoff and for `retry-after` headers. */
  maxDelayMs: number;
}

/** Why one request did not produce a usable recap answer. */
export interface AttemptFailure {
  /** A sentence without a trailing period, such as "OpenAI answer was not valid JSON". */
  reason: string;
  /** The server's or the validator's own message, when there is one. */
  detail?: string;
  /** Whether another request in the same recap may succeed. */
  retry: boolean;
  /** Whether a later recap job may succeed. Becomes AiProviderError.retryable. */
  transient: boolean;
  /** Delay that the server requested with `retry-after-ms` or `retry-after`. */
  retryAfterMs?: number;
}

/**
 * Returns the delay before retry number `retryNumber` (from 1): exponential backoff capped
 * at `maxDelayMs`, with "equal jitter" that keeps between half and all of the delay.
 */
export function computeBackoffMs(
  retryNumber: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** (retryNumber - 1);
  const capped = Math.min(exponential, policy.maxDelayMs);

  return Math.round(capped * (0.5 + random() * 0.5));
}

/**
 * Reads the delay that the server requested. `retry-after-ms` (sent by OpenAI, not an HTTP
 * standard) wins over `retry-after`, which is seconds or an HTTP date (RFC 9110, 10.2.3).
 */
export function parseRetryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) {
    return milliseconds;
  }

  const retryAfter = headers?.get('retry-after');
  if (!retryAfter) {
    return undefined;
  }

  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }

  const date = Date.parse(retryAfter);

  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Classifies an error thrown by the `openai` client. HTTP 429, HTTP 5xx, connection errors
 * and timeouts are retried, but other HTTP errors fail at once. Other errors are rethrown.
 */
export function describeRequestError(error: unknown, timeoutMs: number): AttemptFailure {
  if (error instanceof APIUserAbortError) {
    return { reason: 'OpenAI request was aborted by the caller', retry: false, transient: true };
  }
  if (error instanceof APIConnectionTimeoutError) {
    return {
      reason: `OpenAI request timed out after ${timeoutMs} ms`,
      retry: true,
      transient: true,
    };
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? error.cause.message : error.message;

    return {
      reason: 'OpenAI request failed to connect',
      detail: cause,
      retry: true,
      transient: true,
    };
  }
  if (error instanceof APIError && error.status !== undefined) {
    return describeHttpError(error, error.status);
  }

  throw error;
}

function describeHttpError(error: APIError, status: number): AttemptFailure {
  const detail = readServerMessage(error);
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(error.headers);

    return {
      reason: 'OpenAI rate limit was exceeded (HTTP 429)',
      detail,
      retry: true,
      transient: true,
      retryAfterMs,
    };
  }
  if (status >= 500) {
    return {
      reason: `OpenAI request failed with HTTP ${status}`,
      detail,
      retry: true,
      transient: true,
    };
  }

  const hint = status === 401 || status === 403 ? '; check OPENAI_API_KEY' : '';

  return {
    reason: `OpenAI rejected the request with HTTP ${status}${hint}`,
    detail,
    retry: false,
    transient: false,
  };
}

/** Returns the `error.message` of an OpenAI error body, else the client's own message. */
function readServerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;

  return typeof body?.message === 'string' ? body.message : error.message;
}
