import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

const MATHDIAL_FILE = join(
  __dirname,
  '../examples/data/transcripts/mathdial/mathdial-5000005-s3.json',
);

interface DialogueTurn {
  speaker: string;
  name: string;
  text: string;
}

const DIALOGUE: DialogueTurn[] = JSON.parse(readFileSync(MATHDIAL_FILE, 'utf8')).segments;

function timestamp(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;

  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

/** Renders the MathDial dialogue as WebVTT, one 4-second cue per turn every 5 seconds. */
function dialogueAsWebVtt(): string {
  const cues = DIALOGUE.map((turn, index) =>
    [
      `turn-${index + 1}`,
      `${timestamp(index * 5000)} --> ${timestamp(index * 5000 + 4000)}`,
      `<v ${turn.name}>${turn.text}`,
    ].join('\n'),
  );

  return `WEBVTT\n\nNOTE generated from a MathDial dialogue\n\n${cues.join('\n\n')}\n`;
}

function dialogueAsText(): string {
  return DIALOGUE.map((turn) => `${turn.name}: ${turn.text}`).join('\n\n');
}

/** Orders segments as the API does: by startMs, then by id (lowercase UUIDs compare as strings). */
function byStartThenId(
  a: { startMs: number; id: string },
  b: { startMs: number; id: string },
): number {
  if (a.startMs !== b.startMs) {
    return a.startMs - b.startMs;
  }
  if (a.id === b.id) {
    return 0;
  }

  return a.id < b.id ? -1 : 1;
}

function segment(
  clientSegmentId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    clientSegmentId,
    speakerLabel: 'Tutor',
    startMs: 1000,
    endMs: 2000,
    text: 'What is 16 x 60?',
    ...overrides,
  };
}

