import { DispatchCreated, SalesRecorded, type EventEnvelope } from '@titipan/contracts';
import { nationalDeltas, projectionDeltas, type AgreementCalendar, type MonthlyDelta, type ProjectionDeltas } from './projection-deltas';

const month = (change: Partial<MonthlyDelta>): MonthlyDelta => ({
  period: '2026-06',
  agreementId: 'a1',
  productId: 'p1',
  dispatched: 0,
  received: 0,
  damaged: 0,
  short: 0,
  sold: 0,
  grossSales: 0,
  customerReturns: 0,
  returnsValue: 0,
  ...change,
});

const deltasOf = (...rows: MonthlyDelta[]): ProjectionDeltas => ({
  stock: new Map(),
  daily: new Map(),
  monthly: new Map(rows.map((r) => [`${r.period}|${r.agreementId}|${r.productId}`, r])),
});

describe('the national rollup per month and product', () => {
  it('sums the monthly deltas of every agreement per month and product', () => {
    const national = nationalDeltas(
      deltasOf(
        month({ agreementId: 'a1', sold: 2, grossSales: 20_000, received: 5 }),
        month({ agreementId: 'a2', sold: 1, grossSales: 10_000, returnsValue: 3_000 }),
        month({ agreementId: 'a1', productId: 'p2', sold: 4, grossSales: 8_000 }),
        month({ period: '2026-07', agreementId: 'a1', sold: 1, grossSales: 10_000 }),
      ),
    );
    expect([...national.values()]).toEqual([
      { period: '2026-06', productId: 'p1', received: 5, sold: 3, grossSales: 30_000, returnsValue: 3_000 },
      { period: '2026-06', productId: 'p2', received: 0, sold: 4, grossSales: 8_000, returnsValue: 0 },
      { period: '2026-07', productId: 'p1', received: 0, sold: 1, grossSales: 10_000, returnsValue: 0 },
    ]);
  });

  it('keeps a product that was only dispatched, at zero, as monthly_product keeps its row', () => {
    expect([...nationalDeltas(deltasOf(month({ dispatched: 7 }))).values()]).toEqual([
      { period: '2026-06', productId: 'p1', received: 0, sold: 0, grossSales: 0, returnsValue: 0 },
    ]);
  });
});

const WITA = 'Asia/Makassar';
const MONTHLY = '00000000-0000-4000-8000-000000000001';
const EXHIBITION = '00000000-0000-4000-8000-000000000002';
const PRODUCT = '00000000-0000-4000-8000-0000000000aa';
const calendars = new Map<string, AgreementCalendar>([
  [MONTHLY, { timeZone: WITA, eventDays: null }],
  [EXHIBITION, { timeZone: WITA, eventDays: { first: '2026-12-07', last: '2026-12-09' } }],
]);

function event(type: string, data: object): EventEnvelope<unknown> {
  return {
    id: `${type}-${JSON.stringify(data).length}`,
    type,
    version: 1,
    source: 'consignment',
    subject: 'x',
    partitionKey: 'x',
    time: '2026-12-01T00:00:00Z',
    correlationId: 'c',
    causationId: null,
    actor: { role: 'system' } as EventEnvelope['actor'],
    data,
  };
}

const dispatch = (agreementId: string, dispatchedAt: string) =>
  event(DispatchCreated.type, {
    agreementId,
    dispatchedAt,
    lines: [{ lineNo: 1, productId: PRODUCT, lotCode: 'L1', quantity: 5, unitPrice: 10_000 }],
  });

describe('projection deltas and event periods', () => {
  it('a dispatch to a monthly agreement counts in the venue month of its day', () => {
    // 2026-11-30T16:30Z is 00:30 on 1 December in WITA
    const d = projectionDeltas([dispatch(MONTHLY, '2026-11-30T16:30:00Z')], (id) => calendars.get(id));
    expect([...d.monthly.values()].map((m) => [m.period, m.dispatched])).toEqual([['2026-12', 5]]);
  });

  it('a dispatch to an exhibition, days before it opens, counts in its event period', () => {
    const d = projectionDeltas([dispatch(EXHIBITION, '2026-12-03T02:00:00Z')], (id) => calendars.get(id));
    expect([...d.monthly.values()].map((m) => [m.period, m.dispatched])).toEqual([['2026-12-07..2026-12-09', 5]]);
  });

  it('sales keep the period consignment dated them in, and their day in the venue zone', () => {
    const sale = event(SalesRecorded.type, {
      agreementId: EXHIBITION,
      lines: [
        {
          period: '2026-12-07..2026-12-09',
          productId: PRODUCT,
          lotCode: 'L1',
          quantity: 2,
          amount: 18_000,
          soldAt: '2026-12-09T15:59:00Z', // 23:59 WITA on the last day
        },
      ],
    });
    const d = projectionDeltas([sale], (id) => calendars.get(id));
    expect([...d.monthly.values()].map((m) => [m.period, m.sold, m.grossSales])).toEqual([['2026-12-07..2026-12-09', 2, 18_000]]);
    expect([...d.daily.values()].map((x) => [x.day, x.quantity])).toEqual([['2026-12-09', 2]]);
  });
});
