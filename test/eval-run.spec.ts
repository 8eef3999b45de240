import { LocalAiProvider } from '../src/ai/local/local-ai.provider';
import { OpenAiProvider } from '../src/ai/openai/openai-provider';
import { renderSection } from '../bench/eval';
import { runEval } from '../bench/eval-run';
import { OpenAiTestServer, startOpenAiTestServer } from './support/openai-test-server';

/** One chat of each outcome: solved, not solved, and solved after the tutor gave the answer. */
const DIALOGUES = ['mathdial-5000268-s1', 'mathdial-5000008-s2', 'mathdial-6000070-s4'];

describe('eval with the local provider', () => {
  it('scores three dialogues', async () => {
    const [run] = await runEval({ providers: [new LocalAiProvider()], dialogueIds: DIALOGUES });

    expect(run.provider).toBe('local');
    expect(run.dialogues.map((dialogue) => dialogue.id)).toEqual(DIALOGUES);
    expect(run.summary.dialogues).toBe(3);
    expect(run.summary.failed).toBe(0);
    expect(run.summary.misconceptionRecall).toEqual({ hits: 3, total: 3 });
    expect(run.summary.evidencePrecision.total).toBeGreaterThan(0);
    expect(run.summary.coverageRecall.total).toBe(7);
  });

  it('leaves the wrong final answer of a not-solved chat open', async () => {
    const [run] = await runEval({
      providers: [new LocalAiProvider()],
      dialogueIds: ['mathdial-5000008-s2'],
    });
    const [scored] = run.dialogues;

    expect(scored.scores?.resolution).toBe('open');
    expect(scored.scores?.statedOutcome).toBe('not_solved');
  });

  it('renders a results section', async () => {
    const runs = await runEval({ providers: [new LocalAiProvider()], dialogueIds: DIALOGUES });
    const section = renderSection(runs, 'openai was skipped because OPENAI_API_KEY is not set.');

    expect(section).toMatch(/^## Recap quality\n/);
    expect(section).toContain('| Misconception recall: dialogues with at least one | 1.00 (3/3) |');
    expect(section).toContain('openai was skipped');
    expect(section).toContain('| not_solved |');
  });
});

describe('eval with the openai provider', () => {
  let server: OpenAiTestServer;

  beforeAll(async () => {
    server = await startOpenAiTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('scores the recaps of an OpenAI-compatible server', async () => {
    const provider = new OpenAiProvider({
      apiKey: 'test-key',
      baseURL: server.url,
      model: 'test-model',
      logger: { log: () => undefined, warn: () => undefined },
    });
    const before = server.requests.length;
    const [run] = await runEval({ providers: [provider], dialogueIds: DIALOGUES, concurrency: 2 });

    expect(server.requests.length - before).toBe(3);
    expect(run.provider).toBe('openai');
    expect(run.model).toBe('test-model');
    expect(run.summary.failed).toBe(0);
    expect(run.usage.requests).toBe(3);
    expect(run.usage.totalTokens).toBeGreaterThan(0);
    // The test server flags the first student line as an error in every chat.
    expect(run.summary.misconceptionRecall).toEqual({ hits: 3, total: 3 });
    expect(run.summary.evidencePrecision.total).toBe(3);
  });

  it('counts a failed recap as a miss', async () => {
    const provider = new OpenAiProvider({
      apiKey: 'test-key',
      baseURL: server.url,
      model: 'test-model',
      maxAttempts: 1,
      logger: { log: () => undefined, warn: () => undefined },
    });
    server.enqueue({ kind: 'status', status: 400, message: 'Scripted bad request' });
    const [run] = await runEval({ providers: [provider], dialogueIds: DIALOGUES.slice(0, 2) });

    expect(run.summary.failed).toBe(1);
    expect(run.dialogues[0].error).toContain('Scripted bad request');
    expect(run.summary.misconceptionRecall).toEqual({ hits: 1, total: 2 });
  });
});
