import {
  EnrollmentCoverageQuery,
  HiLinkClient,
  SessionBriefFieldsFragment,
  SessionFieldsFragment,
  StudentEngagementTrendQuery,
  StudentProgressQuery,
  StudentRiskQuery,
} from '../../sdk/src';
import { Slot } from './schedule';
import { EnrolledStudent } from './setup';

/** The learning thread of one student after their sessions, with the next session. */
export interface StudentThread {
  student: EnrolledStudent;
  coverage: EnrollmentCoverageQuery['enrollmentCoverage'];
  /** Progress records of the objectives the student has evidence on. */
  progress: StudentProgressQuery['studentProgress'];
  risk: StudentRiskQuery['studentRisk'];
  engagement: StudentEngagementTrendQuery['studentEngagementTrend'];
  nextSession: SessionFieldsFragment;
  /** The instructor's brief for the next session, approved. */
  brief: SessionBriefFieldsFragment;
}

export interface ThreadOptions {
  roomId: string;
  student: EnrolledStudent;
  nextSlot: Slot;
  timeZone: string;
  timeoutMs?: number;
}

const POLL_INTERVAL_MS = 200;

/** Asks for the session's brief now and waits until the draft is ready. */
async function draftBrief(
  client: HiLinkClient,
  sessionId: string,
  timeoutMs = 120_000,
): Promise<SessionBriefFieldsFragment> {
  const job = await client.requestSessionBrief(sessionId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const brief = await client.sessionBrief(sessionId);
    if (brief) {
      return brief;
    }
    const { status, lastError } = await client.job(job.id);
    if (status === 'failed') {
      throw new Error(
        `The brief of session ${sessionId} failed: ${lastError ?? 'no reason given'}.`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`The brief of session ${sessionId} was not drafted within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Returns the objectives to plan for the next session: the first ones of the plan not yet covered. */
function nextObjectives(coverage: StudentThread['coverage'], count = 2): string[] {
  return coverage.objectives
    .filter((objective) => objective.status !== 'covered')
    .sort((a, b) => (a.planPosition ?? Infinity) - (b.planPosition ?? Infinity))
    .slice(0, count)
    .map((objective) => objective.objectiveCode);
}

/**
 * Reads a student's coverage, progress, risk and engagement trend, then schedules their next
 * session on the objectives the plan has not covered yet. The instructor's brief for it is
 * drafted at once and approved, as the instructor would after reading it.
 */
export async function readLearningThread(
  client: HiLinkClient,
  options: ThreadOptions,
): Promise<StudentThread> {
  const { student } = options;
  const before = await client.enrollmentCoverage(student.enrollmentId);
  const progress = (await client.studentProgress({ studentId: student.studentId })).filter(
    (record) => record.evidenceCount > 0 || record.override !== null,
  );
  const risk = await client.studentRisk(student.studentId);
  const engagement = await client.studentEngagementTrend({ studentId: student.studentId });
  const nextSession = await client.createSession({
    roomId: options.roomId,
    enrollmentIds: [student.enrollmentId],
    title: `Next session of ${student.studentName}`,
    timeZone: options.timeZone,
    phases: [
      { kind: 'warm_up', title: 'Revisit open gaps', plannedMinutes: 5 },
      {
        kind: 'instruction',
        title: 'New objectives',
        plannedMinutes: 20,
        objectiveCodes: nextObjectives(before),
      },
      { kind: 'close', title: 'Check understanding', plannedMinutes: 5 },
    ],
    ...options.nextSlot,
  });
  // Read again, so that the next session's objectives show as planned.
  const coverage = await client.enrollmentCoverage(student.enrollmentId);
  const draft = await draftBrief(client, nextSession.id, options.timeoutMs);
  const brief = await client.approveSessionBrief(draft.id);

  return { student, coverage, progress, risk, engagement, nextSession, brief };
}
