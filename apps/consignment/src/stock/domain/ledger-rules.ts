import { refuse, type ErrorKind, type Refusal } from '@titipan/kernel';

export type LedgerRefusalCode = 'PERIOD_CLOSED';

/** A movement dated in a closed month conflicts with the close (409). */
export const LEDGER_REFUSAL_KIND: Record<LedgerRefusalCode, ErrorKind> = { PERIOD_CLOSED: 'conflict' };

/** Nothing may be dated in a month already closed for the agreement: its statement is computed from it. */
export function periodsOpen(closed: string[]): Refusal<LedgerRefusalCode> | undefined {
  if (closed.length === 0) return undefined;
  return { code: 'PERIOD_CLOSED', message: `period ${closed.join(', ')} is closed for this agreement`, details: { periods: closed } };
}

/** Throws PERIOD_CLOSED when any of the months a document's movements fall in is closed. */
export function assertPeriodsOpen(closed: string[]): void {
  const refusal = periodsOpen(closed);
  if (refusal) refuse(refusal, LEDGER_REFUSAL_KIND);
}
