/**
 * Error codes of the HiLink API (`extensions.code` in GraphQL, `code` in REST problem
 * documents), plus three codes that the client sets itself:
 *
 * - `BAD_USER_INPUT`: the input is invalid (HTTP 400); `reason`, `field` and `problems` describe the problem.
 * - `UNAUTHENTICATED`: the API key or participant token is missing, invalid, revoked or expired (401).
 * - `FORBIDDEN`: the credential may not do this, such as a read-only key writing (403).
 * - `NOT_FOUND`: the object does not exist in the caller's organization (404).
 * - `CONFLICT`: the object's state forbids the change, or it already exists (409).
 * - `PAYLOAD_TOO_LARGE`: the request or one of its lists is over a limit (413).
 * - `TOO_MANY_REQUESTS`: a rate limit refused the request before it ran (429); the client
 *   retries it after `Retry-After`.
 * - `SERVICE_UNAVAILABLE`: the server or one of its dependencies is down for now (503).
 * - `INTERNAL_SERVER_ERROR`: an unexpected server failure (500); quote `requestId` when reporting it.
 * - `NETWORK_ERROR`: the client got no response, such as a refused connection or a closed
 *   subscription WebSocket.
 * - `TIMEOUT`: no response within `timeoutMs`.
 * - `INVALID_RESPONSE`: the response was not a GraphQL response, such as an HTML error page.
 */
export type HiLinkErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'INVALID_RESPONSE';

/** One failed constraint of an input, as listed by the API for validation errors. */
export interface HiLinkProblem {
  /** The rejected input field as a dotted path, such as `segments.0.text`. */
  field?: string;
  /** A description of the problem, for a person to read. */
  message: string;
  /** Further properties of the problem, such as the constraint that failed. */
  [key: string]: unknown;
}

/** The details of a `HiLinkError` besides its message: the constructor's second argument. */
export interface HiLinkErrorDetails {
  /** The API's error code, or a client-side code; see `HiLinkErrorCode`. */
  code: HiLinkErrorCode | (string & {});
  /** Machine-readable cause within the code, e.g. `INVALID_TRANSITION`. */
  reason?: string;
  /** The input field that was rejected, as a dotted path such as `timeZone` or `segments.0.text`. */
  field?: string;
  /** The `x-request-id` of the failed request, to quote when reporting a problem. */
  requestId?: string;
  /** HTTP status of the response, when one arrived. */
  status?: number;
  /** Every failed constraint, for validation errors that found several. */
  problems?: HiLinkProblem[];
  /** Every other property of the error's `extensions`. */
  extensions?: Record<string, unknown>;
  /** The underlying failure, such as the network error of `fetch`; becomes `error.cause`. */
  cause?: unknown;
}

/**
 * An error returned by the HiLink API, or a failure to reach it. Every method of `HiLinkClient`
 * rejects with one; branch on `code`, and on `reason` for the cause within a code.
 *
 * @example
 * try {
 *   await client.startSession(sessionId);
 * } catch (error) {
 *   if (error instanceof HiLinkError && error.code === 'CONFLICT') {
 *     console.log(error.reason, error.requestId);
 *   }
 * }
 */
export class HiLinkError extends Error {
  /** The API's error code, or `NETWORK_ERROR`, `TIMEOUT` or `INVALID_RESPONSE`; see `HiLinkErrorCode`. */
  readonly code: HiLinkErrorDetails['code'];
  /** Machine-readable cause within the code, such as `INVALID_TRANSITION` or `VALIDATION_FAILED`. */
  readonly reason?: string;
  /** The rejected input field as a dotted path, such as `timeZone`. */
  readonly field?: string;
  /** The server's `x-request-id` of the failed request; quote it when reporting a problem. */
  readonly requestId?: string;
  /** HTTP status of the response, when one arrived. */
  readonly status?: number;
  /** Every failed constraint, for validation errors that found several. */
  readonly problems?: HiLinkProblem[];
  /** The error's whole GraphQL `extensions` object; empty for client-side errors. */
  readonly extensions: Record<string, unknown>;

  /** Creates an error. Applications rarely need to, because the client does. */
  constructor(message: string, details: HiLinkErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HiLinkError';
    this.code = details.code;
    this.reason = details.reason;
    this.field = details.field;
    this.requestId = details.requestId;
    this.status = details.status;
    this.problems = details.problems;
    this.extensions = details.extensions ?? {};
  }
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Converts the first error of a GraphQL response into a `HiLinkError`. */
export function errorFromGraphQL(
  errors: GraphQLErrorShape[],
  status: number,
  requestId: string | undefined,
): HiLinkError {
  const [first] = errors;
  const extensions = first?.extensions ?? {};
  const message = optionalString(first?.message) ?? 'The GraphQL request failed.';

  return new HiLinkError(message, {
    code: optionalString(extensions.code) ?? 'INTERNAL_SERVER_ERROR',
    reason: optionalString(extensions.reason),
    field: optionalString(extensions.field),
    problems: Array.isArray(extensions.problems)
      ? (extensions.problems as HiLinkProblem[])
      : undefined,
    requestId,
    status,
    extensions,
  });
}
