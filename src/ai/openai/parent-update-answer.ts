import { LoggerService } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import { AiProviderError, ParentUpdateDraft, ParentUpdateInput } from '../ai-provider';
import {
  AttemptFailure,
  computeBackoffMs,
  describeRequestError,
  RetryPolicy,
} from './retry-policy';
import { UsageMeter } from './usage-meter';

/** Version of the parent update prompt and schema. Change it when either changes. */
export const PARENT_UPDATE_PROMPT_VERSION = 'openai-parent-update-v2';

/** Limits that a stored parent update must meet; the answer is checked against them. */
export const PARENT_UPDATE_ANSWER_LIMITS = { subjectLength: 200, bodyLength: 5000 };

export const PARENT_UPDATE_SCHEMA_NAME = 'parent_update';

const SYSTEM_PROMPT = [
  'You write short updates from a tutor to a parent or guardian about one lesson.',
  'Write in the language given by its BCP 47 tag, in a plain, warm tone, without jargon.',
  'Use only facts from the approved recap; do not invent scores, grades or events.',
  `Keep the subject under 120 characters and the body under 1200 characters.`,
  'Answer with JSON only: {"subject": string, "body": string}.',
].join('\n');

/** Builds the strict JSON schema of the answer: a subject and a body. */
export function buildParentUpdateResponseFormat(): ResponseFormatJSONSchema {
  return {
    type: 'json_schema',
    json_schema: {
      name: PARENT_UPDATE_SCHEMA_NAME,
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['subject', 'body'],
        properties: { subject: { type: 'string' }, body: { type: 'string' } },
      },
    },
  };
}

function renderUserMessage(input: ParentUpdateInput): string {
  return JSON.stringify(
    {
      language: input.language,
      guardianName: input.guardianName,
      studentName: input.studentName,
      sessionTitle: input.sessionTitle,
      recapSummary: input.recapSummary,
      nextSteps: input.nextSteps,
      objectives: input.objectiveTitles,
      studentTalkShare: input.studentTalkShare ?? null,
      progress: input.progress ?? [],
    },
    null,
    2,
  );
}

export type ParentUpdateAnswer = { subject: string; body: string };

/**
 * Checks that a parsed answer has a non-blank subject and body within the stored limits.
 * Returns the problems, each naming its JSON property; an empty list means valid.
 */
export function validateParentUpdateAnswer(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['the answer must be a JSON object with subject and body'];
  }
  const problems: string[] = [];
  const record = value as Record<string, unknown>;
  const fields: [keyof ParentUpdateAnswer, number][] = [
    ['subject', PARENT_UPDATE_ANSWER_LIMITS.subjectLength],
    ['body', PARENT_UPDATE_ANSWER_LIMITS.bodyLength],
  ];
  for (const [field, maxLength] of fields) {
    const text = record[field];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${field} must be a non-empty string`);
    } else if (text.length > maxLength) {
      problems.push(`${field} has ${text.length} characters, above the maximum of ${maxLength}`);
    }
  }

  return problems;
}

type AnswerResult = { answer: ParentUpdateAnswer } | { failure: AttemptFailure };

function answerFailure(reason: string, detail?: string): AttemptFailure {
  return { reason, detail, retry: true, transient: false };
}

/** Reads and validates the answer of one completion; an unusable answer is worth a retry. */
export function readParentUpdateAnswer(completion: ChatCompletion): AnswerResult {
  const choice = completion.choices?.[0];
  if (!choice) {
    return { failure: answerFailure('OpenAI answer contained no choices') };
  }
  if (choice.finish_reason === 'length') {
    return { failure: answerFailure('OpenAI answer was truncated') };
  }
  if (choice.message.refusal) {
    return {
      failure: answerFailure('OpenAI model refused to write the update', choice.message.refusal),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(choice.message.content ?? '');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);

    return { failure: answerFailure('OpenAI answer was not valid JSON', detail) };
  }
  const problems = validateParentUpdateAnswer(parsed);
  if (problems.length > 0) {
    return {
      failure: answerFailure(
        'OpenAI answer did not match the parent update schema',
        problems.join('; '),
      ),
    };
  }
  const answer = parsed as ParentUpdateAnswer;

  return { answer: { subject: answer.subject.trim(), body: answer.body.trim() } };
}

export interface ParentUpdateRequestOptions {
  client: OpenAI;
  model: string;
  maxOutputTokens: number;
  timeoutMs: number;
  retryPolicy: RetryPolicy;
  logger: Pick<LoggerService, 'warn'>;
  signal?: AbortSignal;
}

/**
 * Requests one parent update with structured outputs, retrying rate limits, server errors and
 * invalid answers with backoff until `retryPolicy.maxAttempts` requests were sent.
 */
export async function requestParentUpdate(
  input: ParentUpdateInput,
  options: ParentUpdateRequestOptions,
  meter: UsageMeter,
): Promise<ParentUpdateDraft> {
  const request: ChatCompletionCreateParamsNonStreaming = {
    model: options.model,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: renderUserMessage(input) },
    ],
    response_format: buildParentUpdateResponseFormat(),
    max_completion_tokens: options.maxOutputTokens,
  };
  for (let attempt = 1; ; attempt++) {
    let result: AnswerResult;
    meter.countRequest();
    try {
      const completion = await options.client.chat.completions.create(request, {
        signal: options.signal,
      });
      meter.addUsage(completion.usage);
      result = readParentUpdateAnswer(completion);
    } catch (error) {
      result = { failure: describeRequestError(error, options.timeoutMs) };
    }
    if ('answer' in result) {
      return { ...result.answer, language: input.language };
    }
    const { failure } = result;
    const detail = failure.detail ? `: ${failure.detail}` : '';
    if (!failure.retry || attempt >= options.retryPolicy.maxAttempts) {
      throw new AiProviderError(
        `${failure.reason} after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}${detail}`,
        failure.transient,
        meter.snapshot(),
      );
    }
    const delayMs = Math.min(
      failure.retryAfterMs ?? computeBackoffMs(attempt, options.retryPolicy),
      options.retryPolicy.maxDelayMs,
    );
    options.logger.warn(
      `Retrying OpenAI parent update request in ${delayMs} ms (attempt ${attempt + 1} of ` +
        `${options.retryPolicy.maxAttempts}): ${failure.reason}${detail}`,
    );
    await sleep(delayMs, undefined, { signal: options.signal });
  }
}
