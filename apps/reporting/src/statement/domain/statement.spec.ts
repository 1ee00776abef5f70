import { closingOf, computeStatement, controlMismatches } from './statement';
import { factsOf } from './movement-facts';

const envelope = (type: string, data: object, id: string) => ({
  id,
  type,
  version: 1,
  source: 'consignment',
  subject: 's',
  partitionKey: 'a',
  time: '2026-11-01T00:00:00+00:00',
  correlationId: 'c',
  causationId: null,
  actor: { id: 'x', role: 'venue' as const, scope: 'V' },
  data,
});
const K = 'k0000000-0000-7000-8000-000000000001';
const T = 't0000000-0000-7000-8000-000000000002';

/** A month at the lounge: October stock carried over, November receipt, sales (one discounted), a return, shrinkage. */
const events = [
  envelope(
    'consignment.receipt.confirmed',
    { period: '2026-10', lines: [{ productId: K, accepted: 10, damaged: 0, short: 0, unitPrice: 10_000 }] },
    'e1',
  ),
  envelope(
    'consignment.sales.recorded',
    { lines: [{ receiptNo: 'R0', lineNo: 1, productId: K, quantity: 4, amount: 40_000, listPrice: 10_000, period: '2026-10' }] },
    'e2',
  ),
  envelope(
    'consignment.receipt.confirmed',
    {
      period: '2026-11',
      lines: [
        { productId: K, accepted: 18, damaged: 1, short: 1, unitPrice: 10_000 },
        { productId: T, accepted: 10, damaged: 0, short: 0, unitPrice: 8_000 },
      ],
    },
    'e3',
  ),
  envelope(
    'consignment.sales.recorded',
    {
      lines: [
        { receiptNo: 'R1', lineNo: 1, productId: K, quantity: 3, amount: 30_000, listPrice: 10_000, period: '2026-11' },
        { receiptNo: 'R1', lineNo: 1, productId: K, quantity: 2, amount: 20_000, listPrice: 10_000, period: '2026-11' },
        // two at 7,000 against a list price of 8,000: a discount of 2,000
        { receiptNo: 'R1', lineNo: 2, productId: T, quantity: 2, amount: 14_000, listPrice: 8_000, period: '2026-11' },
        { receiptNo: 'R2', lineNo: 1, productId: T, quantity: 1, amount: 8_000, listPrice: 8_000, period: '2026-12' },
      ],
    },
    'e4',
  ),
  envelope('consignment.sale.reversed', { period: '2026-11', lots: [{ productId: T, quantity: 1, unitPrice: 7_000 }] }, 'e5'),
  envelope('consignment.return.shipped', { period: '2026-11', lines: [{ productId: K, quantity: 1, unitPrice: 10_000 }] }, 'e6'),
  envelope('consignment.stock.adjusted', { period: '2026-11', lines: [{ productId: T, variance: -1, unitPrice: 8_000 }] }, 'e7'),
  envelope('consignment.dispatch.created', { lines: [] }, 'e8'),
].map((e) => factsOf(e));

