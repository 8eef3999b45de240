import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { ID_PLACEHOLDER, LoadResult, LoadSpec } from './load';

function isGraphqlSuccess(body: string | Buffer | undefined): boolean {
  const text = body?.toString() ?? '';

  return text.includes('"data"') && !text.includes('"errors"');
}

/**
 * Gives every request a body with a new UUID in place of each `[<id>]`. autocannon's own
 * idReplacement is not used: autocannon 8.0.0 adds 27 bytes of Content-Length per
 * placeholder, but its ids replace the 6-byte placeholder with about 24 bytes, so the
 * server waits for bytes that never arrive.
 */
function uniqueBodyRequests(template: string): autocannon.Request[] {
  const parts = template.split(ID_PLACEHOLDER);

  return [{ setupRequest: (request) => ({ ...request, body: parts.join(randomUUID()) }) }];
}

/** Sends the bodies in turn, continuing the rotation across requests of all connections. */
function rotatingBodyRequests(bodies: string[]): autocannon.Request[] {
  let next = 0;

  return [
    {
      setupRequest: (request) => {
        const body = bodies[next % bodies.length];
        next += 1;

        return { ...request, body };
      },
    },
  ];
}

function requestsFor(spec: LoadSpec): autocannon.Request[] | undefined {
  if (spec.bodies !== undefined && spec.bodies.length > 0) {
    return rotatingBodyRequests(spec.bodies);
  }
  if (spec.uniqueIds === true && spec.body !== undefined) {
    return uniqueBodyRequests(spec.body);
  }

  return undefined;
}

function optionsFor(spec: LoadSpec, durationSeconds: number): autocannon.Options {
  return {
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body ?? spec.bodies?.[0],
    requests: requestsFor(spec),
    connections: spec.connections,
    duration: durationSeconds,
    verifyBody: spec.graphql ? isGraphqlSuccess : undefined,
  };
}

function countFailures(result: autocannon.Result): number {
  // Timeouts are already counted in errors. Body mismatches arrive with a 2xx status.
  return result.non2xx + result.errors + result.mismatches;
}

function statusCodesOf(result: autocannon.Result): Record<string, number> {
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats;
  const counts: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(stats ?? {})) {
    counts[status] = Number(count);
  }

  return counts;
}

async function main(spec: LoadSpec): Promise<LoadResult> {
  const warmup = await autocannon(optionsFor(spec, spec.warmupSeconds));
  const measured = await autocannon(optionsFor(spec, spec.durationSeconds));
  const succeeded = measured['2xx'] - measured.mismatches;

  return {
    requestsPerSecond: succeeded / measured.duration,
    p50Ms: measured.latency.p50,
    p99Ms: measured.latency.p99,
    succeeded,
    failed: countFailures(warmup) + countFailures(measured),
    statusCodes: statusCodesOf(measured),
    durationSeconds: measured.duration,
  };
}

/** Receives one LoadSpec from the parent process, runs it, sends the LoadResult and exits. */
process.once('message', (spec: LoadSpec) => {
  main(spec).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`The load run "${spec.title}" failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
