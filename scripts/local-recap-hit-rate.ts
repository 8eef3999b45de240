/**
 * Measures the local recap provider on the 30 MathDial chats in examples/data: how many
 * recaps quote the student's annotated wrong solution in a misconception, and how long a
 * 10,000-word session takes.
 *
 * Run from the repository root: npx ts-node --transpile-only scripts/local-recap-hit-rate.ts
 */
import { RecapInput } from '../src/ai/ai-provider';
import { LocalAiProvider } from '../src/ai/local/local-ai.provider';
import {
  concatenateDialogues,
  findsAnnotatedError,
  loadCurriculum,
  loadDialogues,
  quotesWrongNumber,
  toRecapInput,
} from '../src/ai/local/testing/mathdial-fixtures';
import { countWords } from '../src/ai/local/text-utils';

const TIMING_RUNS = 5;

async function measureHitRate(provider: LocalAiProvider): Promise<void> {
  const curriculum = loadCurriculum();
  const dialogues = loadDialogues();
  let overlapping = 0;
  let wrongNumber = 0;
  for (const dialogue of dialogues) {
    const { draft } = await provider.generateRecap(toRecapInput(dialogue, curriculum));
    const overlaps = draft.misconceptions.some((item) => findsAnnotatedError(dialogue, item));
    const quotesWrong = draft.misconceptions.some((item) => quotesWrongNumber(dialogue, item));
    overlapping += overlaps ? 1 : 0;
    wrongNumber += quotesWrong ? 1 : 0;
    const top = draft.misconceptions[0]?.description ?? '(no misconception)';
    console.log(
      `${dialogue.id}\t${dialogue.metadata.outcome}\toverlap=${overlaps}\twrong-number=${quotesWrong}\t${top}`,
    );
  }
  console.log(`\nQuotes the annotated wrong solution: ${overlapping}/${dialogues.length}`);
  console.log(`Quotes a number only the wrong solution uses: ${wrongNumber}/${dialogues.length}`);
}

async function measureTiming(provider: LocalAiProvider): Promise<void> {
  const transcript = concatenateDialogues(loadDialogues(), 10_000);
  const input: RecapInput = {
    sessionId: 'timing',
    transcript,
    objectives: loadCurriculum(),
    plannedObjectiveCodes: [],
    studentNames: ['Student A'],
  };
  const words = transcript.reduce((sum, segment) => sum + countWords(segment.text), 0);
  const timings: number[] = [];
  for (let run = 0; run < TIMING_RUNS; run += 1) {
    const started = performance.now();
    await provider.generateRecap(input);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(
    `\n${words} words in ${transcript.length} segments: median ${median.toFixed(0)} ms, ` +
      `max ${timings[timings.length - 1].toFixed(0)} ms over ${TIMING_RUNS} runs`,
  );
}

async function main(): Promise<void> {
  const provider = new LocalAiProvider();
  await measureHitRate(provider);
  await measureTiming(provider);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
