import { RecapContent } from './recap-content';
import { checkRecapContent } from './recap-content-rules';

const BOUNDS = { objectiveCodes: ['6.RP.A.1', '6.RP.A.2'], segmentCount: 3 };

function quote(segmentIndex: number, startMs = 0, endMs = 1000) {
  return {
    segmentIndex,
    speaker: 'Tutor',
    speakerRole: 'instructor' as const,
    startMs,
    endMs,
    text: 'Why 16?',
  };
}

function content(overrides: Partial<RecapContent> = {}): RecapContent {
  return {
    summary: 'Ratios of paintings sold.',
    objectivesCovered: [{ code: '6.RP.A.1', confidence: 0.7, evidence: [quote(0)] }],
    misconceptions: [],
    studentPerformance: {
      summary: 'Found one error.',
      studentTurns: 4,
      instructorTurns: 5,
      studentTalkShare: 0.4,
      errorsFound: 1,
      errorsCorrected: 1,
    },
    nextSteps: [],
    followUps: [],
    ...overrides,
  };
}

describe('checkRecapContent', () => {
  it('accepts content within its inputs', () => {
    expect(checkRecapContent(content(), BOUNDS)).toEqual([]);
  });

  it('names an unknown objective code', () => {
    const problems = checkRecapContent(
      content({ objectivesCovered: [{ code: '7.EE.1', confidence: 0.5, evidence: [] }] }),
      BOUNDS,
    );

    expect(problems.map((p) => p.field)).toEqual(['content.objectivesCovered.0.code']);
    expect(problems[0]?.message).toContain('7.EE.1');
    expect(problems[0]?.message).toContain('6.RP.A.1, 6.RP.A.2');
  });

  it('names a repeated objective code', () => {
    const entry = { code: '6.RP.A.2', confidence: 0.5, evidence: [] };

    const problems = checkRecapContent(content({ objectivesCovered: [entry, entry] }), BOUNDS);

    expect(problems.map((p) => p.field)).toEqual(['content.objectivesCovered.1.code']);
  });

  it('names quotes outside the transcript', () => {
    const misconception = {
      description: 'Added instead of doubled',
      resolved: true,
      evidence: [quote(3)],
      correction: quote(1, 900, 100),
    };

    const problems = checkRecapContent(content({ misconceptions: [misconception] }), BOUNDS);

    expect(problems.map((p) => p.field)).toEqual([
      'content.misconceptions.0.evidence.0.segmentIndex',
      'content.misconceptions.0.correction.endMs',
    ]);
  });

  it('rejects every quote of an empty transcript', () => {
    const problems = checkRecapContent(content(), { ...BOUNDS, segmentCount: 0 });

    expect(problems[0]?.message).toContain('the transcript has no segments');
  });

  it('names more corrections than errors', () => {
    const performance = { ...content().studentPerformance, errorsFound: 1, errorsCorrected: 2 };

    const problems = checkRecapContent(content({ studentPerformance: performance }), BOUNDS);

    expect(problems.map((p) => p.field)).toEqual(['content.studentPerformance.errorsCorrected']);
  });
});
