export interface ReceiptLineInput {
  dispatched: number;
  accepted: number;
  damaged: number;
  short: number;
  reason?: string;
}

/**
 * Berita acara serah terima: every dispatched unit is accounted for as accepted, damaged or short,
 * and a line that was not accepted in full says why. Returns what is wrong, or nothing.
 */
export function receiptLineProblems(line: ReceiptLineInput): { code: string; message: string }[] {
  const problems: { code: string; message: string }[] = [];
  const counted = line.accepted + line.damaged + line.short;
  if (counted !== line.dispatched) {
    problems.push({
      code: 'RECEIPT_UNBALANCED',
      message: `accepted ${line.accepted} + damaged ${line.damaged} + short ${line.short} = ${counted}, but ${line.dispatched} were dispatched`,
    });
  }
  if (line.accepted < line.dispatched && !(line.reason && line.reason.trim())) {
    problems.push({ code: 'DISCREPANCY_REASON_REQUIRED', message: 'a line not accepted in full needs a reason' });
  }
  return problems;
}
