import {
  AiProviderError,
  EvidenceQuote,
  RecapInput,
  RecapObjective,
  RecapResult,
} from '../ai-provider';
import { LocalAiProvider } from './local-ai.provider';
import {
  concatenateDialogues,
  findsAnnotatedError,
  loadCurriculum,
  loadDialogues,
  MathDialDialogue,
  toRecapInput,
} from './testing/mathdial-fixtures';
import { countWords } from './text-utils';

/** Chats of every outcome: solved, solved after the tutor revealed the answer, not solved. */
const CHATS = [
  'mathdial-5000005-s3',
  'mathdial-5000268-s1',
  'mathdial-5000994-s3',
  'mathdial-6000028-s2',
  'mathdial-6000069-s4',
  'mathdial-6000070-s4',
  'mathdial-5000008-s2',
  'mathdial-5000185-s1',
  'mathdial-5000943-s2',
  'mathdial-5001062-s4',
];

/** Chats where the top error should quote the student's first worked solution. */
const FIRST_SOLUTION_CHATS = ['mathdial-5000005-s3', 'mathdial-5000185-s1', 'mathdial-5001062-s4'];

/** Minimum number of the 30 chats whose annotated wrong solution the recap must quote. */
const MIN_ANNOTATED_ERRORS_FOUND = 25;

