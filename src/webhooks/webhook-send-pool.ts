import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AttemptResult, sendWebhook } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';

/** The settings a send thread starts with. */
export interface SendWorkerOptions {
  concurrency: number;
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/**
 * Requests handed to a send thread at once. A target (URL and signing secrets) and a body
 * appear once per batch, since many requests of a batch share them.
 */
export interface SendBatch {
  ids: number[];
  eventIds: string[];
  targetOf: number[];
  bodyOf: number[];
  targets: [string, string[]][];
  bodies: string[];
}

/** One request to sign and send. */
export interface SendRequest {
  url: string;
  /** The signing secrets in plain text. */
  secrets: string[];
  eventId: string;
  body: string;
}

/** Returns the batch key of a request's target: its URL and signing secrets. */
function targetKey(request: SendRequest): string {
  return `${request.url} ${request.secrets.join(' ')}`;
}

/**
 * Sends webhook requests from a worker thread. HTTP and signing then run on another core than
 * the dispatcher's database work and the API's requests, in an isolate with a small heap.
 * Requests are handed over in batches, once per event-loop turn, and results come back the
 * same way. Without `useThread` the requests go out from the calling thread.
 *
 * A thread that stops with requests in flight fails them as network errors, so they are retried
 * with the same webhook-id. The next request starts a new thread.
 */
export class WebhookSendPool {
  private readonly logger = new Logger(WebhookSendPool.name);
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, (result: AttemptResult | null) => void>();
  private batch: SendRequest[] = [];
  private batchIds: number[] = [];
  private flushing = false;

  constructor(private readonly options: SendWorkerOptions & { useThread: boolean }) {}

  /**
   * Requests that may be handed over beyond those in flight, so that the thread starts the
   * next one as soon as a response arrives. Three times the concurrency kept the thread busy
   * in the fan-out bench; one time left it waiting for the main thread.
   */
  get queueAllowance(): number {
    return this.options.useThread ? 3 * this.options.concurrency : 0;
  }

  /** Sends a request; resolves with null when `cancelQueued` took it back before it started. */
  send(request: SendRequest): Promise<AttemptResult | null> {
    if (!this.options.useThread) {
      return sendWebhook({
        url: request.url,
        headers: signatureHeaders(
          request.secrets,
          request.eventId,
          Math.floor(Date.now() / 1000),
          request.body,
        ),
        body: request.body,
        timeoutMs: this.options.timeoutMs,
        allowPrivateTargets: this.options.allowPrivateTargets,
      });
    }
    const id = this.nextId;
    this.nextId += 1;
    this.batch.push(request);
    this.batchIds.push(id);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }

    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  /** Takes back the requests that were handed over but have not started; they resolve with null. */
  cancelQueued(): void {
    this.flush();
    this.worker?.postMessage('cancel');
  }

  /** Stops the thread; requests still in flight fail as network errors. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      await worker.terminate();
    }
  }

  private flush(): void {
    this.flushing = false;
    if (this.batch.length === 0) {
      return;
    }
    const requests = this.batch;
    const ids = this.batchIds;
    this.batch = [];
    this.batchIds = [];
    const batch: SendBatch = {
      ids,
      eventIds: [],
      targetOf: [],
      bodyOf: [],
      targets: [],
      bodies: [],
    };
    const targets = new Map<string, number>();
    const bodies = new Map<string, number>();
    for (const request of requests) {
      const key = targetKey(request);
      let target = targets.get(key);
      if (target === undefined) {
        target = batch.targets.push([request.url, request.secrets]) - 1;
        targets.set(key, target);
      }
      let body = bodies.get(request.eventId);
      if (body === undefined) {
        body = batch.bodies.push(request.body) - 1;
        bodies.set(request.eventId, body);
      }
      batch.eventIds.push(request.eventId);
      batch.targetOf.push(target);
      batch.bodyOf.push(body);
    }
    this.thread().postMessage(batch);
  }

  private thread(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const options: SendWorkerOptions = {
      concurrency: this.options.concurrency,
      timeoutMs: this.options.timeoutMs,
      allowPrivateTargets: this.options.allowPrivateTargets,
    };
    const compiled = __filename.endsWith('.js');
    const script = join(__dirname, `webhook-send-worker.${compiled ? 'js' : 'ts'}`);
    // Run from the TypeScript sources (as under jest), the thread compiles them with ts-node.
    const worker = compiled
      ? new Worker(script, { workerData: options })
      : new Worker(
          `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(script)});`,
          { eval: true, workerData: options },
        );
    // An idle thread does not keep the process alive.
    worker.unref();
    worker.on('message', (results: (number | AttemptResult | null)[]) => {
      for (let index = 0; index < results.length; index += 2) {
        const id = results[index] as number;
        const resolve = this.waiting.get(id);
        this.waiting.delete(id);
        resolve?.(results[index + 1] as AttemptResult | null);
      }
    });
    worker.on('error', (error) => {
      this.logger.error({ error: error.message }, 'The webhook send thread failed');
    });
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = undefined;
      }
      // Requests it held never finished: failed attempts, sent again with the same webhook-id.
      for (const [id, resolve] of this.waiting) {
        this.waiting.delete(id);
        resolve({
          outcome: 'network_error',
          statusCode: null,
          latencyMs: 0,
          error: 'the send thread stopped before the request finished',
          responseExcerpt: null,
        });
      }
    });
    this.worker = worker;

    return worker;
  }
}
