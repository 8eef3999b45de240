import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createWebhookReceiver, RecentIds } from '../examples/webhook-receiver/receiver';
import { HiLinkClient, HiLinkWebhookEvent } from '../sdk/src';
import { createClassroom, createSession } from './support/classroom-fixtures';
import { startTestApp, TestApp } from './support/test-app';

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('webhook receiver example', () => {
  let t: TestApp;
  let client: HiLinkClient;
  let server: Server;
  let url: string;
  let secret = '';
  let failNext = false;
  const handled: HiLinkWebhookEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '50' });
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    server = createServer(
      createWebhookReceiver({
        secret: () => secret,
        onEvent: (event) => {
          if (failNext) {
            failNext = false;
            throw new Error('simulated outage');
          }
          handled.push(event);
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    ({ secret } = await client.createWebhookSubscription({ url, eventTypes: ['session.created'] }));
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await t?.close();
  });

  it('handles a retried and a replayed event once', async () => {
    failNext = true;
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const session = await createSession(t, t.adminKey, classroom);
    await waitUntil(() => handled.length === 1, 'the event');
    const [subscription] = (await client.webhookSubscriptions()).nodes;
    const [delivery] = (await client.webhookDeliveries({ subscriptionId: subscription!.id })).nodes;
    await client.replayWebhookDelivery(delivery!.id);
    const replayed = await (async () => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const current = await client.webhookDelivery(delivery!.id);
        if (current.status === 'succeeded' && current.attempts >= 3) {
          return current;
        }
        if (Date.now() > deadline) {
          throw new Error('The replay did not finish.');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    expect(handled).toHaveLength(1);
    expect(handled[0]!.data.sessionId).toBe(session.id);
    expect(replayed.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 204, 200]);
  });

  it('refuses a request signed with another secret', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'evt_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,c2lnbmF0dXJl',
      },
      body: '{"id":"evt_forged","type":"session.created","data":{}}',
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^INVALID_SIGNATURE/);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('c');

    expect(ids.has('a')).toBe(false);
    expect(ids.has('c')).toBe(true);
  });
});
