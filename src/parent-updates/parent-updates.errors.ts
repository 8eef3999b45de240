import { AppError, ErrorCode, notFound } from '../common/app-error';
import { ParentUpdateStatus, PARENT_UPDATE_LIMITS } from './parent-update-limits';

export type ParentUpdateAction = 'edit' | 'approve' | 'reject';

const ACTION_VERBS: Record<ParentUpdateAction, string> = {
  edit: 'be edited',
  approve: 'be approved',
  reject: 'be rejected',
};

export const ParentUpdateErrors = {
  notFound: (id: string, field = 'id') => notFound('Parent update', id, field),
  /** Only a draft can be edited, approved or rejected. */
  assertDraft(action: ParentUpdateAction, id: string, status: ParentUpdateStatus): void {
    if (status === 'draft') {
      return;
    }
    const again =
      (action === 'approve' && status === 'approved') ||
      (action === 'reject' && status === 'rejected');
    throw new AppError(
      ErrorCode.Conflict,
      `Parent update "${id}" is ${status}; it cannot ${again ? `${ACTION_VERBS[action]} again` : ACTION_VERBS[action]}. ` +
        'Only draft parent updates can be edited, approved or rejected.',
      {
        reason: 'PARENT_UPDATE_ILLEGAL_TRANSITION',
        details: { currentStatus: status, requestedAction: action },
      },
    );
  },
  tooManyVersions: (id: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Parent update "${id}" has reached ${PARENT_UPDATE_LIMITS.versions} versions. Approve or reject it.`,
      { reason: 'PARENT_UPDATE_VERSION_LIMIT', field: 'body' },
    ),
};
