import { estimateCostUsd, UsageMeter } from './usage-meter';

describe('estimateCostUsd', () => {
  it('prices gpt-4o-mini per million tokens', () => {
    expect(estimateCostUsd('gpt-4o-mini', 1_000_000, 1_000_000)).toBe(0.75);
  });

  it('prices a dated snapshot like its alias', () => {
    expect(estimateCostUsd('gpt-4o-2024-08-06', 2_000, 500)).toBe(0.01);
  });

  it('returns undefined for an unknown model', () => {
    expect(estimateCostUsd('my-fine-tune', 1_000, 1_000)).toBeUndefined();
  });
});

describe('UsageMeter', () => {
  it('sums usage and counts requests without usage', () => {
    const meter = new UsageMeter('gpt-4.1-mini');
    meter.countRequest();
    meter.addUsage({ prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 });
    meter.countRequest();
    meter.countRequest();
    meter.addUsage({ prompt_tokens: 500, completion_tokens: 100, total_tokens: 600 });
    meter.addUsage(undefined);

    expect(meter.snapshot()).toEqual({
      promptTokens: 1_500,
      completionTokens: 300,
      totalTokens: 1_800,
      costUsd: 0.00108,
      requests: 3,
    });
  });
});
