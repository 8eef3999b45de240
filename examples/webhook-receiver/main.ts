/**
 * The webhook receiver example: `npm run example:webhooks`.
 *
 * It listens on 127.0.0.1, subscribes itself to `session.*` events, runs one short session
 * through the SDK, and prints each verified event once. The first delivery is answered with an
 * error on purpose, so HiLink retries it with the same webhook-id and the receiver shows that it
 * handles the event once.
 *
 * With HILINK_URL and HILINK_API_KEY set it uses that server, which must allow private targets
 * (WEBHOOK_ALLOW_PRIVATE_TARGETS=true) to reach 127.0.0.1. Otherwise it starts HiLink itself on
 * the embedded database with that setting.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HiLinkClient, HiLinkWebhookEvent } from '../../sdk/src';
import { startLocalServer, StartedServer } from '../shared/local-server';
import { createWebhookReceiver } from './receiver';

const EXPECTED = ['session.created', 'session.started', 'session.ended'];
const TIMEOUT_MS = 60_000;

async function connect(): Promise<{ client: HiLinkClient; server?: StartedServer }> {
  const url = process.env.HILINK_URL;
  const apiKey = process.env.HILINK_API_KEY;
  if (url && apiKey) {
    return { client: new HiLinkClient({ url, apiKey }) };
  }
  const server = await startLocalServer({
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_BASE_MS: '500',
  });
  process.stdout.write(`HiLink is running at ${server.url}\n`);

  return { client: new HiLinkClient({ url: server.url, apiKey: server.adminKey }), server };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return `http://127.0.0.1:${port}/hilink/webhooks`;
}

/** Creates what one session needs: a room, an instructor, a student, a curriculum, an enrollment. */
async function scheduleSession(client: HiLinkClient): Promise<string> {
  const tag = Date.now().toString(36);
  const room = await client.createRoom({ name: `Webhook example room ${tag}`, capacity: 4 });
  const instructor = await client.createMember({
    name: 'Webhook Example Tutor',
    email: `tutor+${tag}@example.org`,
    role: 'instructor',
  });
  const student = await client.createStudent({ name: 'Webhook Example Student' });
  const curriculum = await client.createCurriculum({
    name: `Webhook example curriculum ${tag}`,
    objectives: [{ code: 'EX.1', title: 'Read a webhook' }],
  });
  const enrollment = await client.createEnrollment({
    studentId: student.id,
    instructorId: instructor.id,
    curriculumId: curriculum.id,
    startDate: new Date().toISOString().slice(0, 10),
  });
  const start = Date.now() + 3600_000;
  const session = await client.createSession({
    roomId: room.id,
    enrollmentIds: [enrollment.id],
    title: 'Webhook example session',
    timeZone: 'UTC',
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 1800_000).toISOString(),
  });

  return session.id;
}

async function main(): Promise<void> {
  const { client, server } = await connect();
  const received: HiLinkWebhookEvent[] = [];
  let secret = '';
  let failedOnce = false;
  const receiver = createServer(
    createWebhookReceiver({
      secret: () => secret,
      onEvent: (event) => {
        if (!failedOnce) {
          failedOnce = true;
          process.stdout.write(`  ${event.type}: failing on purpose, HiLink will retry it\n`);
          throw new Error('a simulated outage');
        }
        received.push(event);
        process.stdout.write(
          `  ${event.type} ${event.id} session ${String(event.data.sessionId)}\n`,
        );
      },
    }),
  );
  let subscriptionId: string | undefined;
  try {
    const url = await listen(receiver);
    const created = await client.createWebhookSubscription({ url, eventTypes: ['session.*'] });
    subscriptionId = created.subscription.id;
    secret = created.secret;
    process.stdout.write(`Receiving webhooks at ${url}\n`);
    const sessionId = await scheduleSession(client);
    await client.startSession(sessionId);
    await client.endSession(sessionId);
    const deadline = Date.now() + TIMEOUT_MS;
    while (
      received.filter((event) => event.data.sessionId === sessionId).length < EXPECTED.length
    ) {
      if (Date.now() > deadline) {
        throw new Error(`Not every event arrived within ${TIMEOUT_MS} ms.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const types = received.map((event) => event.type);
    process.stdout.write(`\nHandled ${types.join(', ')}: each once, in order.\n`);
    if (types.join() !== EXPECTED.join()) {
      throw new Error(`Expected ${EXPECTED.join(', ')} in order.`);
    }
  } finally {
    if (subscriptionId) {
      await client.deleteWebhookSubscription(subscriptionId);
    }
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The webhook receiver example failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
