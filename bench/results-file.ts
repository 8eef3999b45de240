import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The results file, relative to the repository root where the bench commands run. */
export const RESULTS_FILE = join(process.cwd(), 'bench', 'RESULTS.md');

/**
 * Sections that their own bench commands write. `npm run bench` rewrites the rest of the file
 * and keeps these as they are.
 */
export const SEPARATE_SECTIONS = [
  'Engagement',
  'Poll storm',
  'Recap quality',
  'Dashboards',
  'Webhook fan-out',
];

/** Returns the `## heading` section of `text`, up to the next level-two heading, or undefined. */
export function findSection(text: string, heading: string): string | undefined {
  const start = text.search(new RegExp(`^## ${escapeRegExp(heading)}$`, 'm'));
  if (start < 0) {
    return undefined;
  }
  const next = text.slice(start + 3).search(/^## /m);

  return (next < 0 ? text.slice(start) : text.slice(start, start + 3 + next)).trimEnd();
}

/** Replaces the section that starts with `## heading` in the results file, or appends it. */
export function writeSection(heading: string, section: string, file = RESULTS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const existing = findSection(current, heading);
  const next = existing
    ? current.replace(existing, section.trimEnd())
    : `${current.trimEnd()}\n\n${section.trimEnd()}`;
  writeFileSync(file, `${next.trimEnd()}\n`);
}

/** Writes the main results and keeps the separately written sections of the current file. */
export function writeMainResults(markdown: string, file = RESULTS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = SEPARATE_SECTIONS.map((heading) => findSection(current, heading)).filter(
    (section): section is string => section !== undefined,
  );
  writeFileSync(file, `${[markdown.trimEnd(), ...kept].join('\n\n')}\n`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
