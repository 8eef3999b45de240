import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../../test/support/webhook-receiver';
import { recordDomainEvent } from './domain-events';
import {
  ClaimedDelivery,
  FinishedAttempt,
  WebhookDispatcher,
  webhookBody,
} from './webhook-dispatcher';
import { WebhookSecrets } from './webhook-secrets';
import { AttemptResult } from './webhook-sender';

const SESSIONS = [
  '0b7f8c1e-0000-4000-8000-000000000001',
  '0b7f8c1e-0000-4000-8000-000000000002',
  '0b7f8c1e-0000-4000-8000-000000000003',
];

const OK: AttemptResult = {
  outcome: 'succeeded',
  statusCode: 204,
  latencyMs: 3,
  error: null,
  responseExcerpt: '',
};
const FAILED: AttemptResult = {
  outcome: 'http_error',
  statusCode: 500,
  latencyMs: 4,
  error: 'HTTP 500',
  responseExcerpt: 'down',
};

describe('WebhookDispatcher batches', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let receiver: WebhookReceiver;
  const dispatchers: WebhookDispatcher[] = [];

  function createDispatcher(concurrency = 4): WebhookDispatcher {
    const config = { ...t.config, webhooks: { ...t.config.webhooks, concurrency } };
    const dispatcher = new WebhookDispatcher(config, dataSource, t.app.get(WebhookSecrets));
    dispatchers.push(dispatcher);

    return dispatcher;
  }

  async function subscribe(url = receiver.url): Promise<string> {
    const response = await t.http
      .post('/v1/webhooks/subscriptions')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ url, eventTypes: ['session.*'] });
    expect(response.status).toBe(201);

    return response.body.subscription.id as string;
  }

  /** Records `perSession` events for each session, interleaved, in one transaction. */
  async function recordEvents(perSession: number): Promise<void> {
    await dataSource.transaction(async (manager) => {
      for (let seq = 1; seq <= perSession; seq += 1) {
        for (const sessionId of SESSIONS) {
          await recordDomainEvent(manager, t.organizationId, 'session.started', { sessionId, seq });
        }
      }
    });
  }

  /**
   * Gives every event a pending delivery row per subscription, in event order, as a range replay
   * does, so that the retry path sends them.
   */
  async function queueRows(): Promise<void> {
    await dataSource.query(
      `INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, event_type, ordering_key)
       SELECT s.organization_id, s.id, e.id, e.type, e.session_id
         FROM domain_events e CROSS JOIN webhook_subscriptions s
        ORDER BY e.transaction_id, e.sequence, s.id`,
    );
  }

  /** Claims every pending delivery as a poll does and returns them in the dispatcher's form. */
  async function claimAll(): Promise<ClaimedDelivery[]> {
    const rows = (await dataSource.query(
      `WITH claimed AS (
         UPDATE webhook_deliveries
            SET attempts = attempts + 1, locked_until = now() + interval '1 minute'
          WHERE status = 'pending'
          RETURNING *
       )
       SELECT c.id, c.sequence, c.organization_id, c.subscription_id, c.event_id, c.event_type,
              c.attempts, c.window_started_at, s.url, s.secret_ciphertext,
              s.previous_secret_ciphertext, s.previous_secret_expires_at, e.payload, e.occurred_at
         FROM claimed c
         JOIN webhook_subscriptions s ON s.id = c.subscription_id
         JOIN domain_events e ON e.id = c.event_id
        ORDER BY c.sequence`,
    )) as (Omit<ClaimedDelivery, 'body' | 'claimedAt'> & {
      payload: Record<string, unknown>;
      occurred_at: Date;
    })[];

    return rows.map(({ payload, occurred_at, ...row }) => ({
      ...row,
      body: webhookBody(row.event_id, row.event_type, occurred_at, payload),
      claimedAt: Date.now(),
    }));
  }

  function finished(delivery: ClaimedDelivery, result: AttemptResult): FinishedAttempt {
    return { delivery, attemptedAt: new Date(), result };
  }

  async function deliveries(): Promise<
    { id: string; status: string; attempts: number; locked_until: Date | null }[]
  > {
    return dataSource.query(
      `SELECT id, status, attempts, locked_until FROM webhook_deliveries ORDER BY sequence`,
    );
  }

  /** The attempt log: failed attempts as rows, successes stored on their delivery rows. */
  async function attemptRows(): Promise<
    { delivery_id: string; number: number; outcome: string }[]
  > {
    return dataSource.query(
      `SELECT delivery_id, number, outcome FROM (
         SELECT delivery_id, number, outcome, attempted_at FROM webhook_delivery_attempts
         UNION ALL
         SELECT id, success_attempt_number, 'succeeded', success_attempted_at
           FROM webhook_deliveries WHERE success_attempted_at IS NOT NULL
       ) AS log ORDER BY attempted_at`,
    );
  }

  async function attemptTableRows(): Promise<{ delivery_id: string; outcome: string }[]> {
    return dataSource.query(`SELECT delivery_id, outcome FROM webhook_delivery_attempts`);
  }

  beforeAll(async () => {
    t = await startTestApp({
      HILINK_JOBS_ENABLED: 'false',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_MS: '60000',
      WEBHOOK_TIMEOUT_MS: '500',
    });
    dataSource = t.app.get(DataSource);
  });

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });

  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.beforeApplicationShutdown()));
    await dataSource.query(`DELETE FROM webhook_subscriptions`);
    await dataSource.query(`DELETE FROM domain_events`);
    await receiver.close();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps each session in order and records every attempt', async () => {
    const other = await startWebhookReceiver();
    try {
      await subscribe();
      await subscribe(other.url);
      await recordEvents(5);
      await deliverUntil(
        [createDispatcher(4)],
        () => receiver.requests.length + other.requests.length >= 30,
      );

      for (const target of [receiver, other]) {
        const arrived = target.requests.map(
          (request) => JSON.parse(request.body) as { data: { sessionId: string; seq: number } },
        );
        expect(arrived).toHaveLength(15);
        for (const sessionId of SESSIONS) {
          expect(
            arrived.filter((e) => e.data.sessionId === sessionId).map((e) => e.data.seq),
          ).toEqual([1, 2, 3, 4, 5]);
        }
      }
    } finally {
      await other.close();
    }
    const stored = await deliveries();
    expect(stored.every((row) => row.status === 'succeeded' && row.attempts === 1)).toBe(true);
    expect(stored.every((row) => row.locked_until === null)).toBe(true);
    const attempts = await attemptRows();
    expect(attempts).toHaveLength(30);
    expect(new Set(attempts.map((row) => row.delivery_id)).size).toBe(30);
    const subscriptions = (await dataSource.query(
      `SELECT last_success_at, failing_since FROM webhook_subscriptions`,
    )) as { last_success_at: Date | null; failing_since: Date | null }[];
    expect(subscriptions.every((s) => s.last_success_at !== null && s.failing_since === null)).toBe(
      true,
    );
  });

  /**
   * Polls and drains until `done` is true or 10 seconds pass. An event is read once every older
   * transaction on the server has finished, so a transaction of a concurrent test can delay it.
   */
  async function deliverUntil(
    dispatchers: WebhookDispatcher[],
    done: () => boolean | Promise<boolean>,
  ): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await done()) && Date.now() < deadline) {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.pollOnce()));
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.drain()));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('queues the later events of a failed session behind it', async () => {
    receiver.enqueue({ kind: 'fail', status: 500 });
    await subscribe();
    await recordEvents(3);
    // One request at a time, so the first request is the first event of the first session.
    const dispatcher = createDispatcher(1);

    await deliverUntil([dispatcher], () => receiver.requests.length >= 7);
    await dispatcher.drain();

    expect(receiver.requests).toHaveLength(7);
    const rows = (await dataSource.query(
      `SELECT d.status, d.attempts, e.session_id, (e.payload->>'seq')::int AS seq
         FROM webhook_deliveries d JOIN domain_events e ON e.id = d.event_id
        ORDER BY d.sequence`,
    )) as { status: string; attempts: number; session_id: string; seq: number }[];
    expect(rows).toHaveLength(9);
    const failedSession = rows.filter((row) => row.session_id === SESSIONS[0]);
    expect(failedSession.map((row) => [row.seq, row.status, row.attempts])).toEqual([
      [1, 'pending', 1],
      [2, 'pending', 0],
      [3, 'pending', 0],
    ]);
    expect(
      rows
        .filter((row) => row.session_id !== SESSIONS[0])
        .every((row) => row.status === 'succeeded' && row.attempts === 1),
    ).toBe(true);
    expect((await attemptTableRows()).map((row) => row.outcome)).toEqual(['http_error']);
  });

  it('moves the cursor over events the subscription does not select', async () => {
    const response = await t.http
      .post('/v1/webhooks/subscriptions')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ url: receiver.url, eventTypes: ['session.ended'] });
    expect(response.status).toBe(201);
    await recordEvents(2);
    const atEnd = async () => {
      const [cursor] = (await dataSource.query(
        `SELECT c.sequence = (SELECT max(sequence) FROM domain_events) AS at_end
           FROM webhook_dispatch_cursors c`,
      )) as { at_end: boolean }[];

      return cursor!.at_end;
    };

    await deliverUntil([createDispatcher()], atEnd);

    expect(receiver.requests).toHaveLength(0);
    expect(await atEnd()).toBe(true);
  });

  it('hands a subscription over to the next instance without losing an event', async () => {
    await subscribe();
    await recordEvents(2);
    const first = createDispatcher();
    await deliverUntil([first], () => receiver.requests.length >= 6);
    await first.beforeApplicationShutdown();
    const leases = (await dataSource.query(`SELECT leased_by FROM webhook_dispatch_cursors`)) as {
      leased_by: string | null;
    }[];
    expect(leases).toEqual([{ leased_by: null }]);
    await recordEvents(2);
    const second = createDispatcher();

    await deliverUntil([second], () => receiver.requests.length >= 12);

    const ids = receiver.requests.map((request) => request.headers['webhook-id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('shares subscriptions between instances and sends each event once', async () => {
    const other = await startWebhookReceiver();
    try {
      await subscribe();
      await subscribe(other.url);
      await recordEvents(3);
      await deliverUntil(
        [createDispatcher(), createDispatcher()],
        () => receiver.requests.length >= 9 && other.requests.length >= 9,
      );

      for (const target of [receiver, other]) {
        const ids = target.requests.map((request) => request.headers['webhook-id']);
        expect(ids).toHaveLength(9);
        expect(new Set(ids).size).toBe(9);
      }
      const holders = (await dataSource.query(
        `SELECT DISTINCT leased_by FROM webhook_dispatch_cursors WHERE leased_by IS NOT NULL`,
      )) as unknown[];
      expect(holders.length).toBeGreaterThanOrEqual(1);
    } finally {
      await other.close();
    }
  });

  it('records a mixed batch in the order the attempts finished', async () => {
    const mixed = await subscribe();
    const failing = await subscribe();
    await recordEvents(1);
    await queueRows();
    const claimed = await claimAll();
    const ofMixed = claimed.filter((d) => d.subscription_id === mixed);
    const ofFailing = claimed.filter((d) => d.subscription_id === failing);
    const dispatcher = createDispatcher();

    await dispatcher.recordBatch([
      finished(ofMixed[0]!, FAILED),
      finished(ofFailing[0]!, FAILED),
      finished(ofMixed[1]!, OK),
      finished(ofMixed[2]!, OK),
    ]);

    const byId = new Map((await deliveries()).map((row) => [row.id, row]));
    expect(byId.get(ofMixed[0]!.id)).toMatchObject({ status: 'pending', locked_until: null });
    expect(byId.get(ofMixed[1]!.id)).toMatchObject({ status: 'succeeded', locked_until: null });
    expect(byId.get(ofMixed[2]!.id)).toMatchObject({ status: 'succeeded' });
    expect(byId.get(ofFailing[0]!.id)).toMatchObject({ status: 'pending', locked_until: null });
    // Not part of the batch: still leased.
    expect(byId.get(ofFailing[1]!.id)!.locked_until).not.toBeNull();
    const attempts = await attemptRows();
    expect(attempts).toHaveLength(4);
    expect(attempts.every((row) => row.number === 1)).toBe(true);
    // Successes are stored on their delivery rows; only failed attempts get rows of their own.
    expect((await attemptTableRows()).map((row) => row.outcome)).toEqual([
      'http_error',
      'http_error',
    ]);
    const states = new Map(
      (
        (await dataSource.query(
          `SELECT id, last_success_at, failing_since FROM webhook_subscriptions`,
        )) as { id: string; last_success_at: Date | null; failing_since: Date | null }[]
      ).map((row) => [row.id, row]),
    );
    // A failure followed by successes: the subscription is no longer failing.
    expect(states.get(mixed)!.last_success_at).not.toBeNull();
    expect(states.get(mixed)!.failing_since).toBeNull();
    expect(states.get(failing)!.last_success_at).toBeNull();
    expect(states.get(failing)!.failing_since).not.toBeNull();
  });

  it('keeps a replayed delivery pending and skips a deleted subscription', async () => {
    const remaining = await subscribe();
    const deleted = await subscribe();
    await recordEvents(1);
    await queueRows();
    const claimed = await claimAll();
    const ofRemaining = claimed.filter((d) => d.subscription_id === remaining);
    const ofDeleted = claimed.filter((d) => d.subscription_id === deleted);
    await dataSource.query(
      `UPDATE webhook_deliveries SET window_started_at = clock_timestamp() + interval '1 second'
        WHERE id = $1`,
      [ofRemaining[1]!.id],
    );
    await dataSource.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [deleted]);

    await createDispatcher().recordBatch([
      finished(ofRemaining[0]!, OK),
      finished(ofDeleted[0]!, OK),
      finished(ofRemaining[1]!, OK),
    ]);

    const byId = new Map((await deliveries()).map((row) => [row.id, row]));
    expect(byId.get(ofRemaining[0]!.id)).toMatchObject({ status: 'succeeded' });
    expect(byId.get(ofRemaining[1]!.id)).toMatchObject({ status: 'pending', locked_until: null });
    expect(byId.has(ofDeleted[0]!.id)).toBe(false);
    expect((await attemptRows()).map((row) => row.delivery_id).sort()).toEqual(
      [ofRemaining[0]!.id, ofRemaining[1]!.id].sort(),
    );
    // The success of the replayed delivery did not complete it, so it is logged as a row.
    expect(await attemptTableRows()).toEqual([
      { delivery_id: ofRemaining[1]!.id, outcome: 'succeeded' },
    ]);
  });

  it('records the rest of a batch when one attempt cannot be recorded', async () => {
    await subscribe();
    await recordEvents(1);
    await queueRows();
    const [good, other] = await claimAll();
    const missing = { ...other!, id: '0b7f8c1e-0000-4000-8000-0000000000ff' };

    await createDispatcher().recordBatch([
      finished(good!, OK),
      finished(missing, OK),
      finished(other!, OK),
    ]);

    const byId = new Map((await deliveries()).map((row) => [row.id, row]));
    expect(byId.get(good!.id)).toMatchObject({ status: 'succeeded' });
    expect(byId.get(other!.id)).toMatchObject({ status: 'succeeded' });
    expect(await attemptRows()).toHaveLength(2);
  });

  it('gives unsent claimed deliveries back at shutdown', async () => {
    receiver.always({ kind: 'hang' });
    await subscribe();
    await recordEvents(2);
    await queueRows();
    const dispatcher = createDispatcher(1);

    const claimed = await dispatcher.pollOnce();
    await dispatcher.beforeApplicationShutdown();

    // Three sessions are due at once; one request went out and timed out, two were never sent.
    expect(claimed).toBe(3);
    expect(receiver.requests).toHaveLength(1);
    const stored = await deliveries();
    const sent = stored.filter((row) => row.attempts === 1);
    const released = stored.filter((row) => row.attempts === 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.status).toBe('pending');
    expect(released).toHaveLength(5);
    expect(released.every((row) => row.locked_until === null)).toBe(true);
    expect(await attemptRows()).toEqual([
      expect.objectContaining({ delivery_id: sent[0]!.id, number: 1, outcome: 'timeout' }),
    ]);
  });
});
