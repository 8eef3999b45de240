import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** Marks where a body gets a new id in every request, when LoadSpec.uniqueIds is set. */
export const ID_PLACEHOLDER = '[<id>]';

/** One HTTP load run: a warm-up, then a measured run, both with the same requests. */
export interface LoadSpec {
  title: string;
  /** Full URL including the path, always on 127.0.0.1. */
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Replaces `[<id>]` in the body with a new UUID in every request, e.g. for unique client ids. */
  uniqueIds?: boolean;
  /** Bodies that each connection sends in turn, in place of `body`. */
  bodies?: string[];
  /** Counts a 2xx response whose body has a GraphQL `errors` member, or no `data`, as failed. */
  graphql?: boolean;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  /** Successful responses per second in the measured run. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Successful responses in the measured run. */
  succeeded: number;
  /** Non-2xx responses, connection errors, timeouts and rejected GraphQL bodies, warm-up included. */
  failed: number;
  /** Response count by HTTP status in the measured run. */
  statusCodes: Record<string, number>;
  durationSeconds: number;
}

/**
 * Runs autocannon in a child process, so the load generator never shares an event loop with
 * the benchmark driver or the measured servers. A child process and not a worker thread,
 * because autocannon 8 skips aggregating its results when it runs outside the main thread.
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-process.js'), [], { stdio: 'inherit' });
    let result: LoadResult | undefined;
    child.once('message', (message: LoadResult) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result) {
        resolve(result);
      } else {
        reject(
          new Error(`The load process for "${spec.title}" exited with code ${code} and no result.`),
        );
      }
    });
    child.send(spec);
  });
}

/**
 * Sends the spec's request once and raises unless it succeeds, so that a missing endpoint or
 * wrong test data is reported as such instead of as a load run full of errors.
 */
export async function probeOnce(spec: LoadSpec): Promise<void> {
  const first = spec.body ?? spec.bodies?.[0];
  const body = spec.uniqueIds ? first?.replaceAll(ID_PLACEHOLDER, randomUUID()) : first;
  const response = await fetch(spec.url, { method: spec.method, headers: spec.headers, body });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `${spec.method} ${new URL(spec.url).pathname} failed with status ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  if (spec.graphql && (text.includes('"errors"') || !text.includes('"data"'))) {
    throw new Error(`The GraphQL request "${spec.title}" returned errors: ${text.slice(0, 300)}`);
  }
}
