import { DataSource } from 'typeorm';
import { HiLinkClient, HiLinkError, HiLinkWebhookError, verifyWebhook } from '../sdk/src';
import { WebhookEventRetention } from '../src/webhooks/event-retention';
import { createClassroom, createSession } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { ReceivedRequest, startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

const FAST_RETRIES = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_TIMEOUT_MS: '500',
};

async function waitFor<T>(
  read: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the receiver has accepted at least `count` requests, then returns them. */
function acceptedAtLeast(receiver: WebhookReceiver, count: number): Promise<ReceivedRequest[]> {
  return waitFor(() => {
    const accepted = receiver.accepted();

    return accepted.length >= count ? accepted : undefined;
  }, `${count} accepted webhook requests`);
}

/** Waits until a subscription lists a delivery, which happens once its first attempt is recorded. */
async function firstDelivery(client: HiLinkClient, subscriptionId: string) {
  return waitFor(async () => {
    const [delivery] = (await client.webhookDeliveries({ subscriptionId })).nodes;

    return delivery;
  }, 'a delivery to be listed');
}

function eventOf(request: ReceivedRequest): {
  id: string;
  type: string;
  data: Record<string, unknown>;
} {
  return JSON.parse(request.body) as { id: string; type: string; data: Record<string, unknown> };
}

describe('webhooks', () => {
  let t: TestApp;
  let client: HiLinkClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp(FAST_RETRIES);
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
  });

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });

  afterEach(async () => {
    for (const subscription of (await client.webhookSubscriptions({ first: 100 })).nodes) {
      await client.deleteWebhookSubscription(subscription.id);
    }
    await receiver.close();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function subscribe(eventTypes: string[], extra: Record<string, unknown> = {}) {
    return client.createWebhookSubscription({ url: receiver.url, eventTypes, ...extra });
  }

  describe('subscriptions', () => {
    it('shows the secret only once', async () => {
      const created = await subscribe(['session.*'], { description: 'LMS sync' });

      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(created.subscription).toMatchObject({ status: 'active', eventTypes: ['session.*'] });
      const listed = await t.http.get('/v1/webhooks/subscriptions').set(...bearer(t.adminKey));
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.secret);
      expect(JSON.stringify(listed.body)).not.toContain('ciphertext');
    });

    it('lists event types by area', async () => {
      const types = (await client.webhookEventTypes()).map((entry) => entry.type);

      expect(types).toEqual(
        expect.arrayContaining([
          'session.ended',
          'recap.approved',
          'parent_update.delivered',
          'risk.level_changed',
        ]),
      );
    });

    it('updates, pauses and resumes', async () => {
      const { subscription } = await subscribe(['session.*']);
      const updated = await client.updateWebhookSubscription({
        id: subscription.id,
        input: { eventTypes: ['session.ended', 'recap.*'], description: 'two areas' },
      });

      expect(updated.eventTypes).toEqual(['session.ended', 'recap.*']);
      expect((await client.pauseWebhookSubscription(subscription.id)).status).toBe('paused');
      expect((await client.resumeWebhookSubscription(subscription.id)).status).toBe('active');
    });
  });

  describe('delivery', () => {
    it('signs events so the SDK verifies them', async () => {
      const { secret } = await subscribe(['session.created']);
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      const session = await createSession(t, t.adminKey, classroom);
      const [request] = await acceptedAtLeast(receiver, 1);
      const event = verifyWebhook(
        request!.body,
        request!.headers as Record<string, string>,
        secret,
      );

      expect(event.type).toBe('session.created');
      expect(event.data).toMatchObject({ sessionId: session.id, status: 'scheduled' });
      expect(event.id).toBe(request!.headers['webhook-id']);
      expect(() =>
        verifyWebhook(
          request!.body.replace('scheduled', 'cancelled'),
          request!.headers as Record<string, string>,
          secret,
        ),
      ).toThrow(HiLinkWebhookError);
    });

    it('retries failures and timeouts with one webhook-id', async () => {
      const { subscription } = await subscribe(['session.created']);
      receiver.enqueue(
        { kind: 'fail', status: 500 },
        { kind: 'hang' },
        { kind: 'fail', status: 503 },
      );
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      await acceptedAtLeast(receiver, 1);

      expect(receiver.requests.map((request) => request.behaviour)).toEqual([
        'fail',
        'hang',
        'fail',
        'accept',
      ]);
      expect(new Set(receiver.requests.map((request) => request.headers['webhook-id'])).size).toBe(
        1,
      );
      const delivery = await firstDelivery(client, subscription.id);
      const outcomes = await waitFor(async () => {
        const current = await client.webhookDelivery(delivery.id);

        return current.status === 'succeeded'
          ? current.attemptLog.map((attempt) => attempt.outcome)
          : undefined;
      }, 'the delivery log');
      expect(outcomes).toEqual(['http_error', 'timeout', 'http_error', 'succeeded']);
    });

    it('purges finished events past retention', async () => {
      const { subscription } = await subscribe(['session.created']);
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      const finished = await createSession(t, t.adminKey, classroom);
      await acceptedAtLeast(receiver, 1);
      const sent = await firstDelivery(client, subscription.id);
      await waitFor(async () => {
        const current = await client.webhookDelivery(sent.id);

        return current.status === 'succeeded' ? current : undefined;
      }, 'the first delivery to succeed');
      await client.pauseWebhookSubscription(subscription.id);
      const waiting = await createSession(t, t.adminKey, classroom);
      const recent = await createSession(t, t.adminKey, classroom);
      const dataSource = t.app.get(DataSource);
      const eventOfSession = async (sessionId: string) =>
        (
          (await dataSource.query(
            `SELECT id FROM domain_events WHERE type = 'session.created' AND payload->>'sessionId' = $1`,
            [sessionId],
          )) as { id: string }[]
        )[0]?.id;
      const ids = {
        finished: await eventOfSession(finished.id),
        waiting: await eventOfSession(waiting.id),
        recent: await eventOfSession(recent.id),
      };
      await dataSource.query(
        `UPDATE domain_events SET occurred_at = now() - interval '40 days' WHERE id = ANY($1)`,
        [[ids.finished, ids.waiting]],
      );

      const deleted = await t.app.get(WebhookEventRetention).purge();
      const remaining = await client.webhookDeliveries({ subscriptionId: subscription.id });
      const attempts = (await dataSource.query(
        `SELECT count(*)::int AS count FROM webhook_delivery_attempts WHERE delivery_id = $1`,
        [sent.id],
      )) as { count: number }[];

      expect(deleted).toBeGreaterThanOrEqual(1);
      expect(await eventOfSession(finished.id)).toBeUndefined();
      expect(await eventOfSession(waiting.id)).toBe(ids.waiting);
      expect(await eventOfSession(recent.id)).toBe(ids.recent);
      // The held events have no delivery rows yet: the paused subscription's cursor keeps them.
      expect(remaining.nodes).toHaveLength(0);
      expect(attempts[0]!.count).toBe(0);
      await expect(client.webhookDelivery(sent.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await client.resumeWebhookSubscription(subscription.id);
      const delivered = await acceptedAtLeast(receiver, 3);
      expect(delivered.slice(1).map((request) => eventOf(request).data.sessionId)).toEqual([
        waiting.id,
        recent.id,
      ]);
    });

    it('keeps the events of one session in order', async () => {
      await subscribe(['session.*']);
      receiver.enqueue({ kind: 'fail', status: 500 }, { kind: 'fail', status: 500 });
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      const session = await createSession(t, t.adminKey, classroom);
      await client.startSession(session.id);
      await client.endSession(session.id);
      const accepted = await acceptedAtLeast(receiver, 3);

      expect(accepted.map((request) => eventOf(request).type)).toEqual([
        'session.created',
        'session.started',
        'session.ended',
      ]);
    });

    it('sends only what the filters select', async () => {
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      const first = await createSession(t, t.adminKey, classroom);
      await subscribe(['session.*'], { sessionId: first.id });
      const second = await createSession(t, t.adminKey, classroom);
      await client.startSession(second.id);
      await client.startSession(first.id);
      const [request] = await acceptedAtLeast(receiver, 1);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(receiver.requests).toHaveLength(1);
      expect(eventOf(request!)).toMatchObject({
        type: 'session.started',
        data: { sessionId: first.id },
      });
    });

    it('holds deliveries while paused', async () => {
      const { subscription } = await subscribe(['session.created']);
      await client.pauseWebhookSubscription(subscription.id);
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(receiver.requests).toHaveLength(0);
      await client.resumeWebhookSubscription(subscription.id);
      await acceptedAtLeast(receiver, 1);
    });

    it('signs with both secrets during a rotation', async () => {
      const { subscription, secret: old } = await subscribe(['session.created']);
      const rotated = await client.rotateWebhookSecret({
        id: subscription.id,
        input: { overlapSeconds: 600 },
      });
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      const [request] = await acceptedAtLeast(receiver, 1);
      const headers = request!.headers as Record<string, string>;

      expect(rotated.secret).not.toBe(old);
      expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
      expect(verifyWebhook(request!.body, headers, old).type).toBe('session.created');
      expect(verifyWebhook(request!.body, headers, rotated.secret).type).toBe('session.created');
    });

    it('drops the old secret without overlap', async () => {
      const { subscription, secret: old } = await subscribe(['session.created']);
      const rotated = await client.rotateWebhookSecret({
        id: subscription.id,
        input: { overlapSeconds: 0 },
      });
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      const [request] = await acceptedAtLeast(receiver, 1);
      const headers = request!.headers as Record<string, string>;

      expect(() => verifyWebhook(request!.body, headers, old)).toThrow(
        /No webhook-signature matches/,
      );
      expect(verifyWebhook(request!.body, headers, rotated.secret).type).toBe('session.created');
    });

    it('replays one delivery and a time range', async () => {
      const { subscription } = await subscribe(['session.created']);
      const from = new Date().toISOString();
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      const [first] = await acceptedAtLeast(receiver, 1);
      const delivery = await firstDelivery(client, subscription.id);
      await waitFor(
        async () =>
          (await client.webhookDelivery(delivery.id)).status === 'succeeded' ? true : undefined,
        'success',
      );
      await client.replayWebhookDelivery(delivery.id);
      const [, again] = await acceptedAtLeast(receiver, 2);
      const range = await client.replayWebhookDeliveries({
        subscriptionId: subscription.id,
        input: { from, to: new Date(Date.now() + 1000).toISOString() },
      });
      await acceptedAtLeast(receiver, 3);

      expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(range.queued).toBe(1);
    });

    it('logs every success across replays', async () => {
      const { subscription } = await subscribe(['session.created']);
      const from = new Date().toISOString();
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      const delivery = await firstDelivery(client, subscription.id);
      const succeededAfter = (attempts: number) =>
        waitFor(async () => {
          const current = await client.webhookDelivery(delivery.id);

          return current.status === 'succeeded' && current.attempts === attempts
            ? current
            : undefined;
        }, `success of attempt ${attempts}`);

      const first = await succeededAfter(1);
      expect(first.attemptLog).toHaveLength(1);
      expect(first.attemptLog[0]).toMatchObject({ number: 1, outcome: 'succeeded', error: null });
      expect(first.attemptLog[0]!.statusCode).toBe(first.lastStatusCode);
      expect(first.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(0);

      await client.replayWebhookDelivery(delivery.id);
      const second = await succeededAfter(2);
      expect(second.attemptLog.map((attempt) => [attempt.number, attempt.outcome])).toEqual([
        [1, 'succeeded'],
        [2, 'succeeded'],
      ]);

      await client.replayWebhookDeliveries({
        subscriptionId: subscription.id,
        input: { from, to: new Date(Date.now() + 1000).toISOString() },
      });
      const third = await succeededAfter(3);
      expect(third.attemptLog.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
      const rest = await t.http
        .get(`/v1/webhooks/deliveries/${delivery.id}`)
        .set(...bearer(t.adminKey));
      expect(rest.status).toBe(200);
      expect(
        (rest.body.attemptLog as { number: number; outcome: string }[]).map((attempt) => [
          attempt.number,
          attempt.outcome,
        ]),
      ).toEqual([
        [1, 'succeeded'],
        [2, 'succeeded'],
        [3, 'succeeded'],
      ]);
      const stored = (await t.app
        .get(DataSource)
        .query(`SELECT number FROM webhook_delivery_attempts WHERE delivery_id = $1`, [
          delivery.id,
        ])) as { number: number }[];
      // The latest success is stored on the delivery row; replays moved the earlier ones.
      expect(stored.map((row) => row.number).sort()).toEqual([1, 2]);
    });

    it('does not follow redirects', async () => {
      const { subscription } = await subscribe(['session.created']);
      receiver.enqueue({ kind: 'redirect', location: 'http://169.254.169.254/' });
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      await acceptedAtLeast(receiver, 1);
      const delivery = await firstDelivery(client, subscription.id);
      const log = await waitFor(async () => {
        const current = await client.webhookDelivery(delivery.id);

        return current.status === 'succeeded' ? current.attemptLog : undefined;
      }, 'the delivery log');

      expect(log[0]).toMatchObject({ outcome: 'redirect', statusCode: 307 });
      expect(receiver.requests).toHaveLength(2);
    });

    it('reads only the start of a huge answer', async () => {
      const { subscription } = await subscribe(['session.created']);
      receiver.enqueue({ kind: 'huge' });
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      await acceptedAtLeast(receiver, 1);
      const delivery = await firstDelivery(client, subscription.id);
      const current = await waitFor(async () => {
        const read = await client.webhookDelivery(delivery.id);

        return read.status === 'succeeded' ? read : undefined;
      }, 'success');

      expect(current.attemptLog[0]!.responseExcerpt).toHaveLength(1024);
    });
  });

  describe('bad input', () => {
    async function expectBadInput(input: Record<string, unknown>, field: string, message: RegExp) {
      const response = await t.http
        .post('/v1/webhooks/subscriptions')
        .set(...bearer(t.adminKey))
        .send({ url: receiver.url, eventTypes: ['session.*'], ...input });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
      expect(JSON.stringify(response.body)).toMatch(message);
    }

    it('refuses a URL that is not one', () =>
      expectBadInput({ url: 'not a url' }, 'url', /not a URL/));

    it('refuses other protocols', () =>
      expectBadInput({ url: 'ftp://example.org/x' }, 'url', /ftp: is not supported/));

    it('accepts a JSON content type without a body', async () => {
      const { subscription } = await subscribe(['session.*']);

      const paused = await t.http
        .post(`/v1/webhooks/subscriptions/${subscription.id}/pause`)
        .set(...bearer(t.adminKey))
        .set('content-type', 'application/json');
      const deleted = await t.http
        .delete(`/v1/webhooks/subscriptions/${subscription.id}`)
        .set(...bearer(t.adminKey))
        .set('content-type', 'application/json');

      expect(paused.status).toBe(200);
      expect(deleted.status).toBe(200);
    });

    it('lists the accepted fields for an unknown one', async () => {
      const response = await t.http
        .post('/v1/webhooks/subscriptions')
        .set(...bearer(t.adminKey))
        .send({ url: receiver.url, eventTypes: ['session.*'], secret: 'mine' });

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('secret');
      expect(response.body.detail).toMatch(
        /secret is not an accepted field: remove it \(accepted: .*url.*eventTypes/,
      );
    });

    it('names a malformed URL apart from a blocked one', async () => {
      const response = await t.http
        .post('/v1/webhooks/subscriptions')
        .set(...bearer(t.adminKey))
        .send({ url: 'partner.example/hooks', eventTypes: ['session.*'] });

      expect(response.status).toBe(400);
      expect(response.body.title).toBe('INVALID_WEBHOOK_URL');
    });

    it('refuses a metadata address even for private targets', () =>
      expectBadInput({ url: 'http://169.254.169.254/latest' }, 'url', /link-local/));

    it('refuses credentials in the URL', () =>
      expectBadInput({ url: 'https://user:pw@example.org/x' }, 'url', /credentials/));

    it('refuses unknown event types', () =>
      expectBadInput(
        { eventTypes: ['session.*', 'lesson.started'] },
        'eventTypes[1]',
        /matches no event type/,
      ));

    it('refuses malformed patterns', () =>
      expectBadInput(
        { eventTypes: ['session.**'] },
        'eventTypes[0]',
        /not an event type or pattern/,
      ));

    it('refuses an empty type list', () =>
      expectBadInput({ eventTypes: [] }, 'eventTypes', /at least one/));

    it('refuses an unknown session filter', async () => {
      const response = await t.http
        .post('/v1/webhooks/subscriptions')
        .set(...bearer(t.adminKey))
        .send({
          url: receiver.url,
          eventTypes: ['session.*'],
          sessionId: '00000000-0000-4000-8000-000000000000',
        });

      expect(response.status).toBe(404);
      expect(response.body.field).toBe('sessionId');
    });

    it('refuses a reversed replay range', async () => {
      const { subscription } = await subscribe(['session.*']);
      const error = await client
        .replayWebhookDeliveries({
          subscriptionId: subscription.id,
          input: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' },
        })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(HiLinkError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });

    it('refuses a replay range over 31 days', async () => {
      const { subscription } = await subscribe(['session.*']);
      const response = await t.http
        .post(`/v1/webhooks/subscriptions/${subscription.id}/replay`)
        .set(...bearer(t.adminKey))
        .send({ from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });

      expect(response.status).toBe(400);
      expect(response.body.title).toBe('RANGE_TOO_LONG');
    });

    it('refuses a replay date that is not ISO 8601', async () => {
      const { subscription } = await subscribe(['session.*']);
      const response = await t.http
        .post(`/v1/webhooks/subscriptions/${subscription.id}/replay`)
        .set(...bearer(t.adminKey))
        .send({ from: 'yesterday', to: '2026-03-01T00:00:00Z' });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(/from must be an ISO 8601 instant/);
    });

    it('refuses an overlap longer than seven days', async () => {
      const { subscription } = await subscribe(['session.*']);
      const response = await t.http
        .post(`/v1/webhooks/subscriptions/${subscription.id}/rotate-secret`)
        .set(...bearer(t.adminKey))
        .send({ overlapSeconds: 8 * 86400 });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('overlapSeconds');
    });

    it('refuses an unknown delivery status filter', async () => {
      const { subscription } = await subscribe(['session.*']);
      const response = await t.http
        .get(`/v1/webhooks/subscriptions/${subscription.id}/deliveries?status=lost`)
        .set(...bearer(t.adminKey));

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(
        /status must be one of: pending, succeeded, dead/,
      );
    });

    it('refuses keys without the admin scope', async () => {
      const key = await t.http
        .post('/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: 'writer', scopes: ['write'] });
      const response = await t.http
        .get('/v1/webhooks/subscriptions')
        .set(...bearer(key.body.secret));

      expect(response.status).toBe(403);
    });

    it('hides subscriptions from other organizations', async () => {
      const { subscription } = await subscribe(['session.*']);
      const other = await t.createOrganization('Webhook neighbour');
      const response = await t.http
        .get(`/v1/webhooks/subscriptions/${subscription.id}`)
        .set(...bearer(other.adminKey));

      expect(response.status).toBe(404);
      expect(
        (await t.http.get('/v1/webhooks/subscriptions').set(...bearer(other.adminKey))).body.items,
      ).toEqual([]);
    });

    it('refuses a disabled subscription to pause', async () => {
      const { subscription } = await subscribe(['session.*']);
      await t.app
        .get(DataSource)
        .query(`UPDATE webhook_subscriptions SET status = 'disabled' WHERE id = $1`, [
          subscription.id,
        ]);
      const error = await client
        .pauseWebhookSubscription(subscription.id)
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ code: 'CONFLICT', reason: 'WEBHOOK_SUBSCRIPTION_DISABLED' });
    });
  });
});

describe('webhook targets on private addresses', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    'http://127.0.0.1:9/hooks',
    'http://localhost/hooks',
    'http://10.1.2.3/hooks',
    'http://169.254.169.254/latest',
    'http://[::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://[fd00::1]/hooks',
  ])('refuses %s', async (url) => {
    const response = await t.http
      .post('/v1/webhooks/subscriptions')
      .set(...bearer(t.adminKey))
      .send({ url, eventTypes: ['session.*'] });

    expect(response.status).toBe(400);
    expect(response.body.title).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
    expect(response.body.detail ?? response.body.message).toMatch(/WEBHOOK_ALLOW_PRIVATE_TARGETS/);
  });
});

describe('webhook dead letters', () => {
  let t: TestApp;
  let client: HiLinkClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_RETRIES, WEBHOOK_RETRY_WINDOW_SECONDS: '1' });
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('dead-letters and disables a failing subscription', async () => {
    receiver.always({ kind: 'fail', status: 500 });
    const failing = await client.createWebhookSubscription({
      url: receiver.url,
      eventTypes: ['session.created'],
    });
    const watcher = await startWebhookReceiver();
    await client.createWebhookSubscription({ url: watcher.url, eventTypes: ['webhook.*'] });
    try {
      const classroom = await createClassroom(t, t.adminKey, { students: 1 });
      await createSession(t, t.adminKey, classroom);
      const [disabled] = await acceptedAtLeast(watcher, 1);
      const subscription = await client.webhookSubscription(failing.subscription.id);
      const [delivery] = (
        await client.webhookDeliveries({ subscriptionId: failing.subscription.id })
      ).nodes;

      expect(eventOf(disabled!)).toMatchObject({
        type: 'webhook.subscription_disabled',
        data: { subscriptionId: failing.subscription.id },
      });
      expect(subscription.status).toBe('disabled');
      expect(subscription.disabledReason).toMatch(/failed for 1 seconds/);
      expect(delivery!.status).toBe('dead');
      expect(delivery!.attempts).toBeGreaterThan(1);
    } finally {
      await watcher.close();
    }
  });
});

const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeOnPostgres('webhooks across a restart', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp(FAST_RETRIES);
  });

  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('loses nothing when the server restarts mid-way', async () => {
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    const { secret } = await client.createWebhookSubscription({
      url: receiver.url,
      eventTypes: ['session.*'],
    });
    receiver.always({ kind: 'hang' });
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const created = [];
    for (let index = 0; index < 5; index += 1) {
      created.push(await createSession(t, t.adminKey, classroom));
    }
    await waitFor(() => (receiver.requests.length > 0 ? true : undefined), 'a first request');
    t = await t.restart();
    receiver.always(undefined);
    const accepted = await acceptedAtLeast(receiver, 5);
    const ids = new Set(
      accepted.map(
        (request) =>
          verifyWebhook(request.body, request.headers as Record<string, string>, secret).data
            .sessionId,
      ),
    );

    expect([...ids].sort()).toEqual(created.map((session) => session.id).sort());
    for (const request of receiver.requests) {
      const id = request.headers['webhook-id'];
      const bodies = new Set(
        receiver.requests
          .filter((other) => other.headers['webhook-id'] === id)
          .map((other) => other.body),
      );
      expect(bodies.size).toBe(1);
    }
  });
});
