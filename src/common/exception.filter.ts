import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { AppError } from './app-error';
import { toAppError } from './error-mapping';

/** Serializes an error as `application/problem+json` (RFC 9457) with the request id. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): void {
  const { appError } = toAppError(error);
  const status = appError.httpStatus;
  void reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({
      type: `https://hilink.dev/problems/${appError.reason.toLowerCase().replace(/_/g, '-')}`,
      title: appError.reason,
      status,
      detail: appError.message,
      code: appError.code,
      field: appError.field,
      errors: appError.problems,
      ...appError.details,
      requestId: request.id,
      instance: request.url,
    });
}

/** Returns the `extensions` of the GraphQL error that reports `appError`. */
export function graphQLErrorExtensions(appError: AppError): Record<string, unknown> {
  return {
    code: appError.code,
    reason: appError.reason,
    field: appError.field,
    problems: appError.problems,
    ...appError.details,
  };
}

/**
 * Maps every error to the API's format: GraphQL errors with `extensions.code`, REST errors as
 * problem+json. Unexpected errors are logged with the request id and never exposed.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const { appError, expected } = toAppError(exception);
    if (!expected) {
      this.logger.error({ err: exception }, 'Unhandled error while serving a request');
    }
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(appError.message, { extensions: graphQLErrorExtensions(appError) });
    }
    const http = host.switchToHttp();
    sendProblem(http.getResponse<FastifyReply>(), http.getRequest<FastifyRequest>(), exception);

    return undefined;
  }
}
