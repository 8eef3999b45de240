import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import {
  computeBackoffMs,
  describeRequestError,
  parseRetryAfterMs,
  RetryPolicy,
} from './retry-policy';

const POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('computeBackoffMs', () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 1, 200],
    [3, 0.5, 300],
    [4, 1, 800],
    [5, 1, 1_000],
    [8, 0, 500],
  ])('retry %i with random %d waits %i ms', (retryNumber, random, expected) => {
    expect(computeBackoffMs(retryNumber, POLICY, () => random)).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': '2' }, 2_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 3_000],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, 0],
    [{ 'retry-after-ms': 'soon', 'retry-after': '1' }, 1_000],
    [{ 'retry-after': 'later' }, undefined],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(parseRetryAfterMs(new Headers(headers), now)).toBe(expected);
  });

  it('returns undefined without headers', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('describeRequestError', () => {
  const headers = new Headers({ 'retry-after-ms': '40' });

  it('retries a timeout', () => {
    const failure = describeRequestError(new APIConnectionTimeoutError(), 300);

    expect(failure.reason).toBe('OpenAI request timed out after 300 ms');
    expect(failure.retry).toBe(true);
    expect(failure.transient).toBe(true);
  });

  it('retries a connection error with its cause', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const failure = describeRequestError(new APIConnectionError({ cause }), 300);

    expect(failure.reason).toBe('OpenAI request failed to connect');
    expect(failure.detail).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(failure.retry).toBe(true);
  });

  it('retries HTTP 429 with its retry-after', () => {
    const error = new RateLimitError(429, { message: 'Slow down' }, undefined, headers);
    const failure = describeRequestError(error, 300);

    expect(failure.reason).toBe('OpenAI rate limit was exceeded (HTTP 429)');
    expect(failure.detail).toBe('Slow down');
    expect(failure.retryAfterMs).toBe(40);
    expect(failure.retry).toBe(true);
  });

  it('retries HTTP 500', () => {
    const failure = describeRequestError(
      new InternalServerError(500, undefined, undefined, headers),
      300,
    );

    expect(failure.reason).toBe('OpenAI request failed with HTTP 500');
    expect(failure.retry).toBe(true);
    expect(failure.transient).toBe(true);
  });

  it('does not retry HTTP 400', () => {
    const error = new BadRequestError(400, { message: 'Invalid schema' }, undefined, headers);
    const failure = describeRequestError(error, 300);

    expect(failure.reason).toBe('OpenAI rejected the request with HTTP 400');
    expect(failure.detail).toBe('Invalid schema');
    expect(failure.retry).toBe(false);
    expect(failure.transient).toBe(false);
  });

  it('does not retry an abort', () => {
    const failure = describeRequestError(new APIUserAbortError(), 300);

    expect(failure.retry).toBe(false);
    expect(failure.transient).toBe(true);
  });

  it('rethrows other errors', () => {
    const bug = new TypeError('cannot read properties of undefined');

    expect(() => describeRequestError(bug, 300)).toThrow(bug);
  });
});