const SHARES = [
  { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
  { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 art. 29' },
  { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990' },
];
const VENUE_LIABLE = { commissionBp: 1_000, shrinkageLiability: 'VENUE' as const };
const UPT_LIABLE = { commissionBp: 1_000, shrinkageLiability: 'UPT' as const };

describe('settlement statement', () => {
  const figures = computeStatement(events, '2026-11', VENUE_LIABLE, SHARES);

  it('computes every figure per product, by hand', () => {
    expect(figures.lines).toEqual([
      {
        productId: K,
        opening: 6,
        received: 19,
        damaged: 1,
        short: 1,
        sold: 5,
        grossAtListPrice: 50_000,
        discounts: 0,
        grossSales: 50_000,
        customerReturns: 0,
        customerReturnsValue: 0,
        netSales: 50_000,
        returned: 1,
        returnedValue: 10_000,
        adjusted: 0,
        adjustedValue: 0,
        shrinkageCharge: 0,
        closing: 19,
      },
      {
        productId: T,
        opening: 0,
        received: 10,
        damaged: 0,
        short: 0,
        sold: 2,
        grossAtListPrice: 16_000,
        discounts: 2_000,
        grossSales: 14_000,
        customerReturns: 1,
        customerReturnsValue: 7_000,
        netSales: 7_000,
        returned: 0,
        returnedValue: 0,
        adjusted: 1,
        adjustedValue: 8_000,
        shrinkageCharge: 8_000,
        closing: 8,
      },
    ]);
  });

  it('totals, commission, the shrinkage the venue bears, proceeds and a split whose parts sum to the proceeds', () => {
    expect(figures.totals).toMatchObject({
      opening: 6,
      received: 29,
      sold: 7,
      grossAtListPrice: 66_000,
      discounts: 2_000,
      grossSales: 64_000,
      netSales: 57_000,
      adjustedValue: 8_000,
      shrinkageCharge: 8_000,
      closing: 27,
    });
    // commission on what was sold: 10 % of 57,000 = 5,700; proceeds = 57,000 − 5,700 + 8,000 (one Telang lost, at its dispatch price) = 59,300
    expect(figures.commission).toBe(5_700);
    expect(figures.shrinkageLiability).toBe('VENUE');
    expect(figures.proceeds).toBe(59_300);
    // 15 / 50 / 35 % of 59,300
    expect(figures.split!.map((p) => [p.name, p.amount])).toEqual([
      ['PNBP', 8_895],
      ['PREMI', 29_650],
      ['CAPITAL', 20_755],
    ]);
  });

  it('charges no shrinkage when the UPT bears it: the proceeds are net sales less commission', () => {
    const upt = computeStatement(events, '2026-11', UPT_LIABLE, SHARES);
    expect(upt.totals).toMatchObject({ adjustedValue: 8_000, shrinkageCharge: 0, discounts: 2_000 });
    expect(upt.proceeds).toBe(51_300);
  });

  it('never credits units found over: a product found over charges nothing, and does not offset another lost', () => {
    const found = factsOf(
      envelope(
        'consignment.stock.adjusted',
        { period: '2026-11', lines: [{ productId: K, variance: 2, unitPrice: 10_000 }] }, // two Keripik found over
        'e9',
      ),
    );
    const withFound = computeStatement([...events, found], '2026-11', VENUE_LIABLE, SHARES);
    expect(withFound.lines.map((l) => [l.adjustedValue, l.shrinkageCharge])).toEqual([
      [-20_000, 0],
      [8_000, 8_000],
    ]);
    expect(withFound.totals.shrinkageCharge).toBe(8_000);
    expect(withFound.proceeds).toBe(59_300);
  });

  it('recomputes the control totals a period close announces, and names any difference', () => {
    expect(figures.controlTotals).toEqual({
      movements: [
        { kind: 'ADJUSTMENT', count: 1, quantity: -1, amount: -8_000 },
        { kind: 'CUSTOMER_RETURN', count: 1, quantity: 1, amount: 7_000 },
        { kind: 'RECEIVED', count: 2, quantity: 28, amount: 260_000 },
        { kind: 'RECEIVED_DAMAGED', count: 1, quantity: 1, amount: 10_000 },
        { kind: 'RETURNED_TO_UPT', count: 1, quantity: -1, amount: -10_000 },
        { kind: 'SOLD', count: 3, quantity: -7, amount: -64_000 },
      ],
      receipts: 1,
      shortQuantity: 1,
      saleLines: 2,
    });
    expect(controlMismatches(figures.controlTotals, figures.controlTotals)).toEqual([]);
    const announced = {
      ...figures.controlTotals,
      saleLines: 3,
      movements: figures.controlTotals.movements.filter((m) => m.kind !== 'ADJUSTMENT'),
    };
    expect(controlMismatches(figures.controlTotals, announced)).toEqual([
      'ADJUSTMENT count: events give 1, the close says 0',
      'ADJUSTMENT quantity: events give -1, the close says 0',
      'ADJUSTMENT amount: events give -8000, the close says 0',
      'saleLines: events give 2, the close says 3',
    ]);
  });

  it("gives the same figures from the previous month's closing as from the whole history", () => {
    const october = computeStatement(events, '2026-10', VENUE_LIABLE, null);
    const opening = new Map(october.lines.map((l) => [l.productId, l.closing]));
    const fromOpening = computeStatement(
      events,
      '2026-11',
      VENUE_LIABLE,
      figures.split!.map((p) => ({ name: p.name, basisPoints: p.basisPoints, legalReference: p.legalReference })),
      opening,
    );
    expect(fromOpening).toEqual(figures);
  });

  it('keeps the stock identity for every product and in total', () => {
    for (const line of [...figures.lines, figures.totals]) expect(closingOf(line)).toBe(line.closing);
  });
});
