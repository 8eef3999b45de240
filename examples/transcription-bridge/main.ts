/**
 * The transcription bridge example: `npm run example:transcription`.
 *
 * It starts a session, plays one MathDial dialogue as a speech-to-text stream (interim results
 * growing word by word, then the final one), and posts it to the session's transcript in
 * batches with TranscriptionBridge. At the end it prints the stored transcript.
 *
 * With HILINK_URL and HILINK_API_KEY set it uses that server. Otherwise it starts HiLink itself
 * on the embedded database. HILINK_BRIDGE_SPEED divides the stream's real-time waits (default
 * 20).
 */
import { HiLinkClient, listAll } from '../../sdk/src';
import { bookLesson } from '../partner-backend/partner';
import { startLocalServer, StartedServer } from '../shared/local-server';
import { loadDialogues } from '../tutoring-day/data';
import { simulatedStream, TranscriptionBridge } from './bridge';

async function main(): Promise<void> {
  let hilink: StartedServer | undefined;
  let url = process.env.HILINK_URL;
  let apiKey = process.env.HILINK_API_KEY;
  if (!url || !apiKey) {
    hilink = await startLocalServer();
    ({ url, adminKey: apiKey } = hilink);
    process.stdout.write(`HiLink is running at ${url}\n`);
  }
  try {
    const client = new HiLinkClient({ url, apiKey });
    const lesson = await bookLesson(client, Date.now().toString(36));
    await client.startSession(lesson.sessionId);
    const [dialogue] = loadDialogues(1);
    const turns = dialogue!.segments.map((segment) => ({
      speaker: segment.speaker === 'instructor' ? 'Partner Tutor' : 'Partner Student',
      text: segment.text,
    }));
    const speed = Number(process.env.HILINK_BRIDGE_SPEED ?? 20);
    const bridge = new TranscriptionBridge(client, lesson.sessionId, {
      streamId: 'stt-1',
      flushMs: 250,
    });
    process.stdout.write(
      `Streaming ${turns.length} turns of ${dialogue!.id} into session ${lesson.sessionId}\n`,
    );
    await bridge.run(simulatedStream(turns, speed));
    const segments = await listAll((after) =>
      client.transcriptSegments({ sessionId: lesson.sessionId, first: 100, after }),
    );
    process.stdout.write(
      `Posted ${bridge.posted} results; the transcript holds ${segments.length} segments:\n`,
    );
    for (const segment of segments) {
      process.stdout.write(
        `  [${(segment.startMs / 1000).toFixed(1)} s] ${segment.speakerLabel}: ${segment.text}\n`,
      );
    }
    await client.endSession(lesson.sessionId);
  } finally {
    await hilink?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The transcription bridge example failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
