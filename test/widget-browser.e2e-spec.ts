import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWidget } from '../scripts/build-widget';
import { choiceCheck, createActivity } from './support/activity-fixtures';
import { createClassroom, createSession } from './support/classroom-fixtures';
import { waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'test-artifacts', 'widget');
const hasChromium = existsSync(CHROMIUM);
const describeInBrowser = hasChromium ? describe : describe.skip;

if (!hasChromium) {
  console.warn(
    `Skipping the widget browser test: ${CHROMIUM} is missing. Install it with apt-get install -y --no-install-recommends chromium.`,
  );
}

/** Returns a 127.0.0.1 port that nothing listens on, so a LiveKit connection fails fast. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

/** Collects the GraphQL requests of a page that request media access with issueMediaToken. */
function recordMediaRequests(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url().endsWith('/graphql') && body.includes('issueMediaToken')) {
      bodies.push(body);
    }
  });

  return bodies;
}

/** Creates a classroom with every tool, starts a session and joins its student. */
async function startClassWithStudent(
  t: TestApp,
): Promise<{ sessionId: string; studentId: string; joined: Record<string, any> }> {
  const classroom = await createClassroom(t, t.adminKey, { students: 1 });
  const room = await t.http
    .patch(`/v1/rooms/${classroom.roomId}`)
    .set(...bearer(t.adminKey))
    .send({ enabledTools: ['polls', 'chat', 'whiteboard', 'breakouts', 'video', 'audio'] });
  if (room.status !== 200) {
    throw new Error(`Updating the room failed: ${room.status} ${JSON.stringify(room.body)}`);
  }
  const session = await createSession(t, t.adminKey, classroom);
  const started = await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));
  if (started.status !== 200) {
    throw new Error(
      `Starting the session failed: ${started.status} ${JSON.stringify(started.body)}`,
    );
  }
  // Joins like a partner backend does: the response carries the participant token and media access.
  const participants = await t.http
    .get(`/v1/sessions/${session.id}/participants`)
    .set(...bearer(t.adminKey));
  const studentId = participants.body.items.find(
    (person: { role: string }) => person.role === 'student',
  ).id;
  const joined = await t.http
    .post(`/v1/sessions/${session.id}/join`)
    .set(...bearer(t.adminKey))
    .send({ participantId: studentId });
  if (joined.status !== 200) {
    throw new Error(`Joining failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  }

  return { sessionId: session.id, studentId, joined: joined.body };
}

/** Serves a partner page that loads widget.js from the API and mounts it with the token. */
async function startPartnerPage(
  apiUrl: string,
  token: string,
  media: unknown,
): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner school</title>
<style>
  /* Partner styles that would break the widget if they leaked into it. */
  button { background: rgb(255, 0, 0) !important; font-size: 40px; }
  #classroom { --hilink-accent: #6a1b9a; }
</style>
</head>
<body>
<h1>Partner school portal</h1>
<div id="classroom"></div>
<script src="${apiUrl}/widget.js"></script>
<script>
  window.hilinkHandle = HiLink.mount(document.getElementById('classroom'), {
    token: ${JSON.stringify(token)},
    apiUrl: ${JSON.stringify(apiUrl)},
    media: ${JSON.stringify(media)},
  });
</script>
</body>
</html>`;
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return { server, url: `http://127.0.0.1:${port}/` };
}

describeInBrowser('widget in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let partner: { server: Server; url: string };
  let sessionId: string;
  let studentId: string;
  let studentToken: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildWidget();
    t = await startTestApp();
    const started = await startClassWithStudent(t);
    sessionId = started.sessionId;
    studentId = started.studentId;
    studentToken = started.joined.participantToken;
    partner = await startPartnerPage(t.url, studentToken, started.joined.media);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => partner?.server.close(resolve));
    await t?.close();
  });

  async function openPartnerPage(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(partner.url);
    await page.getByRole('heading', { name: 'Fractions, week 3' }).waitFor();

    return page;
  }

  async function activePhaseTitle(): Promise<string> {
    const result = await t.gql(
      `query ($id: ID!) { session(id: $id) { phases { title status } } }`,
      { id: sessionId },
    );
    const active = result.data?.session.phases.find(
      (phase: { status: string }) => phase.status === 'active',
    );

    return active?.title;
  }

  it('lets a student answer a check in the widget', async () => {
    const page = await openPartnerPage(1280, 800);
    await page.getByText('Video and audio are not available').waitFor();
    await waitForSubscriber(t, t.organizationId, sessionId, 'activityChanged');

    const activityId = await createActivity(t, t.adminKey, sessionId, choiceCheck());
    await page.getByRole('checkbox', { name: '2/4' }).check();
    await page.getByRole('checkbox', { name: '3/6' }).check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByText('Your answer was sent').waitFor();

    const results = await t.gql(
      `query ($id: ID!) { activityResults(activityId: $id) { respondents correctCount } }`,
      { id: activityId },
    );
    const responses = await t.gql(
      `query ($id: ID!) { activityResponses(activityId: $id) { participantId correct answer { optionIds } } }`,
      { id: activityId },
    );

    expect(results.errors).toBeUndefined();
    expect(results.data?.activityResults.respondents).toBe(1);
    expect(results.data?.activityResults.correctCount).toBe(1);
    expect(responses.data?.activityResponses).toEqual([
      { participantId: studentId, correct: true, answer: { optionIds: ['a', 'c'] } },
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-check.png'), fullPage: true });
    await page.close();
  });

  it('shows the new phase after advancePhase', async () => {
    const page = await openPartnerPage(1280, 800);
    await waitForSubscriber(t, t.organizationId, sessionId, 'sessionPhaseChanged');
    const before = await activePhaseTitle();
    if (before) {
      await page.locator('.phase', { hasText: `Current phase: ${before}` }).waitFor();
    }

    const advanced = await t.gql(`mutation ($id: ID!) { advancePhase(sessionId: $id) { id } }`, {
      id: sessionId,
    });
    const after = await activePhaseTitle();

    expect(advanced.errors).toBeUndefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await page.locator('.phase', { hasText: `Current phase: ${after}` }).waitFor();
    await page.close();
  });

  it('shows the media notice', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const mediaRequests = recordMediaRequests(page);
    await page.goto(partner.url);
    const notice = page.getByRole('note');
    await notice.waitFor();

    expect(await notice.textContent()).toContain('Video and audio are not available');
    expect(await notice.textContent()).toContain('LiveKit is not configured');
    expect(mediaRequests).toEqual([]);
    await page.close();
  });

  it('requests media access on the embed page', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const mediaRequests = recordMediaRequests(page);
    await page.goto(`${t.url}/embed#token=${studentToken}`);
    const notice = page.getByRole('note');
    await notice.waitFor();

    expect(await notice.textContent()).toBe(
      'Video and audio are not available in this classroom. LiveKit is not configured on this ' +
        'server: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET. Everything else works without them.',
    );
    expect(mediaRequests).toHaveLength(1);
    expect(JSON.parse(mediaRequests[0]!).variables).toEqual({ sessionId });
    await page.close();
  });

  it('sends chat and raises a hand from the keyboard', async () => {
    const page = await openPartnerPage(1280, 800);
    await page.getByRole('textbox', { name: 'Message' }).fill('Can we go over 3/6 again?');
    await page.keyboard.press('Enter');
    await page
      .getByRole('log', { name: 'Chat messages' })
      .getByText('Can we go over 3/6 again?')
      .waitFor();
    await page.getByRole('button', { name: 'Raise hand' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lower hand' }).waitFor();

    const chat = await t.http
      .get(`/v1/sessions/${sessionId}/chat/messages`)
      .set(...bearer(t.adminKey));
    const hands = await t.http
      .get(`/v1/sessions/${sessionId}/events?type=hand_raised&participantId=${studentId}`)
      .set(...bearer(t.adminKey));

    expect(chat.body.map((message: { body: string }) => message.body)).toEqual([
      'Can we go over 3/6 again?',
    ]);
    expect(hands.body.items).toHaveLength(1);
    expect(hands.body.items[0].data).toEqual({ raised: true });
    await page.close();
  });

  it('shows the whiteboard and draws on it', async () => {
    const created = await t.http
      .post(`/v1/sessions/${sessionId}/boards`)
      .set(...bearer(t.adminKey))
      .send({ drawPolicy: 'everyone' });
    expect(created.status).toBe(201);
    const boardId = created.body.id as string;
    const page = await openPartnerPage(1280, 800);
    const canvas = page.getByRole('img', { name: /^Whiteboard with/ });
    await page.getByRole('img', { name: 'Whiteboard with 0 elements' }).waitFor();

    await page.getByRole('textbox', { name: 'Note for the whiteboard' }).fill('Half equals 3/6');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('img', { name: /Whiteboard with 1 element. Text on it: Half equals 3\/6/ })
      .waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('img', { name: /Whiteboard with 2 elements/ }).waitFor();
    const drawn = await t.http
      .post(`/v1/boards/${boardId}/operations`)
      .set(...bearer(t.adminKey))
      .send({
        operations: [
          {
            clientOperationId: 'teacher-rect',
            type: 'add',
            elementId: 'shape:teacher',
            kind: 'rectangle',
            properties: { x: 300, y: 300, width: 200, height: 100 },
          },
        ],
      });
    expect(drawn.status).toBe(200);
    await page.getByRole('img', { name: /Whiteboard with 3 elements/ }).waitFor();

    const snapshot = await t.http.get(`/v1/boards/${boardId}/snapshot`).set(...bearer(t.adminKey));
    const kinds = snapshot.body.elements.map((element: { kind: string }) => element.kind);

    expect(kinds).toEqual(['sticky_note', 'stroke', 'rectangle']);
    expect(snapshot.body.elements[0].properties.text).toBe('Half equals 3/6');
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-whiteboard.png'), fullPage: true });
    await page.close();
  });

  it('keeps partner CSS out and takes the theme variable', async () => {
    const page = await openPartnerPage(1280, 800);
    const button = page.getByRole('button', { name: /hand/ });
    // The test project is compiled without the DOM library, so browser globals are reached through globalThis.
    const background = await button.evaluate(
      (element) => (globalThis as any).getComputedStyle(element).backgroundColor as string,
    );

    expect(background).not.toBe('rgb(255, 0, 0)');
    expect(background).toBe('rgb(106, 27, 154)');
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await openPartnerPage(360, 740);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );

    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, 'desktop.png'), fullPage: true });
    await page.close();
  });

  it('shows an error on the embed page for a malformed token', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/embed#token=not-a-token`);
    const alert = page.getByRole('alert');
    await alert.waitFor();

    expect(await alert.textContent()).toContain('malformed');
    await page.close();
  });

  it('opens the classroom on the embed page', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/embed#token=${studentToken}`);
    await page.getByRole('heading', { name: 'Fractions, week 3' }).waitFor();

    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('unmounts cleanly', async () => {
    const page = await openPartnerPage(1280, 800);
    await page.evaluate('window.hilinkHandle.unmount()');
    const heading = await page.getByRole('heading', { name: 'Fractions, week 3' }).count();

    expect(heading).toBe(0);
    await page.close();
  });

  it('raises no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describeInBrowser('widget media in Chromium with LiveKit configured', () => {
  let t: TestApp;
  let browser: Browser;
  let partner: { server: Server; url: string };
  let livekitUrl: string;
  let studentToken: string;
  let sessionId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildWidget();
    livekitUrl = `ws://127.0.0.1:${await closedPort()}`;
    t = await startTestApp({
      LIVEKIT_URL: livekitUrl,
      LIVEKIT_API_KEY: 'devkey',
      LIVEKIT_API_SECRET: 'test-secret-that-is-at-least-32-characters',
    });
    const started = await startClassWithStudent(t);
    sessionId = started.sessionId;
    studentToken = started.joined.participantToken;
    partner = await startPartnerPage(t.url, studentToken, started.joined.media);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => partner?.server.close(resolve));
    await t?.close();
  });

  async function openPage(url: string): Promise<{ page: Page; mediaRequests: string[] }> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const mediaRequests = recordMediaRequests(page);
    await page.goto(url);

    return { page, mediaRequests };
  }

  it('tries LiveKit from the embed page', async () => {
    const { page, mediaRequests } = await openPage(`${t.url}/embed#token=${studentToken}`);
    const media = page.getByRole('region', { name: 'Video and audio' });
    await media.getByText(`Video and audio could not connect to ${livekitUrl}`).waitFor();

    expect(mediaRequests).toHaveLength(1);
    expect(JSON.parse(mediaRequests[0]!).variables).toEqual({ sessionId });
    expect(await media.getByRole('note').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'embed-media-failed.png'), fullPage: true });
    await page.close();
  });

  it('shows why media access was rejected', async () => {
    const ended = await startClassWithStudent(t);
    const stopped = await t.http
      .post(`/v1/sessions/${ended.sessionId}/end`)
      .set(...bearer(t.adminKey));
    const { page, mediaRequests } = await openPage(
      `${t.url}/embed#token=${ended.joined.participantToken}`,
    );
    const notice = page.getByRole('note');
    await notice.waitFor();

    expect(stopped.status).toBe(200);
    expect(mediaRequests).toHaveLength(1);
    expect(await notice.textContent()).toBe(
      'Video and audio are not available in this classroom. ' +
        `Session "${ended.sessionId}" is ended, so it has no video and audio. ` +
        'Media access is issued only while a session is scheduled or live. ' +
        'Everything else works without them.',
    );
    await page.close();
  });

  it('uses the media option without a request', async () => {
    const { page, mediaRequests } = await openPage(partner.url);
    const media = page.getByRole('region', { name: 'Video and audio' });
    await media.getByText(`Video and audio could not connect to ${livekitUrl}`).waitFor();

    expect(mediaRequests).toEqual([]);
    await page.close();
  });

  it('raises no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
