import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AiProvider } from '../src/ai/ai-provider';
import { LocalAiProvider } from '../src/ai/local/local-ai.provider';
import { OpenAiProvider } from '../src/ai/openai/openai-provider';
import { loadConfig } from '../src/config/config';
import { renderFailures, renderMatrices, renderMetricsTable } from './eval-report';
import { ProviderRun, runEval } from './eval-run';
import { writeSection } from './results-file';

/**
 * Runs the recap workflow of each AI provider over the 30 MathDial dialogues in examples/data,
 * scores misconceptions, outcome, answer and objectives against the annotations, prints a
 * table, writes the "Recap quality" section of bench/RESULTS.md and the per-dialogue results
 * to bench/eval-results.json. docs/ai-quality.md defines every score.
 */

export const RESULTS_HEADING = 'Recap quality';
const PER_DIALOGUE_FILE = join(process.cwd(), 'bench', 'eval-results.json');
/** Recaps requested at once from the OpenAI-compatible API. */
const OPENAI_CONCURRENCY = 3;

function log(message: string): void {
  process.stderr.write(`[eval ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Creates the local provider, and the openai provider when OPENAI_API_KEY is set. */
function createProviders(): { providers: AiProvider[]; skipped?: string } {
  const { ai } = loadConfig();
  const providers: AiProvider[] = [new LocalAiProvider()];
  if (!ai.openaiApiKey) {
    return { providers, skipped: 'openai was skipped because OPENAI_API_KEY is not set.' };
  }
  providers.push(
    new OpenAiProvider({
      apiKey: ai.openaiApiKey,
      baseURL: ai.openaiBaseUrl,
      model: ai.openaiModel,
      logger: { log: () => undefined, warn: (message: unknown) => log(String(message)) },
    }),
  );

  return { providers };
}

/** Renders the RESULTS.md section of a run. */
export function renderSection(runs: ProviderRun[], skipped?: string): string {
  const lines = [
    `## ${RESULTS_HEADING}`,
    '',
    'Written by `npm run eval`; docs/ai-quality.md defines each score and lists the known weaknesses.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Data: ${runs[0]?.summary.dialogues ?? 0} MathDial dialogues of examples/data, each recapped alone with every objective of the grades 6-8 Common Core curriculum and no lesson plan.`,
    '- Objective labels: bench/eval-objective-labels.json, written by hand for HiLink; MathDial has none.',
    '- Per-dialogue scores and drafts: bench/eval-results.json.',
  ];
  if (skipped) {
    lines.push(`- ${skipped}`);
  }
  lines.push('', renderMetricsTable(runs));
  for (const run of runs) {
    lines.push('', renderMatrices(run));
  }
  const failures = runs.flatMap(renderFailures);
  if (failures.length > 0) {
    lines.push('', 'Failed recaps:', '', ...failures);
  }

  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { providers, skipped } = createProviders();
  if (skipped) {
    log(skipped);
  }
  log(`Running ${providers.map((provider) => provider.name).join(' and ')} over examples/data.`);
  const runs = await runEval({ providers, concurrency: OPENAI_CONCURRENCY });
  const section = renderSection(runs, skipped);
  process.stdout.write(`${section}\n`);
  writeSection(RESULTS_HEADING, section);
  writeFileSync(PER_DIALOGUE_FILE, `${JSON.stringify(runs, null, 2)}\n`);
  log(`Wrote the "${RESULTS_HEADING}" section of bench/RESULTS.md and bench/eval-results.json.`);

  return runs.some((run) => run.summary.failed > 0) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`The evaluation failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(2);
    },
  );
}
