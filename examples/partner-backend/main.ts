/**
 * The partner backend example: `npm run example:partner`.
 *
 * It books one lesson in HiLink through the SDK, starts the session, and serves the student's
 * lesson page on 127.0.0.1 with the HiLink widget embedded. Open the printed address in a
 * browser; stop with Ctrl-C.
 *
 * With HILINK_URL and HILINK_API_KEY set it uses that server. Otherwise it starts HiLink itself
 * on the embedded database. PARTNER_PORT sets the page's port (default: a free one).
 */
import { HiLinkClient } from '../../sdk/src';
import { startLocalServer, StartedServer } from '../shared/local-server';
import { bookLesson, startPartnerServer } from './partner';

async function main(): Promise<void> {
  let hilink: StartedServer | undefined;
  let url = process.env.HILINK_URL;
  let apiKey = process.env.HILINK_API_KEY;
  if (!url || !apiKey) {
    hilink = await startLocalServer();
    ({ url, adminKey: apiKey } = hilink);
    process.stdout.write(`HiLink is running at ${url}\n`);
  }
  const client = new HiLinkClient({ url, apiKey });
  const lesson = await bookLesson(client, Date.now().toString(36));
  await client.startSession(lesson.sessionId);
  await client.advancePhase(lesson.sessionId);
  const partner = await startPartnerServer(
    client,
    url,
    lesson,
    Number(process.env.PARTNER_PORT ?? 0),
  );
  process.stdout.write(
    `Session ${lesson.sessionId} is live.\nThe student's lesson page: ${partner.url}\nStop with Ctrl-C.\n`,
  );
  const stop = async (): Promise<void> => {
    partner.server.close();
    await hilink?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The partner backend example failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
