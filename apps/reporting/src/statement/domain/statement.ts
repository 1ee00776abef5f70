import type { ShrinkageLiability } from '@titipan/contracts';
import type { EventFacts, MovementKind } from './movement-facts';
import { basisPointsOf, splitByLargestRemainder, type SplitPart, type SplitShare } from './split';

/** Stock and money of one product (or of all) under one agreement in one month. */
export interface Figures {
  opening: number;
  received: number;
  damaged: number;
  short: number;
  sold: number;
  /** Value of the units sold at their list price; grossSales is this less discounts. */
  grossAtListPrice: number;
  /** How far below their list price the units sold went: grossAtListPrice − grossSales. */
  discounts: number;
  grossSales: number;
  customerReturns: number;
  customerReturnsValue: number;
  netSales: number;
  returned: number;
  returnedValue: number;
  /** Units lost (positive) or found (negative) by stock counts. */
  adjusted: number;
  adjustedValue: number;
  /** What the venue pays for units lost in its care, when it bears them: adjustedValue, never below zero. */
  shrinkageCharge: number;
  closing: number;
}

export interface ControlTotals {
  /** Per movement kind; `kind` is a string because the period close names kinds as consignment spells them. */
  movements: { kind: string; count: number; quantity: number; amount: number }[];
  receipts: number;
  shortQuantity: number;
  saleLines: number;
}

/** The agreement's terms a statement is computed under. */
export interface StatementTerms {
  commissionBp: number;
  shrinkageLiability: ShrinkageLiability;
}

export interface StatementFigures {
  lines: (Figures & { productId: string })[];
  totals: Figures;
  commissionBp: number;
  commission: number;
  shrinkageLiability: ShrinkageLiability;
  /** Net sales less commission, plus the shrinkage charge: what the venue owes the UPT. */
  proceeds: number;
  split: SplitPart[] | null;
  controlTotals: ControlTotals;
}

const zero = (): Figures => ({
  opening: 0,
  received: 0,
  damaged: 0,
  short: 0,
  sold: 0,
  grossAtListPrice: 0,
  discounts: 0,
  grossSales: 0,
  customerReturns: 0,
  customerReturnsValue: 0,
  netSales: 0,
  returned: 0,
  returnedValue: 0,
  adjusted: 0,
  adjustedValue: 0,
  shrinkageCharge: 0,
  closing: 0,
});

/** Opening + received − sold + customer returns − returned − adjusted = closing. */
export function closingOf(f: Figures): number {
  return f.opening + f.received - f.sold + f.customerReturns - f.returned - f.adjusted;
}

/**
 * The settlement figures of one agreement and month. Opening stock comes from `opening` (the previous
 * month's closing, per product) when given, and then only the month's own facts count; otherwise from
 * the facts of every earlier month. Pure: the same facts always give the same figures.
 *
 * Commission is earned on what was actually sold (net sales after discounts and customer returns); a venue that
 * bears shrinkage adds the value of the units it lost, per product and never below zero, to what it owes, and
 * the split divides that total like sales.
 */
