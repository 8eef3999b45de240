import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { PhaseInput } from './dto/create-session.input';
import { ParticipantRole } from './participant.entity';
import { RosterEnrollment, SESSION_ROSTER, SessionRoster } from './roster';
import { SessionErrors } from './sessions.errors';

/** A participant row to create, before it has a session. */
export interface ParticipantDraft {
  role: ParticipantRole;
  identity: string;
  displayName: string;
  memberId: string | null;
  studentId: string | null;
}

export interface SessionRosterPlan {
  enrollments: RosterEnrollment[];
  participants: ParticipantDraft[];
}

export const memberIdentity = (memberId: string): string => `member:${memberId}`;
export const studentIdentity = (studentId: string): string => `student:${studentId}`;

/** Resolves a new session's enrollments into participants and checks its planned objectives. */
@Injectable()
export class SessionPlanner {
  constructor(@Inject(SESSION_ROSTER) private readonly roster: SessionRoster) {}

  async planRoster(ctx: RequestContext, enrollmentIds: string[]): Promise<SessionRosterPlan> {
    const enrollments = await this.roster.findEnrollments(ctx, enrollmentIds);
    const found = new Set(enrollments.map((enrollment) => enrollment.id));
    const missing = enrollmentIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw SessionErrors.unknownEnrollments(missing);
    }

    const instructorIds = unique(enrollments.map((enrollment) => enrollment.instructorId));
    const studentIds = unique(enrollments.map((enrollment) => enrollment.studentId));
    const [members, students] = await Promise.all([
      this.roster.findMembers(ctx, instructorIds),
      this.roster.findStudents(ctx, studentIds),
    ]);
    const instructors: ParticipantDraft[] = members.map((member) => ({
      role: 'instructor',
      identity: memberIdentity(member.id),
      displayName: member.name,
      memberId: member.id,
      studentId: null,
    }));
    const learners: ParticipantDraft[] = students.map((student) => ({
      role: 'student',
      identity: studentIdentity(student.id),
      displayName: student.name,
      memberId: null,
      studentId: student.id,
    }));

    return { enrollments, participants: [...instructors, ...learners] };
  }

  /** Raises BAD_USER_INPUT on the first phase that plans a code outside the enrollments' curricula. */
  async checkObjectives(
    ctx: RequestContext,
    enrollments: RosterEnrollment[],
    phases: PhaseInput[],
  ): Promise<void> {
    const requested = unique(phases.flatMap((phase) => phase.objectiveCodes ?? []));
    if (requested.length === 0) {
      return;
    }
    const curriculumIds = unique(enrollments.map((enrollment) => enrollment.curriculumId));
    const known = new Set<string>();
    for (const curriculumId of curriculumIds) {
      const codes = await this.roster.findObjectiveCodes(ctx, curriculumId, requested);
      codes.forEach((code) => known.add(code));
    }

    phases.forEach((phase, index) => {
      const unknown = (phase.objectiveCodes ?? []).filter((code) => !known.has(code));
      if (unknown.length > 0) {
        throw SessionErrors.unknownObjectives(index, unknown);
      }
    });
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
