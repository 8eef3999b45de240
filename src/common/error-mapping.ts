import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from './app-error';

const HTTP_CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.BadUserInput,
};

/** Postgres error codes that come from bad input rather than a server fault. */
function fromDatabaseError(error: QueryFailedError): AppError | undefined {
  const code = (error.driverError as { code?: string } | undefined)?.code;
  switch (code) {
    case '23505':
      return new AppError(ErrorCode.Conflict, 'A record with the same unique value already exists.', {
        reason: 'UNIQUE_VIOLATION',
      });
    case '23503':
      return new AppError(ErrorCode.NotFound, 'A referenced record does not exist in this organization.', {
        reason: 'REFERENCE_NOT_FOUND',
      });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new AppError(ErrorCode.BadUserInput, 'A value has an invalid format or is out of range.', {
        reason: 'INVALID_VALUE',
      });
    default:
      return undefined;
  }
}

/**
 * Normalizes anything thrown while serving a request into an AppError. Unknown errors become
 * INTERNAL_SERVER_ERROR with a generic message, so no internal detail reaches a client.
 */
export function toAppError(error: unknown): { appError: AppError; expected: boolean } {
  if (error instanceof AppError) {
    return { appError: error, expected: true };
  }
  if (error instanceof QueryFailedError) {
    const mapped = fromDatabaseError(error);
    if (mapped) {
      return { appError: mapped, expected: true };
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODE_BY_STATUS[status];
    if (code) {
      return { appError: new AppError(code, error.message, { reason: code }), expected: true };
    }
  }
  const status = (error as { statusCode?: number }).statusCode;
  const code = typeof status === 'number' ? HTTP_CODE_BY_STATUS[status] : undefined;
  if (code && error instanceof Error) {
    // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a status.
    return { appError: new AppError(code, error.message, { reason: code }), expected: true };
  }

  return {
    appError: new AppError(ErrorCode.Internal, 'An unexpected error occurred. Retry later, or report the request id.'),
    expected: false,
  };
}
