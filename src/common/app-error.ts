/** The error codes shared by both API surfaces; GraphQL carries them in `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

/** One invalid input value: the field path, what is wrong with it and how to fix it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  /** A stable, domain-specific reason such as `SESSION_ILLEGAL_TRANSITION`. */
  reason?: string;
  field?: string;
  problems?: FieldProblem[];
  details?: Record<string, unknown>;
  /** REST status when it differs from the code's usual one, e.g. 415 for BAD_USER_INPUT. */
  httpStatus?: number;
}

/**
 * An expected failure with a client-facing message. Domains create these through their own
 * error factories (`*.errors.ts`); the exception filters map them to GraphQL errors and to
 * `application/problem+json` responses.
 */
export class AppError extends Error {
  readonly reason: string;
  readonly field?: string;
  readonly problems?: FieldProblem[];
  readonly details?: Record<string, unknown>;
  readonly httpStatus: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.reason = options.reason ?? code;
    this.field = options.field;
    this.problems =
      options.problems ?? (options.field ? [{ field: options.field, message }] : undefined);
    this.details = options.details;
    this.httpStatus = options.httpStatus ?? HTTP_STATUS_BY_CODE[code];
  }
}

export function badInput(field: string, message: string, reason = 'INVALID_INPUT'): AppError {
  return new AppError(ErrorCode.BadUserInput, message, { field, reason });
}

export function notFound(entity: string, id: string, field = 'id'): AppError {
  return new AppError(
    ErrorCode.NotFound,
    `${entity} "${id}" was not found in this organization. Check the ${field}.`,
    { field, reason: `${entity.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND` },
  );
}

export function conflict(
  message: string,
  reason: string,
  details?: Record<string, unknown>,
): AppError {
  return new AppError(ErrorCode.Conflict, message, { reason, details });
}
