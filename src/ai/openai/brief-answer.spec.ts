import { OpenAiTestServer, startOpenAiTestServer } from '../../../test/support/openai-test-server';
import { AiProviderError, BriefDraft, BriefInput, BriefRecapFacts } from '../ai-provider';
import {
  BRIEF_PROMPT_VERSION,
  BRIEF_SCHEMA_NAME,
  estimateBriefPromptTokens,
  fitBriefInput,
  validateBriefAnswer,
} from './brief-answer';
import { OpenAiProvider, OpenAiProviderOptions } from './openai-provider';
import { estimateCostUsd } from './usage-meter';

function recap(index: number): BriefRecapFacts {
  return {
    recapId: `00000000-0000-4000-8000-00000000000${index}`,
    sessionId: `10000000-0000-4000-8000-00000000000${index}`,
    sessionTitle: `Fractions, week ${index}`,
    startedAt: `2026-03-0${index}T15:00:00.000Z`,
    summary: `Week ${index}: `.padEnd(2_000, 'fractions and more fractions. '),
    nextSteps: ['Practise unlike denominators.'],
    objectiveCodes: ['OBJ.1'],
  };
}

const INPUT: BriefInput = {
  sessionId: '20000000-0000-4000-8000-000000000000',
  sessionTitle: 'Fractions, week 5',
  scheduledStart: '2026-03-30T15:00:00.000Z',
  plannedObjectives: [{ code: 'OBJ.1', title: 'Add fractions' }],
  recentSessions: [recap(1), recap(2), recap(3)],
  openMisconceptions: [
    {
      description: 'Adds the denominators when adding fractions.',
      recapId: recap(1).recapId,
      sessionId: recap(1).sessionId,
      sessionTitle: recap(1).sessionTitle,
      startedAt: recap(1).startedAt,
    },
  ],
  students: [
    {
      studentId: '30000000-0000-4000-8000-000000000000',
      name: 'Sam',
      progress: [{ objectiveCode: 'OBJ.1', objectiveTitle: 'Add fractions', status: 'practicing' }],
      attendance: { sessions: 3, attended: 3, late: 1, absent: 0 },
      engagement: { scores: [70, 60, 50], slope: -10, trend: 'falling' },
    },
  ],
};

const ANSWER: BriefDraft = {
  summary: 'Sam still adds denominators; start with a fraction strip.',
  focusPoints: ['Open misconception: adds the denominators.'],
  warmUpQuestions: [
    { question: 'What is 1/2 + 1/3?', gap: 'Adds the denominators when adding fractions.' },
  ],
};

