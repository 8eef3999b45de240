import { parentPort, workerData } from 'node:worker_threads';
import { AttemptResult, sendWebhook } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';
import type { SendBatch, SendWorkerOptions } from './webhook-send-pool';

/**
 * The webhook send thread. It receives batches of requests from WebhookSendPool, signs and
 * sends them with at most `concurrency` in flight, and posts the results back in batches.
 * Requests beyond that limit wait in the thread and start as soon as a slot frees, without a
 * round trip to the main thread.
 */
const options = workerData as SendWorkerOptions;
const queue: { id: number; target: [string, string[]]; eventId: string; body: string }[] = [];
let head = 0;
let inFlight = 0;
/** Results waiting to be posted: the request id, then the result, or null when never sent. */
let results: (number | AttemptResult | null)[] = [];
let posting = false;

function post(): void {
  posting = false;
  const batch = results;
  results = [];
  parentPort!.postMessage(batch);
}

function pump(): void {
  while (inFlight < options.concurrency && head < queue.length) {
    const request = queue[head]!;
    queue[head] = undefined!;
    head += 1;
    inFlight += 1;
    const [url, secrets] = request.target;
    const headers = signatureHeaders(
      secrets,
      request.eventId,
      Math.floor(Date.now() / 1000),
      request.body,
    );
    void sendWebhook({
      url,
      headers,
      body: request.body,
      timeoutMs: options.timeoutMs,
      allowPrivateTargets: options.allowPrivateTargets,
    }).then((result) => {
      inFlight -= 1;
      results.push(request.id, result);
      if (!posting) {
        posting = true;
        setImmediate(post);
      }
      pump();
    });
  }
  if (head > 1_024 && head * 2 > queue.length) {
    queue.splice(0, head);
    head = 0;
  }
}

parentPort!.on('message', (batch: SendBatch | 'cancel') => {
  if (batch === 'cancel') {
    // Requests not started yet come back unsent, as null results.
    for (; head < queue.length; head += 1) {
      results.push(queue[head]!.id, null);
    }
    queue.length = 0;
    head = 0;
    post();

    return;
  }
  for (let index = 0; index < batch.ids.length; index += 1) {
    queue.push({
      id: batch.ids[index]!,
      target: batch.targets[batch.targetOf[index]!]!,
      eventId: batch.eventIds[index]!,
      body: batch.bodies[batch.bodyOf[index]!]!,
    });
  }
  pump();
});
