import { HttpException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError, badInput, ErrorCode } from './app-error';

const HTTP_CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
};

/** Postgres error codes that come from bad input rather than a server fault. */
function fromDatabaseError(error: QueryFailedError): AppError | undefined {
  const code = (error.driverError as { code?: string } | undefined)?.code;
  switch (code) {
    case '23505':
      return new AppError(
        ErrorCode.Conflict,
        'A record with the same unique value already exists.',
        {
          reason: 'UNIQUE_VIOLATION',
        },
      );
    case '23503':
      return new AppError(
        ErrorCode.NotFound,
        'A referenced record does not exist in this organization.',
        {
          reason: 'REFERENCE_NOT_FOUND',
        },
      );
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new AppError(
        ErrorCode.BadUserInput,
        'A value has an invalid format or is out of range.',
        {
          reason: 'INVALID_VALUE',
        },
      );
    default:
      return undefined;
  }
}

function unsupportedMediaType(): AppError {
  const message =
    'The Content-Type of the request is not supported. Send JSON as application/json; ' +
    'transcript uploads also accept text/vtt and text/plain.';

  return new AppError(ErrorCode.BadUserInput, message, {
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    field: 'content-type',
    httpStatus: 415,
  });
}

/**
 * Fastify's body parser messages. NestJS turns those errors into an HttpException with the
 * message and status but without Fastify's error code, so they are recognized by message.
 */
const BODY_PARSER_MESSAGES = {
  emptyJson: new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY().message,
  invalidJson: new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY().message,
  tooLarge: new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE().message,
};

/** Rewrites Fastify's body parser errors with the field and the fix, or returns undefined. */
function fromBodyParserError(error: unknown): AppError | undefined {
  const message = error instanceof Error ? error.message : undefined;
  switch (message) {
    case BODY_PARSER_MESSAGES.emptyJson:
      return badInput(
        'body',
        'The body is empty but Content-Type is application/json. Send {} as the body, or leave out the Content-Type header.',
        'EMPTY_JSON_BODY',
      );
    case BODY_PARSER_MESSAGES.invalidJson:
      return badInput(
        'body',
        'The body is not valid JSON. Check its quotes, commas and brackets, or the Content-Type header.',
        'INVALID_JSON',
      );
    case BODY_PARSER_MESSAGES.tooLarge:
      return new AppError(
        ErrorCode.PayloadTooLarge,
        'The request body is larger than the 10 MB limit of API requests. Split a transcript into several batches or uploads.',
        { field: 'body', reason: 'BODY_TOO_LARGE' },
      );
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
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : (error as { statusCode?: number } | null | undefined)?.statusCode;
  const bodyError = fromBodyParserError(error);
  if (bodyError) {
    return { appError: bodyError, expected: true };
  }
  if (status === 415) {
    return { appError: unsupportedMediaType(), expected: true };
  }
  if (error instanceof HttpException) {
    const code = HTTP_CODE_BY_STATUS[error.getStatus()];
    if (code) {
      return { appError: new AppError(code, error.message, { reason: code }), expected: true };
    }
  }
  const code = typeof status === 'number' ? HTTP_CODE_BY_STATUS[status] : undefined;
  if (code && error instanceof Error) {
    // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a status.
    return { appError: new AppError(code, error.message, { reason: code }), expected: true };
  }

  return {
    appError: new AppError(
      ErrorCode.Internal,
      'An unexpected error occurred. Retry later, or report the request id.',
    ),
    expected: false,
  };
}
