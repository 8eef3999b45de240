import { Server } from 'node:http';
import { bookLesson, PartnerLesson, startPartnerServer } from '../examples/partner-backend/partner';
import { HiLinkClient } from '../sdk/src';
import { startTestApp, TestApp } from './support/test-app';

describe('partner backend example', () => {
  let t: TestApp;
  let client: HiLinkClient;
  let lesson: PartnerLesson;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp();
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    lesson = await bookLesson(client, 'test');
    await client.startSession(lesson.sessionId);
    ({ server, url } = await startPartnerServer(client, t.url, lesson));
  });

  afterAll(async () => {
    server?.close();
    await t?.close();
  });

  it('serves a lesson page that embeds the widget for the student', async () => {
    const response = await fetch(url);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(page).toContain(`<script src="${t.url}/widget.js"></script>`);
    expect(page).toMatch(
      /HiLink\.mount\(document\.getElementById\("hilink-classroom"\), \{"token":"hlp_[^"]+"/,
    );
    expect(page).not.toContain(t.adminKey);
  });

  it('issues a participant token that works for the student', async () => {
    const page = await (await fetch(url)).text();
    const token = /"token":"(hlp_[^"]+)"/.exec(page)![1]!;
    const student = new HiLinkClient({ url: t.url, apiKey: token });

    expect((await student.participantSession()).id).toBe(lesson.sessionId);
  });
});
