import { TranscriptParseError } from './parsed-segment';
import { parseWebVtt } from './webvtt.parser';

function parseError(content: string): TranscriptParseError {
  try {
    parseWebVtt(content);
  } catch (error) {
    if (error instanceof TranscriptParseError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a TranscriptParseError');
}

describe('parseWebVtt', () => {
  it('reads voice tags, identifiers and both timestamp forms', () => {
    const content = [
      'WEBVTT - lesson 3',
      '',
      'cue-1',
      '00:00:01.000 --> 00:00:04.500 align:start',
      '<v Tutor>Hi, could you talk me through your solution?</v>',
      '',
      '00:05.000 --> 00:09.250',
      '<v.loud Student A>Sure &amp; here it is.',
    ].join('\n');

    const segments = parseWebVtt(content);

    expect(segments).toEqual([
      {
        speakerLabel: 'Tutor',
        speakerRole: null,
        text: 'Hi, could you talk me through your solution?',
        startMs: 1000,
        endMs: 4500,
      },
      {
        speakerLabel: 'Student A',
        speakerRole: null,
        text: 'Sure & here it is.',
        startMs: 5000,
        endMs: 9250,
      },
    ]);
  });

  it('joins multi-line cues and skips NOTE and STYLE blocks', () => {
    const content = [
      'WEBVTT',
      '',
      'NOTE this block is a comment',
      'spanning two lines',
      '',
      'STYLE',
      '::cue { color: white }',
      '',
      '01:00:00.000 --> 01:00:02.000',
      'Tutor: What is 16 x 60?',
      'Take your time.',
    ].join('\r\n');

    const segments = parseWebVtt(content);

    expect(segments).toHaveLength(1);
    expect(segments[0]?.speakerLabel).toBe('Tutor');
    expect(segments[0]?.text).toBe('What is 16 x 60? Take your time.');
    expect(segments[0]?.startMs).toBe(3_600_000);
  });

  it('splits one cue with two voices into two segments', () => {
    const content = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:02.000',
      '<v Tutor>Ready?',
      '<v Student A>Yes.',
    ].join('\n');

    const segments = parseWebVtt(content);

    expect(segments.map((segment) => segment.speakerLabel)).toEqual(['Tutor', 'Student A']);
    expect(segments.map((segment) => segment.startMs)).toEqual([1000, 1000]);
  });

  it('keeps the previous speaker for a cue without one', () => {
    const content = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:02.000',
      '<v Tutor>First part',
      '',
      '00:02.000 --> 00:03.000',
      'second part',
    ].join('\n');

    const segments = parseWebVtt(content);

    expect(segments[1]?.speakerLabel).toBe('Tutor');
  });

  it('rejects a file without the WEBVTT header', () => {
    const error = parseError('00:01.000 --> 00:02.000\nHello');

    expect(error.location.line).toBe(1);
    expect(error.field).toBe('content');
    expect(error.message).toContain('WEBVTT');
  });

  it('rejects a malformed timestamp with its line number', () => {
    const error = parseError(
      ['WEBVTT', '', '00:01.000 --> 00:02.000', 'ok', '', '00:03 --> 00:04.000', 'bad'].join('\n'),
    );

    expect(error.location.line).toBe(6);
    expect(error.message).toContain('line 6');
    expect(error.message).toContain('"00:03"');
  });

  it('rejects a cue that ends before it starts', () => {
    const error = parseError(['WEBVTT', '', 'id', '00:05.000 --> 00:04.000', 'text'].join('\n'));

    expect(error.location.line).toBe(4);
    expect(error.message).toContain('before it starts');
  });

  it('rejects a cue block without a timing line', () => {
    const error = parseError(['WEBVTT', '', 'just text', 'more text'].join('\n'));

    expect(error.location.line).toBe(3);
  });

  it('rejects a file with no cues', () => {
    const error = parseError('WEBVTT\n\nNOTE nothing here\n');

    expect(error.message).toContain('no cues');
  });

  it('rejects a cue longer than 24 hours', () => {
    const error = parseError(['WEBVTT', '', '23:59:59.000 --> 24:00:00.001', 'late'].join('\n'));

    expect(error.location.line).toBe(3);
    expect(error.message).toContain('24-hour');
  });
});
