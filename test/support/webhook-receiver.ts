import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** The response of the receiver to one request. */
export type ReceiverBehaviour =
  | { kind: 'accept' }
  | { kind: 'fail'; status: number }
  | { kind: 'hang' }
  | { kind: 'redirect'; location: string }
  | { kind: 'huge' };

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** The kind of response the receiver sent. */
  behaviour: ReceiverBehaviour['kind'];
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order, whatever the response. */
  requests: ReceivedRequest[];
  /** Requests that got a 2xx answer. */
  accepted(): ReceivedRequest[];
  /** Queues answers for the next requests; without one the receiver accepts. */
  enqueue(...behaviours: ReceiverBehaviour[]): void;
  /** Answers every request this way until changed; `undefined` returns to the queue. */
  always(behaviour: ReceiverBehaviour | undefined): void;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 that records webhook requests and fails, hangs or accepts them. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queue: ReceiverBehaviour[] = [];
  const hanging = new Set<ServerResponse>();
  let fixed: ReceiverBehaviour | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const behaviour = fixed ?? queue.shift() ?? { kind: 'accept' };
      requests.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        behaviour: behaviour.kind,
        receivedAt: Date.now(),
      });
      switch (behaviour.kind) {
        case 'accept':
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
          break;
        case 'fail':
          res
            .writeHead(behaviour.status, { 'content-type': 'text/plain' })
            .end(`failed with ${behaviour.status}`);
          break;
        case 'redirect':
          res.writeHead(307, { location: behaviour.location }).end();
          break;
        case 'huge':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('x'.repeat(5 * 1024 * 1024));
          break;
        case 'hang':
          hanging.add(res);
          break;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    accepted: () =>
      requests.filter((request) => request.behaviour === 'accept' || request.behaviour === 'huge'),
    enqueue: (...behaviours) => queue.push(...behaviours),
    always: (behaviour) => {
      fixed = behaviour;
    },
    close: async () => {
      for (const res of hanging) {
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
