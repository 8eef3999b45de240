import { AiProviderError, RecapInput, RecapTranscriptSegment } from '../ai-provider';
import {
  estimateTokens,
  renderSegment,
  renderUserMessageHeader,
  SYSTEM_PROMPT,
} from './recap-prompt';
import { buildRecapJsonSchema } from './recap-schema';

export interface ChunkLimits {
  /** Estimated context window of the model in tokens, shared by prompt and answer. */
  maxContextTokens: number;
  /** Tokens reserved for the answer (`max_completion_tokens`). */
  maxOutputTokens: number;
}

/** Estimated tokens of chat message framing that the text estimate does not include. */
const MESSAGE_OVERHEAD_TOKENS = 50;

/** Smallest transcript budget per request that is still worth a request. */
const MIN_TRANSCRIPT_TOKENS = 100;

/**
 * Splits the transcript into parts whose prompt, by estimate, fits `maxContextTokens`
 * together with the answer. Segments are never split, and parts keep transcript order.
 * Throws a non-retryable AiProviderError when the limits leave too little room.
 */
export function splitTranscript(
  input: RecapInput,
  limits: ChunkLimits,
): RecapTranscriptSegment[][] {
  const budget = estimateTranscriptBudget(input, limits);
  const chunks: RecapTranscriptSegment[][] = [];
  let current: RecapTranscriptSegment[] = [];
  let currentTokens = 0;
  for (const segment of input.transcript) {
    // One line per segment, plus its line break.
    const tokens = estimateTokens(renderSegment(segment)) + 1;
    if (current.length > 0 && currentTokens + tokens > budget) {
      chunks.push(current);
      current = [];
      currentTokens = 0;
    }
    // NOTE: a single segment above the budget is sent alone and may exceed the context window.
    current.push(segment);
    currentTokens += tokens;
  }
  if (current.length > 0) {
    chunks.push(current);
  }

  return chunks;
}

/** Estimates the tokens left for transcript lines in one request. */
export function estimateTranscriptBudget(input: RecapInput, limits: ChunkLimits): number {
  const codes = input.objectives.map((objective) => objective.code);
  // The part count in the header is not known yet, so the estimate uses a wide placeholder.
  const header = renderUserMessageHeader(input, { number: 9999, count: 9999 });
  const fixedTokens =
    estimateTokens(SYSTEM_PROMPT) +
    estimateTokens(header) +
    estimateTokens(JSON.stringify(buildRecapJsonSchema(codes))) +
    MESSAGE_OVERHEAD_TOKENS;
  const budget = limits.maxContextTokens - limits.maxOutputTokens - fixedTokens;
  if (budget < MIN_TRANSCRIPT_TOKENS) {
    throw new AiProviderError(
      `maxContextTokens=${limits.maxContextTokens} leaves an estimated ${budget} tokens for the ` +
        `transcript after ${fixedTokens} prompt tokens and maxOutputTokens=${limits.maxOutputTokens}; ` +
        `at least ${MIN_TRANSCRIPT_TOKENS} are required. Raise maxContextTokens or lower maxOutputTokens.`,
      false,
    );
  }

  return budget;
}
