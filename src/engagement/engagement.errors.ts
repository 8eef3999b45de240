import { AppError, ErrorCode, FieldProblem } from '../common/app-error';
import { MAX_BATCH_EVENTS } from './engagement-limits';

/** Problems listed in one error at most; the count of all of them is in the message. */
const MAX_LISTED_PROBLEMS = 20;

/** Builds one error of `code` that lists every problem, the first one's field as its field. */
function listProblems(code: ErrorCode, reason: string, problems: FieldProblem[]): AppError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const first = listed[0];
  const more = problems.length - listed.length;
  const message =
    problems.length === 1 && first
      ? first.message
      : `${problems.length} events were rejected, so none was stored: ` +
        `${listed.map((problem) => problem.message).join(' ')}${more > 0 ? ` And ${more} more.` : ''}`;

  return new AppError(code, message, { reason, field: first?.field, problems: listed });
}

export const EngagementErrors = {
  /** Rejects events whose fields do not fit their type, their session or the clock. */
  invalidEvents: (problems: FieldProblem[]) =>
    listProblems(ErrorCode.BadUserInput, 'VALIDATION_FAILED', problems),
  /** Rejects events that name participants who are not in the session. */
  unknownParticipants: (problems: FieldProblem[]) =>
    listProblems(ErrorCode.NotFound, 'PARTICIPANT_NOT_FOUND', problems),
  /** Rejects events that the caller may not report. */
  forbiddenEvents: (problems: FieldProblem[], reason: string) =>
    listProblems(ErrorCode.Forbidden, reason, problems),
  tooManyEvents: (count: number) =>
    new AppError(
      ErrorCode.BadUserInput,
      `events has ${count} events, but a batch holds at most ${MAX_BATCH_EVENTS}. Split it into smaller batches.`,
      { field: 'events', reason: 'TOO_MANY_EVENTS' },
    ),
  sessionClosed: (sessionId: string, status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}, so it accepts no engagement events.`,
      { field: 'sessionId', reason: 'SESSION_CLOSED', details: { currentStatus: status } },
    ),
};
