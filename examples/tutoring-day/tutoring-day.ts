import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HiLinkClient } from '../../sdk/src';
import { loadCurriculum, loadDialogues } from './data';
import { documentSession, DocumentedSession } from './recap-review';
import { renderSessionReport } from './report';
import { spreadOverDay } from './schedule';
import { runSession } from './session-run';
import { setUpOrganization } from './setup';

export interface TutoringDayOptions {
  client: HiLinkClient;
  /** Number of MathDial dialogues to run, one session each (at most 30). */
  dialogueCount: number;
  /** Folder for the Markdown reports, one `<session id>.md` per session. */
  outDir: string;
  /** IANA time zone of the tutoring day. */
  timeZone: string;
  /** The tutoring day, YYYY-MM-DD. */
  date: string;
  /** Time limit for each recap to be drafted, in milliseconds. */
  recapTimeoutMs?: number;
  /** Receives one progress line per step; silent when absent. */
  log?: (line: string) => void;
}

/** One row of the day's summary table. */
export interface SessionSummary {
  dialogueId: string;
  /** The dialogue's annotated outcome from its metadata. */
  outcome: string;
  sessionId: string;
  objectivesMatched: number;
  misconceptionsFound: number;
  recapStatus: string;
  sessionStatus: string;
  seconds: number;
  reportFile: string;
}

export interface TutoringDayResult {
  organizationName: string;
  curriculumName: string;
  sessions: SessionSummary[];
}

function summarize(
  documented: DocumentedSession,
  seconds: number,
  reportFile: string,
): SessionSummary {
  const { run, recap, session } = documented;

  return {
    dialogueId: run.student.dialogue.id,
    outcome: run.student.dialogue.outcome,
    sessionId: session.id,
    objectivesMatched: recap.objectivesCovered.length,
    misconceptionsFound: recap.misconceptions.length,
    recapStatus: recap.status,
    sessionStatus: session.status,
    seconds,
    reportFile,
  };
}

/**
 * Runs a tutoring day through the SDK: sets up the organization, then for each dialogue
 * schedules a session, runs it, uploads the transcript, waits for the recap, approves it and
 * writes a Markdown report.
 */
export async function runTutoringDay(options: TutoringDayOptions): Promise<TutoringDayResult> {
  const log = options.log ?? (() => undefined);
  const runId = Date.now().toString(36);
  const organization = await options.client.organization();
  const curriculumFile = loadCurriculum();
  const dialogues = loadDialogues(options.dialogueCount);
  log(
    `Setting up ${organization.name}: curriculum, 2 instructors, ${dialogues.length} students and guardians`,
  );
  const setup = await setUpOrganization(options.client, curriculumFile, dialogues, {
    ...options,
    runId,
  });
  const slots = spreadOverDay(options.date, dialogues.length, options.timeZone);
  mkdirSync(options.outDir, { recursive: true });

  const sessions: SessionSummary[] = [];
  for (const [index, student] of setup.students.entries()) {
    const started = Date.now();
    const run = await runSession(
      options.client,
      setup.roomId,
      student,
      slots[index]!,
      options.timeZone,
    );
    const documented = await documentSession(options.client, run, options.recapTimeoutMs);
    const reportFile = join(options.outDir, `${run.session.id}.md`);
    writeFileSync(
      reportFile,
      renderSessionReport(documented, setup.curriculum, curriculumFile.licenseNotice),
    );
    const summary = summarize(documented, (Date.now() - started) / 1000, reportFile);
    log(`${summary.dialogueId}: session ${summary.sessionStatus}, recap ${summary.recapStatus}`);
    sessions.push(summary);
  }

  return { organizationName: organization.name, curriculumName: setup.curriculum.name, sessions };
}

/** Formats the summary as a fixed-width text table. */
export function formatSummaryTable(sessions: SessionSummary[]): string {
  const header = ['dialogue', 'outcome', 'objectives', 'misconceptions', 'recap', 'seconds'];
  const rows = sessions.map((row) => [
    row.dialogueId,
    row.outcome,
    String(row.objectivesMatched),
    String(row.misconceptionsFound),
    row.recapStatus,
    row.seconds.toFixed(1),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');

  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
