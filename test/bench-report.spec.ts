import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBody } from '../bench/paths';
import { LoadResult } from '../bench/load';
import { limitRow, ratioRow } from '../bench/report';
import { findSection, writeMainResults, writeSection } from '../bench/results-file';

const echo = { name: 'echo', value: 10_000, unit: 'req/s' };

function load(overrides: Partial<LoadResult>): LoadResult {
  return {
    requestsPerSecond: 9_000,
    p50Ms: 2,
    p99Ms: 9,
    succeeded: 90_000,
    failed: 0,
    statusCodes: { '200': 90_000 },
    durationSeconds: 10,
    ...overrides,
  };
}

describe('bench report', () => {
  it('ratio row passes above target', () => {
    const row = ratioRow('a', load({}), echo, 0.8);

    expect(row.ratio).toBe('0.90');
    expect(row.verdict).toBe('PASS');
  });

  it('ratio row fails below target', () => {
    const row = ratioRow('a', load({ requestsPerSecond: 7_000 }), echo, 0.8);

    expect(row.ratio).toBe('0.70');
    expect(row.verdict).toBe('FAIL');
  });

  it('ratio row shows a narrow miss', () => {
    const row = ratioRow('d', load({ requestsPerSecond: 2_496 }), echo, 0.25);

    expect(row.ratio).toBe('0.249');
    expect(row.verdict).toBe('FAIL');
  });

  it('ratio row without target is informational', () => {
    const row = ratioRow('b', load({ requestsPerSecond: 2_000 }), echo, undefined);
    const failing = ratioRow('b', load({ failed: 3 }), echo, undefined);

    expect(row.ratio).toBe('0.20');
    expect(row.target).toBe('—');
    expect(row.verdict).toBe('INFO');
    expect(failing.verdict).toBe('FAIL');
  });

  it('ratio row fails on failed requests', () => {
    const row = ratioRow(
      'a',
      load({ failed: 3, statusCodes: { '200': 89_997, '500': 3 } }),
      echo,
      0.8,
    );

    expect(row.verdict).toBe('FAIL');
    expect(row.failed).toBe('3');
    expect(row.note).toContain('500 × 3');
  });

  it('ratio row notes an empty run', () => {
    const row = ratioRow(
      'd',
      load({ requestsPerSecond: 0, succeeded: 0, statusCodes: {} }),
      echo,
      0.25,
    );

    expect(row.verdict).toBe('FAIL');
    expect(row.note).toBe('No request completed in the measured run.');
  });

  it('ratio row scales per request', () => {
    const copy = { name: 'COPY', value: 100_000, unit: 'segments/s' };
    const row = ratioRow('d', load({ requestsPerSecond: 30 }), copy, 0.25, 1_000);

    expect(row.measured).toBe('30,000 segments/s');
    expect(row.ratio).toBe('0.30');
    expect(row.verdict).toBe('PASS');
  });

  it('limit row compares strictly', () => {
    expect(limitRow('e', 1_999, 'ms', 2_000).verdict).toBe('PASS');
    expect(limitRow('e', 2_000, 'ms', 2_000).verdict).toBe('FAIL');
  });
});

describe('bench ingest body', () => {
  it('has one placeholder per segment', () => {
    const body = JSON.parse(ingestBody(1_000)) as {
      segments: { clientSegmentId: string; startMs: number; endMs: number }[];
    };
    const ids = body.segments.map((segment) => segment.clientSegmentId);

    expect(body.segments).toHaveLength(1_000);
    expect(new Set(ids).size).toBe(1_000);
    expect(ids.every((id) => id.startsWith('[<id>]-'))).toBe(true);
  });

  it('keeps segment times increasing', () => {
    const body = JSON.parse(ingestBody(1_000)) as {
      segments: { startMs: number; endMs: number }[];
    };

    for (const [index, segment] of body.segments.entries()) {
      expect(segment.endMs).toBeGreaterThanOrEqual(segment.startMs);
      if (index > 0) {
        expect(segment.startMs).toBeGreaterThan(body.segments[index - 1].endMs);
      }
    }
  });
});

describe('bench results file', () => {
  const MAIN = '# Benchmark results\n\n## Machine\n\n- 2 cores\n\n## HiLink paths\n\n| a |\n';

  function tempFile(text: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-results-')), 'RESULTS.md');
    writeFileSync(file, text);

    return file;
  }

  it('appends a new section and replaces it on the next run', () => {
    const file = tempFile(MAIN);
    writeSection('Engagement', '## Engagement\n\nfirst\n', file);
    writeSection('Engagement', '## Engagement\n\nsecond\n', file);
    const text = readFileSync(file, 'utf8');

    expect(text).toContain('## HiLink paths\n\n| a |');
    expect(text).toContain('## Engagement\n\nsecond\n');
    expect(text).not.toContain('first');
  });

  it('keeps the separately written sections when the main results are rewritten', () => {
    const file = tempFile(MAIN);
    writeSection('Poll storm', '## Poll storm\n\nstorm\n', file);
    writeSection('Engagement', '## Engagement\n\nevents\n', file);
    writeMainResults('# Benchmark results\n\n## Machine\n\n- 4 cores\n', file);
    const text = readFileSync(file, 'utf8');

    expect(text).toContain('- 4 cores');
    expect(text).not.toContain('- 2 cores');
    expect(findSection(text, 'Poll storm')).toBe('## Poll storm\n\nstorm');
    expect(findSection(text, 'Engagement')).toBe('## Engagement\n\nevents');
  });
});
