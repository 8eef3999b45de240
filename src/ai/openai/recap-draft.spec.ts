import { EvidenceQuote, Misconception, RecapTranscriptSegment } from '../ai-provider';
import {
  buildRecapDraft,
  measureStudentPerformance,
  mergeMisconceptions,
  mergeObjectives,
  PartialRecap,
  toPartialRecap,
} from './recap-draft';
import { RecapAnswer } from './recap-schema';

const TRANSCRIPT: RecapTranscriptSegment[] = [
  {
    index: 0,
    speakerRole: 'instructor',
    speakerName: 'Tutor',
    startMs: 0,
    endMs: 2_000,
    text: 'What is 16 x 60?',
  },
  {
    index: 1,
    speakerRole: 'student',
    speakerName: 'Ana',
    startMs: 3_000,
    endMs: 5_000,
    text: '16 x 60 is  1200.',
  },
  {
    index: 2,
    speakerRole: 'instructor',
    speakerName: 'Tutor',
    startMs: 6_000,
    endMs: 8_000,
    text: 'Check it again.',
  },
  {
    index: 3,
    speakerRole: 'student',
    speakerName: 'Ana',
    startMs: 9_000,
    endMs: 12_000,
    text: 'Sorry, 16 x 60 is 960.',
  },
  {
    index: 4,
    speakerRole: 'other',
    speakerName: 'Parent',
    startMs: 13_000,
    endMs: 14_000,
    text: 'Bye!',
  },
];

function quote(segmentIndex: number): EvidenceQuote {
  const segment = TRANSCRIPT[segmentIndex];

  return {
    segmentIndex,
    speaker: segment.speakerName,
    speakerRole: segment.speakerRole,
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: segment.text,
  };
}

function answer(overrides: Partial<RecapAnswer> = {}): RecapAnswer {
  return {
    summary: ' Multiplication practice. ',
    objectivesCovered: [],
    misconceptions: [],
    studentPerformanceSummary: 'Ana corrected herself.',
    nextSteps: [],
    followUps: [],
    ...overrides,
  };
}

function partial(overrides: Partial<PartialRecap> = {}): PartialRecap {
  return {
    summary: '',
    objectivesCovered: [],
    misconceptions: [],
    studentPerformanceSummary: '',
    nextSteps: [],
    followUps: [],
    ...overrides,
  };
}

describe('toPartialRecap', () => {
  it('maps evidence to segment times and speakers', () => {
    const result = toPartialRecap(
      answer({
        objectivesCovered: [
          { code: 'A', confidence: 0.7, evidence: [{ segmentIndex: 3, quote: '16 x 60 is 960' }] },
        ],
      }),
      TRANSCRIPT,
    );

    expect(result.objectivesCovered[0].evidence).toEqual([{ ...quote(3), text: '16 x 60 is 960' }]);
    expect(result.summary).toBe('Multiplication practice.');
  });

  it('matches quotes with folded whitespace', () => {
    const result = toPartialRecap(
      answer({
        objectivesCovered: [
          { code: 'A', confidence: 1, evidence: [{ segmentIndex: 1, quote: 'is 1200.' }] },
        ],
      }),
      TRANSCRIPT,
    );

    expect(result.objectivesCovered[0].evidence[0].text).toBe('is 1200.');
  });

  it('uses the segment text for a paraphrase', () => {
    const result = toPartialRecap(
      answer({
        objectivesCovered: [
          { code: 'A', confidence: 1, evidence: [{ segmentIndex: 1, quote: 'said 1200' }] },
        ],
      }),
      TRANSCRIPT,
    );

    expect(result.objectivesCovered[0].evidence[0].text).toBe(TRANSCRIPT[1].text);
  });

  it('drops evidence outside the sent segments', () => {
    const result = toPartialRecap(
      answer({
        misconceptions: [
          {
            description: 'Multiplied 16 x 60 wrongly',
            evidence: [
              { segmentIndex: 1, quote: '' },
              { segmentIndex: 3, quote: '' },
            ],
            resolved: true,
            correction: { segmentIndex: 3, quote: '' },
          },
        ],
      }),
      TRANSCRIPT.slice(0, 2),
    );

    const [misconception] = result.misconceptions;
    expect(misconception.evidence.map((item) => item.segmentIndex)).toEqual([1]);
    expect(misconception).not.toHaveProperty('correction');
    expect(misconception.resolved).toBe(true);
  });
});

