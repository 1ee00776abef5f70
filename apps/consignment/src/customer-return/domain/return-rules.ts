import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { RecordedSaleLine } from '../../sale/domain/sale-line';
import { isResentReturn, type CustomerReturn, type CustomerReturnInput } from './customer-return';

/** Every reason a customer return is refused once its sale line is found. */
export type CustomerReturnRefusalCode = 'RETURN_NO_CONFLICT' | 'RETURNED_BEFORE_SALE' | 'RETURN_EXCEEDS_SALE';

export const CUSTOMER_RETURN_REFUSAL_KIND: Record<CustomerReturnRefusalCode, ErrorKind> = {
  RETURN_NO_CONFLICT: 'conflict',
  RETURNED_BEFORE_SALE: 'rule',
  RETURN_EXCEEDS_SALE: 'rule',
};

/** Everything a return slip is judged on. */
export interface CustomerReturnCandidate {
  input: CustomerReturnInput;
  returnedAt: Date;
  sale: RecordedSaleLine;
  /** The return recorded earlier under the same slip number, if any (a resend was answered before). */
  recorded: CustomerReturn | undefined;
  /** Units of the sale line returned before. */
  alreadyReturned: number;
}

type CustomerReturnRule = Rule<CustomerReturnCandidate, CustomerReturnRefusalCode>;

export const returnNoNotUsedOtherwise: CustomerReturnRule = ({ input, recorded }) =>
  recorded && !isResentReturn(input, recorded)
    ? {
        code: 'RETURN_NO_CONFLICT',
        message: `return ${input.returnNo} was already recorded with other content`,
        details: { recorded },
      }
    : undefined;

export const returnedAfterSale: CustomerReturnRule = ({ returnedAt, sale }) =>
  returnedAt < new Date(sale.soldAt)
    ? { code: 'RETURNED_BEFORE_SALE', message: 'returnedAt is before the sale', details: { field: 'returnedAt', soldAt: sale.soldAt } }
    : undefined;

export const withinSoldQuantity: CustomerReturnRule = ({ input, sale, alreadyReturned }) =>
  input.quantity > sale.quantity - alreadyReturned
    ? {
        code: 'RETURN_EXCEEDS_SALE',
        message: `${input.quantity} returned, but ${sale.quantity - alreadyReturned} of ${sale.quantity} remain on the sale`,
        details: { sold: sale.quantity, returned: alreadyReturned, requested: input.quantity },
      }
    : undefined;

/** The rules of a customer return, in the order they are applied. */
export const CUSTOMER_RETURN_RULES: readonly CustomerReturnRule[] = [returnNoNotUsedOtherwise, returnedAfterSale, withinSoldQuantity];

export function customerReturnRefusal(candidate: CustomerReturnCandidate): Refusal<CustomerReturnRefusalCode> | undefined {
  return firstRefusal(CUSTOMER_RETURN_RULES, candidate);
}
