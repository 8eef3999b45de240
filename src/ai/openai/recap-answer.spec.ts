import { validateRecapAnswer } from './recap-answer';
import { RecapAnswer } from './recap-schema';

const CODES = new Set(['7.EE.B.3', '7.RP.A.3']);

function validAnswer(): RecapAnswer {
  return {
    summary: 'Worked on percent problems.',
    objectivesCovered: [
      { code: '7.RP.A.3', confidence: 0.6, evidence: [{ segmentIndex: 2, quote: '20%' }] },
    ],
    misconceptions: [
      {
        description: 'Added the percent instead of multiplying.',
        evidence: [{ segmentIndex: 3, quote: '30 + 20' }],
        resolved: false,
        correction: null,
      },
    ],
    studentPerformanceSummary: 'Engaged.',
    nextSteps: ['Practise percent of a quantity.'],
    followUps: [],
  };
}

function problemsOf(value: unknown): string[] {
  const result = validateRecapAnswer(value, CODES);

  return result.valid ? [] : result.problems;
}

describe('validateRecapAnswer', () => {
  it('accepts a valid answer', () => {
    const result = validateRecapAnswer(validAnswer(), CODES);

    expect(result).toEqual({ valid: true, answer: validAnswer() });
  });

  it('ignores unknown properties', () => {
    expect(problemsOf({ ...validAnswer(), mood: 'happy' })).toEqual([]);
  });

  it.each([
    [null, 'answer must be an object, got null'],
    [[], 'answer must be an object, got array'],
  ])('rejects %j at the root', (value, problem) => {
    expect(problemsOf(value)).toContain(problem);
  });

  it('lists every missing field', () => {
    expect(problemsOf({})).toEqual([
      'summary must be a string, got undefined',
      'objectivesCovered must be an array, got undefined',
      'misconceptions must be an array, got undefined',
      'studentPerformanceSummary must be a string, got undefined',
      'nextSteps must be an array, got undefined',
      'followUps must be an array, got undefined',
    ]);
  });

  it('rejects an empty summary', () => {
    expect(problemsOf({ ...validAnswer(), summary: '  ' })).toEqual(['summary must not be empty']);
  });

  it('rejects a code outside the input objectives', () => {
    const answer = validAnswer();
    answer.objectivesCovered[0].code = '8.G.A.1';

    expect(problemsOf(answer)).toEqual([
      'objectivesCovered[0].code "8.G.A.1" is not one of the input objectives',
    ]);
  });

  it.each([
    [1.5, 'objectivesCovered[0].confidence must be between 0 and 1, got 1.5'],
    [-0.1, 'objectivesCovered[0].confidence must be between 0 and 1, got -0.1'],
    ['0.5', 'objectivesCovered[0].confidence must be a number, got string'],
  ])('rejects confidence %j', (confidence, problem) => {
    const answer = {
      ...validAnswer(),
      objectivesCovered: [{ code: '7.RP.A.3', confidence, evidence: [] }],
    };

    expect(problemsOf(answer)).toEqual([problem]);
  });

  it('rejects a fractional segment index', () => {
    const answer = validAnswer();
    answer.misconceptions[0].evidence[0].segmentIndex = 2.5;

    expect(problemsOf(answer)).toEqual([
      'misconceptions[0].evidence[0].segmentIndex must be an integer, got 2.5',
    ]);
  });

  it('checks a correction when present', () => {
    const answer = {
      ...validAnswer(),
      misconceptions: [{ ...validAnswer().misconceptions[0], correction: { segmentIndex: 'x' } }],
    };

    expect(problemsOf(answer)).toEqual([
      'misconceptions[0].correction.segmentIndex must be a number, got string',
      'misconceptions[0].correction.quote must be a string, got undefined',
    ]);
  });

  it('rejects non-string list items', () => {
    expect(problemsOf({ ...validAnswer(), followUps: ['ok', 3] })).toEqual([
      'followUps[1] must be a string, got number',
    ]);
  });
});
