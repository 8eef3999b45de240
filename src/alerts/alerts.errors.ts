import { AppError, ErrorCode, notFound } from '../common/app-error';

export const AlertErrors = {
  notFound: (id: string, field = 'id') => notFound('Alert', id, field),
  alreadyAcknowledged: (id: string, at: Date) =>
    new AppError(
      ErrorCode.Conflict,
      `Alert "${id}" was already acknowledged at ${at.toISOString()}.`,
      {
        reason: 'ALERT_ALREADY_ACKNOWLEDGED',
        field: 'id',
        details: { acknowledgedAt: at.toISOString() },
      },
    ),
};