describe('LocalAiProvider', () => {
  const provider = new LocalAiProvider();
  let dialogues: MathDialDialogue[];
  let curriculum: RecapObjective[];
  const results = new Map<string, RecapResult>();

  beforeAll(async () => {
    dialogues = loadDialogues();
    curriculum = loadCurriculum();
    for (const dialogue of dialogues) {
      results.set(dialogue.id, await provider.generateRecap(toRecapInput(dialogue, curriculum)));
    }
  });

  function dialogue(id: string): MathDialDialogue {
    const found = dialogues.find((candidate) => candidate.id === id);
    if (!found) {
      throw new Error(`Chat ${id} not found in examples/data/transcripts/mathdial`);
    }

    return found;
  }

  function recap(id: string): RecapResult {
    const result = results.get(id);
    if (!result) {
      throw new Error(`No recap for chat ${id}`);
    }

    return result;
  }

  /** Checks that a quote is a sentence of the segment it names, within its times. */
  function expectQuoteInTranscript(input: RecapInput, quote: EvidenceQuote): void {
    const segment = input.transcript.find((candidate) => candidate.index === quote.segmentIndex);

    expect(segment).toBeDefined();
    expect(segment?.text).toContain(quote.text);
    expect(segment?.speakerRole).toBe(quote.speakerRole);
    expect(quote.startMs).toBeGreaterThanOrEqual(segment?.startMs ?? Infinity);
    expect(quote.endMs).toBeLessThanOrEqual(segment?.endMs ?? -Infinity);
    expect(quote.startMs).toBeLessThanOrEqual(quote.endMs);
  }

  it.each(CHATS)('finds the annotated error in %s', (id) => {
    const { misconceptions } = recap(id).draft;

    expect(misconceptions.some((item) => findsAnnotatedError(dialogue(id), item))).toBe(true);
  });

  it(`finds annotated errors in ${MIN_ANNOTATED_ERRORS_FOUND} of 30 chats`, () => {
    const found = dialogues.filter((chat) =>
      recap(chat.id).draft.misconceptions.some((item) => findsAnnotatedError(chat, item)),
    );

    expect(dialogues).toHaveLength(30);
    expect(found.length).toBeGreaterThanOrEqual(MIN_ANNOTATED_ERRORS_FOUND);
  });

  it.each(CHATS)('quotes only student turns as errors in %s', (id) => {
    const input = toRecapInput(dialogue(id), curriculum);
    for (const misconception of recap(id).draft.misconceptions) {
      expect(misconception.description.length).toBeGreaterThan(0);
      expect(misconception.evidence.length).toBeGreaterThanOrEqual(1);
      expect(misconception.evidence.length).toBeLessThanOrEqual(3);
      for (const quote of misconception.evidence) {
        expect(quote.speakerRole).toBe('student');
        expectQuoteInTranscript(input, quote);
      }
      if (misconception.correction) {
        expect(misconception.resolved).toBe(true);
        expect(misconception.correction.speakerRole).toBe('student');
        expectQuoteInTranscript(input, misconception.correction);
      }
    }
  });

  it.each(FIRST_SOLUTION_CHATS)('starts with the first solution in %s', (id) => {
    const chat = dialogue(id);
    const firstStudentTurn = chat.segments.findIndex((segment) => segment.speaker === 'student');
    const [top] = recap(id).draft.misconceptions;

    expect(top.evidence.map((quote) => quote.segmentIndex)).toContain(firstStudentTurn);
  });

  it.each(CHATS)('matches curriculum objectives in %s', (id) => {
    const input = toRecapInput(dialogue(id), curriculum);
    const codes = new Set(curriculum.map((objective) => objective.code));
    const { objectivesCovered } = recap(id).draft;

    expect(objectivesCovered.length).toBeGreaterThanOrEqual(1);
    expect(objectivesCovered.length).toBeLessThanOrEqual(3);
    for (const coverage of objectivesCovered) {
      expect(codes.has(coverage.code)).toBe(true);
      expect(coverage.confidence).toBeGreaterThan(0);
      expect(coverage.confidence).toBeLessThanOrEqual(1);
      expect(coverage.evidence.length).toBeGreaterThanOrEqual(1);
      expect(coverage.evidence.length).toBeLessThanOrEqual(3);
      coverage.evidence.forEach((quote) => expectQuoteInTranscript(input, quote));
    }
  });

  it('matches percent talk to a percent standard', () => {
    const codes = recap('mathdial-6000016-s3').draft.objectivesCovered.map((item) => item.code);

    expect(codes).toContain('6.RP.A.3c');
  });

  it('matches equations to an equation standard', () => {
    const codes = recap('mathdial-5000943-s2').draft.objectivesCovered.map((item) => item.code);

    expect(codes).toContain('8.EE.C.7');
  });

  it('raises the confidence of planned objectives', async () => {
    const chat = dialogue('mathdial-5000268-s1');
    const unplanned = recap(chat.id).draft.objectivesCovered;
    const last = unplanned[unplanned.length - 1];
    const planned = await provider.generateRecap(toRecapInput(chat, curriculum, [last.code]));
    const boosted = planned.draft.objectivesCovered.find((item) => item.code === last.code);

    expect(boosted).toBeDefined();
    expect(boosted?.confidence).toBeGreaterThan(last.confidence);
  });

  it('summarizes the first and final answers', () => {
    const { summary } = recap('mathdial-5000005-s3').draft;

    expect(summary).toContain('first answer was 1440');
    expect(summary).toContain('final answer was 1200');
    expect(summary).toContain('Check your calculation there');
  });

  it.each(CHATS)('counts turns and errors in %s', (id) => {
    const chat = dialogue(id);
    const { studentPerformance, misconceptions } = recap(id).draft;
    const students = chat.segments.filter((segment) => segment.speaker === 'student').length;

    expect(studentPerformance.studentTurns).toBe(students);
    expect(studentPerformance.instructorTurns).toBe(chat.segments.length - students);
    expect(studentPerformance.studentTalkShare).toBeGreaterThan(0);
    expect(studentPerformance.studentTalkShare).toBeLessThan(1);
    expect(studentPerformance.errorsFound).toBe(misconceptions.length);
    expect(studentPerformance.errorsCorrected).toBe(
      misconceptions.filter((m) => m.resolved).length,
    );
    expect(studentPerformance.summary).toContain(
      `took ${students} of ${chat.segments.length} turns`,
    );
  });

  it('suggests re-checking an unresolved error', () => {
    const { nextSteps, followUps, misconceptions } = recap('mathdial-5000943-s2').draft;
    const unresolved = misconceptions.find((item) => !item.resolved);

    expect(unresolved).toBeDefined();
    expect(nextSteps.some((step) => step.includes(unresolved?.description ?? '?'))).toBe(true);
    expect(nextSteps.some((step) => /^Revisit \d\.[A-Z]+\.[A-Z]\.\d+[a-z]?: /.test(step))).toBe(
      true,
    );
    expect(
      followUps.some((question) =>
        question.startsWith('Ask Student A to re-check the solution of x + 10 = 2x'),
      ),
    ).toBe(true);
  });

  it('keeps a contradicted final answer open in mathdial-5000008-s2', () => {
    const { draft } = recap('mathdial-5000008-s2');

    expect(draft.misconceptions.length).toBeGreaterThan(0);
    expect(draft.misconceptions.every((item) => !item.resolved)).toBe(true);
    expect(draft.studentPerformance.errorsCorrected).toBe(0);
    expect(draft.summary).toContain('final answer was 17');
    expect(draft.summary).toContain('the session ended before the instructor accepted it');
  });

  it('resolves dropped errors by an accepted final answer in mathdial-6000032-s5', () => {
    const { draft } = recap('mathdial-6000032-s5');

    expect(draft.misconceptions.length).toBeGreaterThan(0);
    expect(draft.misconceptions.every((item) => item.resolved)).toBe(true);
    expect(draft.summary).toContain('final answer was 34');
  });

  it('returns the same recap twice', async () => {
    const input = toRecapInput(dialogue('mathdial-5000008-s2'), curriculum);
    const first = await provider.generateRecap(input);
    const second = await new LocalAiProvider().generateRecap(structuredClone(input));

    expect(second).toEqual(first);
  });

  it('reports its model and no usage', () => {
    const result = recap('mathdial-5000005-s3');

    expect(result.provider).toBe('local');
    expect(result.model).toBe('hilink-extractive-1');
    expect(result.promptVersion).toBe('local-recap-v2');
    expect(result.usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      costUsd: 0,
      requests: 0,
    });
  });

  it('handles an empty transcript', async () => {
    const input: RecapInput = {
      sessionId: 'empty',
      transcript: [],
      objectives: curriculum,
      plannedObjectiveCodes: ['6.RP.A.1'],
      studentNames: ['Student A'],
    };
    const { draft } = await provider.generateRecap(input);

    expect(draft.summary).toBe('No speech was recorded in this session.');
    expect(draft.objectivesCovered).toEqual([]);
    expect(draft.misconceptions).toEqual([]);
    expect(draft.studentPerformance.studentTurns).toBe(0);
    expect(draft.studentPerformance.instructorTurns).toBe(0);
    expect(draft.studentPerformance.studentTalkShare).toBe(0);
    expect(draft.nextSteps).toEqual([]);
    expect(draft.followUps).toEqual([]);
  });

  it('handles blank segments', async () => {
    const input = toRecapInput(dialogue('mathdial-5000005-s3'), curriculum);
    input.transcript = input.transcript.map((segment) => ({ ...segment, text: '  ' }));
    const { draft } = await provider.generateRecap(input);

    expect(draft.summary).toBe('No speech was recorded in this session.');
    expect(draft.misconceptions).toEqual([]);
  });

  it('handles instructor-only turns', async () => {
    const input = toRecapInput(dialogue('mathdial-5000005-s3'), curriculum);
    input.transcript = input.transcript.filter((segment) => segment.speakerRole === 'instructor');
    const { draft } = await provider.generateRecap(input);

    expect(draft.misconceptions).toEqual([]);
    expect(draft.studentPerformance.studentTurns).toBe(0);
    expect(draft.studentPerformance.instructorTurns).toBe(input.transcript.length);
    expect(draft.studentPerformance.studentTalkShare).toBe(0);
    expect(draft.summary).toContain('Only the instructor spoke');
    expect(draft.studentPerformance.summary).toBe('Student A did not speak in this session.');
  });

  it('sorts segments by start time', async () => {
    const input = toRecapInput(dialogue('mathdial-5000005-s3'), curriculum);
    const shuffled = { ...input, transcript: [...input.transcript].reverse() };

    expect(await provider.generateRecap(shuffled)).toEqual(recap('mathdial-5000005-s3'));
  });

  it('recaps 10,000 words in time', async () => {
    const transcript = concatenateDialogues(dialogues, 10_000);
    const input: RecapInput = {
      sessionId: 'one-hour',
      transcript,
      objectives: curriculum,
      plannedObjectiveCodes: [],
      studentNames: ['Student A'],
    };
    const started = performance.now();
    const { draft } = await provider.generateRecap(input);
    const elapsedMs = performance.now() - started;

    expect(
      transcript.reduce((sum, segment) => sum + countWords(segment.text), 0),
    ).toBeGreaterThanOrEqual(10_000);
    expect(draft.misconceptions.length).toBeGreaterThan(0);
    // A loose bound for busy shared machines. scripts/local-recap-hit-rate.ts reports the median.
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('rejects an aborted request', async () => {
    const controller = new AbortController();
    controller.abort();
    const input = toRecapInput(dialogue('mathdial-5000005-s3'), curriculum);
    const request = provider.generateRecap(input, { signal: controller.signal });

    await expect(request).rejects.toBeInstanceOf(AiProviderError);
    await expect(request).rejects.toMatchObject({ retryable: false });
  });
});
