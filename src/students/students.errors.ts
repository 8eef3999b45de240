import { AppError, ErrorCode } from '../common/app-error';

/** Maximum guardians per student and maximum students per guardian. */
export const MAX_GUARDIANS_PER_STUDENT = 10;
export const MAX_STUDENTS_PER_GUARDIAN = 50;

export const StudentErrors = {
  externalIdTaken: (externalId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `externalId "${externalId}" already belongs to another student of this organization. Use another externalId.`,
      { reason: 'STUDENT_EXTERNAL_ID_TAKEN', field: 'externalId' },
    ),
  linkNotFound: (studentId: string, guardianId: string) =>
    new AppError(
      ErrorCode.NotFound,
      `Guardian "${guardianId}" is not linked to student "${studentId}". Check the guardianId.`,
      { reason: 'STUDENT_GUARDIAN_LINK_NOT_FOUND', field: 'guardianId' },
    ),
  tooManyGuardians: (studentId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Student "${studentId}" already has ${MAX_GUARDIANS_PER_STUDENT} guardians, the maximum. Unlink one first.`,
      { reason: 'STUDENT_TOO_MANY_GUARDIANS', field: 'studentId' },
    ),
  tooManyStudents: (guardianId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Guardian "${guardianId}" is already linked to ${MAX_STUDENTS_PER_GUARDIAN} students, the maximum. Unlink one first.`,
      { reason: 'GUARDIAN_TOO_MANY_STUDENTS', field: 'guardianId' },
    ),
};
