import { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS, SeriesInterval } from './dashboard-limits';
import { DashboardErrors } from './dashboards.errors';
import { DashboardPeriod } from './dto/dashboard.views';

const DAY_MS = 86_400_000;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export const dayString = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => dayString(dayNumber(date) + days);

/**
 * Resolves the period of a dashboard request: both ends inclusive, DEFAULT_PERIOD_DAYS ending
 * today (UTC) when both are left out. Raises BAD_USER_INPUT when from is after to or the period
 * is longer than MAX_PERIOD_DAYS.
 */
export function resolvePeriod(
  filter: { from?: string; to?: string },
  today = new Date(),
): DashboardPeriod {
  const span = DEFAULT_PERIOD_DAYS - 1;
  const to =
    filter.to ?? (filter.from ? addDays(filter.from, span) : today.toISOString().slice(0, 10));
  const from = filter.from ?? addDays(to, -span);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) {
    throw DashboardErrors.periodReversed(from, to);
  }
  if (days > MAX_PERIOD_DAYS) {
    throw DashboardErrors.periodTooLong(from, to, days);
  }

  return { from, to, days };
}

/** Returns the start of the bucket of `day`: the day itself, or its ISO week's Monday but not before `from`. */
export function bucketStart(day: string, interval: SeriesInterval, from: string): string {
  if (interval === 'day') {
    return day;
  }
  const number = dayNumber(day);
  // 1970-01-01 was a Thursday, so (number + 3) % 7 is 0 on Mondays.
  const monday = number - ((number + 3) % 7);

  return dayString(Math.max(monday, dayNumber(from)));
}

/** Lists the bucket starts of the period, oldest first. */
export function bucketStarts(period: DashboardPeriod, interval: SeriesInterval): string[] {
  const starts = new Set<string>();
  for (let offset = 0; offset < period.days; offset += 1) {
    starts.add(bucketStart(addDays(period.from, offset), interval, period.from));
  }

  return [...starts];
}
