import { TranscriptParseError } from './parsed-segment';
import { parseSpeakerLines } from './speaker-lines.parser';

describe('parseSpeakerLines', () => {
  it('reads turns and assigns times at 150 words per minute', () => {
    const segments = parseSpeakerLines('Tutor: What is 16 x 60?\n\nStudent A: 16 x 60 is 960.\n');

    expect(segments).toEqual([
      {
        speakerLabel: 'Tutor',
        speakerRole: null,
        text: 'What is 16 x 60?',
        startMs: 0,
        endMs: 2000,
      },
      {
        speakerLabel: 'Student A',
        speakerRole: null,
        text: '16 x 60 is 960.',
        startMs: 2000,
        endMs: 4000,
      },
    ]);
  });

  it('continues a turn on a line without a speaker', () => {
    const segments = parseSpeakerLines('Tutor: First line\nsecond line\nStudent: Yes');

    expect(segments).toHaveLength(2);
    expect(segments[0]?.text).toBe('First line second line');
  });

  it('does not read a number before a colon as a speaker', () => {
    const segments = parseSpeakerLines('Tutor: Look at this\n10: 30 is the time');

    expect(segments).toHaveLength(1);
    expect(segments[0]?.text).toBe('Look at this 10: 30 is the time');
  });

  it('does not read a long clause as a speaker', () => {
    const segments = parseSpeakerLines('Tutor: Look\nAnd then we multiply the top by two: 6');

    expect(segments).toHaveLength(1);
  });

  it('rejects a first line without a speaker, naming the line', () => {
    expect.assertions(3);
    try {
      parseSpeakerLines('\nno speaker here\nTutor: Hi');
    } catch (error) {
      expect(error).toBeInstanceOf(TranscriptParseError);
      expect((error as TranscriptParseError).location.line).toBe(2);
      expect((error as TranscriptParseError).message).toContain('line 2');
    }
  });

  it('rejects an empty transcript', () => {
    expect(() => parseSpeakerLines(' \n\n')).toThrow('The transcript is empty');
  });

  it('rejects a turn longer than the text limit', () => {
    expect(() => parseSpeakerLines(`Tutor: ${'word '.repeat(2001)}`)).toThrow(
      '1 to 10000 characters',
    );
  });
});
