import { Activity } from './activity.entity';
import { summarizeResponses } from './activity-summary';

const base = {
  id: 'activity-1',
  sessionId: 'session-1',
  kind: 'poll',
  status: 'open',
  anonymous: false,
  correctNumber: null,
  tolerance: null,
  acceptedAnswers: null,
} as const;

describe('summarizeResponses', () => {
  it('counts respondents and selections apart', () => {
    const activity = Object.assign(new Activity(), base, {
      questionType: 'multiple_choice',
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() })),
      correctOptionIds: null,
    });
    const results = summarizeResponses(
      activity,
      [
        { answer: { optionIds: ['a', 'b', 'c'] }, correct: null },
        { answer: { optionIds: ['a', 'b', 'd'] }, correct: null },
      ],
      5,
      { revealKey: true, includeTexts: true },
    );

    expect(results.respondents).toBe(2);
    expect(results.selections).toBe(6);
    expect(results.eligible).toBe(5);
    expect(results.options.map((option) => option.count)).toEqual([2, 2, 1, 1]);
    expect(results.correctCount).toBeNull();
    expect(results.correctShare).toBeNull();
  });

  it('summarizes numbers and correctness', () => {
    const activity = Object.assign(new Activity(), base, {
      kind: 'check',
      questionType: 'numeric',
      options: [],
      correctOptionIds: null,
      correctNumber: 4,
      tolerance: 0,
    });
    const results = summarizeResponses(
      activity,
      [4, 5, 1, 4].map((number) => ({ answer: { number }, correct: number === 4 })),
      4,
      { revealKey: true, includeTexts: true },
    );

    expect(results.numeric).toEqual({ count: 4, min: 1, max: 5, mean: 3.5, median: 4 });
    expect(results.selections).toBe(4);
    expect(results.correctCount).toBe(2);
    expect(results.incorrectCount).toBe(2);
    expect(results.correctShare).toBe(0.5);
  });

  it('groups text answers only when asked', () => {
    const activity = Object.assign(new Activity(), base, {
      questionType: 'short_text',
      options: [],
      correctOptionIds: null,
    });
    const rows = ['Blue', ' blue ', 'Red'].map((text) => ({ answer: { text }, correct: null }));

    expect(
      summarizeResponses(activity, rows, 3, { revealKey: true, includeTexts: true }).textAnswers,
    ).toEqual([
      { answer: 'blue', count: 2 },
      { answer: 'red', count: 1 },
    ]);
    expect(
      summarizeResponses(activity, rows, 3, { revealKey: true, includeTexts: false }).textAnswers,
    ).toEqual([]);
  });
});
