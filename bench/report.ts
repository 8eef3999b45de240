import { cpus } from 'node:os';
import { LoadResult } from './load';

/** INFO marks a row that is reported for comparison and has no target. */
export type Verdict = 'PASS' | 'FAIL' | 'NOT MEASURED' | 'INFO';

/** One line of the results table: a HiLink path against one target. */
export interface ResultRow {
  path: string;
  measured: string;
  p99: string;
  failed: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: Verdict;
  note?: string;
}

/** A baseline measured in the same run, with the figure that ratios divide by. */
export interface Baseline {
  name: string;
  value: number;
  unit: string;
  p99Ms?: number;
  failed?: number;
  note?: string;
}

export interface RunSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  ingestConnections: number;
  batchSize: number;
  copyStreams: number;
  copyRowsPerStream: number;
}

const DASH = '—';

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * Compares a load result with a baseline. A path with any failed request fails whatever its
 * ratio, because failures return faster than real work.
 */
/** Formats a ratio with two decimals, or three where two would show a miss as equal to the target. */
function formatRatio(ratio: number, minRatio: number | undefined): string {
  const twoDecimals = formatNumber(ratio, 2);
  if (minRatio !== undefined && ratio < minRatio && twoDecimals === formatNumber(minRatio, 2)) {
    return formatNumber(Math.floor(ratio * 1000) / 1000, 3);
  }

  return twoDecimals;
}

function verdictOf(load: LoadResult, ratio: number, minRatio: number | undefined): Verdict {
  if (load.failed > 0) {
    return 'FAIL';
  }
  if (minRatio === undefined) {
    return 'INFO';
  }

  return ratio >= minRatio ? 'PASS' : 'FAIL';
}

export function ratioRow(
  path: string,
  load: LoadResult,
  baseline: Baseline,
  minRatio: number | undefined,
  perRequest = 1,
): ResultRow {
  const value = load.requestsPerSecond * perRequest;
  const ratio = value / baseline.value;

  const failures = Object.entries(load.statusCodes).filter(([status]) => !status.startsWith('2'));
  let note: string | undefined;
  if (failures.length > 0) {
    const counts = failures.map(([status, count]) => `${status} × ${count}`).join(', ');
    note = `Non-2xx in the measured run: ${counts}.`;
  } else if (load.succeeded === 0) {
    note = 'No request completed in the measured run.';
  }

  return {
    path,
    note,
    measured: `${formatNumber(value)} ${baseline.unit}`,
    p99: `${formatNumber(load.p99Ms, 1)} ms`,
    failed: formatNumber(load.failed),
    baseline: baseline.name,
    ratio: formatRatio(ratio, minRatio),
    target: minRatio === undefined ? '—' : `≥ ${formatNumber(minRatio, 2)}`,
    verdict: verdictOf(load, ratio, minRatio),
  };
}

/** Compares a measured figure with an absolute upper limit, e.g. milliseconds or megabytes. */
export function limitRow(
  path: string,
  value: number,
  unit: string,
  maxValue: number,
  note?: string,
): ResultRow {
  return {
    path,
    measured: `${formatNumber(value, 1)} ${unit}`,
    p99: DASH,
    failed: DASH,
    baseline: DASH,
    ratio: DASH,
    target: `< ${formatNumber(maxValue)} ${unit}`,
    verdict: value < maxValue ? 'PASS' : 'FAIL',
    note,
  };
}

export function notMeasuredRow(path: string, target: string, reason: string): ResultRow {
  return {
    path,
    measured: DASH,
    p99: DASH,
    failed: DASH,
    baseline: DASH,
    ratio: DASH,
    target,
    verdict: 'NOT MEASURED',
    note: reason,
  };
}

function table(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [header, header.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.map(escape).join(' | ')} |`,
  );

  return lines.join('\n');
}

function machineLines(
  postgresVersion: string,
  date: Date,
  loadAverage: number[],
  loadAverageAtEnd: number[] | undefined,
): string[] {
  const format = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  const cores = cpus();

  return [
    `- Date: ${date.toISOString()}`,
    `- CPU: ${cores.length} cores, ${cores[0]?.model.trim() ?? 'unknown model'}`,
    `- Load average when the run started (1, 5, 15 min): ${format(loadAverage)}`,
    ...(loadAverageAtEnd
      ? [
          `- Load average when it ended: ${format(loadAverageAtEnd)}. A 1-minute figure well above the core count means other work shared the machine.`,
        ]
      : []),
    `- Node.js: ${process.version}`,
    `- PostgreSQL: ${postgresVersion}`,
  ];
}

function settingsLines(settings: RunSettings): string[] {
  return [
    `- HTTP paths: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured, ` +
      `${settings.connections} connections, no pipelining (autocannon 8.0.0 in its own process).`,
    `- Transcript ingest: ${settings.ingestConnections} connections, ${formatNumber(settings.batchSize)} ` +
      'segments per request, new client ids in every request.',
    `- COPY: ${settings.copyStreams} connections in parallel, ${formatNumber(settings.copyRowsPerStream)} ` +
      'rows each, text format.',
  ];
}

/** Renders bench/RESULTS.md. */
export function renderResults(input: {
  date: Date;
  /** os.loadavg() when the run started, because other work on the machine lowers every figure. */
  loadAverage: number[];
  /** The load average after the last path, which shows whether other work ran during the run. */
  loadAverageAtEnd?: number[];
  postgresVersion: string;
  settings: RunSettings;
  baselines: Baseline[];
  rows: ResultRow[];
  notes: string[];
}): string {
  const baselineRows = input.baselines.map((baseline) => [
    baseline.name,
    `${formatNumber(baseline.value)} ${baseline.unit}`,
    baseline.p99Ms === undefined ? DASH : `${formatNumber(baseline.p99Ms, 1)} ms`,
    baseline.failed === undefined ? DASH : formatNumber(baseline.failed),
    baseline.note ?? '',
  ]);
  const pathRows = input.rows.map((row) => [
    row.path,
    row.measured,
    row.p99,
    row.failed,
    row.baseline,
    row.ratio,
    row.target,
    row.verdict,
    row.note ?? '',
  ]);

  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; bench/README.md says what each path measures.',
    '',
    '## Machine',
    '',
    ...machineLines(input.postgresVersion, input.date, input.loadAverage, input.loadAverageAtEnd),
    '',
    '## Settings',
    '',
    ...settingsLines(input.settings),
    '',
    '## Baselines',
    '',
    table(['Baseline', 'Measured', 'p99', 'Failed', 'Note'], baselineRows),
    '',
    '## HiLink paths',
    '',
    table(
      ['Path', 'Measured', 'p99', 'Failed', 'Baseline', 'Ratio', 'Target', 'Result', 'Note'],
      pathRows,
    ),
    '',
    ...(input.notes.length > 0
      ? ['## Notes', '', ...input.notes.map((note) => `- ${note}`), '']
      : []),
  ].join('\n');
}

/** Renders the short summary that the command prints. */
export function renderSummary(baselines: Baseline[], rows: ResultRow[]): string {
  const lines = baselines.map(
    (b) => `  baseline     ${b.name}: ${formatNumber(b.value)} ${b.unit}`,
  );
  for (const row of rows) {
    const comparison =
      row.ratio === DASH
        ? `target ${row.target}`
        : `${row.ratio} of ${row.baseline}, target ${row.target}`;
    lines.push(`  ${row.verdict.padEnd(12)} ${row.path}: ${row.measured} (${comparison})`);
  }

  return lines.join('\n');
}
