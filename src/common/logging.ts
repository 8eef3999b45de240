import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/config';

const REQUEST_ID_PATTERN = /^[\w.-]{1,100}$/;

/** Uses the caller's `x-request-id` when it is well formed, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];

  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}

/** pino settings: JSON lines, the request id on every line, credentials redacted. */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request) => requestIdFor(request),
      customProps: (request) => ({ requestId: request.id }),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          '*.secret',
          '*.apiKey',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.replace(/([?&](token|key)=)[^&]+/gi, '$1[redacted]'),
        }),
      },
      autoLogging: { ignore: (request) => request.url === '/health' },
    },
  };
}
