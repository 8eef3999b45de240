import { assessProgress, classifySessionObjective, overrideConfidence } from './progress-rules';

const answer = (sessionId: string, correct: boolean) => ({
  kind: 'check_result' as const,
  sessionId,
  correct,
});

describe('assessProgress', () => {
  it('starts without evidence', () => {
    expect(assessProgress([])).toEqual({ status: 'not_started', confidence: 0 });
  });

  it('introduces from plan and recap', () => {
    const result = assessProgress([
      { kind: 'lesson_plan', sessionId: 's1', correct: null },
      { kind: 'recap', sessionId: 's1', correct: null },
    ]);

    expect(result).toEqual({ status: 'introduced', confidence: 0.3 });
  });

  it('practices after one session of answers', () => {
    const result = assessProgress([answer('s1', true), answer('s1', true)]);

    expect(result.status).toBe('practicing');
    expect(result.confidence).toBe(0.4);
  });

  it('masters over two sessions', () => {
    const result = assessProgress([answer('s1', true), answer('s2', true)]);

    expect(result.status).toBe('mastered');
  });

  it('stays practicing below 80% correct', () => {
    const result = assessProgress([answer('s1', true), answer('s2', false), answer('s2', true)]);

    expect(result.status).toBe('practicing');
  });

  it('gives split answers low confidence', () => {
    const result = assessProgress([answer('s1', true), answer('s2', false)]);

    expect(result.confidence).toBe(0.2);
  });

  it('ignores instructor ratings', () => {
    const result = assessProgress([{ kind: 'instructor_rating', sessionId: null, correct: null }]);

    expect(result.status).toBe('not_started');
  });
});

describe('overrideConfidence', () => {
  it('raises agreeing evidence to 0.8', () => {
    expect(overrideConfidence('practicing', { status: 'practicing', confidence: 0.25 })).toBe(0.8);
  });

  it('uses 0.6 when the evidence disagrees', () => {
    expect(overrideConfidence('introduced', { status: 'mastered', confidence: 0.9 })).toBe(0.6);
  });
});

describe('classifySessionObjective', () => {
  const base = {
    plannedDone: false,
    plannedSkipped: false,
    recapMatched: false,
    checksAnswered: 0,
    checksCorrect: 0,
  };

  it.each([
    ['skipped phase only', { plannedSkipped: true }, 'skipped'],
    ['done phase', { plannedDone: true }, 'covered'],
    ['recap match', { recapMatched: true }, 'covered'],
    ['done and skipped phases', { plannedDone: true, plannedSkipped: true }, 'partially_covered'],
    ['checks only', { checksAnswered: 2, checksCorrect: 2 }, 'partially_covered'],
    ['half correct', { plannedDone: true, checksAnswered: 2, checksCorrect: 1 }, 'covered'],
    [
      'under half correct',
      { plannedDone: true, checksAnswered: 3, checksCorrect: 1 },
      'not_landing',
    ],
    [
      'skipped but checked',
      { plannedSkipped: true, checksAnswered: 1, checksCorrect: 0 },
      'not_landing',
    ],
  ])('classifies %s', (_name, facts, expected) => {
    expect(classifySessionObjective({ ...base, ...facts })).toBe(expected);
  });
});
