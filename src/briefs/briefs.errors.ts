import { AppError, ErrorCode, notFound } from '../common/app-error';
import { BRIEF_LIMITS, BriefStatus } from './brief-limits';

export type BriefAction = 'edit' | 'approve' | 'reject';

const ACTION_VERBS: Record<BriefAction, string> = {
  edit: 'be edited',
  approve: 'be approved',
  reject: 'be rejected',
};

export const BriefErrors = {
  notFound: (id: string, field = 'id') => notFound('Session brief', id, field),
  noBrief: (sessionId: string) =>
    new AppError(
      ErrorCode.NotFound,
      `Session "${sessionId}" has no brief yet. Request one with POST /v1/sessions/${sessionId}/brief ` +
        '(GraphQL requestSessionBrief), then read it when the job has succeeded.',
      { reason: 'SESSION_BRIEF_NOT_FOUND', field: 'id' },
    ),
  sessionNotScheduled: (sessionId: string, status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}; briefs are drafted only for scheduled sessions. ` +
        'Pick a session that has not started.',
      {
        reason: 'SESSION_NOT_SCHEDULED',
        field: 'sessionId',
        details: { currentStatus: status },
      },
    ),
  /** Only a draft can be edited, approved or rejected. */
  assertDraft(action: BriefAction, id: string, status: BriefStatus): void {
    if (status === 'draft') {
      return;
    }
    const again =
      (action === 'approve' && status === 'approved') ||
      (action === 'reject' && status === 'rejected');
    throw new AppError(
      ErrorCode.Conflict,
      `Session brief "${id}" is ${status}; it cannot ${again ? `${ACTION_VERBS[action]} again` : ACTION_VERBS[action]}. ` +
        'Only draft briefs can be edited, approved or rejected; request a new brief instead.',
      {
        reason: 'SESSION_BRIEF_ILLEGAL_TRANSITION',
        details: { currentStatus: status, requestedAction: action },
      },
    );
  },
  tooManyVersions: (id: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session brief "${id}" has reached ${BRIEF_LIMITS.versions} versions. Approve or reject it.`,
      { reason: 'SESSION_BRIEF_VERSION_LIMIT', field: 'content' },
    ),
};
