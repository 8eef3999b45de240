import { AppError, ErrorCode, notFound } from '../common/app-error';

export const WebhookErrors = {
  notFound: (id: string, field = 'id') => notFound('Webhook subscription', id, field),
  deliveryNotFound: (id: string, field = 'id') => notFound('Webhook delivery', id, field),
  filterNotFound: (entity: string, id: string, field: string) => notFound(entity, id, field),
  pauseDisabled: (id: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Webhook subscription "${id}" is disabled, so it cannot be paused. Fix its target and resume it.`,
      { reason: 'WEBHOOK_SUBSCRIPTION_DISABLED', details: { currentStatus: 'disabled' } },
    ),
};
