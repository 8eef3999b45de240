import { HiLinkClient } from '../src';
import { startTestApp, TestApp } from '../../test/support/test-app';

describe('SDK mutation retries against a running server', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /**
   * Returns a fetch that sends every request to the server but replaces the response of the
   * first `lost` requests with a 503, as a proxy does when the server's response never reaches it.
   */
  function losingFetch(lost: number): { fetch: typeof fetch; sent: () => number } {
    let sent = 0;
    const fetchImpl = (async (input: string, init: RequestInit) => {
      sent += 1;
      const response = await fetch(input, init);
      if (sent > lost) {
        return response;
      }
      await response.text();

      return new Response('upstream response lost', { status: 503 });
    }) as unknown as typeof fetch;

    return { fetch: fetchImpl, sent: () => sent };
  }

  it('creates a room once when the response is lost', async () => {
    const losing = losingFetch(1);
    const client = new HiLinkClient({
      url: app.url,
      apiKey: app.adminKey,
      fetch: losing.fetch,
      retry: { baseDelayMs: 1 },
    });

    const room = await client.createRoom({ name: 'Room behind a flaky proxy' });
    const rooms = await new HiLinkClient({ url: app.url, apiKey: app.adminKey }).rooms({
      first: 100,
    });

    expect(losing.sent()).toBe(2);
    expect(room.name).toBe('Room behind a flaky proxy');
    expect(rooms.nodes.filter((listed) => listed.name === 'Room behind a flaky proxy')).toEqual([
      expect.objectContaining({ id: room.id }),
    ]);
  });
});
