import { ProviderRun } from './eval-run';
import { formatRatio, OUTCOMES, ProviderSummary } from './eval-scoring';

/** A metric row of the results table: its label and how to read it from a summary. */
interface MetricRow {
  label: string;
  value: (run: ProviderRun) => string;
}

const METRICS: MetricRow[] = [
  {
    label: 'Dialogues (failed)',
    value: (run) => `${run.summary.dialogues} (${run.summary.failed})`,
  },
  {
    label: 'Misconception recall: dialogues with at least one',
    value: (run) => formatRatio(run.summary.misconceptionRecall),
  },
  {
    label: 'Evidence precision: quotes of wrong student work',
    value: (run) => formatRatio(run.summary.evidencePrecision),
  },
  {
    label: "Description vs tutor's note: term recall",
    value: (run) => run.summary.descriptionRecall.toFixed(2),
  },
  {
    label: "Description vs tutor's note: term precision",
    value: (run) => run.summary.descriptionPrecision.toFixed(2),
  },
  {
    label: 'Resolved matches outcome (solved, not_solved)',
    value: (run) => formatRatio(run.summary.resolutionAccuracy),
  },
  {
    label: 'Recap text states the outcome (solved, not_solved)',
    value: (run) => formatRatio(run.summary.statedOutcomeAccuracy),
  },
  {
    label: 'Recap text mentions the correct answer',
    value: (run) => formatRatio(run.summary.correctAnswerMentioned),
  },
  {
    label: 'Summary words: mean (min-max)',
    value: ({ summary }) =>
      `${summary.summaryWords.mean.toFixed(0)} (${summary.summaryWords.min}-${summary.summaryWords.max})`,
  },
  {
    label: 'Objectives: precision of matched codes',
    value: (run) => formatRatio(run.summary.coveragePrecision),
  },
  {
    label: 'Objectives: recall of labeled codes',
    value: (run) => formatRatio(run.summary.coverageRecall),
  },
  {
    label: 'Objectives: first match is a labeled code',
    value: (run) => formatRatio(run.summary.coverageTopMatch),
  },
  {
    label: 'Requests, tokens',
    value: ({ usage }) => `${usage.requests}, ${usage.totalTokens}`,
  },
  { label: 'Time', value: (run) => `${(run.elapsedMs / 1000).toFixed(1)} s` },
];

/** Renders the metrics as a Markdown table with one column per provider. */
export function renderMetricsTable(runs: ProviderRun[]): string {
  const header = `| Metric | ${runs.map((run) => `${run.provider} (${run.model})`).join(' | ')} |`;
  const divider = `| --- | ${runs.map(() => '---').join(' | ')} |`;
  const rows = METRICS.map(
    (metric) => `| ${metric.label} | ${runs.map((run) => metric.value(run)).join(' | ')} |`,
  );

  return [header, divider, ...rows].join('\n');
}

/** Renders the two confusion matrices of one provider: rows are the annotated outcomes. */
export function renderMatrices(run: ProviderRun): string {
  return [
    `Resolution of the detected misconceptions, ${run.provider}:`,
    '',
    renderMatrix(run.summary.resolutionMatrix, ['resolved', 'open', 'none']),
    '',
    `Outcome stated in the summary and performance text, ${run.provider}:`,
    '',
    renderMatrix(run.summary.statedOutcomeMatrix, ['solved', 'not_solved', 'unclear']),
  ].join('\n');
}

function renderMatrix<Column extends string>(
  matrix: ProviderSummary['resolutionMatrix'] | ProviderSummary['statedOutcomeMatrix'],
  columns: Column[],
): string {
  const cells = matrix as unknown as Record<string, Record<Column, number>>;
  const lines = [
    `| Annotated outcome | ${columns.join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
  ];
  for (const outcome of OUTCOMES) {
    lines.push(`| ${outcome} | ${columns.map((column) => cells[outcome][column]).join(' | ')} |`);
  }

  return lines.join('\n');
}

/** Lists the dialogues a provider failed on, with the error of each. */
export function renderFailures(run: ProviderRun): string[] {
  return run.dialogues
    .filter((dialogue) => dialogue.error !== undefined)
    .map((dialogue) => `- ${run.provider} failed on ${dialogue.id}: ${dialogue.error}`);
}
