import { AppError, ErrorCode } from '../common/app-error';
import { MAX_PERIOD_DAYS } from './dashboard-limits';

export const DashboardErrors = {
  periodReversed: (from: string, to: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `from (${from}) is after to (${to}): swap the two dates, or pick a from on or before ${to}.`,
      { reason: 'INVALID_PERIOD', field: 'from' },
    ),
  periodTooLong: (from: string, to: string, days: number) =>
    new AppError(
      ErrorCode.BadUserInput,
      `The period from ${from} to ${to} spans ${days} days, more than the maximum of ${MAX_PERIOD_DAYS}: move from or to closer together, and query a longer span in several periods.`,
      { reason: 'PERIOD_TOO_LONG', field: 'to', details: { days, maxDays: MAX_PERIOD_DAYS } },
    ),
};
