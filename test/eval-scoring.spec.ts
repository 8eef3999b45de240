import { EvidenceQuote, Misconception, RecapDraft } from '../src/ai/ai-provider';
import {
  classifyStatedOutcome,
  codesMatch,
  DialogueAnnotations,
  extractNumbers,
  formatRatio,
  isWrongWorkQuote,
  mentionsNumber,
  resolutionState,
  scoreCoverage,
  scoreDialogue,
  ScoredDialogue,
  summarize,
  termOverlap,
} from '../bench/eval-scoring';

const ANNOTATIONS: DialogueAnnotations = {
  problem: 'Leah earned $28. She spent a seventh of it and put half of the rest in savings.',
  correctSolution:
    'Leah spent 28 / 7 = $4.\nShe had 28 - 4 = $24 left.\n24 / 2 = $12.\n12 - 1 = $11.',
  correctAnswer: '11',
  studentInitialIncorrectSolution: 'She had 12+1 = 13 dollars.\nLeah lost 28-13 = 15 dollars.',
  tutorDescribedConfusion: 'Student kept adding $1 to the wallet rather than taking away.',
  outcome: 'not_solved',
};

function quote(text: string, speakerRole: EvidenceQuote['speakerRole'] = 'student'): EvidenceQuote {
  return { segmentIndex: 1, speaker: 'Student A', speakerRole, startMs: 0, endMs: 1, text };
}

function draft(
  misconceptions: Misconception[],
  summary = 'Student A worked on the problem.',
  performance = 'Student A took 5 turns.',
  codes: string[] = [],
): RecapDraft {
  return {
    summary,
    objectivesCovered: codes.map((code) => ({ code, confidence: 0.8, evidence: [] })),
    misconceptions,
    studentPerformance: {
      summary: performance,
      studentTurns: 5,
      instructorTurns: 5,
      studentTalkShare: 0.5,
      errorsFound: misconceptions.length,
      errorsCorrected: misconceptions.filter((item) => item.resolved).length,
    },
    nextSteps: [],
    followUps: [],
  };
}

describe('isWrongWorkQuote', () => {
  it('accepts a student quote with a wrong value', () => {
    expect(isWrongWorkQuote(quote('She had 12+1 = 13 dollars.'), ANNOTATIONS)).toBe(true);
  });

  it('rejects a student quote of correct work', () => {
    expect(isWrongWorkQuote(quote('Leah spent 28/7 = 4 dollars.'), ANNOTATIONS)).toBe(false);
  });

  it('rejects an instructor quote', () => {
    expect(isWrongWorkQuote(quote('Is it 13 dollars?', 'instructor'), ANNOTATIONS)).toBe(false);
  });

  it('rejects a quote without numbers', () => {
    expect(isWrongWorkQuote(quote('I forgot to subtract.'), ANNOTATIONS)).toBe(false);
  });
});

describe('extractNumbers', () => {
  it('reads money, thousands and decimals', () => {
    expect(extractNumbers('$1,500 and 0.5 and .25 and 3/8')).toEqual([1500, 0.5, 0.25, 3, 8]);
  });

  it('keeps a comma that ends a clause', () => {
    expect(extractNumbers('It was 12, then 13.')).toEqual([12, 13]);
  });
});

describe('mentionsNumber', () => {
  it('finds the answer with a unit and a dollar sign', () => {
    expect(mentionsNumber('Leah lost $11 in the end.', '11')).toBe(true);
  });

  it('does not find the answer inside a larger number', () => {
    expect(mentionsNumber('Leah lost 110 dollars.', '11')).toBe(false);
  });

  it('reads an answer written with a thousands comma', () => {
    expect(mentionsNumber('Her pension is $25000.', '25,000')).toBe(true);
  });
});

describe('termOverlap', () => {
  it('counts shared lemmas in both directions', () => {
    const overlap = termOverlap('The student added the dollar', 'Student kept adding dollars');

    expect(overlap.recall).toBeCloseTo(3 / 4);
    expect(overlap.precision).toBeCloseTo(1);
  });

  it('is zero for an empty description', () => {
    expect(termOverlap('', 'Student kept adding dollars')).toEqual({ recall: 0, precision: 0 });
  });
});

describe('resolutionState', () => {
  const open: Misconception = { description: 'a', evidence: [], resolved: false };
  const resolved: Misconception = { description: 'b', evidence: [], resolved: true };

  it('is none without misconceptions', () => {
    expect(resolutionState(draft([]))).toBe('none');
  });

  it('is open when one is unresolved', () => {
    expect(resolutionState(draft([resolved, open]))).toBe('open');
  });

  it('is resolved when all are resolved', () => {
    expect(resolutionState(draft([resolved, resolved]))).toBe('resolved');
  });
});

