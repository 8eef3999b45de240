import { AppError, ErrorCode } from '../common/app-error';

export const OrganizationErrors = {
  notPlatform: () =>
    new AppError(
      ErrorCode.Forbidden,
      'Only an admin key of the platform organization can create organizations.',
      { reason: 'NOT_PLATFORM_ORGANIZATION' },
    ),
  apiKeyAlreadyRevoked: (id: string) =>
    new AppError(ErrorCode.Conflict, `API key "${id}" is already revoked.`, {
      reason: 'API_KEY_ALREADY_REVOKED',
      field: 'id',
    }),
  cannotRevokeOwnKey: () =>
    new AppError(
      ErrorCode.Conflict,
      'A key cannot revoke itself: use another admin key, so the organization keeps access.',
      { reason: 'API_KEY_REVOKES_ITSELF', field: 'id' },
    ),
};
