import { FastifyInstance } from 'fastify';

/** Seconds a browser may reuse a preflight response. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Allows GraphQL requests over fetch from any origin, so the widget works on partner pages.
 * Any origin is safe because the API authenticates with a bearer token that the page must hold,
 * never with cookies, so another site gains nothing it could not send without CORS.
 */
export function registerGraphqlCors(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url !== '/graphql' && !request.url.startsWith('/graphql?')) {
      done();

      return;
    }
    void reply
      .header('access-control-allow-origin', '*')
      .header(
        'access-control-expose-headers',
        'x-request-id, retry-after, ratelimit-policy, ratelimit-limit, ratelimit-remaining, ratelimit-reset, idempotent-replayed',
      );
    if (request.method === 'OPTIONS') {
      void reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type, idempotency-key')
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
        .send();

      return;
    }
    done();
  });
}
