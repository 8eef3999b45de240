import { AppError } from '../common/app-error';
import { buildDefinition, gradeAnswer, normalizeText, parseAnswer } from './activity-answers';
import { Activity } from './activity.entity';
import { CreateActivityInput } from './dto/create-activity.input';

function activity(input: Partial<CreateActivityInput>): Activity {
  const full = { kind: 'check', prompt: 'p', ...input } as CreateActivityInput;

  return Object.assign(new Activity(), {
    questionType: full.questionType,
    ...buildDefinition(full),
  });
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).field;
  }

  return undefined;
}

describe('activity answers', () => {
  const choice = activity({
    questionType: 'multiple_choice',
    options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }],
    correctOptionIds: ['c', 'a'],
  });

  it('gives options default ids and sorts the key', () => {
    expect(choice.options.map((option) => option.id)).toEqual(['a', 'b', 'c']);
    expect(choice.correctOptionIds).toEqual(['a', 'c']);
  });

  it('grades multiple choice as an exact set', () => {
    expect(gradeAnswer(choice, parseAnswer(choice, { optionIds: ['c', 'a'] }))).toBe(true);
    expect(gradeAnswer(choice, parseAnswer(choice, { optionIds: ['a'] }))).toBe(false);
    expect(gradeAnswer(choice, parseAnswer(choice, { optionIds: ['a', 'b', 'c'] }))).toBe(false);
  });

  it('sorts chosen option ids', () => {
    expect(parseAnswer(choice, { optionIds: ['c', 'b'] })).toEqual({ optionIds: ['b', 'c'] });
  });

  it('grades numbers within the tolerance', () => {
    const numeric = activity({ questionType: 'numeric', correctNumber: 0.3, tolerance: 0.01 });

    expect(gradeAnswer(numeric, { number: 0.1 + 0.2 })).toBe(true);
    expect(gradeAnswer(numeric, { number: 0.31 })).toBe(true);
    expect(gradeAnswer(numeric, { number: 0.32 })).toBe(false);
  });

  it('matches text ignoring case and whitespace', () => {
    const text = activity({ questionType: 'short_text', acceptedAnswers: ['Common  Denominator'] });

    expect(normalizeText('  common\tdenominator ')).toBe('common denominator');
    expect(gradeAnswer(text, parseAnswer(text, { text: ' COMMON denominator' }))).toBe(true);
    expect(gradeAnswer(text, parseAnswer(text, { text: 'denominator' }))).toBe(false);
  });

  it('returns null correctness without a key', () => {
    const poll = activity({
      questionType: 'single_choice',
      options: [{ label: 'Yes' }, { label: 'No' }],
    });

    expect(gradeAnswer(poll, parseAnswer(poll, { optionIds: ['a'] }))).toBeNull();
  });

  it('names the field of each invalid answer', () => {
    const single = activity({
      questionType: 'single_choice',
      options: [{ label: 'Yes' }, { label: 'No' }],
    });

    expect(fieldOf(() => parseAnswer(choice, { number: 1 }))).toBe('number');
    expect(fieldOf(() => parseAnswer(choice, {}))).toBe('optionIds');
    expect(fieldOf(() => parseAnswer(choice, { optionIds: ['x'] }))).toBe('optionIds');
    expect(fieldOf(() => parseAnswer(single, { optionIds: ['a', 'b'] }))).toBe('optionIds');
    expect(
      fieldOf(() => parseAnswer(activity({ questionType: 'short_text' }), { text: '   ' })),
    ).toBe('text');
  });

  it('names the field of each invalid definition', () => {
    expect(
      fieldOf(() => activity({ questionType: 'single_choice', options: [{ label: 'x' }] })),
    ).toBe('options');
    expect(fieldOf(() => activity({ questionType: 'numeric', acceptedAnswers: ['1'] }))).toBe(
      'acceptedAnswers',
    );
    expect(fieldOf(() => activity({ questionType: 'numeric', tolerance: 1 }))).toBe('tolerance');
    expect(
      fieldOf(() =>
        activity({
          questionType: 'single_choice',
          options: [{ label: 'x' }, { label: 'y' }],
          correctOptionIds: ['a', 'b'],
        }),
      ),
    ).toBe('correctOptionIds');
  });
});
