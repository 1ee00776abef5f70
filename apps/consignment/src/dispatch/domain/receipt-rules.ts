import { allRefusals, type Refusal, type Rule } from '@titipan/kernel';

/** Every reason a line of a dispatch receipt (berita acara serah terima) is refused. */
export type ReceiptRefusalCode = 'RECEIPT_UNBALANCED' | 'DISCREPANCY_REASON_REQUIRED';

export interface ReceiptLineInput {
  dispatched: number;
  accepted: number;
  damaged: number;
  short: number;
  reason?: string;
}

type ReceiptLineRule = Rule<ReceiptLineInput, ReceiptRefusalCode>;

/** Every dispatched unit is accounted for as accepted, damaged or short. */
export const unitsAccountedFor: ReceiptLineRule = (line) => {
  const counted = line.accepted + line.damaged + line.short;
  return counted === line.dispatched
    ? undefined
    : {
        code: 'RECEIPT_UNBALANCED',
        message: `accepted ${line.accepted} + damaged ${line.damaged} + short ${line.short} = ${counted}, but ${line.dispatched} were dispatched`,
      };
};

/** A line that was not accepted in full says why. */
export const discrepancyExplained: ReceiptLineRule = (line) =>
  line.accepted < line.dispatched && !line.reason?.trim()
    ? { code: 'DISCREPANCY_REASON_REQUIRED', message: 'a line not accepted in full needs a reason' }
    : undefined;

/** The rules of a receipt line, in the order they are applied. */
export const RECEIPT_LINE_RULES: readonly ReceiptLineRule[] = [unitsAccountedFor, discrepancyExplained];

/** What is wrong with a receipt line, every problem in rule order; empty when it holds. */
export function receiptLineProblems(line: ReceiptLineInput): Refusal<ReceiptRefusalCode>[] {
  return allRefusals(RECEIPT_LINE_RULES, line);
}
