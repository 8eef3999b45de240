import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { ParticipantTokenService } from '../src/auth/participant-token.service';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { waitForSessionRecap } from './support/recap-fixtures';
import {
  clientFor,
  connectClient,
  subscribe,
  waitForSubscriber,
} from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const SEGMENT_ADDED = `subscription ($sessionId: ID!) {
  transcriptSegmentAdded(sessionId: $sessionId) {
    id sessionId clientSegmentId speakerLabel text startMs endMs isFinal source receivedAt
  }
}`;

const STATUS_CHANGED = `subscription ($sessionId: ID!) {
  sessionStatusChanged(sessionId: $sessionId) { sessionId status previousStatus changedAt }
}`;

function segment(clientSegmentId: string, startMs: number, text: string, isFinal = true) {
  return { clientSegmentId, speakerLabel: 'Tutor', startMs, endMs: startMs + 1000, text, isFinal };
}

/** Fails with the response body unless the request succeeded with a 2xx status. */
async function expectOk(response: { status: number; body: unknown }, what: string) {
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${what} returned ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

describe('GraphQL subscriptions over graphql-ws', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey, { students: 1 });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function liveSession(): Promise<string> {
    const session = await createSession(t, t.adminKey, classroom);
    const start = await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey));
    await expectOk(start, 'Starting the session');

    return session.id as string;
  }

  it('delivers segments written over REST after commit', async () => {
    const sessionId = await liveSession();
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, SEGMENT_ADDED, { sessionId });
    await waitForSubscriber(t, t.organizationId, sessionId, 'transcriptSegmentAdded');
    const path = `/v1/sessions/${sessionId}/transcript/segments`;

    const single = await t.http.post(path).set(...bearer(t.adminKey)).send(segment('a-1', 0, 'What is 3/4 divided by 1/2?'));
    const repeat = await t.http.post(path).set(...bearer(t.adminKey)).send(segment('a-1', 0, 'What is 3/4 divided by 1/2?'));
    const rejected = await t.http
      .post(`${path}/batch`)
      .set(...bearer(t.adminKey))
      .send({ segments: [segment('c-1', 9000, 'never stored'), segment('a-1', 0, 'A changed final segment')] });
    const batch = await t.http
      .post(`${path}/batch`)
      .set(...bearer(t.adminKey))
      .send({ segments: [segment('b-2', 3000, 'Second'), segment('b-1', 2000, 'First', false)] });
    const first = await probe.nextResult();
    const second = await probe.nextResult();
    const third = await probe.nextResult();

    await expectOk(single, 'Adding a segment');
    await expectOk(repeat, 'Repeating a segment');
    expect(rejected.status).toBe(409);
    await expectOk(batch, 'Adding a batch');
    expect(first.errors).toBeUndefined();
    expect(first.data?.transcriptSegmentAdded).toMatchObject({
      id: single.body.id,
      sessionId,
      clientSegmentId: 'a-1',
      text: 'What is 3/4 divided by 1/2?',
      isFinal: true,
      source: 'live',
    });
    expect(new Date(first.data?.transcriptSegmentAdded.receivedAt).toISOString()).toBe(
      first.data?.transcriptSegmentAdded.receivedAt,
    );
    expect(second.data?.transcriptSegmentAdded).toMatchObject({ clientSegmentId: 'b-1', isFinal: false });
    expect(third.data?.transcriptSegmentAdded).toMatchObject({ clientSegmentId: 'b-2' });
    expect(probe.results).toHaveLength(3);

    probe.stop();
    await client.dispose();
  });

  it('delivers uploaded segments in transcript order', async () => {
    const sessionId = await liveSession();
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, SEGMENT_ADDED, { sessionId });
    await waitForSubscriber(t, t.organizationId, sessionId, 'transcriptSegmentAdded');

    const upload = await t.http
      .post(`/v1/sessions/${sessionId}/transcript/upload`)
      .set(...bearer(t.adminKey))
      .set('content-type', 'text/plain')
      .send('Tutor: Let us start with ratios.\nStudent: Is 2:3 the same as 4:6?\n');
    const first = await probe.nextResult();
    const second = await probe.nextResult();

    await expectOk(upload, 'Uploading a transcript');
    expect(first.data?.transcriptSegmentAdded).toMatchObject({ clientSegmentId: 'upload:1', source: 'upload' });
    expect(second.data?.transcriptSegmentAdded).toMatchObject({ clientSegmentId: 'upload:2' });

    probe.stop();
    await client.dispose();
  });

  it('delivers status changes from start to documented', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: session.id });
    await waitForSubscriber(t, t.organizationId, session.id, 'sessionStatusChanged');

    await expectOk(await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(t.adminKey)), 'Start');
    const live = await probe.nextResult();
    await expectOk(await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(t.adminKey)), 'End');
    const ended = await probe.nextResult();
    const recap = await waitForSessionRecap(t, session.id);
    await expectOk(await t.http.post(`/v1/recaps/${recap.id}/approve`).set(...bearer(t.adminKey)), 'Approve');
    const documented = await probe.nextResult();

    expect(live.data?.sessionStatusChanged).toMatchObject({
      sessionId: session.id,
      status: 'live',
      previousStatus: 'scheduled',
    });
    expect(Date.parse(live.data?.sessionStatusChanged.changedAt)).not.toBeNaN();
    expect(ended.data?.sessionStatusChanged).toMatchObject({ status: 'ended', previousStatus: 'live' });
    expect(documented.data?.sessionStatusChanged).toMatchObject({ status: 'documented', previousStatus: 'ended' });

    probe.stop();
    await client.dispose();
  });

  it('delivers a cancel and nothing for a rejected transition', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: session.id });
    await waitForSubscriber(t, t.organizationId, session.id, 'sessionStatusChanged');

    const end = await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(t.adminKey));
    const cancel = await t.http.post(`/v1/sessions/${session.id}/cancel`).set(...bearer(t.adminKey));
    const cancelled = await probe.nextResult();

    expect(end.status).toBe(409);
    await expectOk(cancel, 'Cancel');
    expect(cancelled.data?.sessionStatusChanged).toMatchObject({ status: 'cancelled', previousStatus: 'scheduled' });
    expect(probe.results).toHaveLength(1);

    probe.stop();
    await client.dispose();
  });

  it.each([
    ['no payload', undefined, 'Missing credentials'],
    ['no authorization', { token: 'x' }, 'Missing credentials'],
    ['a key without the Bearer scheme', { authorization: 'hlk_AAAA' }, 'lacks the Bearer scheme'],
    ['an unknown API key', { authorization: `Bearer hlk_AAAAAAAAAAAA_${'a'.repeat(43)}` }, 'API key is invalid or revoked'],
    ['a malformed participant token', { authorization: 'Bearer hlp_e30.bad' }, 'participant token is invalid or expired'],
  ])('closes a connection with %s with 4401', async (_case, payload, reason) => {
    const client = connectClient(t.url, payload);
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: '00000000-0000-4000-8000-000000000000' });

    const close = await probe.ended;

    expect(close?.code).toBe(4401);
    expect(close?.reason).toContain(reason);
    await client.dispose();
  });

  it('closes a connection with a revoked API key with 4401', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Revoked reader', scopes: ['read'] });
    await expectOk(created, 'Creating a key');
    const revoke = await t.http.post(`/v1/api-keys/${created.body.apiKey.id}/revoke`).set(...bearer(t.adminKey));
    await expectOk(revoke, 'Revoking the key');
    const client = clientFor(t.url, created.body.secret);
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: '00000000-0000-4000-8000-000000000000' });

    const close = await probe.ended;

    expect(close?.code).toBe(4401);
    expect(close?.reason).toContain('invalid or revoked');
    await client.dispose();
  });

  it('closes a connection with an expired participant token with 4401', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const participants = await t.http.get(`/v1/sessions/${session.id}/participants`).set(...bearer(t.adminKey));
    const person = participants.body.items[0];
    const expired = t.app.get(ParticipantTokenService).sign({
      organizationId: t.organizationId,
      sessionId: session.id,
      participantId: person.id,
      identity: person.identity,
      role: person.role,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const client = clientFor(t.url, expired);
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: session.id });

    const close = await probe.ended;

    expect(close?.code).toBe(4401);
    expect(close?.reason).toContain('invalid or expired');
    await client.dispose();
  });

  it('admits a participant token to its own session only', async () => {
    const own = await createSession(t, t.adminKey, classroom);
    const other = await createSession(t, t.adminKey, classroom);
    const participants = await t.http.get(`/v1/sessions/${own.id}/participants`).set(...bearer(t.adminKey));
    const joined = await t.http
      .post(`/v1/sessions/${own.id}/join`)
      .set(...bearer(t.adminKey))
      .send({ participantId: participants.body.items[0].id });
    await expectOk(joined, 'Joining');
    const client = clientFor(t.url, joined.body.participantToken);
    const rejected = subscribe(client, STATUS_CHANGED, { sessionId: other.id });
    const admitted = subscribe(client, STATUS_CHANGED, { sessionId: own.id });

    const rejection = await rejected.nextResult();
    await rejected.ended;
    await waitForSubscriber(t, t.organizationId, own.id, 'sessionStatusChanged');
    await t.http.post(`/v1/sessions/${own.id}/start`).set(...bearer(t.adminKey));
    const live = await admitted.nextResult();

    expect(rejection.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(rejection.errors?.[0]?.extensions?.reason).toBe('PARTICIPANT_OTHER_SESSION');
    expect(live.data?.sessionStatusChanged).toMatchObject({ sessionId: own.id, status: 'live' });

    admitted.stop();
    await client.dispose();
  });

  it("returns NOT_FOUND for another organization's session", async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const other = await t.createOrganization('Other school');
    const client = clientFor(t.url, other.adminKey);
    const probe = subscribe(client, SEGMENT_ADDED, { sessionId: session.id });

    const result = await probe.nextResult();
    await probe.ended;

    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(result)).not.toContain(session.title);
    await client.dispose();
  });

  it('rejects a query sent over WebSocket', async () => {
    const client = clientFor(t.url, t.adminKey);
    const probe = subscribe(client, '{ organization { id } }', {});

    await probe.ended;

    expect(probe.results).toHaveLength(1);
    expect(probe.results[0].errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(probe.results[0].errors?.[0]?.message).toContain('HTTP POST /graphql');
    await client.dispose();
  });

  it('SDK yields typed events and stops on return', async () => {
    const sessionId = await liveSession();
    const sdk = new HiLinkClient({ url: t.url, apiKey: t.adminKey, webSocket: WebSocket });
    const segments = sdk.transcriptSegmentAdded(sessionId);
    await waitForSubscriber(t, t.organizationId, sessionId, 'transcriptSegmentAdded');

    await sdk.addTranscriptSegment({ sessionId, input: segment('sdk-1', 0, 'Typed event') });
    const first = await segments.next();
    await segments.return();
    await sdk.close();

    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ sessionId, clientSegmentId: 'sdk-1', text: 'Typed event' });
  });

  it('SDK rejects a bad credential as UNAUTHENTICATED', async () => {
    const sdk = new HiLinkClient({ url: t.url, apiKey: 'hlp_e30.bad', webSocket: WebSocket });
    const statuses = sdk.sessionStatusChanged('00000000-0000-4000-8000-000000000000');

    const failure = await statuses.next().catch((error: unknown) => error);
    await sdk.close();

    expect(failure).toBeInstanceOf(HiLinkError);
    expect((failure as HiLinkError).code).toBe('UNAUTHENTICATED');
    expect((failure as HiLinkError).message).toContain('4401');
  });

  it('SDK rejects another organization\'s session as NOT_FOUND', async () => {
    const session = await createSession(t, t.adminKey, classroom);
    const other = await t.createOrganization('Third school');
    const sdk = new HiLinkClient({ url: t.url, apiKey: other.adminKey, webSocket: WebSocket });

    const failure = await sdk.sessionStatusChanged(session.id).next().catch((error: unknown) => error);
    await sdk.close();

    expect((failure as HiLinkError).code).toBe('NOT_FOUND');
  });

  it('rejects WebSocket upgrades on other paths', async () => {
    const client = connectClient(t.url.replace(/$/, '/v1'), { authorization: `Bearer ${t.adminKey}` });
    const probe = subscribe(client, STATUS_CHANGED, { sessionId: '00000000-0000-4000-8000-000000000000' });

    const close = await probe.ended;

    expect(close?.code).not.toBe(1000);
    expect(probe.results).toHaveLength(0);
    await client.dispose();
  });
});

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl && process.env.DATABASE_URL ? describe : describe.skip;