export function computeStatement(
  facts: EventFacts[],
  period: string,
  terms: StatementTerms,
  shares: SplitShare[] | null,
  opening?: Map<string, number>,
): StatementFigures {
  const byProduct = new Map<string, Figures>();
  for (const [productId, quantity] of opening ?? []) {
    const f = zero();
    f.opening = quantity;
    byProduct.set(productId, f);
  }
  const of = (productId: string) => {
    let f = byProduct.get(productId);
    if (!f) byProduct.set(productId, (f = zero()));
    return f;
  };
  const kinds = new Map<MovementKind, { count: number; quantity: number; amount: number }>();
  let receipts = 0;
  let shortQuantity = 0;
  const saleLines = new Set<string>();

  for (const event of facts) {
    for (const m of event.movements) {
      if (m.period > period || (opening && m.period < period)) continue;
      const f = of(m.productId);
      if (m.period < period) {
        f.opening += m.quantity;
        continue;
      }
      const k = kinds.get(m.kind) ?? { count: 0, quantity: 0, amount: 0 };
      k.count += 1;
      k.quantity += m.quantity;
      k.amount += m.amount;
      kinds.set(m.kind, k);
      switch (m.kind) {
        case 'RECEIVED':
          f.received += m.quantity;
          break;
        case 'RECEIVED_DAMAGED':
          f.received += m.quantity;
          f.damaged += m.quantity;
          break;
        case 'SOLD':
          f.sold -= m.quantity;
          f.grossSales -= m.amount;
          f.grossAtListPrice -= m.listAmount ?? m.amount;
          break;
        case 'CUSTOMER_RETURN':
          f.customerReturns += m.quantity;
          f.customerReturnsValue += m.amount;
          break;
        case 'RETURNED_TO_UPT':
          f.returned -= m.quantity;
          f.returnedValue -= m.amount;
          break;
        case 'ADJUSTMENT':
          f.adjusted -= m.quantity;
          f.adjustedValue -= m.amount;
          break;
      }
    }
    for (const s of event.shorts) {
      if (s.period !== period) continue;
      of(s.productId).short += s.quantity;
      shortQuantity += s.quantity;
    }
    receipts += event.receipts.filter((r) => r.period === period).length;
    for (const l of event.saleLines) if (l.period === period) saleLines.add(`${l.receiptNo}#${l.lineNo}`);
  }

  const lines = [...byProduct.entries()]
    .map(([productId, f]) => {
      f.discounts = f.grossAtListPrice - f.grossSales;
      f.netSales = f.grossSales - f.customerReturnsValue;
      f.shrinkageCharge = terms.shrinkageLiability === 'VENUE' ? Math.max(0, f.adjustedValue) : 0;
      f.closing = closingOf(f);
      return { productId, ...f };
    })
    .filter((l) => Object.entries(l).some(([k, v]) => k !== 'productId' && v !== 0))
    .sort((a, b) => a.productId.localeCompare(b.productId));
  const totals = zero();
  for (const line of lines) for (const key of Object.keys(totals) as (keyof Figures)[]) totals[key] += line[key];
  const commission = basisPointsOf(totals.netSales, terms.commissionBp);
  const proceeds = totals.netSales - commission + totals.shrinkageCharge;
  return {
    lines,
    totals,
    commissionBp: terms.commissionBp,
    commission,
    shrinkageLiability: terms.shrinkageLiability,
    proceeds,
    split: shares ? splitByLargestRemainder(proceeds, shares) : null,
    controlTotals: {
      movements: [...kinds.entries()].map(([kind, k]) => ({ kind, ...k })).sort((a, b) => a.kind.localeCompare(b.kind)),
      receipts,
      shortQuantity,
      saleLines: saleLines.size,
    },
  };
}

/** Where a statement's own control totals differ from those the period close announced; empty when they agree. */
export function controlMismatches(mine: ControlTotals, announced: ControlTotals): string[] {
  const problems: string[] = [];
  const kinds = new Set([...mine.movements.map((m) => m.kind), ...announced.movements.map((m) => m.kind)]);
  for (const kind of [...kinds].sort()) {
    const a = mine.movements.find((m) => m.kind === kind) ?? { count: 0, quantity: 0, amount: 0 };
    const b = announced.movements.find((m) => m.kind === kind) ?? { count: 0, quantity: 0, amount: 0 };
    for (const field of ['count', 'quantity', 'amount'] as const) {
      if (a[field] !== b[field]) problems.push(`${kind} ${field}: events give ${a[field]}, the close says ${b[field]}`);
    }
  }
  for (const field of ['receipts', 'shortQuantity', 'saleLines'] as const) {
    if (mine[field] !== announced[field]) problems.push(`${field}: events give ${mine[field]}, the close says ${announced[field]}`);
  }
  return problems;
}
