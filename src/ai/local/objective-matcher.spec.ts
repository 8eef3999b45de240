import { RecapObjective, RecapTranscriptSegment } from '../ai-provider';
import { getObjectiveIndex, matchObjectives } from './objective-matcher';
import { loadCurriculum } from './testing/mathdial-fixtures';
import { analyzeTranscript } from './transcript-analysis';

function segment(
  index: number,
  speakerRole: 'instructor' | 'student',
  text: string,
): RecapTranscriptSegment {
  return {
    index,
    speakerRole,
    speakerName: speakerRole === 'student' ? 'Student A' : 'Tutor',
    startMs: index * 10_000,
    endMs: index * 10_000 + 9_000,
    text,
  };
}

const PERCENT_TALK = analyzeTranscript([
  segment(0, 'instructor', 'What is 15% of the $20000 loan?'),
  segment(1, 'student', 'The interest is 15/100 x $20000 = $3000.'),
  segment(2, 'instructor', 'Good. What percent of 50 is 10?'),
  segment(3, 'student', 'It is 20 percent, because 10/50 = 0.2.'),
]);

describe('matchObjectives', () => {
  let curriculum: RecapObjective[];

  beforeAll(() => {
    curriculum = loadCurriculum();
  });

  it('matches percent talk to percent standards', () => {
    const codes = matchObjectives(PERCENT_TALK, curriculum, []).map((match) => match.coverage.code);

    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(codes.some((code) => code === '6.RP.A.3c' || code === '7.RP.A.3')).toBe(true);
  });

  it('quotes the sentences that support a match', () => {
    const [match] = matchObjectives(PERCENT_TALK, curriculum, []);
    const texts = match.coverage.evidence.map((quote) => quote.text);

    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.some((text) => /%|percent/.test(text))).toBe(true);
  });

  it('boosts planned objectives', () => {
    const unplanned = matchObjectives(PERCENT_TALK, curriculum, []);
    const last = unplanned[unplanned.length - 1];
    const planned = matchObjectives(PERCENT_TALK, curriculum, [last.coverage.code]);
    const boosted = planned.find((match) => match.coverage.code === last.coverage.code);

    expect(boosted?.coverage.confidence).toBeGreaterThan(last.coverage.confidence);
  });

  it('returns nothing without objectives', () => {
    expect(matchObjectives(PERCENT_TALK, [], ['6.RP.A.3c'])).toEqual([]);
  });

  it('returns nothing for talk without math', () => {
    const smallTalk = analyzeTranscript([
      segment(0, 'instructor', 'How is your day going?'),
      segment(1, 'student', 'It is going well, thank you.'),
    ]);

    expect(matchObjectives(smallTalk, curriculum, [])).toEqual([]);
  });
});

describe('getObjectiveIndex', () => {
  it('reuses the index of an equal objective set', () => {
    const curriculum = loadCurriculum();
    const first = getObjectiveIndex(curriculum);
    const second = getObjectiveIndex(curriculum.map((objective) => ({ ...objective })));

    expect(second).toBe(first);
  });

  it('rebuilds the index for an edited objective', () => {
    const curriculum = loadCurriculum();
    const first = getObjectiveIndex(curriculum);
    const edited = curriculum.map((objective, i) =>
      i === 0 ? { ...objective, description: `${objective.description} Edited.` } : objective,
    );

    expect(getObjectiveIndex(edited)).not.toBe(first);
  });
});
