/**
 * Error codes of the HiLink API (`extensions.code` in GraphQL, `code` in REST problem
 * documents), plus the client-side codes `NETWORK_ERROR`, `TIMEOUT` and `INVALID_RESPONSE`.
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
  field?: string;
  message: string;
  [key: string]: unknown;
}

export interface HiLinkErrorDetails {
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
  cause?: unknown;
}

/** An error returned by the HiLink API, or a failure to reach it. */
export class HiLinkError extends Error {
  readonly code: HiLinkErrorDetails['code'];
  readonly reason?: string;
  readonly field?: string;
  readonly requestId?: string;
  readonly status?: number;
  readonly problems?: HiLinkProblem[];
  readonly extensions: Record<string, unknown>;

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
