import { AiProviderError, RecapInput, RecapTranscriptSegment } from '../ai-provider';
import { estimateTokens, formatTimestamp, renderSegment } from './recap-prompt';
import { estimateTranscriptBudget, splitTranscript } from './transcript-chunks';

function segment(index: number, text: string): RecapTranscriptSegment {
  return {
    index,
    speakerRole: index % 2 === 0 ? 'instructor' : 'student',
    speakerName: index % 2 === 0 ? 'Ms. Lee' : 'Omar',
    startMs: index * 10_000,
    endMs: index * 10_000 + 9_000,
    text,
  };
}

function inputWith(transcript: RecapTranscriptSegment[]): RecapInput {
  return {
    sessionId: 'session-1',
    transcript,
    objectives: [{ code: '6.RP.A.1', title: 'Ratios', description: 'Understand ratios.' }],
    plannedObjectiveCodes: ['6.RP.A.1'],
    studentNames: ['Omar'],
  };
}

describe('renderSegment', () => {
  it('renders index, time, role and name', () => {
    expect(renderSegment({ ...segment(3, 'Two to\nthree.'), startMs: 754_900 })).toBe(
      '[3] (12:34) Student Omar: Two to three.',
    );
  });

  it.each([
    [0, '00:00'],
    [59_999, '00:59'],
    [6_000_000, '100:00'],
    [-5, '00:00'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatTimestamp(ms)).toBe(expected);
  });
});

describe('splitTranscript', () => {
  const transcript = Array.from({ length: 40 }, (_, i) => segment(i, `Line ${i} `.repeat(20)));
  const input = inputWith(transcript);
  const promptTokens =
    1_000_000 -
    estimateTranscriptBudget(input, { maxContextTokens: 1_000_000, maxOutputTokens: 0 });

  it('keeps one part when the transcript fits', () => {
    const chunks = splitTranscript(input, { maxContextTokens: 100_000, maxOutputTokens: 4_096 });

    expect(chunks).toEqual([transcript]);
  });

  it('splits in order within the budget', () => {
    const limits = { maxContextTokens: promptTokens + 200 + 300, maxOutputTokens: 200 };

    const chunks = splitTranscript(input, limits);

    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.flat()).toEqual(transcript);
    for (const chunk of chunks) {
      const tokens = chunk.reduce((sum, item) => sum + estimateTokens(renderSegment(item)) + 1, 0);
      expect(tokens).toBeLessThanOrEqual(300);
    }
  });

  it('sends an oversized segment alone', () => {
    const long = segment(1, 'word '.repeat(2_000));
    const chunks = splitTranscript(inputWith([segment(0, 'Hi'), long, segment(2, 'Bye')]), {
      maxContextTokens: promptTokens + 200 + 300,
      maxOutputTokens: 200,
    });

    expect(chunks.map((chunk) => chunk.map((item) => item.index))).toEqual([[0], [1], [2]]);
  });

  it('rejects limits that leave no room', () => {
    const split = (): unknown =>
      splitTranscript(input, { maxContextTokens: 4_000, maxOutputTokens: 4_000 });

    expect(split).toThrow(AiProviderError);
    expect(split).toThrow(/Raise maxContextTokens or lower maxOutputTokens\.$/);
  });
});
