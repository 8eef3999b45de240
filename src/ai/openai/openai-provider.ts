import { Logger, LoggerService } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import {
  AiProvider,
  AiProviderError,
  BriefInput,
  BriefResult,
  ParentUpdateInput,
  ParentUpdateResult,
  RecapInput,
  RecapResult,
  RecapTranscriptSegment,
} from '../ai-provider';
import { BRIEF_PROMPT_VERSION, fitBriefInput, requestBrief } from './brief-answer';
import { PARENT_UPDATE_PROMPT_VERSION, requestParentUpdate } from './parent-update-answer';
import { AnswerResult, readRecapAnswer } from './recap-answer';
import { buildRecapDraft, PartialRecap, toPartialRecap } from './recap-draft';
import { PROMPT_VERSION, renderUserMessage, SYSTEM_PROMPT, TranscriptPart } from './recap-prompt';
import { RecapAnswer, buildRecapResponseFormat } from './recap-schema';
import {
  AttemptFailure,
  computeBackoffMs,
  describeRequestError,
  RetryPolicy,
} from './retry-policy';
import { ChunkLimits, splitTranscript } from './transcript-chunks';
import { UsageMeter } from './usage-meter';

export interface OpenAiProviderOptions {
  apiKey: string;
  /** Base URL of the API with its version path, such as http://127.0.0.1:8080/v1. Defaults to OpenAI. */
  baseURL?: string;
  model: string;
  /** Estimated context window in tokens per request, prompt and answer together. Default 100000. */
  maxContextTokens?: number;
  /** `max_completion_tokens` of each request. Default 4096. */
  maxOutputTokens?: number;
  /** Maximum wait in ms for the response headers of one request. Default 60000. */
  timeoutMs?: number;
  /** Maximum requests per transcript part, including the first. Default 3. */
  maxAttempts?: number;
  /** Delay in ms before the first retry, doubled for each further retry. Default 500. */
  retryBaseDelayMs?: number;
  /** Maximum delay in ms before a retry. A longer `retry-after` fails at once. Default 30000. */
  maxRetryDelayMs?: number;
  logger?: Pick<LoggerService, 'log' | 'warn'>;
}

const DEFAULTS = {
  maxContextTokens: 100_000,
  maxOutputTokens: 4_096,
  timeoutMs: 60_000,
  maxAttempts: 3,
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 30_000,
};

/** Session id and transcript part of a request, for log lines. */
interface RequestContext {
  sessionId: string;
  part: TranscriptPart;
}

/**
 * Writes recap drafts with an OpenAI chat model and structured outputs. The client's own
 * retries are off, so that this class retries with logging and counts every request. Parts of
 * a long transcript are sent one after another and merged without another model call.
 */
export class OpenAiProvider implements AiProvider {
  readonly name = 'openai' as const;
  readonly model: string;
  private readonly client: OpenAI;
  private readonly limits: ChunkLimits;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly logger: Pick<LoggerService, 'log' | 'warn'>;

