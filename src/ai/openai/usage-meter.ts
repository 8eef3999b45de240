import type { CompletionUsage } from 'openai/resources/completions';
import { AiUsage } from '../ai-provider';

interface ModelPrice {
  inputUsdPerMillionTokens: number;
  outputUsdPerMillionTokens: number;
}

/**
 * Standard-tier list prices in US dollars per million tokens, an estimate for reporting only.
 * Source: OpenAI's pricing page as tabulated by deploybase.ai/articles/openai-pricing
 * (March 2026) and tokenmath.io/openai-api-pricing-explained (June 2026). Prices change, so
 * treat costUsd as an estimate and bill from the OpenAI dashboard.
 */
const PRICES: Record<string, ModelPrice> = {
  'gpt-4o': { inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 10 },
  'gpt-4o-mini': { inputUsdPerMillionTokens: 0.15, outputUsdPerMillionTokens: 0.6 },
  'gpt-4.1': { inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 8 },
  'gpt-4.1-mini': { inputUsdPerMillionTokens: 0.4, outputUsdPerMillionTokens: 1.6 },
  'gpt-4.1-nano': { inputUsdPerMillionTokens: 0.1, outputUsdPerMillionTokens: 0.4 },
  'gpt-5': { inputUsdPerMillionTokens: 1.25, outputUsdPerMillionTokens: 10 },
  'gpt-5-mini': { inputUsdPerMillionTokens: 0.25, outputUsdPerMillionTokens: 2 },
  'gpt-5-nano': { inputUsdPerMillionTokens: 0.05, outputUsdPerMillionTokens: 0.4 },
};

/** Dated snapshots such as gpt-4o-mini-2024-07-18 cost the same as their alias. */
const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/**
 * Estimates the cost of the tokens at the model's list price, rounded to 1e-6 USD. Returns
 * undefined for a model that is not in the price table.
 */
export function estimateCostUsd(
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | undefined {
  const price = PRICES[model.replace(SNAPSHOT_SUFFIX, '')];
  if (!price) {
    return undefined;
  }

  // NOTE: cached prompt tokens are billed at a discount that this estimate ignores.
  const cost =
    (promptTokens * price.inputUsdPerMillionTokens +
      completionTokens * price.outputUsdPerMillionTokens) /
    1_000_000;

  return Math.round(cost * 1_000_000) / 1_000_000;
}

/** Running totals of token usage and request count across all requests of one recap. */
export class UsageMeter {
  private promptTokens = 0;
  private completionTokens = 0;
  private requests = 0;

  constructor(private readonly model: string) {}

  /** Counts a request as sent, whether or not it succeeds. */
  countRequest(): void {
    this.requests += 1;
  }

  addUsage(usage: CompletionUsage | undefined): void {
    this.promptTokens += usage?.prompt_tokens ?? 0;
    this.completionTokens += usage?.completion_tokens ?? 0;
  }

  snapshot(): AiUsage {
    return {
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      totalTokens: this.promptTokens + this.completionTokens,
      costUsd: estimateCostUsd(this.model, this.promptTokens, this.completionTokens),
      requests: this.requests,
    };
  }
}
