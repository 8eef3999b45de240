import { LoggerService } from '@nestjs/common';
import { FastifyBaseLogger, FastifyReply, FastifyRequest, LogController } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import pino, { Bindings, ChildLoggerOptions, DestinationStream, Level, Logger } from 'pino';
import { AppConfig } from '../config/config';

const REQUEST_ID_PATTERN = /^[\w.-]{1,100}$/;

/** Log field that carries the request id, on the completion line and on every line logged while serving it. */
export const REQUEST_ID_FIELD = 'requestId';

/** Uses the caller's `x-request-id` when it is well formed, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];

  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}

/** Paths that are replaced by `[redacted]` wherever a caller logs them, on every line except RequestLogController's completion lines. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  // A `*.` path matches one level down only, so the top-level fields are listed as well.
  'secret',
  'apiKey',
  'password',
  'token',
  '*.secret',
  '*.apiKey',
  '*.password',
  '*.token',
];

/** Only the id, method and URL of a request are logged, with `token` and `key` query values redacted. */
function serializeRequest(request: { id?: unknown; method?: string; url?: string }) {
  return {
    id: request.id,
    method: request.method,
    url: request.url?.replace(/([?&](token|key)=)[^&]+/gi, '$1[redacted]'),
  };
}

function serializeReply(reply: { statusCode?: number }) {
  return { statusCode: reply.statusCode };
}

/**
 * Creates the process's root pino logger: JSON lines on stdout (or `destination`), with
 * credentials redacted. Fastify and the NestJS LoggerService both write through it.
 */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest, res: serializeReply },
  };

  // Lines written while an earlier write is in flight are sent together in one write, so a busy
  // server makes fewer write calls than requests. pino flushes what is left when the process
  // exits; a SIGKILL can lose the last lines.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/**
 * The logger of one request (Fastify's `request.log`). Every line gets the request id. It
 * writes through the parent logger instead of a pino child, because creating a pino child
 * serializes its bindings and sets up its levels, on every request. `child()` still returns
 * a real pino child.
 */
export class RequestLogger implements FastifyBaseLogger {
  constructor(
    private readonly parent: Logger,
    readonly requestId: string,
  ) {}

  get level(): string {
    return this.parent.level;
  }

  fatal = (...args: unknown[]): void => this.write('fatal', args);
  error = (...args: unknown[]): void => this.write('error', args);
  warn = (...args: unknown[]): void => this.write('warn', args);
  info = (...args: unknown[]): void => this.write('info', args);
  debug = (...args: unknown[]): void => this.write('debug', args);
  trace = (...args: unknown[]): void => this.write('trace', args);
  silent = (): void => undefined;

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.parent.child({ [REQUEST_ID_FIELD]: this.requestId, ...bindings }, options);
  }

  /** Accepts pino's call forms: (object, message?, ...args), (error, message?, ...args) and (message, ...args). */
  private write(level: Level, args: unknown[]): void {
    if (!this.parent.isLevelEnabled(level)) {
      return;
    }
    const [first, ...rest] = args as [unknown, string?, ...unknown[]];
    if (first instanceof Error) {
      const message = rest.length > 0 ? rest : [first.message];
      this.parent[level]({ [REQUEST_ID_FIELD]: this.requestId, err: first }, ...message);
    } else if (typeof first === 'object' && first !== null) {
      this.parent[level]({ [REQUEST_ID_FIELD]: this.requestId, ...first }, ...rest);
    } else {
      this.parent[level]({ [REQUEST_ID_FIELD]: this.requestId }, String(first), ...rest);
    }
  }
}

/** The logger of the request whose handler is running, so application log lines carry its id. */
const requestLoggers = new AsyncLocalStorage<RequestLogger>();

/** Builds Fastify's `request.log`, as its `childLoggerFactory`. `bindings` contains the request id under REQUEST_ID_FIELD. */
export function createRequestLogger(logger: FastifyBaseLogger, bindings: Bindings): RequestLogger {
  return new RequestLogger(logger as Logger, String(bindings[REQUEST_ID_FIELD]));
}

