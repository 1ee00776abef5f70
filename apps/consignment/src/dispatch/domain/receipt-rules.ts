import { allRefusals, firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Dispatch } from './dispatch';
import { stillInTransit, type TransitRefusalCode } from './dispatch-rules';

/** Every reason a line of a dispatch receipt (berita acara serah terima) is refused. */
export type ReceiptLineRefusalCode = 'RECEIPT_UNBALANCED' | 'DISCREPANCY_REASON_REQUIRED';

/** Every reason a venue's receipt of a dispatch is refused. */
export type ReceiptRefusalCode = TransitRefusalCode | 'RECEIVED_BEFORE_DISPATCH' | 'RECEIPT_LINES_MISMATCH' | ReceiptLineRefusalCode;

export const RECEIPT_REFUSAL_KIND: Record<ReceiptRefusalCode, ErrorKind> = {
  ALREADY_RECEIVED: 'conflict',
  DISPATCH_CANCELLED: 'conflict',
  RECEIVED_BEFORE_DISPATCH: 'rule',
  RECEIPT_LINES_MISMATCH: 'validation',
  RECEIPT_UNBALANCED: 'rule',
  DISCREPANCY_REASON_REQUIRED: 'rule',
};

export interface ReceiptLineInput {
  dispatched: number;
  accepted: number;
  damaged: number;
  short: number;
  reason?: string;
}

type ReceiptLineRule = Rule<ReceiptLineInput, ReceiptLineRefusalCode>;

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
export function receiptLineProblems(line: ReceiptLineInput): Refusal<ReceiptLineRefusalCode>[] {
  return allRefusals(RECEIPT_LINE_RULES, line);
}

/** One line of the venue's receipt: what came of a dispatch line. */
export interface ReceivedLine {
  lineNo: number;
  accepted: number;
  damaged: number;
  short: number;
  reason?: string;
}

/** A venue's receipt of a dispatch, against the dispatch as it stands. */
export interface ReceiptCandidate {
  dispatch: Pick<Dispatch, 'number' | 'status' | 'dispatchedAt' | 'lines'>;
  receivedAt: Date;
  lines: readonly ReceivedLine[];
}

type ReceiptRule = Rule<ReceiptCandidate, ReceiptRefusalCode>;

export const dispatchInTransit: ReceiptRule = ({ dispatch }) => stillInTransit(dispatch);

export const notReceivedBeforeDispatch: ReceiptRule = ({ dispatch, receivedAt }) =>
  receivedAt < new Date(dispatch.dispatchedAt)
    ? { code: 'RECEIVED_BEFORE_DISPATCH', message: 'receivedAt is before the goods were dispatched', details: { field: 'receivedAt' } }
    : undefined;

/** The receipt names each dispatch line exactly once, and nothing else. */
export const eachLineOnce: ReceiptRule = ({ dispatch, lines }) => {
  const lineNos = new Set(lines.map((l) => l.lineNo));
  const matches =
    lineNos.size === lines.length && lineNos.size === dispatch.lines.length && dispatch.lines.every((l) => lineNos.has(l.lineNo));
  return matches
    ? undefined
    : {
        code: 'RECEIPT_LINES_MISMATCH',
        message: `the receipt must account for each of the ${dispatch.lines.length} dispatch lines exactly once`,
        details: { expected: dispatch.lines.map((l) => l.lineNo) },
      };
};

/** Every line holds the receipt line rules; the first line that does not is the answer, with its first problem. */
export const linesHold: ReceiptRule = ({ dispatch, lines }) => {
  for (const line of dispatch.lines) {
    const received = lines.find((l) => l.lineNo === line.lineNo)!;
    const [problem] = receiptLineProblems({ dispatched: line.quantity, ...received });
    if (problem) return { code: problem.code, message: `line ${line.lineNo}: ${problem.message}`, details: { line: line.lineNo } };
  }
  return undefined;
};

/** The rules of a venue's receipt of a dispatch, in the order they are applied. */
export const RECEIPT_RULES: readonly ReceiptRule[] = [dispatchInTransit, notReceivedBeforeDispatch, eachLineOnce, linesHold];

export function receiptRefusal(candidate: ReceiptCandidate): Refusal<ReceiptRefusalCode> | undefined {
  return firstRefusal(RECEIPT_RULES, candidate);
}
