import { AppError, ErrorCode, FieldProblem, notFound } from '../common/app-error';
import { RECAP_LIMITS, RecapStatus } from './recap-limits';

export type RecapAction = 'edit' | 'approve' | 'reject';

const ACTION_VERBS: Record<RecapAction, string> = {
  edit: 'be edited',
  approve: 'be approved',
  reject: 'be rejected',
};

export const RecapErrors = {
  notFound: (id: string, field = 'id') => notFound('Recap', id, field),
  /** Only a draft can be edited, approved or rejected. */
  assertDraft(action: RecapAction, id: string, status: RecapStatus): void {
    if (status === 'draft') {
      return;
    }
    const again =
      (action === 'approve' && status === 'approved') ||
      (action === 'reject' && status === 'rejected');
    throw new AppError(
      ErrorCode.Conflict,
      `Recap "${id}" is ${status}; it cannot ${again ? `${ACTION_VERBS[action]} again` : ACTION_VERBS[action]}. ` +
        'Only draft recaps can be edited, approved or rejected; request a new recap of the session instead.',
      {
        reason: 'RECAP_ILLEGAL_TRANSITION',
        details: { currentStatus: status, requestedAction: action },
      },
    );
  },
  sessionNotEnded: (sessionId: string, status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}; a recap needs an ended or documented session. End the session first.`,
      { reason: 'RECAP_SESSION_NOT_ENDED', field: 'sessionId', details: { sessionStatus: status } },
    ),
  generationInProgress: (sessionId: string, recapId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `A recap of session "${sessionId}" is already being generated (recap "${recapId}"). Wait for it to finish.`,
      { reason: 'RECAP_GENERATION_IN_PROGRESS', field: 'sessionId', details: { recapId } },
    ),
  tooManyVersions: (id: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Recap "${id}" has reached ${RECAP_LIMITS.versions} versions. Approve or reject it, or request a new recap.`,
      { reason: 'RECAP_VERSION_LIMIT', field: 'content' },
    ),
  invalidContent: (problems: FieldProblem[]) =>
    new AppError(
      ErrorCode.BadUserInput,
      problems.length === 1
        ? `Invalid recap content: ${problems[0]?.message}`
        : `Invalid recap content in ${problems.length} fields: ${problems.map((p) => p.message).join(' ')}`,
      { reason: 'RECAP_CONTENT_INVALID', field: problems[0]?.field, problems },
    ),
};
