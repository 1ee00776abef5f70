import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Bucket } from '../../stock/domain/movement';

/** Every reason a return to the UPT, or its receipt by the UPT, is refused. */
export type UptReturnRefusalCode = 'INSUFFICIENT_STOCK' | 'ALREADY_RECEIVED';

export const UPT_RETURN_REFUSAL_KIND: Record<UptReturnRefusalCode, ErrorKind> = {
  INSUFFICIENT_STOCK: 'conflict',
  ALREADY_RECEIVED: 'conflict',
};

/** One line of a return being shipped, against what is still on hand once the earlier lines are taken. */
export interface ReturnLineCandidate {
  lineNo: number;
  quantity: number;
  bucket: Bucket;
  onHand: number;
}

export const enoughOnHand: Rule<ReturnLineCandidate, UptReturnRefusalCode> = ({ lineNo, quantity, bucket, onHand }) =>
  quantity > onHand
    ? {
        code: 'INSUFFICIENT_STOCK',
        message: `line ${lineNo}: ${quantity} to return, ${onHand} on hand in ${bucket}`,
        details: { line: lineNo, requested: quantity, available: onHand },
      }
    : undefined;

/** The rules of each line of a return to the UPT, in order. */
export const RETURN_LINE_RULES: readonly Rule<ReturnLineCandidate, UptReturnRefusalCode>[] = [enoughOnHand];

export function returnLineRefusal(candidate: ReturnLineCandidate): Refusal<UptReturnRefusalCode> | undefined {
  return firstRefusal(RETURN_LINE_RULES, candidate);
}

/** A return the UPT says arrived. */
export interface ReturnReceiptCandidate {
  returnId: string;
  status: string;
}

export const stillShipped: Rule<ReturnReceiptCandidate, UptReturnRefusalCode> = ({ returnId, status }) =>
  status !== 'SHIPPED'
    ? {
        code: 'ALREADY_RECEIVED',
        message: `return ${returnId} is ${status}`,
        details: { current: status, requested: 'RECEIVED' },
      }
    : undefined;

/** The rules of the UPT's receipt of a return, in order. */
export const RETURN_RECEIPT_RULES: readonly Rule<ReturnReceiptCandidate, UptReturnRefusalCode>[] = [stillShipped];

export function returnReceiptRefusal(candidate: ReturnReceiptCandidate): Refusal<UptReturnRefusalCode> | undefined {
  return firstRefusal(RETURN_RECEIPT_RULES, candidate);
}
