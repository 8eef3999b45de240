import { badInput } from '../common/app-error';
import { ActivityAnswer } from './activity-response.entity';
import {
  Activity,
  ActivityOption,
  MAX_OPTIONS,
  MIN_OPTIONS,
  QuestionType,
} from './activity.entity';
import { ActivityResponseInput } from './dto/activity-response.input';
import { CreateActivityInput } from './dto/create-activity.input';

/** The question and answer key of a new activity, checked against its question type. */
export interface ActivityDefinition {
  options: ActivityOption[];
  correctOptionIds: string[] | null;
  correctNumber: number | null;
  tolerance: number | null;
  acceptedAnswers: string[] | null;
}

type AnswerKey = Pick<
  Activity,
  | 'questionType'
  | 'options'
  | 'correctOptionIds'
  | 'correctNumber'
  | 'tolerance'
  | 'acceptedAnswers'
>;

const ANSWER_FIELDS: Record<QuestionType, keyof ActivityAnswer> = {
  single_choice: 'optionIds',
  multiple_choice: 'optionIds',
  numeric: 'number',
  short_text: 'text',
};

const isChoice = (type: QuestionType): boolean =>
  type === 'single_choice' || type === 'multiple_choice';

/** Lower-cases, trims and collapses inner whitespace, so "  Three  Quarters" matches "three quarters". */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Default option ids by position: a, b, c, … */
function defaultOptionId(index: number): string {
  return String.fromCharCode('a'.charCodeAt(0) + index);
}

/** Raises BAD_USER_INPUT for each key field that the question type does not use. */
function rejectUnusedKeys(input: CreateActivityInput): void {
  const type = input.questionType;
  const unused: [keyof CreateActivityInput, boolean][] = [
    ['options', !isChoice(type)],
    ['correctOptionIds', !isChoice(type)],
    ['correctNumber', type !== 'numeric'],
    ['tolerance', type !== 'numeric'],
    ['acceptedAnswers', type !== 'short_text'],
  ];
  for (const [field, isUnused] of unused) {
    if (isUnused && input[field] !== undefined && input[field] !== null) {
      throw badInput(
        field,
        `${field} does not apply to ${type} questions. Remove it, or change questionType.`,
        'FIELD_NOT_FOR_QUESTION_TYPE',
      );
    }
  }
}

function buildOptions(input: CreateActivityInput): ActivityOption[] {
  const options = input.options ?? [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    throw badInput(
      'options',
      `A ${input.questionType} question needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options; got ${options.length}.`,
      'OPTION_COUNT',
    );
  }
  const built = options.map((option, index) => ({
    id: option.id ?? defaultOptionId(index),
    label: option.label,
  }));
  const seen = new Set<string>();
  built.forEach((option, index) => {
    if (seen.has(option.id)) {
      throw badInput(
        `options.${index}.id`,
        `options.${index}.id "${option.id}" repeats an earlier option id. Give every option its own id.`,
        'DUPLICATE_OPTION_ID',
      );
    }
    seen.add(option.id);
  });

  return built;
}

function checkCorrectOptions(
  input: CreateActivityInput,
  options: ActivityOption[],
): string[] | null {
  const correct = input.correctOptionIds;
  if (!correct) {
    return null;
  }
  const known = new Set(options.map((option) => option.id));
  const unknown = correct.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badInput(
      'correctOptionIds',
      `correctOptionIds names ids that are not options: ${unknown.join(', ')}. Use ids from options: ${[...known].join(', ')}.`,
      'UNKNOWN_OPTION_ID',
    );
  }
  if (input.questionType === 'single_choice' && correct.length !== 1) {
    throw badInput(
      'correctOptionIds',
      `A single_choice question has exactly one correct option; got ${correct.length}.`,
      'SINGLE_CHOICE_KEY',
    );
  }

  return [...correct].sort();
}