  constructor(options: OpenAiProviderOptions) {
    if (!options.apiKey) {
      throw new TypeError('OpenAiProvider apiKey is missing: set OPENAI_API_KEY.');
    }
    if (!options.model) {
      throw new TypeError('OpenAiProvider model is missing: set a model name such as gpt-4o-mini.');
    }
    const settings = { ...DEFAULTS, ...definedOptions(options) };
    for (const [name, value] of Object.entries(settings)) {
      if (typeof value === 'number' && !(Number.isInteger(value) && value > 0)) {
        throw new RangeError(
          `OpenAiProvider option ${name}=${value} is invalid: expected a positive integer.`,
        );
      }
    }

    this.model = options.model;
    this.timeoutMs = settings.timeoutMs;
    this.limits = {
      maxContextTokens: settings.maxContextTokens,
      maxOutputTokens: settings.maxOutputTokens,
    };
    this.retryPolicy = {
      maxAttempts: settings.maxAttempts,
      baseDelayMs: settings.retryBaseDelayMs,
      maxDelayMs: settings.maxRetryDelayMs,
    };
    this.logger = options.logger ?? new Logger(OpenAiProvider.name);
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: settings.timeoutMs,
    });
  }

  async generateRecap(
    input: RecapInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<RecapResult> {
    if (input.transcript.length === 0) {
      throw new AiProviderError(
        `Session ${input.sessionId} has an empty transcript, so there is nothing to recap.`,
        false,
      );
    }

    const chunks = splitTranscript(input, this.limits);
    const meter = new UsageMeter(this.model);
    const partials: PartialRecap[] = [];
    for (const [i, segments] of chunks.entries()) {
      const context = { sessionId: input.sessionId, part: { number: i + 1, count: chunks.length } };
      const answer = await this.requestAnswer(input, segments, context, meter, options.signal);
      partials.push(toPartialRecap(answer, segments));
    }

    const usage = meter.snapshot();
    this.logger.log(
      `Wrote OpenAI recap for session ${input.sessionId}: ${chunks.length} parts, ${usage.requests} requests, ${usage.totalTokens} tokens`,
    );

    return {
      draft: buildRecapDraft(partials, input.transcript),
      provider: this.name,
      model: this.model,
      promptVersion: PROMPT_VERSION,
      usage,
    };
  }

  /** Writes one parent update with structured outputs; the answer is validated before it returns. */
  async generateParentUpdate(
    input: ParentUpdateInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<ParentUpdateResult> {
    const meter = new UsageMeter(this.model);
    const draft = await requestParentUpdate(
      input,
      {
        client: this.client,
        model: this.model,
        maxOutputTokens: this.limits.maxOutputTokens,
        timeoutMs: this.timeoutMs,
        retryPolicy: this.retryPolicy,
        logger: this.logger,
        signal: options.signal,
      },
      meter,
    );

    return {
      draft,
      provider: this.name,
      model: this.model,
      promptVersion: PARENT_UPDATE_PROMPT_VERSION,
      usage: meter.snapshot(),
    };
  }

  /**
   * Writes one brief with structured outputs. An input above the context window loses its
   * oldest recaps first, then its oldest open misconceptions (see fitBriefInput).
   */
  async generateBrief(
    input: BriefInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<BriefResult> {
    const fit = fitBriefInput(input, this.limits);
    if (fit.omittedRecapIds.length > 0 || fit.omittedMisconceptions > 0) {
      this.logger.warn(
        `Brief input of session ${input.sessionId} exceeds maxContextTokens=${this.limits.maxContextTokens}: ` +
          `left out the ${fit.omittedRecapIds.length} oldest recaps and ${fit.omittedMisconceptions} oldest misconceptions`,
      );
    }
    const meter = new UsageMeter(this.model);
    const draft = await requestBrief(
      fit.input,
      {
        client: this.client,
        model: this.model,
        maxOutputTokens: this.limits.maxOutputTokens,
        timeoutMs: this.timeoutMs,
        retryPolicy: this.retryPolicy,
        logger: this.logger,
        signal: options.signal,
      },
      meter,
    );
    const usage = meter.snapshot();
    this.logger.log(
      `Wrote OpenAI brief for session ${input.sessionId}: ${usage.requests} requests, ${usage.totalTokens} tokens`,
    );

    return {
      draft,
      provider: this.name,
      model: this.model,
      promptVersion: BRIEF_PROMPT_VERSION,
      usage,
      input: fit.input,
      omittedRecapIds: fit.omittedRecapIds,
    };
  }

  /** Sends one transcript part, retrying until the answer is valid or attempts run out. */
  private async requestAnswer(
    input: RecapInput,
    segments: RecapTranscriptSegment[],
    context: RequestContext,
    meter: UsageMeter,
    signal: AbortSignal | undefined,
  ): Promise<RecapAnswer> {
    const request = this.buildRequest(input, segments, context.part);
    const objectiveCodes = new Set(input.objectives.map((objective) => objective.code));
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        throw new AiProviderError(
          'OpenAI request was aborted by the caller',
          true,
          meter.snapshot(),
        );
      }

      const result = await this.sendRequest(request, objectiveCodes, meter, signal);
      if ('answer' in result) {
        return result.answer;
      }

      const { failure } = result;
      if (!failure.retry || attempt >= this.retryPolicy.maxAttempts) {
        throw toProviderError(failure, attempt, meter);
      }

      const delayMs = this.computeRetryDelayMs(failure, attempt, meter);
      this.logger.warn(
        `Retrying OpenAI request for session ${context.sessionId}, part ${context.part.number} of ` +
          `${context.part.count}, in ${delayMs} ms (attempt ${attempt + 1} of ${this.retryPolicy.maxAttempts}): ` +
          describeFailure(failure),
      );
      await this.waitBeforeRetry(delayMs, meter, signal);
    }
  }

  private buildRequest(
    input: RecapInput,
    segments: RecapTranscriptSegment[],
    part: TranscriptPart,
  ): ChatCompletionCreateParamsNonStreaming {
    const objectiveCodes = input.objectives.map((objective) => objective.code);

    return {
      model: this.model,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: renderUserMessage(input, segments, part) },
      ],
      response_format: buildRecapResponseFormat(objectiveCodes),
      max_completion_tokens: this.limits.maxOutputTokens,
    };
  }

  private async sendRequest(
    request: ChatCompletionCreateParamsNonStreaming,
    objectiveCodes: ReadonlySet<string>,
    meter: UsageMeter,
    signal: AbortSignal | undefined,
  ): Promise<AnswerResult> {
    let completion: ChatCompletion;
    meter.countRequest();
    try {
      completion = await this.client.chat.completions.create(request, { signal });
    } catch (error) {
      return { failure: describeRequestError(error, this.timeoutMs) };
    }
    meter.addUsage(completion.usage);

    return readRecapAnswer(completion, objectiveCodes, this.limits.maxOutputTokens);
  }

  /** Uses the server's `retry-after` when present, else exponential backoff with jitter. */
  private computeRetryDelayMs(failure: AttemptFailure, attempt: number, meter: UsageMeter): number {
    const { retryAfterMs } = failure;
    if (retryAfterMs === undefined) {
      return computeBackoffMs(attempt, this.retryPolicy);
    }
    if (retryAfterMs > this.retryPolicy.maxDelayMs) {
      const message =
        `${failure.reason}, and the server requested a ${Math.round(retryAfterMs)} ms wait, ` +
        `above maxRetryDelayMs=${this.retryPolicy.maxDelayMs}; try again later`;
      throw new AiProviderError(message, true, meter.snapshot());
    }

    return Math.ceil(retryAfterMs);
  }

  private async waitBeforeRetry(
    delayMs: number,
    meter: UsageMeter,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    try {
      await sleep(delayMs, undefined, { signal });
    } catch (error) {
      if (signal?.aborted) {
        throw new AiProviderError(
          'OpenAI request was aborted by the caller',
          true,
          meter.snapshot(),
        );
      }
      throw error;
    }
  }
}

function toProviderError(
  failure: AttemptFailure,
  attempts: number,
  meter: UsageMeter,
): AiProviderError {
  const tries = failure.retry
    ? ` after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`
    : '';
  const detail = failure.detail ? `: ${failure.detail}` : '';

  return new AiProviderError(
    `${failure.reason}${tries}${detail}`,
    failure.transient,
    meter.snapshot(),
  );
}

function describeFailure(failure: AttemptFailure): string {
  return failure.detail ? `${failure.reason}: ${failure.detail}` : failure.reason;
}

/** Drops options that are explicitly undefined, so that they do not hide the defaults. */
function definedOptions(options: OpenAiProviderOptions): Partial<typeof DEFAULTS> {
  const numbers: Partial<typeof DEFAULTS> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    if (options[key] !== undefined) {
      numbers[key] = options[key];
    }
  }

  return numbers;
}
