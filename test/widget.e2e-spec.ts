import { embedWidgetSnippet, widgetEmbedUrl } from '../sdk/src';
import { buildWidget } from '../scripts/build-widget';
import { startTestApp, TestApp } from './support/test-app';

const TOKEN = 'hlp_eyJzIjoiYSJ9.c2lnbmF0dXJl';

describe('widget files', () => {
  let t: TestApp;

  beforeAll(async () => {
    await buildWidget();
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves widget.js without credentials', async () => {
    const response = await t.http.get('/widget.js');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.text).toContain('HiLink');
  });

  it('keeps widget.js small', async () => {
    const response = await t.http.get('/widget.js');

    expect(Buffer.byteLength(response.text)).toBeLessThan(80_000);
  });

  it('returns 304 for a matching ETag', async () => {
    const first = await t.http.get('/widget.js');
    const second = await t.http.get('/widget.js').set('if-none-match', first.headers.etag);

    expect(second.status).toBe(304);
    expect(second.text ?? '').toBe('');
  });

  it('serves the media add-on separately', async () => {
    const response = await t.http.get('/widget-media.js');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.text).toContain('HiLinkMedia');
  });

  it('serves the embed page without credentials', async () => {
    const response = await t.http.get('/embed');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.text).toContain(
      '<script src="/widget.js" data-hilink-embed="hilink-embed"></script>',
    );
  });

  it.each([
    ['a valid-looking token', TOKEN],
    ['a malformed token', 'not-a-token'],
    ['an empty token', ''],
  ])('rejects %s in the query string', async (_case, token) => {
    const response = await t.http.get('/embed').query({ token });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('role="alert"');
    expect(response.text).toContain('/embed#token=');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
    expect(response.text).not.toContain(TOKEN);
  });

  it('escapes HTML in the rejected token', async () => {
    const response = await t.http.get('/embed').query({ token: '<script>alert(1)</script>' });

    expect(response.status).toBe(400);
    expect(response.text).not.toContain('<script>alert(1)</script>');
  });

  it('accepts GraphQL preflight from other origins', async () => {
    const response = await t.http
      .options('/graphql')
      .set('origin', 'https://partner.example')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type');

    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-headers']).toContain('authorization');
    expect(response.headers['access-control-allow-headers']).toContain('idempotency-key');
  });

  it('allows cross-origin GraphQL responses', async () => {
    const response = await t.http
      .post('/graphql')
      .set('origin', 'https://partner.example')
      .set('authorization', `Bearer ${t.adminKey}`)
      .send({ query: '{ organization { id } }' });

    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toContain('ratelimit-remaining');
    expect(response.headers['access-control-expose-headers']).toContain('retry-after');
  });

  it('leaves REST routes without CORS headers', async () => {
    const response = await t.http.get('/health').set('origin', 'https://partner.example');

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('SDK widget helpers', () => {
  it('puts the token in the fragment of the embed URL', () => {
    expect(widgetEmbedUrl('https://api.example.com/', TOKEN)).toBe(
      `https://api.example.com/embed#token=${TOKEN}`,
    );
  });

  it('adds the dark theme to the fragment', () => {
    expect(widgetEmbedUrl('https://api.example.com', TOKEN, { theme: 'dark' })).toBe(
      `https://api.example.com/embed#token=${TOKEN}&theme=dark`,
    );
  });

  it.each([
    ['a relative base URL', '/api', TOKEN],
    ['a non-HTTP base URL', 'javascript:alert(1)', TOKEN],
    ['an API key as token', 'https://api.example.com', 'hlk_secret'],
  ])('rejects %s', (_case, baseUrl, token) => {
    expect(() => widgetEmbedUrl(baseUrl, token)).toThrow(TypeError);
  });

  it('builds a snippet that mounts the widget', () => {
    const snippet = embedWidgetSnippet('https://api.example.com', TOKEN, { elementId: 'room' });

    expect(snippet).toContain('<div id="room"></div>');
    expect(snippet).toContain('<script src="https://api.example.com/widget.js"></script>');
    expect(snippet).toContain(`HiLink.mount(document.getElementById("room"), {"token":"${TOKEN}"`);
  });

  it('passes the join response media to the widget', () => {
    const media = {
      available: true,
      url: 'wss://media.example.com',
      roomName: 'room-1',
      token: 'eyJ.</script>.sig',
    };
    const snippet = embedWidgetSnippet('https://api.example.com', TOKEN, { media });
    const mountCall = snippet.split('\n')[2]!;
    const options = JSON.parse(
      mountCall.slice(mountCall.indexOf(', {') + 2, mountCall.lastIndexOf(');')),
    ) as { media: unknown };

    expect(options.media).toEqual(media);
    expect(mountCall).not.toContain('</script>.sig');
  });

  it('leaves media out without the option', () => {
    expect(embedWidgetSnippet('https://api.example.com', TOKEN)).not.toContain('"media"');
  });

  it('rejects an element id that could break the markup', () => {
    expect(() =>
      embedWidgetSnippet('https://api.example.com', TOKEN, { elementId: '"><img>' }),
    ).toThrow(TypeError);
  });
});
