/** The longest period a dashboard accepts, in days, counting both ends. */
export const MAX_PERIOD_DAYS = 366;

/** The period, in days up to and including today (UTC), used when `from` and `to` are left out. */
export const DEFAULT_PERIOD_DAYS = 30;

export const MAX_DASHBOARD_ROWS = 500;

export const DEFAULT_DASHBOARD_ROWS = 50;

export const SERIES_INTERVALS = ['day', 'week'] as const;

export type SeriesInterval = (typeof SERIES_INTERVALS)[number];
