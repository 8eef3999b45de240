import {
  Agent as HttpAgent,
  ClientRequest,
  request as httpRequest,
  IncomingMessage,
  RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  BlockedTargetError,
  describeTargetProblem,
  guardedLookup,
  linkLocalGuardedLookup,
} from './target-guard';

export type AttemptOutcome =
  'succeeded' | 'http_error' | 'timeout' | 'network_error' | 'redirect' | 'blocked_target';

export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface SendOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whole-request limit, from connecting to the end of the response, in milliseconds. */
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/** Characters of the response body kept in the delivery log. */
export const EXCERPT_CHARS = 1_024;
/** Bytes read from a response before the connection is closed; the rest is never read. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/**
 * An idle keep-alive connection is closed after this many ms: below the 5 s that Node.js servers
 * keep an idle connection open, so HiLink rarely reuses one that the receiver is closing.
 */
const IDLE_SOCKET_MS = 4_000;
/** Target origins whose keep-alive agent is kept; the least recently used one is dropped. */
const MAX_AGENTS = 1_000;

const agents = new Map<string, HttpAgent>();

/** A target URL after the checks that depend on the URL alone. */
interface ParsedTarget {
  /** The reason the URL cannot receive webhooks, or undefined when it can. */
  problem: string | undefined;
  url: URL | undefined;
  /** The request options that depend on the URL alone, built once per URL. */
  options?: RequestOptions;
}

/** Parsed target URLs by setting and URL text, the oldest dropped first. */
const targets = new Map<string, ParsedTarget>();

/**
 * Parses and checks a target URL once per URL text, since a subscription sends many requests to
 * the same URL. Host names are still resolved and checked on every new connection.
 */
function parseTarget(raw: string, allowPrivateTargets: boolean): ParsedTarget {
  const key = `${allowPrivateTargets ? 'private' : 'public'} ${raw}`;
  let target = targets.get(key);
  if (target === undefined) {
    const problem = describeTargetProblem(raw, allowPrivateTargets);
    const url = problem === undefined ? new URL(raw) : undefined;
    target = { problem, url };
    if (url !== undefined) {
      target.options = {
        protocol: url.protocol,
        // An IPv6 literal comes in brackets in a URL and without them in request options.
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent: agentFor(url, allowPrivateTargets),
        lookup: allowPrivateTargets ? linkLocalGuardedLookup : guardedLookup,
      };
    }
    targets.set(key, target);
    if (targets.size > MAX_AGENTS) {
      targets.delete(targets.keys().next().value!);
    }
  }

  return target;
}

/**
 * Returns the keep-alive agent of a target origin. Connections are reused only for the same
 * origin, and each new connection resolves its host through the request's `lookup`, so the
 * private-address guard checks every address that a connection is opened to. A reused
 * connection stays on the address that passed the guard when it was opened.
 */
function agentFor(url: URL, allowPrivateTargets: boolean): HttpAgent {
  const key = `${allowPrivateTargets ? 'private' : 'public'} ${url.origin}`;
  let agent = agents.get(key);
  if (agent) {
    // Most recently used last.
    agents.delete(key);
    agents.set(key, agent);

    return agent;
  }
  const options = { keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
  agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
  agents.set(key, agent);
  if (agents.size > MAX_AGENTS) {
    // Its requests in flight finish; its idle connections close after IDLE_SOCKET_MS.
    agents.delete(agents.keys().next().value!);
  }

  return agent;
}

/** Errors of a reused keep-alive connection that the receiver closed before the request. */
function isStaleConnection(request: ClientRequest, error: NodeJS.ErrnoException): boolean {
  return request.reusedSocket && ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(error.code ?? '');
}

/**
 * Sends one webhook POST. Redirects are not followed: a 3xx is a failed attempt, so a redirect
 * can neither loop nor lead to a private address. The whole request, body included, is limited
 * by `timeoutMs`, and at most 64 KiB of the response is read.
 */
export function sendWebhook(options: SendOptions): Promise<AttemptResult> {
  const started = Date.now();
  const finish = (
    outcome: AttemptOutcome,
    statusCode: number | null,
    error: string | null,
    body: string | null,
  ): AttemptResult => ({
    outcome,
    statusCode,
    latencyMs: Date.now() - started,
    error: error?.slice(0, 1_000) ?? null,
    responseExcerpt: body === null ? null : body.slice(0, EXCERPT_CHARS),
  });
  const { problem, url, options: base } = parseTarget(options.url, options.allowPrivateTargets);
  if (problem !== undefined || url === undefined || base === undefined) {
    return Promise.resolve(finish('blocked_target', null, problem ?? 'invalid URL', null));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise((resolve) => {
    let settled = false;
    let req: ClientRequest;
    const settle = (result: AttemptResult): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(result);
      }
    };
    const start = (retry: boolean): void => {
      let responded = false;
      req = request(
        {
          ...base,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'HiLink-Webhooks/1',
            'content-length': Buffer.byteLength(options.body),
            ...options.headers,
          },
        },
        (res: IncomingMessage) => {
          responded = true;
          const status = res.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          const done = (): void => {
            const body = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
            if (status >= 200 && status < 300) {
              settle(finish('succeeded', status, null, body));
            } else if (status >= 300 && status < 400) {
              const location = res.headers.location ?? 'no location';
              settle(finish('redirect', status, `redirect to ${location} not followed`, body));
            } else {
              settle(finish('http_error', status, `HTTP ${status}`, body));
            }
          };
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_RESPONSE_BYTES) {
              chunks.push(chunk);
            } else {
              res.destroy();
              done();
            }
          });
          res.on('end', done);
          res.on('error', (error) => settle(finish('network_error', status, error.message, null)));
        },
      );
      const sent = req;
      sent.on('error', (error: NodeJS.ErrnoException) => {
        if (!retry && !responded && !settled && isStaleConnection(sent, error)) {
          // The receiver closed an idle connection as it was reused: send once more on another.
          start(true);

          return;
        }
        const outcome = error instanceof BlockedTargetError ? 'blocked_target' : 'network_error';
        settle(finish(outcome, null, error.message, null));
      });
      sent.end(options.body);
    };
    const timer = setTimeout(() => {
      req.destroy();
      settle(finish('timeout', null, `no complete response within ${options.timeoutMs} ms`, null));
    }, options.timeoutMs);
    start(false);
  });
}
