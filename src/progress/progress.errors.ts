import { AppError, ErrorCode, notFound } from '../common/app-error';

export const ProgressErrors = {
  recordNotFound: (id: string, field = 'id') => notFound('Progress record', id, field),
  /** Replaces the field of a NOT_FOUND raised by another module with the input field of this request. */
  renameNotFound(error: unknown, entity: string, id: string, field: string): unknown {
    return error instanceof AppError && error.code === ErrorCode.NotFound
      ? notFound(entity, id, field)
      : error;
  },
  unknownObjective: (code: string, curriculumId: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `objectiveCode "${code}" is not an objective of curriculum "${curriculumId}". Use a code from the curriculum's objectives.`,
      { reason: 'PROGRESS_UNKNOWN_OBJECTIVE', field: 'objectiveCode' },
    ),
  notEnrolled: (studentId: string, curriculumId: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `Student "${studentId}" has no enrollment in curriculum "${curriculumId}". Enroll the student first, or pass a curriculumId the student is enrolled in.`,
      { reason: 'PROGRESS_NOT_ENROLLED', field: 'curriculumId' },
    ),
  studentTokenForbidden: () =>
    new AppError(
      ErrorCode.Forbidden,
      'Only instructors and API keys can override progress; a student or observer token cannot.',
      { reason: 'INSTRUCTOR_ONLY' },
    ),
  notInstructorOfStudent: () =>
    new AppError(
      ErrorCode.Forbidden,
      'This instructor token belongs to a session that does not teach the student in this curriculum. Use a token of such a session, or an API key.',
      { reason: 'PARTICIPANT_WRONG_SESSION' },
    ),
  sessionNotOfStudent: (sessionId: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `Session "${sessionId}" does not teach the student in this curriculum. Pass a session of one of the student's enrollments, or leave sessionId out.`,
      { reason: 'PROGRESS_SESSION_MISMATCH', field: 'sessionId' },
    ),
  noOverride: (id: string) =>
    new AppError(ErrorCode.Conflict, `Progress record "${id}" has no override to clear.`, {
      reason: 'PROGRESS_NO_OVERRIDE',
    }),
  blankReason: () =>
    new AppError(
      ErrorCode.BadUserInput,
      'reason must not be blank: say why the status changes, in up to 1000 characters.',
      { reason: 'INVALID_INPUT', field: 'reason' },
    ),
  periodReversed: (from: string, to: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `to (${to}) must be after from (${from}): swap the two values or widen the period.`,
      { reason: 'INVALID_PERIOD', field: 'to' },
    ),
};
