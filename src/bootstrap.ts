import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AppModule, AppModuleOptions } from './app.module';
import {
  AppLogger,
  createRequestLogger,
  createRootLogger,
  RequestLogController,
  requestIdFor,
  runInRequestScope,
} from './common/logging';
import { badInput } from './common/app-error';
import { serializeResponse } from './common/serialization';
import { createValidationPipe } from './common/validation';
import { AuthenticatedRequest } from './auth/auth.decorators';
import { setRateLimitHeaders } from './rate-limits/rate-limit-headers';
import { AppConfig } from './config/config';
import { registerGraphqlCors } from './widget/widget-cors';

/** Maximum request body, bytes; transcript uploads are the largest bodies. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('HiLink API')
    .setDescription(
      'REST surface of HiLink. Every capability is also in the GraphQL API at /graphql. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'hlk_ API key or hlp_ participant token',
      description: 'An API key (hlk_...) or a participant token (hlp_...)',
    })
    .build();

  return SwaggerModule.createDocument(app, config);
}

/** Creates the application with Fastify, validation, error mapping and the REST docs at /docs. */
export async function createApp(
  config: AppConfig,
  options: AppModuleOptions & { logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger(config);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    requestIdHeader: false,
    loggerInstance: rootLogger,
    childLoggerFactory: createRequestLogger,
    logController: new RequestLogController(rootLogger),
    // No NestJS middleware is registered, so @fastify/middie would only add a hook to every request.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    adapter,
    // The JSON logger is set from the start, so a failure while the modules start up is
    // logged as JSON lines too.
    { logger: new AppLogger(rootLogger), abortOnError: false },
  );
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  // Transcript uploads arrive as text/vtt or text/plain. They are read as bytes and decoded
  // strictly, so a file in another encoding gets an error that names the encoding.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(['text/vtt', 'text/plain'], { parseAs: 'buffer' }, parseUtf8Text);
  registerGraphqlCors(fastify);
  // Many HTTP clients send Content-Type: application/json on every request, also on a DELETE or
  // a POST without a body. Such an empty body is read as no body instead of as invalid JSON.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const length = request.headers['content-length'];
    const empty =
      length === '0' ||
      (length === undefined && request.headers['transfer-encoding'] === undefined);
    if (empty && request.headers['content-type']?.startsWith('application/json')) {
      delete request.headers['content-type'];
    }
    done();
  });
  // The API docs page loads its assets by relative paths, which resolve under /docs/docs/ when
  // the page is opened as /docs/.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && request.url === '/docs/') {
      void reply.redirect('/docs', 301);

      return;
    }
    done();
  });
  fastify.addHook('preHandler', runInRequestScope);
  fastify.addHook('preSerialization', serializeResponse);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    setRateLimitHeaders(request as AuthenticatedRequest, reply);
    done(null, payload);
  });
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/openapi.json',
  });

  return app;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a text body as UTF-8 and rejects bytes that are not valid UTF-8. */
function parseUtf8Text(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (error: Error | null, body?: unknown) => void,
): void {
  if (typeof body === 'string') {
    done(null, body);

    return;
  }
  try {
    done(null, STRICT_UTF8.decode(body));
  } catch {
    done(
      badInput(
        'body',
        'The uploaded text is not valid UTF-8. Re-encode the file as UTF-8 (for example ' +
          '`iconv -f latin1 -t utf-8 in.vtt > out.vtt`) and upload it again.',
        'INVALID_TEXT_ENCODING',
      ),
    );
  }
}

/** Applies pending migrations unless disabled; the same migrations run on PostgreSQL and PGlite. */
export async function migrate(app: NestFastifyApplication): Promise<number> {
  const dataSource = app.get(DataSource);
  const applied = await dataSource.runMigrations({ transaction: 'each' });

  return applied.length;
}
