import {
  SpeechResult,
  simulatedStream,
  TranscriptionBridge,
} from '../examples/transcription-bridge/bridge';
import { HiLinkClient, listAll } from '../sdk/src';
import { createClassroom, createSession } from './support/classroom-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('transcription bridge example', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function liveSession(): Promise<string> {
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const session = await createSession(t, t.adminKey, classroom);
    await new HiLinkClient({ url: t.url, apiKey: t.adminKey }).startSession(session.id);

    return session.id as string;
  }

  async function transcript(client: HiLinkClient, sessionId: string) {
    return listAll((after) =>
      client.transcriptSegments({ sessionId, first: 100, after, includeInterim: true }),
    );
  }

  it('replaces interim results with the final ones', async () => {
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    const sessionId = await liveSession();
    const bridge = new TranscriptionBridge(client, sessionId, { streamId: 'mic-1', flushMs: 20 });
    bridge.push({
      utteranceId: '0',
      speaker: 'Tutor',
      text: 'What is',
      startMs: 0,
      endMs: 800,
      isFinal: false,
    });
    await bridge.flush();
    const interim = await transcript(client, sessionId);
    const turns = [
      { speaker: 'Tutor', text: 'What is three eighths plus one quarter?' },
      { speaker: 'Student', text: 'It is five eighths because one quarter is two eighths.' },
    ];
    await bridge.run(simulatedStream(turns, 1000));
    const segments = await transcript(client, sessionId);

    expect(interim.map((segment) => [segment.text, segment.isFinal])).toEqual([['What is', false]]);
    expect(segments.map((segment) => segment.text)).toEqual(turns.map((turn) => turn.text));
    expect(segments.every((segment) => segment.isFinal)).toBe(true);
  });

  it('loses nothing when a post fails', async () => {
    let failures = 1;
    const failingOnce = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      if (failures > 0 && String(init?.body).includes('addTranscriptSegments')) {
        failures -= 1;
        throw new TypeError('fetch failed');
      }

      return fetch(input, init);
    }) as typeof fetch;
    // Without the SDK's own retries the failure reaches the bridge, which must post again.
    const client = new HiLinkClient({
      url: t.url,
      apiKey: t.adminKey,
      fetch: failingOnce,
      retry: false,
    });
    const sessionId = await liveSession();
    const bridge = new TranscriptionBridge(client, sessionId, { streamId: 'mic-2', flushMs: 20 });
    const result = (utteranceId: string, text: string, isFinal: boolean): SpeechResult => ({
      utteranceId,
      speaker: 'Student',
      text,
      startMs: Number(utteranceId) * 1000,
      endMs: Number(utteranceId) * 1000 + 900,
      isFinal,
    });
    bridge.push(result('1', 'It is', false));
    bridge.push(result('1', 'It is five eighths.', true));
    bridge.push(result('2', 'Yes.', true));
    const deadline = Date.now() + 10_000;
    while (bridge.posted < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const segments = await transcript(client, sessionId);

    expect(bridge.lastError).toBeDefined();
    expect(segments.map((segment) => segment.text)).toEqual(['It is five eighths.', 'Yes.']);
  });
});
