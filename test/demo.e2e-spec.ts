import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatSummaryTable,
  runTutoringDay,
  TutoringDayResult,
} from '../examples/tutoring-day/tutoring-day';
import { HiLinkClient } from '../sdk/src';
import { startTestApp, TestApp } from './support/test-app';

describe('tutoring-day demo', () => {
  let app: TestApp;
  let outDir: string;
  let result: TutoringDayResult;

  beforeAll(async () => {
    app = await startTestApp();
    outDir = mkdtempSync(join(tmpdir(), 'hilink-demo-test-'));
    result = await runTutoringDay({
      client: new HiLinkClient({ url: app.url, apiKey: app.adminKey }),
      dialogueCount: 3,
      outDir,
      timeZone: 'America/Chicago',
      date: '2026-09-15',
      recapTimeoutMs: 60_000,
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('documents one session per dialogue', () => {
    expect(result.sessions).toHaveLength(3);
    for (const session of result.sessions) {
      expect(session.sessionStatus).toBe('documented');
      expect(session.recapStatus).toBe('approved');
    }
  });

  it('covers every annotated outcome', () => {
    const outcomes = result.sessions.map((session) => session.outcome).sort();

    expect(outcomes).toEqual(['not_solved', 'solved', 'solved_after_tutor_revealed_answer']);
  });

  it('writes a report per session', () => {
    for (const session of result.sessions) {
      const report = readFileSync(session.reportFile, 'utf8');

      expect(session.reportFile).toBe(join(outDir, `${session.sessionId}.md`));
      expect(report).toContain(`\`${session.sessionId}\` (documented)`);
      expect(report).toContain(session.dialogueId);
      expect(report).toContain('## Participants');
      expect(report).toContain('## Objectives matched');
      expect(report).toContain('## Misconceptions');
      expect(report).toContain('## Next steps');
      expect(report).toContain('## Follow-ups');
      expect(report).toMatch(/Provider local, model \S+, prompt version \S+/);
      expect(report).toMatch(/Transcript version \d+/);
      expect(report).toContain('CC BY-SA 4.0');
      expect(report).toContain('Council of Chief State School Officers');
    }
  });

  it('reports participants and media', () => {
    const report = readFileSync(result.sessions[0]!.reportFile, 'utf8');

    expect(report).toMatch(/\| Student 01 \| student \| \S+ \| not available/);
    expect(report).toMatch(/\| instructor \| \S+ \| not available/);
  });

  it('quotes the transcript with timestamps', () => {
    const reports = result.sessions
      .map((session) => readFileSync(session.reportFile, 'utf8'))
      .join('\n');

    expect(reports).toMatch(
      /> \[\d+:\d{2}\] \*\*(Student A|Tutor)\*\* \((student|instructor)\): \S/,
    );
  });

  it('matches objectives from the curriculum', () => {
    const matched = result.sessions.reduce(
      (total, session) => total + session.objectivesMatched,
      0,
    );

    expect(matched).toBeGreaterThan(0);
  });

  it('prints a summary table', () => {
    const table = formatSummaryTable(result.sessions).split('\n');

    expect(table[0]).toMatch(
      /^dialogue\s+outcome\s+objectives\s+misconceptions\s+recap\s+seconds$/,
    );
    expect(table).toHaveLength(2 + result.sessions.length);
    expect(table[2]).toContain(result.sessions[0]!.dialogueId);
  });
});
