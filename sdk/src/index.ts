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
 */
export { HiLinkClient } from './client';
export type { HiLinkClientOptions, RetryOptions } from './client';
export { HiLinkError } from './errors';
export type { HiLinkErrorCode, HiLinkErrorDetails, HiLinkProblem } from './errors';
export { listAll, paginate } from './pagination';
export type { ConnectionPage, PageLoader } from './pagination';
export type { RequestOptions } from './request-options';
export { UNAUTHORIZED_CLOSE_CODE } from './subscriptions';
export { HiLinkWebhookError, verifyWebhook } from './webhooks';
export type { HiLinkWebhookEvent, VerifyWebhookOptions } from './webhooks';
export { embedWidgetSnippet, widgetEmbedUrl } from './widget';
export type { WidgetSnippetOptions } from './widget';
export type { HiLinkSubscription, SubscribeOptions, WebSocketConstructor } from './subscriptions';
export * from './generated/graphql';
export type {
  components as RestComponents,
  operations as RestOperations,
  paths as RestPaths,
} from './generated/rest';

import type { components } from './generated/rest';

/** The REST API's request and response bodies, by schema name. */
export type RestSchemas = components['schemas'];
