import { firstRefusal, type ErrorKind, type Refusal } from '@titipan/kernel';

export type StockCountRefusalCode = 'DUPLICATE_LINE' | 'LOT_UNKNOWN';
export type StockCountRefusal = Refusal<StockCountRefusalCode>;

/** A line counted twice is a malformed request (400); a lot never received here breaks a rule (422). */
export const STOCK_COUNT_REFUSAL_KIND: Record<StockCountRefusalCode, ErrorKind> = { DUPLICATE_LINE: 'validation', LOT_UNKNOWN: 'rule' };

/** One counted line, with what the ledger knows of its lot. */
export interface CountLine {
  /** 1-based, as the caller numbers the lines. */
  line: number;
  lotCode: string;
  /** The line that first counted this lot (itself when it is the first). */
  firstLineOfLot: number;
  /** The lot has a balance in either bucket and a dispatch price: it was received here. */
  known: boolean;
}

export function lotCountedOnce(l: CountLine): StockCountRefusal | undefined {
  if (l.firstLineOfLot === l.line) return undefined;
  return { code: 'DUPLICATE_LINE', message: `line ${l.line} counts the same lot twice`, details: { line: l.line } };
}

export function lotReceivedHere(l: CountLine): StockCountRefusal | undefined {
  if (l.known) return undefined;
  return { code: 'LOT_UNKNOWN', message: `line ${l.line}: lot ${l.lotCode} was never received here`, details: { line: l.line } };
}

/** Per line, in this order. */
export const COUNT_LINE_RULES = [lotCountedOnce, lotReceivedHere] as const;

/** The first refusal of the first line that has one (lines in their order), or nothing when the count can be taken. */
export function stockCountRefusal(lines: CountLine[]): StockCountRefusal | undefined {
  for (const line of lines) {
    const refusal = firstRefusal(COUNT_LINE_RULES, line);
    if (refusal) return refusal;
  }
  return undefined;
}
