import { createHmac, timingSafeEqual } from 'node:crypto';

/** A webhook event as HiLink posts it: the same body on every attempt of one delivery. */
export interface HiLinkWebhookEvent<TData = Record<string, unknown>> {
  /** The event id, equal to the `webhook-id` header; receivers de-duplicate on it. */
  id: string;
  /** The event type, such as `session.ended` or `parent_update.approved`. */
  type: string;
  /** When the change happened, ISO 8601. */
  timestamp: string;
  /** The event's payload; its shape depends on `type` (see `webhookEventTypes`). */
  data: TData;
}

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** Largest accepted distance between `webhook-timestamp` and now, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The current time in ms, for tests. Default `Date.now()`. */
  now?: number;
}

/**
 * Why `verifyWebhook` rejected a request:
 *
 * - `MISSING_HEADER`: `webhook-id`, `webhook-timestamp` or `webhook-signature` is missing.
 * - `INVALID_TIMESTAMP`: `webhook-timestamp` is not a number of seconds.
 * - `TIMESTAMP_TOO_OLD`: the timestamp is further in the past than the tolerance, as in a replay.
 * - `TIMESTAMP_IN_FUTURE`: the timestamp is further in the future than the tolerance.
 * - `INVALID_SECRET`: the secret passed to `verifyWebhook` is not a `whsec_…` value.
 * - `INVALID_SIGNATURE`: no signature matches the body, the secret is wrong or the body changed.
 * - `INVALID_BODY`: the signature matches but the body is not JSON.
 */
export type HiLinkWebhookErrorReason =
  | 'MISSING_HEADER'
  | 'INVALID_TIMESTAMP'
  | 'TIMESTAMP_TOO_OLD'
  | 'TIMESTAMP_IN_FUTURE'
  | 'INVALID_SECRET'
  | 'INVALID_SIGNATURE'
  | 'INVALID_BODY';

/** The error of a rejected webhook request. Its `reason` is stable for logs and metrics. */
export class HiLinkWebhookError extends Error {
  /** The reason the request was rejected. Respond with HTTP 400 whatever the reason. */
  readonly reason: HiLinkWebhookErrorReason;

  /** Creates an error. Applications rarely need to, because `verifyWebhook` does. */
  constructor(message: string, reason: HiLinkWebhookErrorReason) {
    super(message);
    this.name = 'HiLinkWebhookError';
    this.reason = reason;
  }
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];

  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies a HiLink webhook request per the Standard Webhooks specification and returns its
 * event. Pass the raw body exactly as received (a re-serialized JSON object does not verify),
 * the request headers, and the subscription's `whsec_…` secret. Raises HiLinkWebhookError when
 * a header is missing, the timestamp is outside the tolerance in either direction, or no
 * signature matches.
 *
 * @param rawBody The request body as received: a Buffer, or a string of it in UTF-8.
 * @param headers The request headers: Node's `req.headers`, or a fetch `Headers` object.
 * @param secret The subscription's signing secret, `whsec_…`.
 * @example
 * const event = verifyWebhook(rawBody, req.headers, process.env.HILINK_WEBHOOK_SECRET!);
 * if (event.type === 'session.ended') { ... }
 */
export function verifyWebhook<TData = Record<string, unknown>>(
  rawBody: string | Buffer,
  headers: HeaderBag,
  secret: string,
  options: VerifyWebhookOptions = {},
): HiLinkWebhookEvent<TData> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    const missing = [
      ['webhook-id', id],
      ['webhook-timestamp', timestamp],
      ['webhook-signature', signatures],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new HiLinkWebhookError(
      `The ${missing.join(', ')} header${missing.length > 1 ? 's are' : ' is'} missing: pass every request header as received (webhook-id, webhook-timestamp and webhook-signature are all required).`,
      'MISSING_HEADER',
    );
  }
  if (!/^\d+$/.test(timestamp)) {
    throw new HiLinkWebhookError(
      `webhook-timestamp "${timestamp}" is invalid: expected seconds since the epoch.`,
      'INVALID_TIMESTAMP',
    );
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const sent = Number(timestamp);
  if (sent < nowSeconds - tolerance) {
    throw new HiLinkWebhookError(
      `webhook-timestamp is ${nowSeconds - sent} s old, more than the ${tolerance} s tolerance.`,
      'TIMESTAMP_TOO_OLD',
    );
  }
  if (sent > nowSeconds + tolerance) {
    throw new HiLinkWebhookError(
      `webhook-timestamp is ${sent - nowSeconds} s in the future, more than the ${tolerance} s tolerance.`,
      'TIMESTAMP_IN_FUTURE',
    );
  }
  if (!secret.startsWith('whsec_')) {
    throw new HiLinkWebhookError(
      'The secret is invalid: pass the whsec_… value returned when the subscription was created.',
      'INVALID_SECRET',
    );
  }
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${timestamp}.${body}`)
    .digest();
  const matches = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) {
      return false;
    }
    const given = Buffer.from(value, 'base64');

    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new HiLinkWebhookError(
      'No webhook-signature matches the body: check the secret and pass the raw body unchanged.',
      'INVALID_SIGNATURE',
    );
  }
  try {
    return JSON.parse(body) as HiLinkWebhookEvent<TData>;
  } catch {
    throw new HiLinkWebhookError('The body is not JSON.', 'INVALID_BODY');
  }
}