describe('mergeObjectives', () => {
  it('keeps maximum confidence and its evidence first', () => {
    const merged = mergeObjectives([
      { code: 'A', confidence: 0.4, evidence: [quote(0)] },
      { code: 'B', confidence: 0.5, evidence: [] },
      { code: 'A', confidence: 0.9, evidence: [quote(3), quote(0)] },
    ]);

    expect(merged.map((objective) => objective.code)).toEqual(['A', 'B']);
    expect(merged[0].confidence).toBe(0.9);
    expect(merged[0].evidence.map((item) => item.segmentIndex)).toEqual([3, 0]);
  });

  it('keeps at most five evidence quotes', () => {
    const merged = mergeObjectives([
      { code: 'A', confidence: 0.5, evidence: [quote(0), quote(1), quote(2)] },
      { code: 'A', confidence: 0.5, evidence: [quote(3), quote(4), quote(1)] },
    ]);

    expect(merged[0].evidence.map((item) => item.segmentIndex)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('mergeMisconceptions', () => {
  it('joins descriptions that differ in case and punctuation', () => {
    const first: Misconception = {
      description: 'Multiplied 16 x 60 wrongly.',
      evidence: [quote(1)],
      resolved: false,
    };
    const second: Misconception = {
      description: 'multiplied 16 x 60 wrongly',
      evidence: [quote(1), quote(3)],
      resolved: true,
      correction: quote(3),
    };
    const other: Misconception = { description: 'Forgot units', evidence: [], resolved: false };

    const merged = mergeMisconceptions([first, other, second]);

    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      description: 'Multiplied 16 x 60 wrongly.',
      evidence: [quote(1), quote(3)],
      resolved: true,
      correction: quote(3),
    });
    expect(merged[1].description).toBe('Forgot units');
  });
});

describe('measureStudentPerformance', () => {
  it('counts turns and the students word share', () => {
    const misconceptions: Misconception[] = [
      { description: 'a', evidence: [], resolved: true },
      { description: 'b', evidence: [], resolved: false },
    ];

    const performance = measureStudentPerformance(TRANSCRIPT, 'Good.', misconceptions);

    expect(performance.studentTurns).toBe(2);
    expect(performance.instructorTurns).toBe(2);
    // Student words: 5 + 6; all words: 5 + 5 + 3 + 6 + 1.
    expect(performance.studentTalkShare).toBeCloseTo(11 / 20);
    expect(performance.errorsFound).toBe(2);
    expect(performance.errorsCorrected).toBe(1);
    expect(performance.summary).toBe('Good.');
  });

  it('returns zero share for a silent transcript', () => {
    const silent = [{ ...TRANSCRIPT[0], text: '   ' }];

    expect(measureStudentPerformance(silent, '', []).studentTalkShare).toBe(0);
  });
});

describe('buildRecapDraft', () => {
  it('joins summaries and removes repeated steps', () => {
    const draft = buildRecapDraft(
      [
        partial({
          summary: 'Part one.',
          studentPerformanceSummary: 'Slow start.',
          nextSteps: ['Practise x.'],
        }),
        partial({
          summary: ' ',
          studentPerformanceSummary: 'Strong finish.',
          nextSteps: ['practise X', 'Review y.'],
        }),
        partial({ summary: 'Part three.', followUps: ['Send worksheet.'] }),
      ],
      TRANSCRIPT,
    );

    expect(draft.summary).toBe('Part one. Part three.');
    expect(draft.studentPerformance.summary).toBe('Slow start. Strong finish.');
    expect(draft.nextSteps).toEqual(['Practise x.', 'Review y.']);
    expect(draft.followUps).toEqual(['Send worksheet.']);
  });
});
