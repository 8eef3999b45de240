/**
 * `@hilink/sdk`: a typed client for the HiLink API.
 *
 * - `HiLinkClient` runs every GraphQL query and mutation as a typed method, and every
 *   subscription as a typed async iterator over graphql-ws.
 * - `HiLinkError` carries the API's error code, reason, field and request id.
 * - `paginate()` and `listAll()` walk Relay connections.
 * - `verifyWebhook()` checks the signature and timestamp of a webhook request.
 * - `widgetEmbedUrl()` and `embedWidgetSnippet()` embed the classroom widget for one participant.
 * - The generated GraphQL types and the REST types (`RestPaths`, `RestSchemas`) describe both
 *   API surfaces.
 *
 * The package has an ES module build and a CommonJS build with the same exports.
 */
export { HiLinkClient } from './client.js';
export type { HiLinkClientOptions, RetryOptions } from './client.js';
export { HiLinkError } from './errors.js';
export type { HiLinkErrorCode, HiLinkErrorDetails, HiLinkProblem } from './errors.js';
export { listAll, paginate } from './pagination.js';
export type { ConnectionPage, PageLoader } from './pagination.js';
export type { RequestOptions } from './request-options.js';
export { UNAUTHORIZED_CLOSE_CODE } from './subscriptions.js';
export { HiLinkWebhookError, verifyWebhook } from './webhooks.js';
export type {
  HiLinkWebhookErrorReason,
  HiLinkWebhookEvent,
  VerifyWebhookOptions,
} from './webhooks.js';
export { embedWidgetSnippet, widgetEmbedUrl } from './widget.js';
export type { WidgetMedia, WidgetSnippetOptions } from './widget.js';
export type {
  HiLinkSubscription,
  SubscribeOptions,
  WebSocketConstructor,
} from './subscriptions.js';
export * from './generated/graphql.js';

import type { components, operations, paths } from './generated/rest.js';

/** The REST API's paths under `/v1`, each with its methods, parameters and responses. */
export type RestPaths = paths;
/** The REST API's operations by `operationId`, as referenced from `RestPaths`. */
export type RestOperations = operations;
/** The REST API's reusable OpenAPI components: schemas, responses and parameters. */
export type RestComponents = components;
/** The REST API's request and response bodies, by schema name. */
export type RestSchemas = components['schemas'];
