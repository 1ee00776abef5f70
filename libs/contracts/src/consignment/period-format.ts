/** A settlement period: a calendar month, YYYY-MM. */
export const PERIOD_FORMAT = /^\d{4}-(0[1-9]|1[0-2])$/;
