import { OpenAiTestServer, startOpenAiTestServer } from '../../test/support/openai-test-server';
import { AiProviderError, ParentUpdateInput } from '../ai/ai-provider';
import { LocalAiProvider } from '../ai/local/local-ai.provider';
import { OpenAiProvider } from '../ai/openai/openai-provider';
import {
  PARENT_UPDATE_PROMPT_VERSION,
  PARENT_UPDATE_SCHEMA_NAME,
} from '../ai/openai/parent-update-answer';

const INPUT: ParentUpdateInput = {
  language: 'en',
  studentName: 'Sam',
  guardianName: 'Alex Reed',
  sessionTitle: 'Fractions, week 3',
  recapSummary: 'Sam compared fractions with unlike denominators.',
  nextSteps: ['Practise common denominators.'],
  objectiveTitles: ['OBJ.2'],
  studentTalkShare: 0.4,
};

describe('local parent update', () => {
  const provider = new LocalAiProvider();

  it('writes English from the recap', async () => {
    const result = await provider.generateParentUpdate(INPUT);

    expect(result.provider).toBe('local');
    expect(result.draft.language).toBe('en');
    expect(result.draft.languageNote).toBeUndefined();
    expect(result.draft.subject).toContain('Sam');
    expect(result.draft.body).toContain('Dear Alex Reed');
    expect(result.draft.body).toContain('Practise common denominators.');
  });

  it('writes Spanish for a regional tag', async () => {
    const result = await provider.generateParentUpdate({ ...INPUT, language: 'es-MX' });

    expect(result.draft.language).toBe('es');
    expect(result.draft.body).toContain('Próximos pasos');
  });

  it('lists progress on the covered objectives', async () => {
    const progress = [
      { objective: 'Compare fractions', status: 'practicing' as const },
      { objective: 'Add fractions', status: 'introduced' as const },
    ];
    const english = await provider.generateParentUpdate({ ...INPUT, progress });
    const spanish = await provider.generateParentUpdate({ ...INPUT, language: 'es', progress });

    expect(english.draft.body).toContain(
      'Progress so far:\n- Compare fractions: practising\n- Add fractions: introduced',
    );
    expect(spanish.draft.body).toContain('- Compare fractions: en práctica');
  });

  it('falls back to English with a note', async () => {
    const result = await provider.generateParentUpdate({ ...INPUT, language: 'de' });

    expect(result.draft.language).toBe('en');
    expect(result.draft.languageNote).toContain('"de"');
  });

  it('returns the same draft for the same input', async () => {
    const first = await provider.generateParentUpdate(INPUT);
    const second = await provider.generateParentUpdate(INPUT);

    expect(second).toEqual(first);
  });
});

describe('openai parent update', () => {
  let server: OpenAiTestServer;
  const logger = { log: jest.fn(), warn: jest.fn() };

  beforeEach(async () => {
    server = await startOpenAiTestServer();
  });

  afterEach(async () => {
    await server.close();
  });

  function createProvider(): OpenAiProvider {
    return new OpenAiProvider({
      apiKey: 'sk-test-key',
      baseURL: server.url,
      model: 'gpt-4o-mini',
      retryBaseDelayMs: 1,
      timeoutMs: 2_000,
      logger,
    });
  }

  it('requests structured output and stores provenance', async () => {
    server.enqueue({ kind: 'ok', content: { subject: 'Clase de Sam', body: 'Sam trabajó bien.' } });

    const result = await createProvider().generateParentUpdate({ ...INPUT, language: 'es' });
    const request = server.requests[0]?.body as any;

    expect(result.draft).toEqual({
      subject: 'Clase de Sam',
      body: 'Sam trabajó bien.',
      language: 'es',
    });
    expect(result.provider).toBe('openai');
    expect(result.model).toBe('gpt-4o-mini');
    expect(result.promptVersion).toBe(PARENT_UPDATE_PROMPT_VERSION);
    expect(result.usage.requests).toBe(1);
    expect(request.response_format.json_schema.name).toBe(PARENT_UPDATE_SCHEMA_NAME);
    expect(request.response_format.json_schema.strict).toBe(true);
    expect(request.messages[1].content).toContain('"language": "es"');
  });

  it('retries an answer that fails validation', async () => {
    server.enqueue(
      { kind: 'ok', content: { subject: '', body: 'x' } },
      { kind: 'invalid_json' },
      { kind: 'ok', content: { subject: 'Update', body: 'Fine.' } },
    );

    const result = await createProvider().generateParentUpdate(INPUT);

    expect(result.draft.subject).toBe('Update');
    expect(result.usage.requests).toBe(3);
  });

  it('rejects an over-long body after the last attempt', async () => {
    const tooLong = { kind: 'ok' as const, content: { subject: 'Update', body: 'x'.repeat(5001) } };
    server.enqueue(tooLong, tooLong, tooLong);

    const error = await createProvider()
      .generateParentUpdate(INPUT)
      .catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(AiProviderError);
    expect((error as AiProviderError).message).toContain('body has 5001 characters');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a rate limit', async () => {
    server.enqueue(
      { kind: 'status', status: 429 },
      { kind: 'ok', content: { subject: 'Update', body: 'Fine.' } },
    );

    const result = await createProvider().generateParentUpdate(INPUT);

    expect(result.usage.requests).toBe(2);
  });
});