// Two replicas need one database, so this suite runs on PostgreSQL (DATABASE_URL) with REDIS_URL.
describeWithRedis('GraphQL subscriptions across replicas sharing Redis', () => {
  const channelPrefix = `hilink-test-${randomBytes(6).toString('hex')}:`;
  let writer: TestApp;
  let reader: NestFastifyApplication;
  let readerUrl: string;

  beforeAll(async () => {
    writer = await startTestApp({ REDIS_URL: redisUrl!, REDIS_CHANNEL_PREFIX: channelPrefix });
    const config = loadConfig({
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: writer.config.databaseUrl!,
      HILINK_JOBS_ENABLED: 'false',
      REDIS_URL: redisUrl!,
      REDIS_CHANNEL_PREFIX: channelPrefix,
    });
    reader = await createApp(config);
    await reader.listen({ port: 0, host: '127.0.0.1' });
    readerUrl = `http://127.0.0.1:${(reader.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await reader?.close();
    await writer?.close();
  });

  it('delivers a write on one replica to a subscriber on another', async () => {
    const classroom = await createClassroom(writer, writer.adminKey, { students: 1 });
    const session = await createSession(writer, writer.adminKey, classroom);
    const client = clientFor(readerUrl, writer.adminKey);
    const statuses = subscribe(client, STATUS_CHANGED, { sessionId: session.id });
    const segments = subscribe(client, SEGMENT_ADDED, { sessionId: session.id });
    await waitForSubscriber({ app: reader }, writer.organizationId, session.id, 'sessionStatusChanged');
    await waitForSubscriber({ app: reader }, writer.organizationId, session.id, 'transcriptSegmentAdded');

    const start = await writer.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(writer.adminKey));
    const add = await writer.http
      .post(`/v1/sessions/${session.id}/transcript/segments`)
      .set(...bearer(writer.adminKey))
      .send(segment('r-1', 0, 'Across replicas'));
    const live = await statuses.nextResult();
    const added = await segments.nextResult();

    await expectOk(start, 'Start');
    await expectOk(add, 'Add a segment');
    expect(live.data?.sessionStatusChanged).toMatchObject({ sessionId: session.id, status: 'live' });
    expect(added.data?.transcriptSegmentAdded).toMatchObject({ clientSegmentId: 'r-1', text: 'Across replicas' });

    statuses.stop();
    segments.stop();
    await client.dispose();
  });
});
