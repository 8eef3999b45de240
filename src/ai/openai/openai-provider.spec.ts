import { loadMathDialRecapInput } from '../../../test/support/mathdial-recap-input';
import { OpenAiTestServer, startOpenAiTestServer } from '../../../test/support/openai-test-server';
import { AiProviderError, RecapInput } from '../ai-provider';
import { OpenAiProvider, OpenAiProviderOptions } from './openai-provider';
import { formatTimestamp, PROMPT_VERSION, SYSTEM_PROMPT } from './recap-prompt';
import { RecapAnswer } from './recap-schema';
import { estimateTranscriptBudget, splitTranscript } from './transcript-chunks';
import { estimateCostUsd } from './usage-meter';

const OBJECTIVE_CODES = ['7.EE.B.3', '7.RP.A.3'];
const LONG_SESSION_FILES = [
  'mathdial-5000005-s3.json',
  'mathdial-5000616-s5.json',
  'mathdial-6000067-s3.json',
];

describe('OpenAiProvider', () => {
  let server: OpenAiTestServer;
  const logger = { log: jest.fn(), warn: jest.fn() };
  const input = loadMathDialRecapInput(['mathdial-5000005-s3.json'], OBJECTIVE_CODES);

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

  /** A valid answer for `input` that the test may alter before queueing it. */
  function validAnswer(overrides: Partial<RecapAnswer> = {}): RecapAnswer {
    return {
      summary: 'The tutor helped Student A find the error in the monthly sales total.',
      objectivesCovered: [
        {
          code: '7.EE.B.3',
          confidence: 0.9,
          evidence: [{ segmentIndex: 1, quote: 'Noah earned 8 x $60 = $480' }],
        },
      ],
      misconceptions: [],
      studentPerformanceSummary: 'Student A explained each step.',
      nextSteps: ['Practise multi-step problems.'],
      followUps: [],
      ...overrides,
    };
  }

  async function catchProviderError(promise: Promise<unknown>): Promise<AiProviderError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AiProviderError);

    return error as AiProviderError;
  }

  describe('happy path', () => {
    it('writes a validated draft', async () => {
      const result = await createProvider().generateRecap(input);

      expect(result.provider).toBe('openai');
      expect(result.model).toBe('gpt-4o-mini');
      expect(result.promptVersion).toBe(PROMPT_VERSION);
      const [objective] = result.draft.objectivesCovered;
      expect(result.draft.objectivesCovered).toHaveLength(1);
      expect(objective.code).toBe('7.EE.B.3');
      expect(objective.confidence).toBe(0.8);
      expect(objective.evidence[0]).toEqual({
        segmentIndex: 0,
        speaker: 'Tutor',
        speakerRole: 'instructor',
        startMs: input.transcript[0].startMs,
        endMs: input.transcript[0].endMs,
        text: 'Hi Student A, could you talk me through',
      });
      expect(objective.evidence[1].speakerRole).toBe('student');
      expect(objective.evidence[1].startMs).toBe(input.transcript[1].startMs);
      const [misconception] = result.draft.misconceptions;
      expect(misconception.resolved).toBe(true);
      const lastStudent = input.transcript.filter((s) => s.speakerRole === 'student').pop();
      expect(misconception.correction?.segmentIndex).toBe(lastStudent?.index);
    });

    it('measures student performance from the transcript', async () => {
      const { draft } = await createProvider().generateRecap(input);

      const students = input.transcript.filter((s) => s.speakerRole === 'student');
      expect(draft.studentPerformance.studentTurns).toBe(students.length);
      expect(draft.studentPerformance.instructorTurns).toBe(
        input.transcript.length - students.length,
      );
      expect(draft.studentPerformance.studentTalkShare).toBeGreaterThan(0.5);
      expect(draft.studentPerformance.studentTalkShare).toBeLessThan(1);
      expect(draft.studentPerformance.errorsFound).toBe(1);
      expect(draft.studentPerformance.errorsCorrected).toBe(1);
      expect(draft.studentPerformance.summary).toContain('Student A');
    });

    it('records usage and estimated cost', async () => {
      const { usage } = await createProvider().generateRecap(input);

      expect(usage.requests).toBe(1);
      expect(usage.promptTokens).toBeGreaterThan(500);
      expect(usage.completionTokens).toBeGreaterThan(50);
      expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
      expect(usage.costUsd).toBe(
        estimateCostUsd('gpt-4o-mini', usage.promptTokens, usage.completionTokens),
      );
      expect(usage.costUsd).toBeGreaterThan(0);
    });

    it('sends the model and a strict json_schema', async () => {
      await createProvider({ maxOutputTokens: 2_000 }).generateRecap(input);

      const [{ body, headers }] = server.requests;
      expect(body.model).toBe('gpt-4o-mini');
      expect(body.max_completion_tokens).toBe(2_000);
      expect(headers.authorization).toBe('Bearer sk-test-key');
      expect(body.response_format?.type).toBe('json_schema');
      const format = body.response_format as {
        json_schema: { name: string; strict: boolean; schema: any };
      };
      expect(format.json_schema.name).toBe('session_recap');
      expect(format.json_schema.strict).toBe(true);
      const objectiveSchema = format.json_schema.schema.properties.objectivesCovered.items;
      expect(objectiveSchema.properties.code.enum).toEqual(OBJECTIVE_CODES);
      expect(objectiveSchema.additionalProperties).toBe(false);
    });

    it('renders the prompt and transcript lines', async () => {
      await createProvider().generateRecap(input);

      const [system, user] = server.requests[0].body.messages;
      expect(system).toEqual({ role: 'system', content: SYSTEM_PROMPT });
      expect(user.role).toBe('user');
      const userText = user.content as string;
      const time = formatTimestamp(input.transcript[1].startMs);
      expect(userText).toContain(`\n[1] (${time}) Student Student A: Sure. Noah earned 8 x $60`);
      expect(userText).toContain('[0] (00:00) Instructor Tutor: Hi Student A');
      expect(userText).toContain('Session part 1 of 1.');
      expect(userText).toContain('"code":"7.EE.B.3"');
      expect(userText.split('\n').filter((line) => /^\[\d+\] /.test(line))).toHaveLength(
        input.transcript.length,
      );
    });

    it('leaves cost undefined for an unknown model', async () => {
      const { usage } = await createProvider({ model: 'local-llama-3' }).generateRecap(input);

      expect(usage.costUsd).toBeUndefined();
      expect(server.requests[0].body.model).toBe('local-llama-3');
    });
  });

  describe('HTTP errors', () => {
    it('retries HTTP 429 after retry-after-ms', async () => {
      server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '300' } });
      const startedAt = Date.now();

      const { usage } = await createProvider().generateRecap(input);

      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
      expect(usage.requests).toBe(2);
      expect(server.requests).toHaveLength(2);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toContain('in 300 ms (attempt 2 of 3)');
      expect(logger.warn.mock.calls[0][0]).toContain('HTTP 429');
    });

    it('retries HTTP 429 after retry-after seconds', async () => {
      server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
      const startedAt = Date.now();

      const { usage } = await createProvider().generateRecap(input);

      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
      expect(usage.requests).toBe(2);
    });

    it('fails when retry-after exceeds maxRetryDelayMs', async () => {
      server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '120' } });

      const error = await catchProviderError(
        createProvider({ maxRetryDelayMs: 5_000 }).generateRecap(input),
      );

      expect(error.message).toContain('requested a 120000 ms wait, above maxRetryDelayMs=5000');
      expect(error.retryable).toBe(true);
      expect(server.requests).toHaveLength(1);
    });

    it('fails after HTTP 500 on every attempt', async () => {
      server.enqueue(
        ...Array(3).fill({ kind: 'status', status: 500, message: 'The server had an error' }),
      );

      const error = await catchProviderError(createProvider().generateRecap(input));

      expect(error.message).toBe(
        'OpenAI request failed with HTTP 500 after 3 attempts: The server had an error',
      );
      expect(error.retryable).toBe(true);
      expect(error.usage?.requests).toBe(3);
      expect(server.requests).toHaveLength(3);
      expect(logger.warn).toHaveBeenCalledTimes(2);
    });

    it('recovers from HTTP 503', async () => {
      server.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 502 });

      const { usage } = await createProvider().generateRecap(input);

      expect(usage.requests).toBe(3);
    });

    it.each([
      [400, 'OpenAI rejected the request with HTTP 400: Scripted HTTP 400'],
      [401, 'OpenAI rejected the request with HTTP 401; check OPENAI_API_KEY: Scripted HTTP 401'],
      [404, 'OpenAI rejected the request with HTTP 404: Scripted HTTP 404'],
      [422, 'OpenAI rejected the request with HTTP 422: Scripted HTTP 422'],
    ])('fails at once on HTTP %i', async (status, message) => {
      server.enqueue({ kind: 'status', status });

      const error = await catchProviderError(createProvider().generateRecap(input));

      expect(error.message).toBe(message);
      expect(error.retryable).toBe(false);
      expect(server.requests).toHaveLength(1);
    });

    // NOTE: under jest-environment-node, fetch rejects with a DOMException from another realm,
    // which the `openai` client does not recognise as an abort, so it reports the timeout as
    // APIConnectionError instead of APIConnectionTimeoutError. Plain Node 20 reports the
    // timeout class, and retry-policy.spec.ts checks the message for it.
    it('retries after a timeout', async () => {
      server.enqueue({ kind: 'hang' });
      const startedAt = Date.now();

      const { usage } = await createProvider({ timeoutMs: 300 }).generateRecap(input);

      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
      expect(usage.requests).toBe(2);
      expect(server.requests).toHaveLength(2);
      expect(logger.warn).toHaveBeenCalledTimes(1);
    });

    it('fails after timeouts on every attempt', async () => {
      server.enqueue({ kind: 'hang' }, { kind: 'hang' });

      const error = await catchProviderError(
        createProvider({ timeoutMs: 200, maxAttempts: 2 }).generateRecap(input),
      );

      expect(error.message).toMatch(
        /^OpenAI request (timed out after 200 ms|failed to connect) after 2 attempts/,
      );
      expect(error.retryable).toBe(true);
      expect(server.requests).toHaveLength(2);
    });

    it('fails on a refused connection', async () => {
      await server.close();
      const provider = createProvider({ maxAttempts: 2 });

      const error = await catchProviderError(provider.generateRecap(input));

      expect(error.message).toMatch(/^OpenAI request failed to connect after 2 attempts/);
      expect(error.retryable).toBe(true);
      server = await startOpenAiTestServer();
    });

    it('stops when the caller aborts', async () => {
      server.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);

      const error = await catchProviderError(
        createProvider({ timeoutMs: 10_000 }).generateRecap(input, { signal: controller.signal }),
      );

      expect(error.message).toBe('OpenAI request was aborted by the caller');
      expect(error.retryable).toBe(true);
      expect(server.requests).toHaveLength(1);
    });

    it('stops waiting when the caller aborts', async () => {
      server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '5000' } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const startedAt = Date.now();

      const error = await catchProviderError(
        createProvider({ maxRetryDelayMs: 10_000 }).generateRecap(input, {
          signal: controller.signal,
        }),
      );

      expect(error.message).toBe('OpenAI request was aborted by the caller');
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(error.usage?.requests).toBe(1);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('answer problems', () => {
    it('retries a truncated answer', async () => {
      server.enqueue({ kind: 'truncated' });

      const { draft, usage } = await createProvider({ maxOutputTokens: 1_000 }).generateRecap(
        input,
      );

      expect(draft.objectivesCovered[0].code).toBe('7.EE.B.3');
      expect(usage.requests).toBe(2);
      expect(usage.completionTokens).toBeGreaterThan(1_000);
      expect(logger.warn.mock.calls[0][0]).toContain('truncated at max_completion_tokens=1000');
    });

    it('fails after truncation on every attempt', async () => {
      server.enqueue(...Array(3).fill({ kind: 'truncated' }));

      const error = await catchProviderError(
        createProvider({ maxOutputTokens: 1_000 }).generateRecap(input),
      );

      expect(error.message).toBe(
        'OpenAI answer was truncated at max_completion_tokens=1000 after 3 attempts',
      );
      expect(error.retryable).toBe(false);
      expect(error.usage?.completionTokens).toBe(3_000);
    });

    it('fails after invalid JSON on every attempt', async () => {
      server.enqueue(...Array(3).fill({ kind: 'invalid_json' }));

      const error = await catchProviderError(createProvider().generateRecap(input));

      expect(error.message).toMatch(/^OpenAI answer was not valid JSON after 3 attempts: /);
      expect(error.message).toContain('JSON');
      expect(error.retryable).toBe(false);
      expect(error.usage?.requests).toBe(3);
      expect(error.usage?.promptTokens).toBeGreaterThan(0);
    });

    it('fails after refusals', async () => {
      server.enqueue(...Array(2).fill({ kind: 'refusal', refusal: 'I cannot help with that.' }));

      const error = await catchProviderError(
        createProvider({ maxAttempts: 2 }).generateRecap(input),
      );

      expect(error.message).toBe(
        'OpenAI model refused to write the recap after 2 attempts: I cannot help with that.',
      );
    });

    it('rejects an unknown objective code', async () => {
      const answer = validAnswer();
      answer.objectivesCovered[0].code = '9.ZZ.9';
      server.enqueue(...Array(3).fill({ kind: 'ok', content: answer }));

      const error = await catchProviderError(createProvider().generateRecap(input));

      expect(error.message).toBe(
        'OpenAI answer did not match the recap schema after 3 attempts: ' +
          'objectivesCovered[0].code "9.ZZ.9" is not one of the input objectives',
      );
      expect(error.retryable).toBe(false);
    });

    it('rejects wrong types', async () => {
      const answer = {
        ...validAnswer(),
        objectivesCovered: [{ code: '7.EE.B.3', confidence: 'high', evidence: [] }],
        misconceptions: [{ description: 'x', evidence: {}, resolved: 'yes', correction: null }],
        nextSteps: 'practise',
      };
      server.enqueue(...Array(3).fill({ kind: 'ok', content: answer }));

      const error = await catchProviderError(createProvider().generateRecap(input));

      expect(error.message).toContain(
        'objectivesCovered[0].confidence must be a number, got string',
      );
      expect(error.message).toContain('misconceptions[0].evidence must be an array, got object');
      expect(error.message).toContain('misconceptions[0].resolved must be a boolean, got string');
      expect(error.message).toContain('nextSteps must be an array, got string');
    });

    it('recovers from a schema-invalid answer', async () => {
      server.enqueue({ kind: 'ok', content: { summary: 'Only a summary.' } });

      const { draft, usage } = await createProvider().generateRecap(input);

      expect(draft.objectivesCovered[0].code).toBe('7.EE.B.3');
      expect(usage.requests).toBe(2);
      expect(logger.warn.mock.calls[0][0]).toContain(
        'objectivesCovered must be an array, got undefined',
      );
    });

    it('drops evidence with unknown segment indexes', async () => {
      const answer = validAnswer({
        misconceptions: [
          {
            description: 'Added last month to this month.',
            evidence: [
              { segmentIndex: 999, quote: 'invented' },
              { segmentIndex: 11, quote: 'not verbatim' },
            ],
            resolved: true,
            correction: { segmentIndex: -1, quote: 'invented' },
          },
        ],
      });
      answer.objectivesCovered[0].evidence.push({ segmentIndex: 500, quote: 'invented' });
      server.enqueue({ kind: 'ok', content: answer });

      const { draft } = await createProvider().generateRecap(input);

      const [objective] = draft.objectivesCovered;
      expect(objective.evidence.map((quote) => quote.segmentIndex)).toEqual([1]);
      expect(objective.evidence[0].text).toBe('Noah earned 8 x $60 = $480');
      const [misconception] = draft.misconceptions;
      expect(misconception.evidence.map((quote) => quote.segmentIndex)).toEqual([11]);
      expect(misconception.evidence[0].text).toBe(input.transcript[11].text);
      expect(misconception.correction).toBeUndefined();
    });
  });

  describe('long transcripts', () => {
    const longInput = loadMathDialRecapInput(LONG_SESSION_FILES, OBJECTIVE_CODES);
    const maxOutputTokens = 500;
    // Leaves room for about 900 estimated transcript tokens per request.
    const promptTokens =
      1_000_000 -
      estimateTranscriptBudget(longInput, { maxContextTokens: 1_000_000, maxOutputTokens: 0 });
    const maxContextTokens = promptTokens + maxOutputTokens + 900;

    function transcriptIndexes(userText: string): number[] {
      return userText
        .split('\n')
        .flatMap((line) => /^\[(\d+)\] /.exec(line)?.[1] ?? [])
        .map(Number);
    }

    it('splits into parts that cover the transcript', async () => {
      const provider = createProvider({ maxContextTokens, maxOutputTokens });

      const { usage } = await provider.generateRecap(longInput);

      const parts = server.requests.map((request) =>
        transcriptIndexes(request.body.messages[1].content as string),
      );
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(parts.flat()).toEqual(longInput.transcript.map((segment) => segment.index));
      expect(server.requests[0].body.messages[1].content).toContain(
        `Session part 1 of ${parts.length}.`,
      );
      expect(usage.requests).toBe(parts.length);
      for (const request of server.requests) {
        const characters = request.body.messages.reduce(
          (sum, m) => sum + (m.content as string).length,
          0,
        );
        expect(Math.ceil(characters / 4)).toBeLessThan(maxContextTokens - maxOutputTokens);
      }
    });

    it('merges the partial recaps', async () => {
      const provider = createProvider({ maxContextTokens, maxOutputTokens });

      const { draft } = await provider.generateRecap(longInput);

      const partCount = server.requests.length;
      expect(draft.objectivesCovered).toHaveLength(1);
      const evidenceIndexes = draft.objectivesCovered[0].evidence.map(
        (quote) => quote.segmentIndex,
      );
      expect(evidenceIndexes).toHaveLength(5);
      expect(new Set(evidenceIndexes).size).toBe(5);
      expect(draft.misconceptions).toHaveLength(1);
      expect(draft.misconceptions[0].evidence.length).toBeGreaterThan(1);
      expect(draft.summary.match(/worked through/g)).toHaveLength(partCount);
      expect(draft.nextSteps).toEqual(['Practise two more problems of the same kind.']);
      expect(draft.studentPerformance.studentTurns).toBe(
        longInput.transcript.filter((s) => s.speakerRole === 'student').length,
      );
    });

    it('keeps the maximum confidence across parts', async () => {
      const provider = createProvider({ maxContextTokens, maxOutputTokens });
      const partCount = splitTranscript(longInput, { maxContextTokens, maxOutputTokens }).length;
      const lastIndex = longInput.transcript[longInput.transcript.length - 1].index;
      const answers = Array.from({ length: partCount }, (_, part) =>
        validAnswer({
          objectivesCovered: [
            {
              code: '7.RP.A.3',
              confidence: part === partCount - 1 ? 0.95 : 0.3,
              evidence: [{ segmentIndex: part === partCount - 1 ? lastIndex : 0, quote: '' }],
            },
          ],
        }),
      );
      server.enqueue(...answers.map((content) => ({ kind: 'ok' as const, content })));

      const { draft } = await provider.generateRecap(longInput);

      const [objective] = draft.objectivesCovered;
      expect(objective.code).toBe('7.RP.A.3');
      expect(objective.confidence).toBe(0.95);
      expect(objective.evidence.map((quote) => quote.segmentIndex)).toEqual([lastIndex, 0]);
    });

    it('rejects a context window too small for the prompt', async () => {
      const error = await catchProviderError(
        createProvider({ maxContextTokens: 2_000, maxOutputTokens: 1_900 }).generateRecap(
          longInput,
        ),
      );

      expect(error.message).toMatch(/^maxContextTokens=2000 leaves an estimated -?\d+ tokens/);
      expect(error.retryable).toBe(false);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('input checks', () => {
    it('rejects an empty transcript', async () => {
      const empty: RecapInput = { ...input, transcript: [] };

      const error = await catchProviderError(createProvider().generateRecap(empty));

      expect(error.message).toContain('has an empty transcript');
      expect(server.requests).toHaveLength(0);
    });

    it('rejects invalid options', () => {
      expect(() => createProvider({ maxAttempts: 0 })).toThrow(
        'OpenAiProvider option maxAttempts=0 is invalid: expected a positive integer.',
      );
      expect(() => createProvider({ apiKey: '' })).toThrow('OpenAiProvider apiKey is missing');
    });
  });
});