/** Checks the options and answer key of a new activity and returns what to store. */
export function buildDefinition(input: CreateActivityInput): ActivityDefinition {
  rejectUnusedKeys(input);
  const definition: ActivityDefinition = {
    options: [],
    correctOptionIds: null,
    correctNumber: null,
    tolerance: null,
    acceptedAnswers: null,
  };
  if (isChoice(input.questionType)) {
    definition.options = buildOptions(input);
    definition.correctOptionIds = checkCorrectOptions(input, definition.options);
  } else if (input.questionType === 'numeric') {
    if (input.tolerance !== undefined && input.tolerance !== null && input.correctNumber == null) {
      throw badInput(
        'tolerance',
        'tolerance needs correctNumber. Set correctNumber, or remove tolerance.',
        'TOLERANCE_WITHOUT_KEY',
      );
    }
    definition.correctNumber = input.correctNumber ?? null;
    definition.tolerance = input.correctNumber == null ? null : (input.tolerance ?? 0);
  } else {
    const accepted = input.acceptedAnswers;
    if (accepted) {
      const blank = accepted.findIndex((answer) => normalizeText(answer) === '');
      if (blank >= 0) {
        throw badInput(
          `acceptedAnswers.${blank}`,
          `acceptedAnswers.${blank} is blank. Every accepted answer needs visible text.`,
          'BLANK_ACCEPTED_ANSWER',
        );
      }
    }
    definition.acceptedAnswers = accepted ?? null;
  }

  return definition;
}

export function hasCorrectAnswer(key: AnswerKey): boolean {
  return (
    key.correctOptionIds !== null || key.correctNumber !== null || key.acceptedAnswers !== null
  );
}

/**
 * Checks a response against the question type and returns the answer to store, with option ids
 * sorted so that the same choice always stores the same value.
 */
export function parseAnswer(key: AnswerKey, input: ActivityResponseInput): ActivityAnswer {
  const type = key.questionType;
  const expected = ANSWER_FIELDS[type];
  for (const field of ['optionIds', 'number', 'text'] as const) {
    if (field !== expected && input[field] !== undefined && input[field] !== null) {
      throw badInput(
        field,
        `${field} does not answer a ${type} question; send ${expected} instead.`,
        'WRONG_ANSWER_SHAPE',
      );
    }
  }
  if (input[expected] === undefined || input[expected] === null) {
    throw badInput(
      expected,
      `A ${type} question is answered with ${expected}; it is missing.`,
      'ANSWER_MISSING',
    );
  }
  if (type === 'numeric') {
    return { number: input.number as number };
  }
  if (type === 'short_text') {
    const text = (input.text as string).trim();
    if (text === '') {
      throw badInput('text', 'text is blank. Send the answer as visible text.', 'BLANK_ANSWER');
    }

    return { text };
  }

  return { optionIds: checkChosenOptions(key, input.optionIds as string[]) };
}

function checkChosenOptions(key: AnswerKey, optionIds: string[]): string[] {
  const known = new Set(key.options.map((option) => option.id));
  const unknown = optionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badInput(
      'optionIds',
      `optionIds names ids that are not options of this activity: ${unknown.map((id) => `"${id}"`).join(', ')}. ` +
        `Choose from: ${[...known].join(', ')}.`,
      'UNKNOWN_OPTION_ID',
    );
  }
  const unique = [...new Set(optionIds)].sort();
  if (unique.length !== optionIds.length) {
    throw badInput(
      'optionIds',
      'optionIds names an option more than once. Name each chosen option once.',
      'DUPLICATE_OPTION_ID',
    );
  }
  if (key.questionType === 'single_choice' && unique.length !== 1) {
    throw badInput(
      'optionIds',
      `A single_choice question takes exactly one option id; got ${unique.length}.`,
      'SINGLE_CHOICE_ANSWER',
    );
  }

  return unique;
}

/** Returns whether the answer matches the key, or null when the activity has no correct answer. */
export function gradeAnswer(key: AnswerKey, answer: ActivityAnswer): boolean | null {
  if (!hasCorrectAnswer(key)) {
    return null;
  }
  switch (key.questionType) {
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = answer.optionIds ?? [];
      const correct = key.correctOptionIds ?? [];

      return chosen.length === correct.length && chosen.every((id) => correct.includes(id));
    }
    case 'numeric': {
      const correct = key.correctNumber ?? 0;
      // Binary floating point cannot store 0.1 or 0.3 exactly, so 0.1 + 0.2 must still match 0.3.
      const slack = 1e-9 * Math.max(1, Math.abs(correct));

      return Math.abs((answer.number ?? Number.NaN) - correct) <= (key.tolerance ?? 0) + slack;
    }
    case 'short_text': {
      const normalized = normalizeText(answer.text ?? '');

      return (key.acceptedAnswers ?? []).some((accepted) => normalizeText(accepted) === normalized);
    }
  }
}
