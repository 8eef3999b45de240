import type { FastifyInstance } from 'fastify';

/** The media type of LiveKit webhook requests. */
export const WEBHOOK_CONTENT_TYPE = 'application/webhook+json';

/** Maximum webhook body, bytes; LiveKit webhook events are a few kilobytes. */
const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Makes Fastify pass `application/webhook+json` bodies to handlers as the raw string, because
 * the webhook signature covers the exact bytes that LiveKit sent.
 */
export function registerWebhookBodyParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(WEBHOOK_CONTENT_TYPE)) {
    return;
  }
  fastify.addContentTypeParser(
    WEBHOOK_CONTENT_TYPE,
    { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
}
