import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';

/**
 * The webhook receiver of the fan-out bench, forked by `webhook-fanout.js` so that it never
 * shares an event loop with HiLink or with the raw client. It listens on 127.0.0.1, responds to every
 * POST to `/hooks/<subscription number>` with 204 once its body has arrived, and records the
 * receipt time, the subscription number and the `webhook-id` of each request. Every
 * `sampleEvery`-th request is also kept whole (headers and body) for signature checks.
 *
 * Messages from the driver: `{ cmd: 'reset', sampleEvery }` starts a new phase,
 * `{ cmd: 'count' }` answers `{ count }`, and `{ cmd: 'dump', file }` writes the phase's
 * receipts to `file` as JSON and answers `{ dumped: count }`.
 */

export interface ReceiverSample {
  subscription: number;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface ReceiverDump {
  /** Receipt times in ms since the epoch, in arrival order. */
  times: number[];
  /** The subscription number of the request's path, or -1 for any other path. */
  subscriptions: number[];
  /** The `webhook-id` header, or an empty string. */
  ids: string[];
  samples: ReceiverSample[];
  /** TCP connections accepted during the phase. */
  connections: number;
}

type DriverMessage =
  { cmd: 'reset'; sampleEvery: number } | { cmd: 'count' } | { cmd: 'dump'; file: string };

let times: number[] = [];
let subscriptions: number[] = [];
let ids: string[] = [];
let samples: ReceiverSample[] = [];
let sampleEvery = 0;
let connections = 0;

const PATH = /^\/hooks\/(\d+)$/;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const receivedAt = Date.now();
    const match = PATH.exec(req.url ?? '');
    const subscription = match ? Number(match[1]) : -1;
    const id = req.headers['webhook-id'];
    times.push(receivedAt);
    subscriptions.push(subscription);
    ids.push(typeof id === 'string' ? id : '');
    if (sampleEvery > 0 && times.length % sampleEvery === 0) {
      samples.push({
        subscription,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt,
      });
    }
    res.writeHead(204).end();
  });
});

process.on('message', (message: DriverMessage) => {
  switch (message.cmd) {
    case 'reset':
      times = [];
      subscriptions = [];
      ids = [];
      samples = [];
      connections = 0;
      sampleEvery = message.sampleEvery;
      process.send?.({ reset: true });
      break;
    case 'count':
      process.send?.({ count: times.length, connections });
      break;
    case 'dump': {
      const dump: ReceiverDump = { times, subscriptions, ids, samples, connections };
      writeFileSync(message.file, JSON.stringify(dump));
      process.send?.({ dumped: times.length });
      break;
    }
  }
});

server.on('connection', () => {
  connections += 1;
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
