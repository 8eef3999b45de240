import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonTranscript } from './json-transcript.parser';
import { TranscriptParseError } from './parsed-segment';

const MATHDIAL = join(
  __dirname,
  '../../../examples/data/transcripts/mathdial/mathdial-5000005-s3.json',
);

function parseError(content: unknown): TranscriptParseError {
  try {
    parseJsonTranscript(typeof content === 'string' ? content : JSON.stringify(content));
  } catch (error) {
    if (error instanceof TranscriptParseError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a TranscriptParseError');
}

describe('parseJsonTranscript', () => {
  it('reads a MathDial dialogue with roles from the speaker field', () => {
    const segments = parseJsonTranscript(readFileSync(MATHDIAL, 'utf8'));

    expect(segments.length).toBeGreaterThan(4);
    expect(segments[0]?.speakerLabel).toBe('Tutor');
    expect(segments[0]?.speakerRole).toBe('instructor');
    expect(segments[1]?.speakerLabel).toBe('Student A');
    expect(segments[1]?.speakerRole).toBe('student');
    expect(segments[1]?.startMs).toBe(segments[0]?.endMs);
  });

  it('assigns times from word counts when they are absent', () => {
    const segments = parseJsonTranscript([{ speaker: 'Tutor', text: 'one two three four five' }]);

    expect(segments[0]?.startMs).toBe(0);
    expect(segments[0]?.endMs).toBe(2000);
    expect(segments[0]?.speakerRole).toBeNull();
  });

  it('keeps given times and a bare array', () => {
    const segments = parseJsonTranscript(
      '[{"speaker":"student","name":"Ana","text":"Hi","startMs":500,"endMs":900}]',
    );

    expect(segments).toEqual([
      { speakerLabel: 'Ana', speakerRole: 'student', text: 'Hi', startMs: 500, endMs: 900 },
    ]);
  });

  it('rejects invalid JSON', () => {
    expect(parseError('{"segments": [').message).toContain('not valid JSON');
  });

  it('rejects a document without segments', () => {
    expect(parseError({ turns: [] }).field).toBe('segments');
  });

  it('rejects an empty segment list', () => {
    expect(parseError({ segments: [] }).message).toContain('empty');
  });

  it.each([
    [{ speaker: 'Tutor', text: 42 }, 'segments.1.text'],
    [{ speaker: 'Tutor', text: '' }, 'segments.1.text'],
    [{ text: 'no speaker' }, 'segments.1.name'],
    [{ speaker: 'Tutor', text: 'x', startMs: -1 }, 'segments.1.startMs'],
    [{ speaker: 'Tutor', text: 'x', startMs: 1.5 }, 'segments.1.startMs'],
    [{ speaker: 'Tutor', text: 'x', startMs: 5000, endMs: 4000 }, 'segments.1.endMs'],
    [{ speaker: 'Tutor', text: 'x', speakerRole: 'parent' }, 'segments.1.speakerRole'],
    [{ name: 'x'.repeat(201), text: 'x' }, 'segments.1.speakerLabel'],
    ['not an object', 'segments.1'],
  ])('rejects segment %j naming %s', (bad, field) => {
    const error = parseError([{ speaker: 'Tutor', text: 'fine' }, bad]);

    expect(error.field).toBe(field);
    expect(error.location.index).toBe(1);
  });
});
