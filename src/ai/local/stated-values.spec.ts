import { RecapTranscriptSegment } from '../ai-provider';
import {
  findWrittenNumbers,
  instructorStatedValues,
  parseWrittenNumber,
  statesAnyValue,
} from './stated-values';
import { analyzeTranscript } from './transcript-analysis';

function turnOf(speakerRole: 'student' | 'instructor', text: string) {
  const segment: RecapTranscriptSegment = {
    index: 0,
    speakerRole,
    speakerName: speakerRole === 'student' ? 'Student A' : 'Tutor',
    startMs: 0,
    endMs: 1_000,
    text,
  };

  return analyzeTranscript([segment]).turns[0];
}

describe('parseWrittenNumber', () => {
  it.each([
    ['3/8', 0.375],
    ['3 / 8', 0.375],
    ['2 1/2', 2.5],
    ['$1,500', 1500],
    ['0.5', 0.5],
  ])('parses %s', (text, expected) => {
    expect(parseWrittenNumber(text)).toBeCloseTo(expected);
  });

  it('rejects a zero denominator', () => {
    expect(parseWrittenNumber('3/0')).toBeUndefined();
  });
});

describe('findWrittenNumbers', () => {
  it('reads a fraction as one number', () => {
    const numbers = findWrittenNumbers('He ate 3/8 of 24 slices.');

    expect(numbers.map((number) => number.value)).toEqual([0.375, 24]);
    expect(numbers.map((number) => number.isFraction)).toEqual([true, false]);
  });
});

describe('instructorStatedValues', () => {
  it('reads the answer after a contrast', () => {
    const values = instructorStatedValues(
      turnOf('instructor', 'Yes you forgot to subtract the $1, but Leah lost $11 dollars'),
    );

    expect([...values.answers]).toEqual(['1', '11']);
    expect(values.results.size).toBe(0);
  });

  it('reads the result of correct arithmetic', () => {
    const values = instructorStatedValues(turnOf('instructor', 'Hence 40-14=26 guests.'));

    expect([...values.results]).toEqual(['26']);
  });

  it('skips questions', () => {
    const values = instructorStatedValues(turnOf('instructor', 'What is $960 + $240?'));

    expect(values.results.size + values.answers.size).toBe(0);
  });

  it('skips a sentence with several numbers', () => {
    const values = instructorStatedValues(
      turnOf('instructor', 'Jimmy and two friends (3 people) split the $90 cost.'),
    );

    expect(values.answers.size).toBe(0);
  });
});

describe('statesAnyValue', () => {
  it('does not count an operand', () => {
    expect(
      statesAnyValue(turnOf('student', 'Leah lost 28-11 = 17 dollars.'), new Set(['11'])),
    ).toBe(false);
  });

  it('counts a claim result', () => {
    expect(statesAnyValue(turnOf('student', 'Leah lost 12-1 = 11 dollars.'), new Set(['11']))).toBe(
      true,
    );
  });

  it('counts a number outside arithmetic', () => {
    expect(
      statesAnyValue(turnOf('student', 'Kenny started with 150 cards.'), new Set(['150'])),
    ).toBe(true);
  });
});