describe('transcripts', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp();
    classroom = await createClassroom(t, t.adminKey);
  });

  afterAll(async () => {
    await t.close();
  });

  async function newSessionId(key = t.adminKey, room = classroom): Promise<string> {
    return (await createSession(t, key, room)).id;
  }

  function postSegment(sessionId: string, body: Record<string, unknown>, key = t.adminKey) {
    return t.http
      .post(`/v1/sessions/${sessionId}/transcript/segments`)
      .set(...bearer(key))
      .send(body);
  }

  function postBatch(sessionId: string, segments: unknown[], key = t.adminKey) {
    return t.http
      .post(`/v1/sessions/${sessionId}/transcript/segments/batch`)
      .set(...bearer(key))
      .send({ segments });
  }

  function upload(sessionId: string, contentType: string, body: string | object, key = t.adminKey) {
    return t.http
      .post(`/v1/sessions/${sessionId}/transcript/upload`)
      .set(...bearer(key))
      .set('content-type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  async function listAll(sessionId: string, query = ''): Promise<any[]> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/transcript/segments?limit=100${query}`)
      .set(...bearer(t.adminKey));
    expect(response.status).toBe(200);

    return response.body.items;
  }

  async function version(sessionId: string): Promise<number> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/transcript`)
      .set(...bearer(t.adminKey));

    return response.body.version;
  }

  it('adds one segment with a guessed role', async () => {
    const sessionId = await newSessionId();

    const response = await postSegment(sessionId, segment('s-1'));

    expect(response.status).toBe(201);
    expect(response.body.clientSegmentId).toBe('s-1');
    expect(response.body.speakerRole).toBe('instructor');
    expect(response.body.participantId).toBeNull();
    expect(response.body.isFinal).toBe(true);
    expect(response.body.source).toBe('live');
    expect(await version(sessionId)).toBe(1);
  });

  it('matches a participant by display name ignoring case', async () => {
    const sessionId = await newSessionId();
    const participants = await t.http
      .get(`/v1/sessions/${sessionId}/participants`)
      .set(...bearer(t.adminKey));
    const student = participants.body.items.find((p: { role: string }) => p.role === 'student');

    const response = await postSegment(
      sessionId,
      segment('s-1', { speakerLabel: student.displayName.toUpperCase() }),
    );

    expect(response.status).toBe(201);
    expect(response.body.participantId).toBe(student.id);
    expect(response.body.speakerRole).toBe('student');
  });

  it('adds a segment over GraphQL', async () => {
    const sessionId = await newSessionId();

    const result = await t.gql(
      `mutation($sessionId: ID!, $input: TranscriptSegmentInput!) {
        addTranscriptSegment(sessionId: $sessionId, input: $input) { id clientSegmentId speakerRole isFinal source }
      }`,
      { sessionId, input: segment('g-1', { speakerRole: 'other' }) },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.addTranscriptSegment.clientSegmentId).toBe('g-1');
    expect(result.data?.addTranscriptSegment.speakerRole).toBe('other');
    expect(result.data?.addTranscriptSegment.source).toBe('live');
  });

  it('adds a batch in startMs order over REST and GraphQL', async () => {
    const sessionId = await newSessionId();
    const rest = await postBatch(sessionId, [
      segment('b-2', { startMs: 5000, endMs: 6000, text: 'second' }),
      segment('b-1', { startMs: 0, endMs: 1000, text: 'first' }),
    ]);
    const graphql = await t.gql(
      `mutation($sessionId: ID!, $input: TranscriptSegmentBatchInput!) {
        addTranscriptSegments(sessionId: $sessionId, input: $input) { transcriptVersion received inserted replaced unchanged }
      }`,
      {
        sessionId,
        input: { segments: [segment('b-3', { startMs: 9000, endMs: 9500, text: 'third' })] },
      },
    );

    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      sessionId,
      received: 2,
      inserted: 2,
      replaced: 0,
      unchanged: 0,
      transcriptVersion: 1,
    });
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data?.addTranscriptSegments).toEqual({
      transcriptVersion: 2,
      received: 1,
      inserted: 1,
      replaced: 0,
      unchanged: 0,
    });
    expect((await listAll(sessionId)).map((s) => s.text)).toEqual(['first', 'second', 'third']);
  });

  it('treats an unchanged final repeat as a no-op', async () => {
    const sessionId = await newSessionId();
    const first = await postSegment(sessionId, segment('r-1'));

    const repeat = await postSegment(sessionId, segment('r-1'));
    const batchRepeat = await postBatch(sessionId, [segment('r-1'), segment('r-1')]);

    expect(repeat.status).toBe(201);
    expect(repeat.body.id).toBe(first.body.id);
    expect(repeat.body.receivedAt).toBe(first.body.receivedAt);
    expect(batchRepeat.body).toMatchObject({
      received: 2,
      inserted: 0,
      unchanged: 2,
      transcriptVersion: 1,
    });
    expect(await version(sessionId)).toBe(1);
    expect(await listAll(sessionId)).toHaveLength(1);
  });

  it('replaces an interim segment with the final one', async () => {
    const sessionId = await newSessionId();
    const interim = await postSegment(
      sessionId,
      segment('i-1', { text: 'What is sixteen', isFinal: false }),
    );
    const hiddenWhileInterim = await listAll(sessionId);
    const shownWithInterim = await listAll(sessionId, '&includeInterim=true');

    const final = await postSegment(
      sessionId,
      segment('i-1', { text: 'What is 16 x 60?', endMs: 2500 }),
    );

    expect(interim.body.isFinal).toBe(false);
    expect(hiddenWhileInterim).toHaveLength(0);
    expect(shownWithInterim).toHaveLength(1);
    expect(final.status).toBe(201);
    expect(final.body.id).toBe(interim.body.id);
    expect(final.body.isFinal).toBe(true);
    expect(final.body.text).toBe('What is 16 x 60?');
    expect(final.body.endMs).toBe(2500);
    expect(await listAll(sessionId)).toHaveLength(1);
    expect(await version(sessionId)).toBe(2);
  });

  it('replaces an interim segment within one batch', async () => {
    const sessionId = await newSessionId();

    const response = await postBatch(sessionId, [
      segment('i-1', { text: 'What is', isFinal: false }),
      segment('i-1', { text: 'What is 16 x 60?' }),
    ]);
    const stored = await listAll(sessionId);

    expect(response.body).toMatchObject({ received: 2, inserted: 1, replaced: 1, unchanged: 0 });
    expect(stored).toHaveLength(1);
    expect(stored[0].text).toBe('What is 16 x 60?');
  });

  it('rejects a changed final segment with CONFLICT', async () => {
    const sessionId = await newSessionId();
    await postSegment(sessionId, segment('f-1'));

    const response = await postSegment(sessionId, segment('f-1', { text: 'Something else' }));
    const graphql = await t.gql(
      `mutation($sessionId: ID!, $input: TranscriptSegmentInput!) {
        addTranscriptSegment(sessionId: $sessionId, input: $input) { id }
      }`,
      { sessionId, input: segment('f-1', { endMs: 3000 }) },
    );
    const stored = await listAll(sessionId);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(response.body.field).toBe('clientSegmentId');
    expect(response.body.clientSegmentId).toBe('f-1');
    expect(response.body.detail).toContain('"f-1"');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stored).toHaveLength(1);
    expect(stored[0].text).toBe('What is 16 x 60?');
    expect(await version(sessionId)).toBe(1);
  });

  it('rejects a batch changing a final segment', async () => {
    const sessionId = await newSessionId();
    await postSegment(sessionId, segment('f-1'));

    const response = await postBatch(sessionId, [
      segment('new-1'),
      segment('f-1', { text: 'changed' }),
    ]);
    const inBatch = await postBatch(sessionId, [
      segment('new-2'),
      segment('new-2', { text: 'changed' }),
    ]);

    expect(response.status).toBe(409);
    expect(response.body.field).toBe('segments.1.clientSegmentId');
    expect(inBatch.status).toBe(400);
    expect(inBatch.body.title).toBe('DUPLICATE_SEGMENT_IN_BATCH');
    expect(inBatch.body.field).toBe('segments.1.clientSegmentId');
    expect(inBatch.body.detail).toContain('repeats the final segment segments.0 of this batch');
    expect((await listAll(sessionId)).map((s) => s.clientSegmentId)).toEqual(['f-1']);
    expect(await version(sessionId)).toBe(1);
  });

  it('rejects a batch over the maximum of 1000', async () => {
    const sessionId = await newSessionId();
    const segments = Array.from({ length: 1001 }, (_, index) => segment(`m-${index}`));

    const response = await postBatch(sessionId, segments);
    const atMaximum = await postBatch(sessionId, segments.slice(0, 1000));

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('segments');
    expect(response.body.detail).toContain('1000');
    expect(atMaximum.status).toBe(200);
    expect(atMaximum.body.inserted).toBe(1000);
  });

  it('rejects a batch with end before start', async () => {
    const sessionId = await newSessionId();
    const segments = Array.from({ length: 50 }, (_, index) =>
      segment(`e-${index}`, { startMs: index * 1000, endMs: index * 1000 + 900 }),
    );
    segments[37] = segment('e-37', { startMs: 5000, endMs: 4000 });

    const response = await postBatch(sessionId, segments);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.field).toBe('segments.37.endMs');
    expect(response.body.detail).toContain('segments.37.endMs');
    expect(await listAll(sessionId, '&includeInterim=true')).toHaveLength(0);
    expect(await version(sessionId)).toBe(0);
  });

  it.each([
    ['clientSegmentId', { clientSegmentId: 'x'.repeat(201) }],
    ['clientSegmentId', { clientSegmentId: '' }],
    ['speakerLabel', { speakerLabel: 'x'.repeat(201) }],
    ['speakerRole', { speakerRole: 'parent' }],
    ['participantId', { participantId: 'not-a-uuid' }],
    ['startMs', { startMs: -1 }],
    ['startMs', { startMs: 1.5 }],
    ['startMs', { startMs: '10' }],
    ['endMs', { endMs: 86_400_001 }],
    ['text', { text: 'x'.repeat(10_001) }],
    ['text', { text: '' }],
    ['isFinal', { isFinal: 'yes' }],
  ])('rejects a batch segment with invalid %s', async (field, overrides) => {
    const sessionId = await newSessionId();

    const response = await postBatch(sessionId, [segment('ok-1'), segment('bad-1', overrides)]);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(
      `segments.1.${field}`,
    );
    expect(await listAll(sessionId, '&includeInterim=true')).toHaveLength(0);
  });

  it('rejects a participant of another session', async () => {
    const sessionId = await newSessionId();
    const otherSessionId = await newSessionId();
    const participants = await t.http
      .get(`/v1/sessions/${otherSessionId}/participants`)
      .set(...bearer(t.adminKey));

    const response = await postBatch(sessionId, [
      segment('p-1', { participantId: participants.body.items[0].id }),
    ]);

    expect(response.status).toBe(404);
    expect(response.body.field).toBe('segments.0.participantId');
    expect(await version(sessionId)).toBe(0);
  });

  it('rejects unknown and malformed session ids', async () => {
    const unknown = await postSegment('00000000-0000-4000-8000-000000000000', segment('u-1'));
    const malformed = await postSegment('not-a-uuid', segment('u-1'));

    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('sessionId');
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('sessionId');
  });

  it('uploads MathDial JSON idempotently', async () => {
    const sessionId = await newSessionId();
    const document = JSON.parse(readFileSync(MATHDIAL_FILE, 'utf8'));

    const first = await upload(sessionId, 'application/json', document);
    const again = await upload(sessionId, 'application/json', {
      format: 'json',
      content: JSON.stringify(document),
    });
    const stored = await listAll(sessionId);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      received: DIALOGUE.length,
      inserted: DIALOGUE.length,
      transcriptVersion: 1,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      inserted: 0,
      unchanged: DIALOGUE.length,
      transcriptVersion: 1,
    });
    expect(stored).toHaveLength(DIALOGUE.length);
    expect(stored[0]).toMatchObject({
      clientSegmentId: 'upload:1',
      speakerLabel: 'Tutor',
      speakerRole: 'instructor',
      source: 'upload',
    });
    expect(stored[1]).toMatchObject({
      clientSegmentId: 'upload:2',
      speakerLabel: 'Student A',
      speakerRole: 'student',
    });
    expect(stored.map((s) => s.text)).toEqual(DIALOGUE.map((turn) => turn.text));
  });

  it('rejects a different second upload', async () => {
    const sessionId = await newSessionId();
    await upload(sessionId, 'text/plain', 'Tutor: What is 3/4 divided by 1/2?\nStudent A: 3/8\n');

    const second = await upload(sessionId, 'text/plain', 'Tutor: Try 6 divided by 2/3.\n');
    const stored = await listAll(sessionId);

    expect(second.status).toBe(409);
    expect(second.body.title).toBe('FINAL_SEGMENT_CHANGED');
    expect(second.body.detail).toContain('Segment 1 of this file differs');
    expect(second.body.detail).toContain('transcript/segments/batch');
    expect(stored.map((segment) => segment.text)).toEqual(['What is 3/4 divided by 1/2?', '3/8']);
  });

  it('uploads WebVTT generated from the dialogue', async () => {
    const sessionId = await newSessionId();

    const response = await upload(sessionId, 'text/vtt', dialogueAsWebVtt());
    const stored = await listAll(sessionId);

    expect(response.status).toBe(200);
    expect(response.body.inserted).toBe(DIALOGUE.length);
    expect(stored[1]).toMatchObject({
      speakerLabel: 'Student A',
      speakerRole: 'student',
      startMs: 5000,
      endMs: 9000,
    });
    expect(stored.map((s) => s.text)).toEqual(DIALOGUE.map((turn) => turn.text));
  });

  it('uploads speaker lines with times from word counts', async () => {
    const sessionId = await newSessionId();

    const response = await upload(sessionId, 'text/plain', dialogueAsText());
    const stored = await listAll(sessionId);
    const firstWords = DIALOGUE[0]!.text.split(/\s+/).length;

    expect(response.status).toBe(200);
    expect(response.body.inserted).toBe(DIALOGUE.length);
    expect(stored[0]).toMatchObject({
      speakerLabel: 'Tutor',
      speakerRole: 'instructor',
      startMs: 0,
      endMs: firstWords * 400,
    });
    expect(stored[1].startMs).toBe(firstWords * 400);
  });

  it('uploads a transcript over GraphQL', async () => {
    const sessionId = await newSessionId();

    const result = await t.gql(
      `mutation($sessionId: ID!, $content: String!) {
        uploadTranscript(sessionId: $sessionId, format: webvtt, content: $content) { received inserted transcriptVersion }
      }`,
      { sessionId, content: dialogueAsWebVtt() },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.uploadTranscript).toEqual({
      received: DIALOGUE.length,
      inserted: DIALOGUE.length,
      transcriptVersion: 1,
    });
  });

  it('rejects an unsupported content type with 415', async () => {
    const sessionId = await newSessionId();

    const response = await upload(sessionId, 'application/octet-stream', 'WEBVTT\n');

    expect(response.status).toBe(415);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.title).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.field).toBe('content-type');
    expect(response.body.detail).toContain('text/vtt');
    expect(await listAll(sessionId)).toHaveLength(0);
  });

  it('rejects a file that is not UTF-8', async () => {
    const sessionId = await newSessionId();
    const latin1 = Buffer.from(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Tutor>caf\xe9\n',
      'latin1',
    );

    const vtt = await t.http
      .post(`/v1/sessions/${sessionId}/transcript/upload`)
      .set(...bearer(t.adminKey))
      .set('content-type', 'text/vtt')
      .send(latin1);
    const plain = await t.http
      .post(`/v1/sessions/${sessionId}/transcript/upload`)
      .set(...bearer(t.adminKey))
      .set('content-type', 'text/plain')
      .send(Buffer.from('Tutor: caf\xe9\n', 'latin1'));
    const utf8 = await upload(sessionId, 'text/plain', 'Tutor: café\nStudent: oui\n');

    expect(vtt.status).toBe(400);
    expect(vtt.body.title).toBe('INVALID_TEXT_ENCODING');
    expect(vtt.body.field).toBe('body');
    expect(vtt.body.detail).toContain('not valid UTF-8');
    expect(plain.status).toBe(400);
    expect(plain.body.title).toBe('INVALID_TEXT_ENCODING');
    expect(utf8.status).toBe(200);
    expect((await listAll(sessionId)).map((segment) => segment.text)).toEqual(['café', 'oui']);
  });

  it('rejects broken WebVTT naming the line', async () => {
    const sessionId = await newSessionId();
    const broken =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Tutor>Hi\n\n00:00:03.000 --> 00:00:0x.000\n<v Tutor>Bye\n';

    const malformed = await upload(sessionId, 'text/vtt', broken);
    const noHeader = await upload(sessionId, 'text/vtt', '00:00:01.000 --> 00:00:02.000\nHi\n');
    const backwards = await upload(
      sessionId,
      'text/vtt',
      'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nHi\n',
    );

    expect(malformed.status).toBe(400);
    expect(malformed.body.line).toBe(6);
    expect(malformed.body.detail).toContain('line 6');
    expect(malformed.body.field).toBe('content');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.line).toBe(1);
    expect(noHeader.body.detail).toContain('WEBVTT');
    expect(backwards.status).toBe(400);
    expect(backwards.body.line).toBe(3);
    expect(await listAll(sessionId)).toHaveLength(0);
  });

  it('rejects an empty file', async () => {
    const sessionId = await newSessionId();

    const emptyText = await upload(sessionId, 'text/plain', '');
    const blankVtt = await upload(sessionId, 'text/vtt', '  \n\n');
    const emptyJson = await upload(sessionId, 'application/json', { segments: [] });

    for (const response of [emptyText, blankVtt]) {
      expect(response.status).toBe(400);
      expect(response.body.title).toBe('TRANSCRIPT_EMPTY');
      expect(response.body.field).toBe('content');
    }
    expect(emptyJson.status).toBe(400);
    expect(emptyJson.body.field).toBe('segments');
  });

  it('rejects wrong types in uploads', async () => {
    const sessionId = await newSessionId();

    const envelope = await upload(sessionId, 'application/json', { format: 'pdf', content: 42 });
    const badSegment = await upload(sessionId, 'application/json', [
      { speaker: 'Tutor', text: 'Hi' },
      { speaker: 'Tutor', text: 42 },
    ]);
    const notTranscript = await upload(sessionId, 'application/json', { hello: 'world' });
    const gqlFormat = await t.gql(
      `mutation($sessionId: ID!) { uploadTranscript(sessionId: $sessionId, format: pdf, content: "x") { received } }`,
      { sessionId },
    );

    expect(envelope.status).toBe(400);
    expect(
      [...new Set(envelope.body.errors.map((e: { field: string }) => e.field))].sort(),
    ).toEqual(['content', 'format']);
    expect(badSegment.status).toBe(400);
    expect(badSegment.body.field).toBe('segments.1.text');
    expect(badSegment.body.index).toBe(1);
    expect(notTranscript.status).toBe(400);
    expect(notTranscript.body.field).toBe('body');
    expect(gqlFormat.errors?.[0]).toBeDefined();
    expect(await listAll(sessionId)).toHaveLength(0);
  });

  it('rejects uploads over 10 MB and over 20000 segments', async () => {
    const sessionId = await newSessionId();
    const tooLarge = `Tutor: ${'word '.repeat(2_100_000)}`;
    const tooMany = Array.from({ length: 20_001 }, (_, index) => `Tutor: turn ${index}`).join('\n');

    const large = await upload(sessionId, 'text/plain', tooLarge);
    const many = await upload(sessionId, 'text/plain', tooMany);

    expect(large.status).toBe(413);
    expect(large.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(many.status).toBe(400);
    expect(many.body.title).toBe('TRANSCRIPT_TOO_MANY_SEGMENTS');
    expect(many.body.detail).toContain('20000');
    expect(await listAll(sessionId)).toHaveLength(0);
  });

  it('walks every page in (startMs, id) order', async () => {
    const sessionId = await newSessionId();
    const segments = Array.from({ length: 30 }, (_, index) =>
      segment(`w-${index}`, {
        startMs: ((index * 7) % 10) * 1000,
        endMs: ((index * 7) % 10) * 1000 + 500,
        text: `turn ${index}`,
      }),
    );
    await postBatch(sessionId, segments);
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await t.http
        .get(`/v1/sessions/${sessionId}/transcript/segments?limit=7${query}`)
        .set(...bearer(t.adminKey));
      expect(response.status).toBe(200);
      seen.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    const graphql = await t.gql(
      `query($sessionId: ID!) { transcriptSegments(sessionId: $sessionId, first: 100) { nodes { id } pageInfo { hasNextPage } } }`,
      { sessionId },
    );
    const sorted = [...seen].sort(byStartThenId);

    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((s) => s.id)).size).toBe(30);
    expect(seen.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
    expect(graphql.data?.transcriptSegments.nodes.map((n: { id: string }) => n.id)).toEqual(
      sorted.map((s) => s.id),
    );
    expect(graphql.data?.transcriptSegments.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects an invalid cursor', async () => {
    const sessionId = await newSessionId();

    const response = await t.http
      .get(`/v1/sessions/${sessionId}/transcript/segments?cursor=garbage`)
      .set(...bearer(t.adminKey));

    expect(response.status).toBe(400);
    expect(response.body.field).toBe('cursor');
  });

  it('returns final segments with version', async () => {
    const sessionId = await newSessionId();
    await postBatch(sessionId, [
      segment('v-2', { startMs: 3000, endMs: 4000 }),
      segment('v-1', { startMs: 0, endMs: 1000 }),
      segment('v-3', { startMs: 5000, endMs: 6000, isFinal: false }),
    ]);
    const { TranscriptsService } = await import('../src/transcripts/transcripts.service');
    const { systemContext } = await import('../src/common/request-context');

    const transcript = await t.app
      .get(TranscriptsService)
      .getFinalSegments(systemContext(t.organizationId), sessionId);

    expect(transcript.transcriptVersion).toBe(1);
    expect(transcript.segments.map((s) => s.clientSegmentId)).toEqual(['v-1', 'v-2']);
  });

  it('keeps organizations apart', async () => {
    const sessionId = await newSessionId();
    await postSegment(sessionId, segment('t-1'));
    const other = await t.createOrganization();
    const otherClassroom = await createClassroom(t, other.adminKey, { students: 1 });
    const otherSessionId = await newSessionId(other.adminKey, otherClassroom);
    const participants = await t.http
      .get(`/v1/sessions/${sessionId}/participants`)
      .set(...bearer(t.adminKey));

    const responses = [
      await t.http.get(`/v1/sessions/${sessionId}/transcript`).set(...bearer(other.adminKey)),
      await t.http
        .get(`/v1/sessions/${sessionId}/transcript/segments`)
        .set(...bearer(other.adminKey)),
      await postSegment(sessionId, segment('t-1', { text: 'overwrite' }), other.adminKey),
      await postBatch(sessionId, [segment('t-2')], other.adminKey),
      await upload(sessionId, 'text/plain', 'Tutor: hi', other.adminKey),
      await postSegment(
        otherSessionId,
        segment('t-3', { participantId: participants.body.items[0].id }),
        other.adminKey,
      ),
    ];
    const graphql = await t.gql(
      `query($sessionId: ID!) { transcriptSegments(sessionId: $sessionId) { nodes { id } } }`,
      { sessionId },
      other.adminKey,
    );

    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stored = await listAll(sessionId);
    expect(stored).toHaveLength(1);
    expect(stored[0].text).toBe('What is 16 x 60?');
    expect(await version(sessionId)).toBe(1);
  });

  it('accepts ended sessions and rejects cancelled ones', async () => {
    const endedId = await newSessionId();
    const cancelledId = await newSessionId();
    await t.http.post(`/v1/sessions/${endedId}/start`).set(...bearer(t.adminKey));
    await t.http.post(`/v1/sessions/${endedId}/end`).set(...bearer(t.adminKey));
    await t.http.post(`/v1/sessions/${cancelledId}/cancel`).set(...bearer(t.adminKey));

    const ended = await postSegment(endedId, segment('c-1'));
    const cancelled = await postSegment(cancelledId, segment('c-1'));
    const cancelledUpload = await upload(cancelledId, 'text/plain', 'Tutor: hi');

    expect(ended.status).toBe(201);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.title).toBe('TRANSCRIPT_CLOSED');
    expect(cancelled.body.currentStatus).toBe('cancelled');
    expect(cancelledUpload.status).toBe(409);
    expect(await version(cancelledId)).toBe(0);
  });

  it('enforces read and write scopes', async () => {
    const sessionId = await newSessionId();
    const createKey = async (scopes: string[]) =>
      (
        await t.http
          .post('/v1/api-keys')
          .set(...bearer(t.adminKey))
          .send({ name: scopes.join(' '), scopes })
      ).body.secret as string;
    const reader = await createKey(['read']);
    const writer = await createKey(['transcripts:write']);

    const readerWrite = await postSegment(sessionId, segment('k-1'), reader);
    const writerWrite = await postSegment(sessionId, segment('k-1'), writer);
    const readerRead = await t.http
      .get(`/v1/sessions/${sessionId}/transcript/segments`)
      .set(...bearer(reader));

    expect(readerWrite.status).toBe(403);
    expect(writerWrite.status).toBe(201);
    expect(readerRead.status).toBe(200);
    expect(readerRead.body.items).toHaveLength(1);
  });
});