/**
 * Runs `next` (the rest of the Fastify lifecycle, which includes the NestJS handler) with the
 * request's logger as the current one. It is a preHandler hook and not an onRequest hook,
 * because reading the body runs in the socket's async context and would lose the scope.
 */
export function runInRequestScope(
  request: FastifyRequest,
  _reply: FastifyReply,
  next: () => void,
): void {
  requestLoggers.run(request.log as RequestLogger, next);
}

/** Paths whose completion lines are skipped: health checks by load balancers arrive every few seconds. */
const UNLOGGED_PATHS = new Set(['/health']);

/**
 * Writes one line per request when the response is finished, with the request, the status
 * code and the response time in ms, and nothing when the request arrives. Responses with a
 * 5xx status, or that failed to be written, are logged as errors ("request errored").
 */
export class RequestLogController extends LogController {
  private readonly completionLogger: Logger;

  /**
   * `rootLogger` writes the "request completed" lines without its redaction, because their
   * fields are fixed and carry no credentials: the request serializer keeps only the id, the
   * method and the URL with `token` and `key` query values redacted. Redaction took about
   * three quarters of the time of such a line (pino 9.14, measured on 2 cores). Error lines
   * carry an `err` and go through the redacting request logger.
   */
  constructor(rootLogger: Logger) {
    super({ requestIdLogLabel: REQUEST_ID_FIELD });
    this.completionLogger = rootLogger.child({}, { redact: { paths: [] } });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (UNLOGGED_PATHS.has(request.url)) {
      return;
    }
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) {
      reply.log.error({ ...fields, err: error }, 'request errored');
    } else if (reply.statusCode >= 500) {
      reply.log.error(fields, 'request errored');
    } else {
      this.completionLogger.info(
        { [REQUEST_ID_FIELD]: request.id, ...fields },
        'request completed',
      );
    }
  }
}

type NestLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * NestJS contexts that log one line per module, route and resolver at startup. They are
 * written at debug level, so the startup output at info stays short enough to read.
 */
const WIRING_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestFactory',
]);

/**
 * The NestJS LoggerService: `new Logger(Context)` calls from the services become pino JSON
 * lines with `context`, and with the request id when they run inside a request.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.call('trace', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.call('debug', message, optionalParams);
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    const level = typeof context === 'string' && WIRING_CONTEXTS.has(context) ? 'debug' : 'info';
    this.call(level, message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.call('warn', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.call('error', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.call('fatal', message, optionalParams);
  }

  /**
   * NestJS's Logger appends the context name as the last parameter. An object message
   * becomes the line's fields, an Error becomes `err`, and NestJS's own exception handlers
   * pass (message, stack), which becomes an `err` with that stack.
   */
  private call(level: NestLogLevel, message: unknown, optionalParams: unknown[]): void {
    const logger: Pick<Logger, NestLogLevel> = requestLoggers.getStore() ?? this.root;
    const fields: Record<string, unknown> = {};
    let params = optionalParams;
    if (params.length > 0) {
      fields.context = params[params.length - 1];
      params = params.slice(0, -1);
    }
    if (message instanceof Error) {
      fields.err = message;
      logger[level](fields, ...(params as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...message }, ...(params as [string?]));
    } else if (isExceptionHandlerCall(level, message, params)) {
      const error = new Error(String(message));
      error.stack = String(params[0]);
      logger[level]({ ...fields, err: error }, String(message));
    } else {
      logger[level](fields, String(message), ...params);
    }
  }
}

function isExceptionHandlerCall(level: NestLogLevel, message: unknown, params: unknown[]): boolean {
  return (
    level === 'error' &&
    typeof message === 'string' &&
    params.length === 1 &&
    typeof params[0] === 'string' &&
    /\n\s*at /.test(params[0])
  );
}
