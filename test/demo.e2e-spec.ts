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
      sessionsPerStudent: 2,
      outDir,
      timeZone: 'America/Chicago',
      // Sessions run now, so the schedule starts tomorrow for the brief to see them as earlier.
      date: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
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

  it('deals the dialogues out to students, in weekly sessions', () => {
    expect(result.students.map((thread) => thread.student.studentName)).toEqual([
      'Student 01',
      'Student 02',
    ]);
    expect(result.sessions.map((session) => [session.studentName, session.sessionNumber])).toEqual([
      ['Student 01', 1],
      ['Student 02', 1],
      ['Student 01', 2],
    ]);
  });

  it('grades each closing check against the worked answer', () => {
    for (const session of result.sessions) {
      expect(session.checkCorrect).toBe(session.outcome !== 'not_solved');
    }
  });

  it('reads the coverage, progress, risk and next session of each student', () => {
    const first = result.students[0]!;

    expect(first.coverage.sessionsDocumented).toBe(2);
    expect(first.progress.length).toBeGreaterThan(0);
    expect(['low', 'medium', 'high']).toContain(first.risk.level);
    expect(first.engagement.sessions).toHaveLength(2);
    expect(first.nextSession.status).toBe('scheduled');
  });

  it('approves a brief for the next session from the recaps', () => {
    const { brief, nextSession } = result.students[0]!;

    expect(brief.sessionId).toBe(nextSession.id);
    expect(brief.status).toBe('approved');
    expect(brief.sourceRecapIds).toHaveLength(2);
    expect(brief.content.warmUpQuestions.length).toBeGreaterThan(0);
  });

  it('writes the learning-thread report', () => {
    const report = readFileSync(result.threadReportFile, 'utf8');

    expect(result.threadReportFile).toBe(join(outDir, 'learning-thread.md'));
    for (const heading of [
      '## Student 01',
      '### Curriculum coverage',
      '### Progress',
      '### Risk',
      '### Engagement',
      '### Next session',
      '### Brief for the next session',
      '**Warm-up questions**',
      '## Operations dashboards',
      '### Session volume, attendance and documentation',
      '### Instructor consistency',
      '### Curriculum items skipped or not landing',
      '### Students at risk',
    ]) {
      expect(report).toContain(heading);
    }
    expect(report).toContain('7.EE.B.3');
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
      /^student\s+week\s+dialogue\s+outcome\s+check\s+objectives\s+misconceptions\s+recap\s+seconds$/,
    );
    expect(table).toHaveLength(2 + result.sessions.length);
    expect(table[2]).toContain(result.sessions[0]!.dialogueId);
  });
});
