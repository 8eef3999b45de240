import { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HiLinkWebhookError, HiLinkWebhookEvent, verifyWebhook } from '../../sdk/src';

/** Largest request body the receiver reads; HiLink's events are a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ReceiverOptions {
  /** The subscription's `whsec_…` secret; a function, so that a rotation can swap it. */
  secret: () => string;
  /** Handles one new event. A thrown error returns 500, so HiLink sends the event again. */
  onEvent: (event: HiLinkWebhookEvent) => void | Promise<void>;
  /** How many event ids to remember for de-duplication. Default 10,000. */
  remember?: number;
}

/** The event ids handled most recently, oldest first, up to a fixed count. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value as string;
      this.ids.delete(oldest);
    }
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.destroy();
        resolve(undefined);

        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Returns a request listener that verifies each webhook on its raw body and hands every event
 * to `onEvent` once. A repeat of a handled `webhook-id` gets 200 without being handled again,
 * and one that arrives while the first is still being handled waits for it.
 */
export function createWebhookReceiver(options: ReceiverOptions): RequestListener {
  const handled = new RecentIds(options.remember ?? 10_000);
  const inProgress = new Map<string, Promise<void>>();

  return (request, response) => {
    void (async () => {
      if (request.method !== 'POST') {
        answer(response, 405, 'Send webhooks with POST.');

        return;
      }
      const body = await readBody(request);
      if (!body) {
        answer(response, 413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);

        return;
      }
      let event: HiLinkWebhookEvent;
      try {
        event = verifyWebhook(body, request.headers, options.secret());
      } catch (error) {
        if (error instanceof HiLinkWebhookError) {
          answer(response, 400, `${error.reason}: ${error.message}`);

          return;
        }
        throw error;
      }
      await inProgress.get(event.id)?.catch(() => undefined);
      if (handled.has(event.id)) {
        answer(response, 200, 'Already handled.');

        return;
      }
      const handling = Promise.resolve(options.onEvent(event));
      inProgress.set(event.id, handling);
      try {
        await handling;
        handled.add(event.id);
        answer(response, 204, '');
      } catch (error) {
        answer(
          response,
          500,
          `Handling failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        inProgress.delete(event.id);
      }
    })().catch((error: unknown) => {
      if (!response.headersSent) {
        answer(response, 500, `Unexpected error: ${String(error)}`);
      }
    });
  };
}
