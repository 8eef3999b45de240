import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AiProvider,
  AiUsage,
  RecapDraft,
  RecapInput,
  RecapObjective,
  RecapTranscriptSegment,
} from '../src/ai/ai-provider';
import {
  DialogueAnnotations,
  Outcome,
  ProviderSummary,
  ScoredDialogue,
  scoreDialogue,
  summarize,
} from './eval-scoring';

/** The example data, relative to the repository root where `npm run eval` runs. */
export const DATA_DIR = join(process.cwd(), 'examples', 'data');
/** HiLink's hand-written objective labels of the dialogues. */
export const LABELS_FILE = join(process.cwd(), 'bench', 'eval-objective-labels.json');

/** Speaking time per word, about 150 words per minute, as the MathDial test input assigns it. */
const MS_PER_WORD = 400;
/** Silence between two segments. */
const PAUSE_MS = 1_000;

/** One MathDial dialogue file of examples/data/transcripts/mathdial. */
export interface EvalDialogue {
  id: string;
  segments: { speaker: 'instructor' | 'student'; name: string; text: string }[];
  metadata: DialogueAnnotations;
}

/** One provider's scored dialogues, with the drafts for inspection. */
export interface ProviderRun {
  provider: string;
  model: string;
  summary: ProviderSummary;
  usage: AiUsage;
  /** Wall time of all recaps of this provider, in ms. */
  elapsedMs: number;
  dialogues: (ScoredDialogue & { draft?: RecapDraft })[];
}

export interface EvalOptions {
  providers: AiProvider[];
  /** Dialogue ids to run; all files of the folder when absent. */
  dialogueIds?: string[];
  /** Recaps requested at the same time from one provider. Default 1. */
  concurrency?: number;
  dataDir?: string;
  labelsFile?: string;
}

/** Runs every provider over the dialogues and scores each recap against the annotations. */
export async function runEval(options: EvalOptions): Promise<ProviderRun[]> {
  const dataDir = options.dataDir ?? DATA_DIR;
  const dialogues = loadDialogues(dataDir, options.dialogueIds);
  const objectives = loadCurriculum(dataDir);
  const labels = loadObjectiveLabels(options.labelsFile ?? LABELS_FILE);
  const runs: ProviderRun[] = [];
  for (const provider of options.providers) {
    runs.push(await runProvider(provider, dialogues, objectives, labels, options.concurrency ?? 1));
  }

  return runs;
}

async function runProvider(
  provider: AiProvider,
  dialogues: EvalDialogue[],
  objectives: RecapObjective[],
  labels: Map<string, string[]>,
  concurrency: number,
): Promise<ProviderRun> {
  const usage: AiUsage = {
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    costUsd: 0,
    requests: 0,
  };
  const started = performance.now();
  const results = await mapConcurrently(dialogues, concurrency, async (dialogue) => {
    const goldCodes = labels.get(dialogue.id);
    if (!goldCodes) {
      throw new Error(`Dialogue ${dialogue.id} has no objective label in the labels file`);
    }
    const base = { id: dialogue.id, outcome: dialogue.metadata.outcome, goldCodes };
    try {
      const result = await provider.generateRecap(toRecapInput(dialogue, objectives));
      addUsage(usage, result.usage);
      const scores = scoreDialogue(result.draft, dialogue.metadata, goldCodes);

      return { ...base, scores, draft: result.draft };
    } catch (error) {
      return { ...base, error: error instanceof Error ? error.message : String(error) };
    }
  });

  return {
    provider: provider.name,
    model: provider.model,
    summary: summarize(results),
    usage,
    elapsedMs: Math.round(performance.now() - started),
    dialogues: results,
  };
}

function addUsage(total: AiUsage, usage: AiUsage): void {
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
  total.totalTokens += usage.totalTokens;
  total.requests += usage.requests;
  total.costUsd =
    total.costUsd === undefined || usage.costUsd === undefined
      ? undefined
      : total.costUsd + usage.costUsd;
}

async function mapConcurrently<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

  return results;
}

/**
 * Builds the recap input of one dialogue as a session would have it: every objective of the
 * curriculum, no lesson plan, and segment times from word counts because MathDial has none.
 * Without planned codes, the objectives come from the transcript alone.
 */
export function toRecapInput(dialogue: EvalDialogue, objectives: RecapObjective[]): RecapInput {
  const transcript: RecapTranscriptSegment[] = [];
  let clockMs = 0;
  for (const segment of dialogue.segments) {
    const durationMs = segment.text.split(/\s+/).length * MS_PER_WORD;
    transcript.push({
      index: transcript.length,
      speakerRole: segment.speaker,
      speakerName: segment.name,
      startMs: clockMs,
      endMs: clockMs + durationMs,
      text: segment.text,
    });
    clockMs += durationMs + PAUSE_MS;
  }
  const studentNames = [
    ...new Set(transcript.filter((s) => s.speakerRole === 'student').map((s) => s.speakerName)),
  ];

  return {
    sessionId: dialogue.id,
    transcript,
    objectives,
    plannedObjectiveCodes: [],
    studentNames,
  };
}

/** Reads the MathDial dialogues in file name order, or the given ids in that order. */
export function loadDialogues(dataDir: string, ids?: string[]): EvalDialogue[] {
  const folder = join(dataDir, 'transcripts', 'mathdial');
  const files = ids
    ? ids.map((id) => `${id}.json`)
    : readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .sort();

  return files.map((file) => {
    const dialogue = JSON.parse(readFileSync(join(folder, file), 'utf8')) as EvalDialogue;
    const outcome: Outcome = dialogue.metadata.outcome;
    if (!['solved', 'solved_after_tutor_revealed_answer', 'not_solved'].includes(outcome)) {
      throw new Error(`${file} has an invalid metadata.outcome "${String(outcome)}"`);
    }

    return dialogue;
  });
}

/** Reads every objective of the grades 6-8 Common Core curriculum example. */
export function loadCurriculum(dataDir: string): RecapObjective[] {
  const file = join(dataDir, 'curriculum', 'ccss-math-grades-6-8.json');
  const curriculum = JSON.parse(readFileSync(file, 'utf8')) as { items: RecapObjective[] };

  return curriculum.items.map(({ code, title, description }) => ({ code, title, description }));
}

/** Reads the objective codes of each dialogue from the labels file. */
export function loadObjectiveLabels(file: string): Map<string, string[]> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    labels: Record<string, { codes: string[]; reason: string }>;
  };

  return new Map(Object.entries(parsed.labels).map(([id, label]) => [id, label.codes]));
}
