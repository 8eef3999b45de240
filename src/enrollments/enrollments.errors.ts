import { AppError, ErrorCode } from '../common/app-error';
import { EnrollmentStatus } from './enrollment.entity';

export const EnrollmentErrors = {
  illegalTransition: (
    id: string,
    from: EnrollmentStatus,
    to: EnrollmentStatus,
    allowed: readonly EnrollmentStatus[],
  ) =>
    new AppError(
      ErrorCode.Conflict,
      `Enrollment "${id}" is ${from} and cannot become ${to}. ` +
        (allowed.length
          ? `From ${from} it can become: ${allowed.join(', ')}.`
          : `A ${from} enrollment is final.`),
      { reason: 'ENROLLMENT_ILLEGAL_TRANSITION', field: 'status', details: { from, to } },
    ),
  finalPlan: (id: string, status: EnrollmentStatus) =>
    new AppError(
      ErrorCode.Conflict,
      `Enrollment "${id}" is ${status}, so its plannedObjectiveCodes can no longer change.`,
      { reason: 'ENROLLMENT_FINAL', field: 'plannedObjectiveCodes' },
    ),
};
