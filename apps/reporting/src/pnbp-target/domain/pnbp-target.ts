/** One revision of a UPT's yearly PNBP target: the amount in effect from a day of the year until the next revision. */
export interface PnbpTargetRevision {
  uptCode: string;
  year: number;
  amount: number;
  /** A day (WIB) of the target's year. */
  effectiveFrom: string;
  /** The decree or letter that set it; null for revisions set before references were recorded. */
  legalReference: string | null;
  setAt: string;
  setBy: string;
}

/** The revision in effect on a day: the latest effective on or before it. */
export function targetOn(history: readonly PnbpTargetRevision[], day: string): PnbpTargetRevision | undefined {
  let current: PnbpTargetRevision | undefined;
  for (const revision of history) {
    if (revision.effectiveFrom <= day && (!current || revision.effectiveFrom > current.effectiveFrom)) current = revision;
  }
  return current;
}

/** A day moved into a year: 1 January for a day before it, 31 December for one after it. */
export function dayWithinYear(day: string, year: number): string {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return day < first ? first : day > last ? last : day;
}

/**
 * From when a new revision counts when the ministry names no day: the first of a year takes effect from 1 January,
 * a later one from today (WIB), kept within the year.
 */
export function defaultEffectiveFrom(history: readonly PnbpTargetRevision[], year: number, today: string): string {
  return history.length === 0 ? `${year}-01-01` : dayWithinYear(today, year);
}
