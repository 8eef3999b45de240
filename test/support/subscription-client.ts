import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { RealtimeEvents, SessionEventName } from '../../src/realtime/realtime-events';
import { TestApp } from './test-app';

export interface CloseInfo {
  code: number;
  reason: string;
}

/** One subscription's results in arrival order, with waits that fail after a timeout. */
export interface SubscriptionProbe<T = Record<string, any>> {
  results: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  /** Resolves with the next result not yet consumed by nextResult. */
  nextResult(
    timeoutMs?: number,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }>;
  /** Resolves when the subscription ends: with the close event on a socket error, else undefined. */
  ended: Promise<CloseInfo | undefined>;
  stop(): void;
}

/** Opens a graphql-ws client on the app's /graphql with the given connection_init payload. */
export function connectClient(
  baseUrl: string,
  payload: Record<string, unknown> | undefined,
): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: payload,
    retryAttempts: 0,
    shouldRetry: () => false,
  });
}

/** Opens a client that authenticates with `Bearer <credential>`. */
export function clientFor(baseUrl: string, credential: string): Client {
  return connectClient(baseUrl, { authorization: `Bearer ${credential}` });
}

export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): SubscriptionProbe<T> {
  const results: SubscriptionProbe<T>['results'] = [];
  let consumed = 0;
  let notify: (() => void) | undefined;
  let finish!: (close: CloseInfo | undefined) => void;
  const ended = new Promise<CloseInfo | undefined>((resolve) => {
    finish = resolve;
  });
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result as SubscriptionProbe<T>['results'][number]);
        notify?.();
      },
      error: (error: unknown) => {
        // graphql-ws reports errors of a rejected subscribe message as an array of GraphQL errors.
        if (Array.isArray(error)) {
          results.push({ errors: error });
        }
        const close = error as { code?: number; reason?: string };
        finish(
          typeof close.code === 'number'
            ? { code: close.code, reason: close.reason ?? '' }
            : undefined,
        );
        notify?.();
      },
      complete: () => {
        finish(undefined);
        notify?.();
      },
    },
  );

  async function nextResult(timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    while (results.length <= consumed) {
      if (Date.now() > deadline) {
        throw new Error(
          `No subscription result within ${timeoutMs} ms; received ${results.length}.`,
        );
      }
      await new Promise<void>((resolve) => {
        notify = resolve;
        setTimeout(resolve, 50);
      });
    }
    consumed += 1;

    return results[consumed - 1];
  }

  return { results, nextResult, ended, stop };
}

/**
 * Waits until the app has an open subscription to the session's event, because graphql-ws
 * sends no acknowledgement of a subscribe and a write before it would not be delivered.
 */
export async function waitForSubscriber(
  t: Pick<TestApp, 'app'>,
  organizationId: string,
  sessionId: string,
  event: SessionEventName,
  timeoutMs = 5_000,
): Promise<void> {
  const realtime = t.app.get(RealtimeEvents);
  const deadline = Date.now() + timeoutMs;
  while (realtime.subscriberCount(organizationId, sessionId, event) === 0) {
    if (Date.now() > deadline) {
      throw new Error(`No ${event} subscriber for session ${sessionId} after ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
