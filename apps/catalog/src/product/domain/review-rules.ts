import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { addDays, jakartaDate } from './calendar';

/** Every reason a curation review is refused before the product's own rules are applied. */
export type ReviewRefusalCode = 'DECIDED_IN_FUTURE' | 'DECIDED_TOO_LONG_AGO';

export const REVIEW_REFUSAL_KIND: Record<ReviewRefusalCode, ErrorKind> = { DECIDED_IN_FUTURE: 'rule', DECIDED_TOO_LONG_AGO: 'rule' };

/** How long after the curation board decided its decision may still be recorded: a year (a leap year's worth). */
export const MAX_RECORDING_DELAY_DAYS = 366;

/** The day the curation board decided (WIB), as the curator records it, and now. */
export interface ReviewDay {
  decidedOn: string;
  now: Date;
}

/**
 * A decision taken on paper (berita acara kurasi) may be recorded later, dated the day it was taken; it cannot
 * be dated after today. Approval takes effect from the start of that day, so documents are checked against it.
 */
export const notDecidedInFuture: Rule<ReviewDay, ReviewRefusalCode> = ({ decidedOn, now }) =>
  decidedOn > jakartaDate(now)
    ? {
        code: 'DECIDED_IN_FUTURE',
        message: `decidedOn ${decidedOn} is after today (${jakartaDate(now)}, WIB)`,
        details: { field: 'decidedOn', today: jakartaDate(now) },
      }
    : undefined;

/** A decision taken on paper is recorded within a year; older ones are not backdated into the catalog. */
export const decidedWithinAYear: Rule<ReviewDay, ReviewRefusalCode> = ({ decidedOn, now }) => {
  const earliest = addDays(jakartaDate(now), -MAX_RECORDING_DELAY_DAYS);
  return decidedOn < earliest
    ? {
        code: 'DECIDED_TOO_LONG_AGO',
        message: `decidedOn ${decidedOn} is more than ${MAX_RECORDING_DELAY_DAYS} days ago; the earliest day is ${earliest}`,
        details: { field: 'decidedOn', earliest },
      }
    : undefined;
};

export const REVIEW_RULES: readonly Rule<ReviewDay, ReviewRefusalCode>[] = [notDecidedInFuture, decidedWithinAYear];

export function reviewRefusal(day: ReviewDay): Refusal<ReviewRefusalCode> | undefined {
  return firstRefusal(REVIEW_RULES, day);
}

/** When an approval decided on a WIB day takes effect: the start of that day, or now when decided today. */
export function approvalTime(decidedOn: string, now: Date): Date {
  return decidedOn === jakartaDate(now) ? now : new Date(`${decidedOn}T00:00:00+07:00`);
}
