import {
  EnrollmentCoverageQuery,
  HiLinkClient,
  SessionFieldsFragment,
  StudentEngagementTrendQuery,
  StudentProgressQuery,
  StudentRiskQuery,
} from '../../sdk/src';
import { Slot } from './schedule';
import { EnrolledStudent } from './setup';

/** What HiLink knows about one student after their sessions, and the next session ahead. */
export interface StudentThread {
  student: EnrolledStudent;
  coverage: EnrollmentCoverageQuery['enrollmentCoverage'];
  /** Progress records of the objectives the student has evidence on. */
  progress: StudentProgressQuery['studentProgress'];
  risk: StudentRiskQuery['studentRisk'];
  engagement: StudentEngagementTrendQuery['studentEngagementTrend'];
  nextSession: SessionFieldsFragment;
}

export interface ThreadOptions {
  roomId: string;
  student: EnrolledStudent;
  nextSlot: Slot;
  timeZone: string;
  timeoutMs?: number;
}

/** The planned objectives of the next session: the first ones of the plan not yet covered. */
function nextObjectives(coverage: StudentThread['coverage'], count = 2): string[] {
  return coverage.objectives
    .filter((objective) => objective.status !== 'covered')
    .sort((a, b) => (a.planPosition ?? Infinity) - (b.planPosition ?? Infinity))
    .slice(0, count)
    .map((objective) => objective.objectiveCode);
}

/**
 * Reads a student's coverage, progress, risk and engagement trend, then schedules their next
 * session on the objectives the plan has not covered yet.
 */
export async function readLearningThread(
  client: HiLinkClient,
  options: ThreadOptions,
): Promise<StudentThread> {
  const { student } = options;
  const coverage = await client.enrollmentCoverage(student.enrollmentId);
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
        objectiveCodes: nextObjectives(coverage),
      },
      { kind: 'close', title: 'Check understanding', plannedMinutes: 5 },
    ],
    ...options.nextSlot,
  });

  return { student, coverage, progress, risk, engagement, nextSession };
}