describe('classifyStatedOutcome', () => {
  it.each([
    ['The recap found 1 error, and Student A did not correct it.', 'not_solved'],
    ['The recap found 2 errors, and Student A corrected none of them.', 'not_solved'],
    ['Final answer was 17, but the instructor challenged it.', 'not_solved'],
    ['The student never reached the correct answer.', 'not_solved'],
    ['Final answer was 17, and the session ended before the instructor accepted it.', 'not_solved'],
    ['Student A corrected the sum and reached the correct answer of 11.', 'solved'],
    ['Final answer was 11, and the instructor did not challenge it.', 'solved'],
    ['The tutor and student talked about wallets.', 'unclear'],
  ])('classifies "%s"', (text, expected) => {
    expect(classifyStatedOutcome(text)).toBe(expected);
  });
});

describe('codesMatch', () => {
  it('matches a standard and its sub-standard', () => {
    expect(codesMatch('6.RP.A.3', '6.RP.A.3c')).toBe(true);
    expect(codesMatch('6.RP.A.3c', '6.RP.A.3')).toBe(true);
    expect(codesMatch('7.EE.B.4', '7.EE.B.4a')).toBe(true);
  });

  it('does not match sibling or prefix codes', () => {
    expect(codesMatch('6.RP.A.3b', '6.RP.A.3c')).toBe(false);
    expect(codesMatch('6.RP.A.1', '6.RP.A.10')).toBe(false);
  });
});

describe('scoreCoverage', () => {
  it('counts matched predictions and found labels', () => {
    const coverage = scoreCoverage(
      ['7.NS.A.1d', '7.EE.B.3', '6.RP.A.3'],
      ['7.EE.B.3', '6.RP.A.3c'],
    );

    expect(coverage.truePositives).toBe(2);
    expect(coverage.goldFound).toBe(2);
    expect(coverage.topMatches).toBe(false);
  });

  it('scores no predictions as no match', () => {
    const coverage = scoreCoverage([], ['7.EE.B.3']);

    expect(coverage.truePositives).toBe(0);
    expect(coverage.goldFound).toBe(0);
    expect(coverage.topMatches).toBe(false);
  });
});

describe('scoreDialogue', () => {
  it('scores a recap that finds the error and leaves it open', () => {
    const misconception: Misconception = {
      description: 'Added $1 to the wallet instead of taking it away.',
      evidence: [quote('She had 12+1 = 13 dollars.'), quote('Leah spent 28/7 = 4 dollars.')],
      resolved: false,
    };
    const scores = scoreDialogue(
      draft(
        [misconception],
        'Final answer was 17, but the instructor challenged it.',
        'Student A did not correct it.',
        ['7.EE.B.3', '6.NS.B.3'],
      ),
      ANNOTATIONS,
      ['7.EE.B.3', '7.NS.A.3'],
    );

    expect(scores.misconceptionFound).toBe(true);
    expect(scores.evidenceQuotes).toBe(2);
    expect(scores.wrongWorkQuotes).toBe(1);
    expect(scores.descriptionRecall).toBeGreaterThan(0);
    expect(scores.resolution).toBe('open');
    expect(scores.statedOutcome).toBe('not_solved');
    expect(scores.mentionsCorrectAnswer).toBe(false);
    expect(scores.summaryWords).toBe(9);
    expect(scores.coverage.truePositives).toBe(1);
  });
});

describe('summarize', () => {
  const found = scoreDialogue(
    draft(
      [{ description: 'x', evidence: [quote('13 dollars')], resolved: true }],
      'The final answer 11 was right.',
      'Student A corrected it.',
      ['7.EE.B.3'],
    ),
    ANNOTATIONS,
    ['7.EE.B.3'],
  );
  const results: ScoredDialogue[] = [
    { id: 'a', outcome: 'solved', goldCodes: ['7.EE.B.3'], scores: found },
    { id: 'b', outcome: 'not_solved', goldCodes: ['7.EE.B.3'], scores: found },
    {
      id: 'c',
      outcome: 'solved_after_tutor_revealed_answer',
      goldCodes: ['7.EE.B.3'],
      scores: found,
    },
    { id: 'd', outcome: 'not_solved', goldCodes: ['7.NS.A.3'], error: 'timed out' },
  ];
  const summary = summarize(results);

  it('counts a failed recap as a miss', () => {
    expect(summary.failed).toBe(1);
    expect(summary.misconceptionRecall).toEqual({ hits: 3, total: 4 });
    expect(summary.coverageRecall).toEqual({ hits: 3, total: 4 });
  });

  it('leaves revealed answers out of the accuracy', () => {
    expect(summary.resolutionAccuracy).toEqual({ hits: 1, total: 3 });
    expect(summary.statedOutcomeAccuracy).toEqual({ hits: 1, total: 3 });
  });

  it('fills the confusion matrix by outcome', () => {
    expect(summary.resolutionMatrix.solved.resolved).toBe(1);
    expect(summary.resolutionMatrix.not_solved.resolved).toBe(1);
    expect(summary.resolutionMatrix.not_solved.open).toBe(0);
    expect(summary.resolutionMatrix.solved_after_tutor_revealed_answer.resolved).toBe(1);
  });

  it('formats ratios with counts', () => {
    expect(formatRatio(summary.misconceptionRecall)).toBe('0.75 (3/4)');
    expect(formatRatio({ hits: 0, total: 0 })).toBe('n/a');
  });
});
