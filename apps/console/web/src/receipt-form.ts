/** The receipt (BAST) form's rule, checked before sending: the service applies the same (RECEIPT_UNBALANCED, DISCREPANCY_REASON_REQUIRED). */
export interface ReceiptLineForm {
  lineNo: number;
  dispatched: number;
  accepted: number;
  damaged: number;
  short: number;
  reason: string;
}

export type ReceiptLineProblem = 'UNBALANCED' | 'REASON_REQUIRED' | 'NOT_A_COUNT';

export function receiptLineProblems(line: ReceiptLineForm): ReceiptLineProblem[] {
  const counts = [line.accepted, line.damaged, line.short];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return ['NOT_A_COUNT'];
  const problems: ReceiptLineProblem[] = [];
  if (line.accepted + line.damaged + line.short !== line.dispatched) problems.push('UNBALANCED');
  if (line.accepted < line.dispatched && !line.reason.trim()) problems.push('REASON_REQUIRED');
  return problems;
}

export const receiptReady = (lines: ReceiptLineForm[]): boolean =>
  lines.length > 0 && lines.every((l) => receiptLineProblems(l).length === 0);
