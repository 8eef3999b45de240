import {
  CurriculumFieldsFragment,
  HiLinkClient,
  HiLinkError,
  listAll,
  MemberFieldsFragment,
  ObjectiveFieldsFragment,
} from '../../sdk/src';
import { CurriculumFile, Dialogue } from './data';

export type CurriculumWithObjectives = CurriculumFieldsFragment & {
  objectives: ObjectiveFieldsFragment[];
};

/** One student with the enrollment that their sessions belong to. */
export interface EnrolledStudent {
  /** The dialogues of the student's sessions, in session order. */
  dialogues: Dialogue[];
  studentId: string;
  studentName: string;
  guardianEmail: string;
  guardianLanguage: string;
  instructor: MemberFieldsFragment;
  enrollmentId: string;
  /** The enrollment's planned objective sequence: every grade 7 objective. */
  plannedObjectiveCodes: string[];
}

export interface TutoringOrganization {
  curriculum: CurriculumWithObjectives;
  instructors: MemberFieldsFragment[];
  students: EnrolledStudent[];
  roomId: string;
}

/** Fictional instructors; the dialogues' real tutors are anonymous. */
const INSTRUCTORS = [
  { name: 'Maya Okafor', email: 'maya.okafor' },
  { name: 'Daniel Reyes', email: 'daniel.reyes' },
];
const GUARDIAN_LANGUAGES = ['en', 'es', 'pt-BR', 'de', 'fr'];

/**
 * Imports the curriculum, or reuses the one of the same name when the organization already has
 * it (a second run against the same server).
 */
export async function importCurriculum(
  client: HiLinkClient,
  file: CurriculumFile,
): Promise<CurriculumWithObjectives> {
  try {
    const result = await client.importCurriculum(file.document);

    return result.curriculum;
  } catch (error) {
    if (!(error instanceof HiLinkError) || error.code !== 'CONFLICT') {
      throw error;
    }
  }
  const curricula = await listAll((after) => client.curricula({ first: 100, after }));
  const existing = curricula.find((curriculum) => curriculum.name === file.name);
  if (!existing) {
    throw new Error(
      `importCurriculum reported a conflict, but no curriculum is named "${file.name}".`,
    );
  }

  return client.curriculum(existing.id);
}

async function createInstructors(
  client: HiLinkClient,
  runId: string,
  timeZone: string,
): Promise<MemberFieldsFragment[]> {
  const instructors: MemberFieldsFragment[] = [];
  for (const instructor of INSTRUCTORS) {
    instructors.push(
      await client.createMember({
        name: instructor.name,
        email: `${instructor.email}+${runId}@example.org`,
        role: 'instructor',
        timeZone,
      }),
    );
  }

  return instructors;
}

interface EnrollmentPlan {
  runId: string;
  timeZone: string;
  date: string;
  curriculumId: string;
  plannedCodes: string[];
}

async function enrollStudent(
  client: HiLinkClient,
  plan: EnrollmentPlan,
  dialogues: Dialogue[],
  index: number,
  instructor: MemberFieldsFragment,
): Promise<EnrolledStudent> {
  const number = String(index + 1).padStart(2, '0');
  const student = await client.createStudent({
    name: `Student ${number}`,
    externalId: `student-${number}-${plan.runId}`,
    gradeLevel: '7',
    timeZone: plan.timeZone,
  });
  const guardianLanguage = GUARDIAN_LANGUAGES[index % GUARDIAN_LANGUAGES.length] ?? 'en';
  const guardian = await client.createGuardian({
    name: `Guardian of Student ${number}`,
    email: `guardian-${number}+${plan.runId}@example.org`,
    preferredLanguage: guardianLanguage,
    relationship: 'parent',
  });
  await client.linkGuardian({ studentId: student.id, guardianId: guardian.id });
  const enrollment = await client.createEnrollment({
    studentId: student.id,
    instructorId: instructor.id,
    curriculumId: plan.curriculumId,
    startDate: plan.date,
    plannedObjectiveCodes: plan.plannedCodes,
  });

  return {
    dialogues,
    studentId: student.id,
    studentName: student.name,
    guardianEmail: guardian.email,
    guardianLanguage: guardian.preferredLanguage,
    instructor,
    enrollmentId: enrollment.id,
    plannedObjectiveCodes: enrollment.plannedObjectiveCodes,
  };
}

export interface SetupOptions {
  runId: string;
  timeZone: string;
  /** The first day of sessions, YYYY-MM-DD. */
  date: string;
  /** Sessions of each student; see dealDialogues. */
  sessionsPerStudent: number;
}

/** Outcomes from the student's best to worst, for dealing dialogues out. */
const OUTCOME_ORDER = ['solved', 'solved_after_tutor_revealed_answer', 'not_solved'];

/**
 * Deals `dialogues` out to `ceil(length / perStudent)` students, `perStudent` each, sorted by
 * annotated outcome: the first students get the solved dialogues and the last the unsolved
 * ones, so that their progress and risk differ as real students' do.
 */
export function dealDialogues(dialogues: Dialogue[], perStudent: number): Dialogue[][] {
  const rank = (dialogue: Dialogue): number => {
    const index = OUTCOME_ORDER.indexOf(dialogue.outcome);

    return index === -1 ? OUTCOME_ORDER.length : index;
  };
  const sorted = [...dialogues].sort((a, b) => rank(a) - rank(b));
  const hands: Dialogue[][] = [];
  for (let start = 0; start < sorted.length; start += perStudent) {
    hands.push(sorted.slice(start, start + perStudent));
  }

  return hands;
}

/**
 * Prepares the organization: curriculum, instructors, students with a guardian and an enrollment
 * each (grade 7 objectives as the planned sequence), and a room.
 */
export async function setUpOrganization(
  client: HiLinkClient,
  curriculumFile: CurriculumFile,
  dialogues: Dialogue[],
  options: SetupOptions,
): Promise<TutoringOrganization> {
  const curriculum = await importCurriculum(client, curriculumFile);
  const instructors = await createInstructors(client, options.runId, options.timeZone);
  const plan: EnrollmentPlan = {
    ...options,
    curriculumId: curriculum.id,
    plannedCodes: curriculum.objectives
      .filter((objective) => objective.grade === '7')
      .map((objective) => objective.code),
  };
  const students: EnrolledStudent[] = [];
  for (const [index, hand] of dealDialogues(dialogues, options.sessionsPerStudent).entries()) {
    const instructor = instructors[index % instructors.length] as MemberFieldsFragment;
    students.push(await enrollStudent(client, plan, hand, index, instructor));
  }
  const room = await client.createRoom({
    name: `Math tutoring room ${options.runId}`,
    description: 'One-to-one grade 7 math tutoring',
    capacity: 4,
    enabledTools: ['audio', 'video', 'chat', 'whiteboard', 'polls', 'transcription'],
  });

  return { curriculum, instructors, students, roomId: room.id };
}
