import { AppError, ErrorCode } from '../common/app-error';
import { MemberRole } from './member.entity';

export const MemberErrors = {
  emailTaken: (email: string) =>
    new AppError(
      ErrorCode.Conflict,
      `email "${email}" already belongs to another member of this organization. Use another email or update that member.`,
      { reason: 'MEMBER_EMAIL_TAKEN', field: 'email' },
    ),
  externalIdTaken: (externalId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `externalId "${externalId}" already belongs to another member of this organization. Use another externalId.`,
      { reason: 'MEMBER_EXTERNAL_ID_TAKEN', field: 'externalId' },
    ),
  alreadyDeactivated: (id: string) =>
    new AppError(ErrorCode.Conflict, `Member "${id}" is already deactivated.`, {
      reason: 'MEMBER_ALREADY_DEACTIVATED',
      field: 'id',
    }),
  wrongRole: (field: string, id: string, expected: MemberRole, actual: MemberRole) =>
    new AppError(
      ErrorCode.BadUserInput,
      `${field} "${id}" is a member with role "${actual}", but the role must be "${expected}". Pass the id of an ${expected}.`,
      { reason: 'MEMBER_WRONG_ROLE', field },
    ),
  deactivated: (field: string, id: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `${field} "${id}" is a deactivated member. Pass the id of an active member.`,
      { reason: 'MEMBER_DEACTIVATED', field },
    ),
};
