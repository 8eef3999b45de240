import { HiLinkClient, HiLinkError } from '../src';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** Returns a fetch that responds from a script and records each call's operation and key. */
function scriptedFetch(replies: Reply[]): {
  fetch: typeof fetch;
  calls: string[];
  keys: (string | undefined)[];
} {
  const calls: string[] = [];
  const keys: (string | undefined)[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    keys.push((init.headers as Record<string, string>)['idempotency-key']);
    calls.push(
      String(JSON.parse(String(init.body)).query)
        .trim()
        .split(/[\s({]/)[0]!,
    );
    const reply = replies.shift() ?? { status: 200, body: { data: { organization: { id: 'o' } } } };
    if (reply instanceof Error) {
      throw reply;
    }

    return new Response(JSON.stringify(reply.body ?? { errors: [{ message: 'refused' }] }), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  }) as unknown as typeof fetch;

  return { fetch: fetchImpl, calls, keys };
}

const ok = { status: 200, body: { data: { organization: { id: 'o', name: 'Org' } } } };
const tooMany = {
  status: 429,
  headers: { 'retry-after': '0' },
  body: { errors: [{ message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS' } }] },
};
const unavailable = {
  status: 503,
  body: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
};

const deleted = { status: 200, body: { data: { deleteWebhookSubscription: true } } };

function client(replies: Reply[], retry?: ConstructorParameters<typeof HiLinkClient>[0]['retry']) {
  const scripted = scriptedFetch(replies);

  return {
    calls: scripted.calls,
    keys: scripted.keys,
    client: new HiLinkClient({
      url: 'http://127.0.0.1:9',
      apiKey: 'hlk_test',
      fetch: scripted.fetch,
      retry: retry ?? { baseDelayMs: 1 },
    }),
  };
}

describe('HiLinkClient retries', () => {
  it('retries a 429 after Retry-After', async () => {
    const { client: c, calls } = client([tooMany, ok]);

    expect((await c.organization()).id).toBe('o');
    expect(calls).toHaveLength(2);
  });

  it('retries a refused mutation too', async () => {
    const { client: c, calls } = client([
      tooMany,
      { status: 200, body: { data: { deleteWebhookSubscription: true } } },
    ]);

    expect(await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(calls).toEqual(['mutation', 'mutation']);
  });

  it('retries a query after a 503 and a network error', async () => {
    const { client: c, calls } = client([unavailable, new TypeError('fetch failed'), ok], {
      baseDelayMs: 1,
      maxAttempts: 3,
    });

    expect((await c.organization()).id).toBe('o');
    expect(calls).toHaveLength(3);
  });

  it('retries a mutation after a 503 with one key', async () => {
    const { client: c, calls, keys } = client([unavailable, deleted]);

    expect(await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(calls).toEqual(['mutation', 'mutation']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends a new key per mutation call', async () => {
    const { client: c, keys } = client([deleted, deleted]);
    await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000');
    await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000');

    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('sends no key with a query', async () => {
    const { client: c, keys } = client([ok]);
    await c.organization();

    expect(keys).toEqual([undefined]);
  });

  it('sends the caller’s idempotency key', async () => {
    const { client: c, keys } = client([deleted]);
    await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000', {
      idempotencyKey: 'order-42',
    });

    expect(keys).toEqual(['order-42']);
  });

  it('retries while the first attempt still runs', async () => {
    const inProgress = {
      status: 200,
      body: {
        errors: [
          {
            message: 'still in progress',
            extensions: { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' },
          },
        ],
      },
    };
    const { client: c, calls, keys } = client([inProgress, deleted]);

    expect(await c.deleteWebhookSubscription('00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(calls).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('does not retry a mutation that failed with an error', async () => {
    const notFound = {
      status: 200,
      body: { errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] },
    };
    const { client: c, calls } = client([notFound, deleted]);
    const error = await c
      .deleteWebhookSubscription('00000000-0000-4000-8000-000000000000')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HiLinkError);
    expect(calls).toHaveLength(1);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { client: c, calls } = client([tooMany, tooMany, tooMany, ok]);
    const error = await c.organization().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(calls).toHaveLength(3);
  });

  it('sends once with retry false', async () => {
    const { client: c, calls } = client([tooMany, ok], false);

    await expect(c.organization()).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(calls).toHaveLength(1);
  });
});