describe('OpenAI brief', () => {
  let server: OpenAiTestServer;
  const logger = { log: jest.fn(), warn: jest.fn() };

  beforeEach(async () => {
    server = await startOpenAiTestServer();
    logger.log.mockClear();
    logger.warn.mockClear();
  });

  afterEach(async () => {
    await server.close();
  });

  function createProvider(options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider {
    return new OpenAiProvider({
      apiKey: 'sk-test-key',
      baseURL: server.url,
      model: 'gpt-4o-mini',
      retryBaseDelayMs: 1,
      timeoutMs: 2_000,
      logger,
      ...options,
    });
  }

  it('returns a validated draft with usage and cost', async () => {
    server.enqueue({ kind: 'ok', content: ANSWER });

    const result = await createProvider().generateBrief(INPUT);

    expect(result.draft).toEqual(ANSWER);
    expect(result.provider).toBe('openai');
    expect(result.promptVersion).toBe(BRIEF_PROMPT_VERSION);
    expect(result.omittedRecapIds).toEqual([]);
    expect(result.usage.requests).toBe(1);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBe(result.usage.promptTokens + result.usage.completionTokens);
    expect(result.usage.costUsd).toBe(
      estimateCostUsd('gpt-4o-mini', result.usage.promptTokens, result.usage.completionTokens),
    );
    const request = server.requests[0].body;
    expect(request.response_format).toMatchObject({ json_schema: { name: BRIEF_SCHEMA_NAME, strict: true } });
    expect(JSON.stringify(request.messages)).toContain('Adds the denominators');
  });

  it('waits for retry-after on a rate limit', async () => {
    server.enqueue(
      { kind: 'status', status: 429, headers: { 'retry-after': '0.05' } },
      { kind: 'ok', content: ANSWER },
    );

    const started = Date.now();
    const result = await createProvider().generateBrief(INPUT);

    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(result.usage.requests).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('attempt 2 of 3'));
  });

  it('retries a server error', async () => {
    server.enqueue({ kind: 'status', status: 503 }, { kind: 'ok', content: ANSWER });

    const result = await createProvider().generateBrief(INPUT);

    expect(result.usage.requests).toBe(2);
  });

  it('retries after a timeout', async () => {
    server.enqueue({ kind: 'hang' }, { kind: 'ok', content: ANSWER });

    const result = await createProvider({ timeoutMs: 200 }).generateBrief(INPUT);

    expect(result.draft).toEqual(ANSWER);
    expect(result.usage.requests).toBe(2);
  });

  it('retries a truncated answer and counts its tokens', async () => {
    server.enqueue({ kind: 'truncated' }, { kind: 'ok', content: ANSWER });

    const result = await createProvider({ maxOutputTokens: 300 }).generateBrief(INPUT);

    expect(result.usage.requests).toBe(2);
    expect(result.usage.completionTokens).toBeGreaterThanOrEqual(300);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('truncated'));
  });

  it('retries malformed JSON', async () => {
    server.enqueue({ kind: 'invalid_json' }, { kind: 'ok', content: ANSWER });

    const result = await createProvider().generateBrief(INPUT);

    expect(result.draft).toEqual(ANSWER);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not valid JSON'));
  });

  it('fails after repeated invalid answers', async () => {
    server.enqueue(
      { kind: 'invalid_json' },
      { kind: 'ok', content: { summary: '', focusPoints: [], warmUpQuestions: [] } },
      { kind: 'truncated' },
    );

    const error = await createProvider()
      .generateBrief(INPUT)
      .catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(AiProviderError);
    expect((error as AiProviderError).message).toContain('truncated');
    expect((error as AiProviderError).message).toContain('after 3 attempts');
    expect((error as AiProviderError).retryable).toBe(false);
    expect((error as AiProviderError).usage?.requests).toBe(3);
  });

  it('trims the oldest recaps to fit the context window', async () => {
    server.enqueue({ kind: 'ok', content: ANSWER });
    const withoutOldest = { ...INPUT, recentSessions: INPUT.recentSessions.slice(1) };
    const maxOutputTokens = 500;
    // Room for the two newest recaps, not for all three.
    const maxContextTokens = estimateBriefPromptTokens(withoutOldest) + maxOutputTokens + 10;

    const result = await createProvider({ maxContextTokens, maxOutputTokens }).generateBrief(INPUT);

    expect(result.omittedRecapIds).toEqual([recap(1).recapId]);
    expect(result.input.recentSessions.map((item) => item.recapId)).toEqual([
      recap(2).recapId,
      recap(3).recapId,
    ]);
    expect(result.input.openMisconceptions).toHaveLength(1);
    const sent = JSON.stringify(server.requests[0].body.messages);
    expect(sent).not.toContain('Week 1: ');
    expect(sent).toContain('Week 3: ');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('left out the 1 oldest recaps'));
  });

  it('drops misconceptions after every recap', () => {
    const bare = { ...INPUT, recentSessions: [], openMisconceptions: [] };
    const maxContextTokens = estimateBriefPromptTokens(bare) + 100;

    const fit = fitBriefInput(INPUT, { maxContextTokens, maxOutputTokens: 100 });

    expect(fit.omittedRecapIds).toHaveLength(3);
    expect(fit.omittedMisconceptions).toBe(1);
  });

  it('fails when nothing fits', async () => {
    const error = await createProvider({ maxContextTokens: 600, maxOutputTokens: 500 })
      .generateBrief(INPUT)
      .catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(AiProviderError);
    expect((error as AiProviderError).retryable).toBe(false);
    expect((error as AiProviderError).message).toContain('Raise maxContextTokens');
    expect(server.requests).toHaveLength(0);
  });
});

describe('validateBriefAnswer', () => {
  it('accepts a valid answer', () => {
    expect(validateBriefAnswer(ANSWER)).toEqual([]);
  });

  it('names each invalid property', () => {
    const problems = validateBriefAnswer({
      summary: ' ',
      focusPoints: Array(13).fill('Point'),
      warmUpQuestions: [{ question: 'Why?' }],
    });

    expect(problems).toEqual([
      'summary must be a non-empty string',
      'focusPoints has 13 items, above the maximum of 12',
      'warmUpQuestions[0].gap must be a non-empty string',
    ]);
  });

  it('rejects a non-object', () => {
    expect(validateBriefAnswer([])).toHaveLength(1);
  });
});
