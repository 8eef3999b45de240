import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HiLinkClient } from '../../sdk/src';
import { loadCurriculum, loadDialogues } from './data';
import { documentSession, DocumentedSession } from './recap-review';
import { renderSessionReport } from './report';
import { readLearningThread, StudentThread } from './learning-thread';
import { addDays, spreadOverDay } from './schedule';
import { runSession } from './session-run';
import { setUpOrganization } from './setup';
import { renderThreadReport } from './thread-report';

export interface TutoringDayOptions {
  client: HiLinkClient;
  /** Number of MathDial dialogues to run, one session each (at most 30). */
  dialogueCount: number;
  /** Weekly sessions per student; the dialogues are dealt out to students in turn. Default 4. */
  sessionsPerStudent?: number;
  /**
   * Folder for the Markdown reports: one `<session id>.md` per session and `learning-thread.md`
   * with each student's coverage, progress, risk and next brief, and the dashboards.
   */
  outDir: string;
  /** IANA time zone of the sessions. */
  timeZone: string;
  /** The day of the first week's sessions, YYYY-MM-DD. */
  date: string;
  /** Time limit for each recap to be drafted, in milliseconds. */
  recapTimeoutMs?: number;
  /** Receives one progress line per step; silent when absent. */
  log?: (line: string) => void;
}

/** One row of the summary table. */
export interface SessionSummary {
  studentName: string;
  /** 1 for the student's first session, 2 for the second, and so on. */
  sessionNumber: number;
  dialogueId: string;
  /** The dialogue's annotated outcome from its metadata. */
  outcome: string;
  sessionId: string;
  objectivesMatched: number;
  misconceptionsFound: number;
  /** Whether the closing check was answered correctly; null without a check. */
  checkCorrect: boolean | null;
  recapStatus: string;
  sessionStatus: string;
  seconds: number;
  reportFile: string;
}

export interface TutoringDayResult {
  organizationName: string;
  curriculumName: string;
  sessions: SessionSummary[];
  students: StudentThread[];
  /** The learning-thread report: coverage, progress, risk, briefs and dashboards. */
  threadReportFile: string;
}

function summarize(
  documented: DocumentedSession,
  seconds: number,
  reportFile: string,
): SessionSummary {
  const { run, recap, session } = documented;

  return {
    studentName: run.student.studentName,
    sessionNumber: run.sessionNumber,
    dialogueId: run.dialogue.id,
    outcome: run.dialogue.outcome,
    sessionId: session.id,
    objectivesMatched: recap.objectivesCovered.length,
    misconceptionsFound: recap.misconceptions.length,
    checkCorrect: run.check?.correct ?? null,
    recapStatus: recap.status,
    sessionStatus: session.status,
    seconds,
    reportFile,
  };
}

/**
 * Runs several weeks of tutoring through the SDK: sets up the organization, then week by week
 * schedules each student's session, runs it, uploads the transcript, runs a check, waits for the
 * recap, approves it and writes a Markdown report. Last, it schedules each student's next session
 * and reads the learning thread: coverage, progress, risk, the next session's brief and the
 * dashboards.
 */
export async function runTutoringDay(options: TutoringDayOptions): Promise<TutoringDayResult> {
  const log = options.log ?? (() => undefined);
  const runId = Date.now().toString(36);
  const sessionsPerStudent = options.sessionsPerStudent ?? 4;
  const organization = await options.client.organization();
  const curriculumFile = loadCurriculum();
  const dialogues = loadDialogues(options.dialogueCount);
  const setup = await setUpOrganization(options.client, curriculumFile, dialogues, {
    ...options,
    sessionsPerStudent,
    runId,
  });
  log(
    `Set up ${organization.name}: curriculum, 2 instructors, ${setup.students.length} students with guardians`,
  );
  mkdirSync(options.outDir, { recursive: true });

  const sessions: SessionSummary[] = [];
  const weeks = Math.max(...setup.students.map((student) => student.dialogues.length));
  for (let week = 0; week < weeks; week += 1) {
    const day = addDays(options.date, 7 * week);
    const slots = spreadOverDay(day, setup.students.length, options.timeZone);
    for (const [index, student] of setup.students.entries()) {
      const dialogue = student.dialogues[week];
      if (!dialogue) {
        continue;
      }
      const started = Date.now();
      const run = await runSession(options.client, {
        roomId: setup.roomId,
        student,
        dialogue,
        sessionNumber: week + 1,
        slot: slots[index]!,
        timeZone: options.timeZone,
      });
      const documented = await documentSession(options.client, run, options.recapTimeoutMs);
      const reportFile = join(options.outDir, `${run.session.id}.md`);
      writeFileSync(
        reportFile,
        renderSessionReport(documented, setup.curriculum, curriculumFile.licenseNotice),
      );
      const summary = summarize(documented, (Date.now() - started) / 1000, reportFile);
      log(
        `${summary.studentName} session ${summary.sessionNumber} (${summary.dialogueId}): ${summary.sessionStatus}, recap ${summary.recapStatus}`,
      );
      sessions.push(summary);
    }
  }

  const nextWeek = addDays(options.date, 7 * weeks);
  const students: StudentThread[] = [];
  const nextSlots = spreadOverDay(nextWeek, setup.students.length, options.timeZone);
  for (const [index, student] of setup.students.entries()) {
    students.push(
      await readLearningThread(options.client, {
        roomId: setup.roomId,
        student,
        nextSlot: nextSlots[index]!,
        timeZone: options.timeZone,
        timeoutMs: options.recapTimeoutMs,
      }),
    );
    log(`${student.studentName}: coverage, progress, risk and the next session's brief read`);
  }
  const threadReportFile = join(options.outDir, 'learning-thread.md');
  writeFileSync(
    threadReportFile,
    await renderThreadReport(options.client, {
      organizationName: organization.name,
      students,
      sessions,
      period: { from: options.date, to: addDays(nextWeek, 1) },
      timeZone: options.timeZone,
      curriculumLicense: curriculumFile.licenseNotice,
    }),
  );

  return {
    organizationName: organization.name,
    curriculumName: setup.curriculum.name,
    sessions,
    students,
    threadReportFile,
  };
}

/** Formats the summary as a fixed-width text table. */
export function formatSummaryTable(sessions: SessionSummary[]): string {
  const header = [
    'student',
    'week',
    'dialogue',
    'outcome',
    'check',
    'objectives',
    'misconceptions',
    'recap',
    'seconds',
  ];
  const check = (correct: boolean | null): string => {
    if (correct === null) {
      return 'none';
    }

    return correct ? 'correct' : 'incorrect';
  };
  const rows = sessions.map((row) => [
    row.studentName,
    String(row.sessionNumber),
    row.dialogueId,
    row.outcome,
    check(row.checkCorrect),
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
