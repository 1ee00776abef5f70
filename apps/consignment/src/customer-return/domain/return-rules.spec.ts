import type { RecordedSaleLine } from '../../sale/domain/sale-line';
import type { CustomerReturn } from './customer-return';
import { CUSTOMER_RETURN_RULES, customerReturnRefusal, type CustomerReturnCandidate } from './return-rules';

const sale: RecordedSaleLine = {
  venueCode: 'IMI-TGR-LOUNGE',
  receiptNo: 'TGR-0001',
  lineNo: 1,
  agreementId: 'agreement-1',
  productId: 'product-1',
  quantity: 5,
  unitPrice: 25_000,
  listPrice: 25_000,
  amount: 125_000,
  discountReason: null,
  soldAt: '2026-11-25T03:00:00.000Z',
  period: '2026-11',
  allocations: [{ lotCode: 'L1', expiryDate: '2027-01-01', quantity: 5 }],
  batchId: 'batch-1',
};

const input = { returnNo: 'RT-0001', receiptNo: 'TGR-0001', lineNo: 1, quantity: 2, resellable: true };

const candidate = (change: Partial<CustomerReturnCandidate> = {}): CustomerReturnCandidate => ({
  input,
  returnedAt: new Date('2026-11-26T03:00:00Z'),
  sale,
  recorded: undefined,
  alreadyReturned: 0,
  ...change,
});

const recorded: CustomerReturn = {
  status: 'accepted',
  ...input,
  agreementId: 'agreement-1',
  amount: 50_000,
  returnedAt: '2026-11-26T03:00:00.000Z',
  period: '2026-11',
  lots: [],
};

describe('customer return rules', () => {
  it('applies its rules in order, and lets a valid return through', () => {
    expect(CUSTOMER_RETURN_RULES.map((rule) => rule.name)).toEqual(['returnNoNotUsedOtherwise', 'returnedAfterSale', 'withinSoldQuantity']);
    expect(customerReturnRefusal(candidate())).toBeUndefined();
  });

  it('refuses RETURN_NO_CONFLICT for a slip number recorded with other content, not for a resend', () => {
    expect(customerReturnRefusal(candidate({ recorded: { ...recorded, quantity: 1 } }))).toEqual({
      code: 'RETURN_NO_CONFLICT',
      message: 'return RT-0001 was already recorded with other content',
      details: { recorded: { ...recorded, quantity: 1 } },
    });
    expect(customerReturnRefusal(candidate({ recorded }))).toBeUndefined();
  });

  it('refuses RETURNED_BEFORE_SALE, and passes a return at the moment of sale', () => {
    expect(customerReturnRefusal(candidate({ returnedAt: new Date('2026-11-25T02:59:59Z') }))).toEqual({
      code: 'RETURNED_BEFORE_SALE',
      message: 'returnedAt is before the sale',
      details: { field: 'returnedAt', soldAt: sale.soldAt },
    });
    expect(customerReturnRefusal(candidate({ returnedAt: new Date(sale.soldAt) }))).toBeUndefined();
  });

  it('refuses RETURN_EXCEEDS_SALE with what remains, and passes returning the rest', () => {
    expect(customerReturnRefusal(candidate({ alreadyReturned: 4 }))).toEqual({
      code: 'RETURN_EXCEEDS_SALE',
      message: '2 returned, but 1 of 5 remain on the sale',
      details: { sold: 5, returned: 4, requested: 2 },
    });
    expect(customerReturnRefusal(candidate({ alreadyReturned: 3 }))).toBeUndefined();
  });
});
