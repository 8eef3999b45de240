import { HiLinkClient, HiLinkError } from '../src';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** Returns a fetch that responds from a script and records each call's operation. */
function scriptedFetch(replies: Reply[]): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
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

  return { fetch: fetchImpl, calls };
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

function client(replies: Reply[], retry?: ConstructorParameters<typeof HiLinkClient>[0]['retry']) {
  const scripted = scriptedFetch(replies);

  return {
    calls: scripted.calls,
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

  it('does not retry a mutation after a 503', async () => {
    const { client: c, calls } = client([
      unavailable,
      { status: 200, body: { data: { deleteWebhookSubscription: true } } },
    ]);
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
