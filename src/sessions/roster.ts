import { RequestContext } from '../common/request-context';

/** The fields of an enrollment that session creation uses. */
export interface RosterEnrollment {
  id: string;
  studentId: string;
  instructorId: string;
  curriculumId: string;
}

/** A person who becomes a participant, with the name shown in the classroom. */
export interface RosterPerson {
  id: string;
  name: string;
}

/**
 * The lookups that session creation needs from the enrollment, student, member and curriculum
 * modules. Each method filters on ctx.organizationId, so another organization's ids are absent.
 */
export interface SessionRoster {
  findEnrollments(ctx: RequestContext, ids: string[]): Promise<RosterEnrollment[]>;
  findStudents(ctx: RequestContext, ids: string[]): Promise<RosterPerson[]>;
  findMembers(ctx: RequestContext, ids: string[]): Promise<RosterPerson[]>;
  /** Returns the subset of `codes` that are objectives of the curriculum. */
  findObjectiveCodes(ctx: RequestContext, curriculumId: string, codes: string[]): Promise<string[]>;
}

export const SESSION_ROSTER = Symbol('SESSION_ROSTER');
