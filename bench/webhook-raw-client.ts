import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { webhookBody } from '../src/webhooks/webhook-dispatcher';
import { signatureHeaders } from '../src/webhooks/webhook-signature';

/**
 * The baseline of the fan-out bench: the same webhook POSTs that HiLink sends, from a plain
 * Node.js HTTP client without HiLink. `webhook-fanout.js` forks it with a file of events and
 * subscriptions as its first argument. It builds and signs every request before the clock
 * starts, with the same bodies and headers as HiLink's. Then it sends them to the same receiver
 * with `concurrency` requests in flight over one keep-alive agent, and reports the elapsed time
 * over IPC.
 */

export interface RawClientInput {
  concurrency: number;
  events: { id: string; type: string; occurredAt: string; payload: Record<string, unknown> }[];
  subscriptions: { url: string; secret: string }[];
}

export interface RawClientResult {
  sent: number;
  succeeded: number;
  failed: number;
  seconds: number;
  /** CPU seconds (user and system) of this process while it sent. */
  cpuSeconds: number;
  firstError?: string;
}

interface PreparedRequest {
  url: URL;
  headers: Record<string, string | number>;
  body: string;
}

function prepare(input: RawClientInput): PreparedRequest[] {
  const timestamp = Math.floor(Date.now() / 1000);
  const urls = input.subscriptions.map((subscription) => new URL(subscription.url));
  const prepared: PreparedRequest[] = [];
  // Event-major order, as HiLink's claim query takes deliveries in creation order.
  for (const event of input.events) {
    const body = webhookBody(event.id, event.type, new Date(event.occurredAt), event.payload);
    input.subscriptions.forEach((subscription, index) => {
      prepared.push({
        url: urls[index]!,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'HiLink-Webhooks/1',
          'content-length': Buffer.byteLength(body),
          ...signatureHeaders([subscription.secret], event.id, timestamp, body),
        },
      });
    });
  }

  return prepared;
}

function send(agent: Agent, item: PreparedRequest): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request(item.url, { method: 'POST', headers: item.headers, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve(
          res.statusCode && res.statusCode < 300 ? undefined : `HTTP ${String(res.statusCode)}`,
        ),
      );
      res.on('error', (error) => resolve(error.message));
    });
    req.on('error', (error) => resolve(error.message));
    req.end(item.body);
  });
}

async function main(): Promise<void> {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RawClientInput;
  const prepared = prepare(input);
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
  let next = 0;
  let succeeded = 0;
  let failed = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (next < prepared.length) {
      const item = prepared[next]!;
      next += 1;
      const error = await send(agent, item);
      if (error === undefined) {
        succeeded += 1;
      } else {
        failed += 1;
        firstError ??= error;
      }
    }
  };
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  const result: RawClientResult = {
    sent: prepared.length,
    succeeded,
    failed,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    firstError,
  };
  process.send?.(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`The raw webhook client failed: ${String(error)}\n`);
  process.exit(1);
});
