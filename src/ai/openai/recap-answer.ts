import type { ChatCompletion } from 'openai/resources/chat/completions';
import { AttemptFailure } from './retry-policy';
import { AnswerEvidence, AnswerMisconception, AnswerObjective, RecapAnswer } from './recap-schema';

export type AnswerResult = { answer: RecapAnswer } | { failure: AttemptFailure };

export type AnswerValidation =
  { valid: true; answer: RecapAnswer } | { valid: false; problems: string[] };

/** Maximum number of schema problems quoted in an error message. */
const MAX_REPORTED_PROBLEMS = 5;

/**
 * Reads the recap answer from a chat completion. A truncated, refused, non-JSON or
 * schema-invalid answer becomes a failure that the caller may retry.
 */
export function readRecapAnswer(
  completion: ChatCompletion,
  objectiveCodes: ReadonlySet<string>,
  maxOutputTokens: number,
): AnswerResult {
  const choice = completion.choices?.[0];
  if (!choice) {
    return { failure: answerFailure('OpenAI answer contained no choices') };
  }
  if (choice.finish_reason === 'length') {
    return {
      failure: answerFailure(
        `OpenAI answer was truncated at max_completion_tokens=${maxOutputTokens}`,
      ),
    };
  }
  if (choice.message.refusal) {
    return {
      failure: answerFailure('OpenAI model refused to write the recap', choice.message.refusal),
    };
  }
  if (choice.finish_reason === 'content_filter') {
    return { failure: answerFailure('OpenAI answer was stopped by the content filter') };
  }

  return parseAnswerContent(choice.message.content ?? '', objectiveCodes);
}

function parseAnswerContent(content: string, objectiveCodes: ReadonlySet<string>): AnswerResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);

    return { failure: answerFailure('OpenAI answer was not valid JSON', detail) };
  }

  const validation = validateRecapAnswer(parsed, objectiveCodes);
  if (!validation.valid) {
    const reportedProblems = validation.problems.slice(0, MAX_REPORTED_PROBLEMS);
    const omittedCount = validation.problems.length - reportedProblems.length;
    const omitted = omittedCount > 0 ? `; and ${omittedCount} more` : '';
    const detail = reportedProblems.join('; ') + omitted;

    return { failure: answerFailure('OpenAI answer did not match the recap schema', detail) };
  }

  return { answer: validation.answer };
}

/** Describes an unusable answer, which is worth another request but not a later job. */
function answerFailure(reason: string, detail?: string): AttemptFailure {
  return { reason, detail, retry: true, transient: false };
}

/**
 * Checks that a parsed answer has the RecapAnswer shape and cites only objective codes from
 * the input. Each problem names the JSON path, such as `objectivesCovered[0].code`.
 * Properties that the schema does not list are ignored.
 */
export function validateRecapAnswer(
  value: unknown,
  objectiveCodes: ReadonlySet<string>,
): AnswerValidation {
  const problems: string[] = [];
  const root = readObject(value, 'answer', problems);
  const answer: RecapAnswer = {
    summary: readString(root.summary, 'summary', problems),
    objectivesCovered: readArray(root.objectivesCovered, 'objectivesCovered', problems).map(
      (item, i) => readObjective(item, `objectivesCovered[${i}]`, objectiveCodes, problems),
    ),
    misconceptions: readArray(root.misconceptions, 'misconceptions', problems).map((item, i) =>
      readMisconception(item, `misconceptions[${i}]`, problems),
    ),
    studentPerformanceSummary: readString(
      root.studentPerformanceSummary,
      'studentPerformanceSummary',
      problems,
    ),
    nextSteps: readStringList(root.nextSteps, 'nextSteps', problems),
    followUps: readStringList(root.followUps, 'followUps', problems),
  };
  if (typeof root.summary === 'string' && answer.summary.trim() === '') {
    problems.push('summary must not be empty');
  }
  if (problems.length > 0) {
    return { valid: false, problems };
  }

  return { valid: true, answer };
}

function readObjective(
  value: unknown,
  path: string,
  objectiveCodes: ReadonlySet<string>,
  problems: string[],
): AnswerObjective {
  const item = readObject(value, path, problems);
  const code = readString(item.code, `${path}.code`, problems);
  if (typeof item.code === 'string' && !objectiveCodes.has(code)) {
    problems.push(`${path}.code "${code}" is not one of the input objectives`);
  }
  const confidence = readNumber(item.confidence, `${path}.confidence`, problems);
  if (typeof item.confidence === 'number' && !(confidence >= 0 && confidence <= 1)) {
    problems.push(`${path}.confidence must be between 0 and 1, got ${confidence}`);
  }

  return {
    code,
    confidence,
    evidence: readEvidenceList(item.evidence, `${path}.evidence`, problems),
  };
}

function readMisconception(value: unknown, path: string, problems: string[]): AnswerMisconception {
  const item = readObject(value, path, problems);
  const correction =
    item.correction === null ? null : readEvidence(item.correction, `${path}.correction`, problems);

  return {
    description: readString(item.description, `${path}.description`, problems),
    evidence: readEvidenceList(item.evidence, `${path}.evidence`, problems),
    resolved: readBoolean(item.resolved, `${path}.resolved`, problems),
    correction,
  };
}

function readEvidenceList(value: unknown, path: string, problems: string[]): AnswerEvidence[] {
  return readArray(value, path, problems).map((item, i) =>
    readEvidence(item, `${path}[${i}]`, problems),
  );
}

function readEvidence(value: unknown, path: string, problems: string[]): AnswerEvidence {
  const item = readObject(value, path, problems);
  const segmentIndex = readNumber(item.segmentIndex, `${path}.segmentIndex`, problems);
  if (typeof item.segmentIndex === 'number' && !Number.isInteger(segmentIndex)) {
    problems.push(`${path}.segmentIndex must be an integer, got ${segmentIndex}`);
  }

  return { segmentIndex, quote: readString(item.quote, `${path}.quote`, problems) };
}

function readObject(value: unknown, path: string, problems: string[]): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  problems.push(`${path} must be an object, got ${describeType(value)}`);

  return {};
}

function readArray(value: unknown, path: string, problems: string[]): unknown[] {
  if (Array.isArray(value)) {
    return value;
  }
  problems.push(`${path} must be an array, got ${describeType(value)}`);

  return [];
}

function readStringList(value: unknown, path: string, problems: string[]): string[] {
  return readArray(value, path, problems).map((item, i) =>
    readString(item, `${path}[${i}]`, problems),
  );
}

function readString(value: unknown, path: string, problems: string[]): string {
  if (typeof value === 'string') {
    return value;
  }
  problems.push(`${path} must be a string, got ${describeType(value)}`);

  return '';
}

function readNumber(value: unknown, path: string, problems: string[]): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  problems.push(`${path} must be a number, got ${describeType(value)}`);

  return 0;
}

function readBoolean(value: unknown, path: string, problems: string[]): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  problems.push(`${path} must be a boolean, got ${describeType(value)}`);

  return false;
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }

  return Array.isArray(value) ? 'array' : typeof value;
}
