/**
 * Pengiriman: the UPT's dispatch form, checked line by line before it is sent, by the rules consignment applies
 * to POST /dispatches (DISPATCH_LINE_RULES and the DTO): a product of the UPT's approved catalog, a lot code, an
 * expiry date for anything perishable and not before the day the goods leave (the venue's day), a whole quantity,
 * and no product and lot twice. Plain TS, unit-tested in dispatch-form.spec.ts.
 */

/** LOT_CODE_PATTERN of @titipan/contracts (console-upt-copies.spec.ts keeps them equal). */
export const LOT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
/** MAX_LINE_QUANTITY and MAX_LINES_PER_EVENT of @titipan/contracts. */
export const MAX_DISPATCH_QUANTITY = 1_000_000;
export const MAX_DISPATCH_LINES = 500;

/** A catalog product the UPT may send: approved and consignable. */
export interface DispatchProduct {
  id: string;
  sku: string;
  name: string;
  /** null: the goods do not expire (no expiry date needed). */
  shelfLifeDays: number | null;
  price: number;
}

/** One line as typed: every field is the input's text until the form is sent. */
export interface DispatchLineForm {
  /** Stable across edits and removals (the list is keyed by it). */
  key: number;
  productId: string;
  lotCode: string;
  expiryDate: string;
  quantity: string;
}

export type DispatchLineProblem =
  'PRODUCT' | 'LOT_CODE' | 'EXPIRY_REQUIRED' | 'EXPIRY_NOT_A_DAY' | 'LOT_EXPIRED' | 'QUANTITY' | 'DUPLICATE';

export const emptyLine = (key: number): DispatchLineForm => ({ key, productId: '', lotCode: '', expiryDate: '', quantity: '' });

/** The quantity typed as a whole number of units (`1.200` reads as 1200, the Indonesian thousands dot); else undefined. */
export function parseQuantity(text: string): number | undefined {
  const digits = text.trim().replace(/\./g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 && n <= MAX_DISPATCH_QUANTITY ? n : undefined;
}

/** A real calendar day: not 2027-02-30 (which Date would roll over to March). */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * What is wrong with a line, in the order the service checks. `today` is the venue's calendar day the goods leave
 * on (YYYY-MM-DD): a lot expiring that day still goes, one expired before it does not.
 */
export function dispatchLineProblems(
  line: DispatchLineForm,
  lines: readonly DispatchLineForm[],
  products: readonly DispatchProduct[],
  today: string,
): DispatchLineProblem[] {
  const problems: DispatchLineProblem[] = [];
  const product = products.find((p) => p.id === line.productId);
  if (!product) problems.push('PRODUCT');
  const lot = line.lotCode.trim();
  if (!LOT_CODE_PATTERN.test(lot)) problems.push('LOT_CODE');
  const expiry = line.expiryDate.trim();
  if (!expiry) {
    if (product && product.shelfLifeDays !== null) problems.push('EXPIRY_REQUIRED');
  } else if (!isDay(expiry)) problems.push('EXPIRY_NOT_A_DAY');
  else if (expiry < today) problems.push('LOT_EXPIRED');
  if (parseQuantity(line.quantity) === undefined) problems.push('QUANTITY');
  const first = lines.find((l) => l.productId === line.productId && l.lotCode.trim() === lot);
  if (line.productId && lot && first && first.key !== line.key) problems.push('DUPLICATE');
  return problems;
}

/** Whether the dispatch can go: an agreement, at least one line, at most the service's line limit, none wrong. */
export function dispatchReady(
  agreementId: string,
  lines: readonly DispatchLineForm[],
  products: readonly DispatchProduct[],
  today: string,
): boolean {
  return (
    !!agreementId &&
    lines.length > 0 &&
    lines.length <= MAX_DISPATCH_LINES &&
    lines.every((l) => dispatchLineProblems(l, lines, products, today).length === 0)
  );
}

export interface DispatchRequest {
  agreementId: string;
  lines: { productId: string; lotCode: string; expiryDate?: string; quantity: number }[];
}

/** The body of POST /dispatches for a ready form; a line without an expiry date leaves it out (goods that do not expire). */
export function dispatchRequest(agreementId: string, lines: readonly DispatchLineForm[]): DispatchRequest {
  return {
    agreementId,
    lines: lines.map((l) => ({
      productId: l.productId,
      lotCode: l.lotCode.trim(),
      ...(l.expiryDate.trim() ? { expiryDate: l.expiryDate.trim() } : {}),
      quantity: parseQuantity(l.quantity)!,
    })),
  };
}

/** Units and lines of the form, for the summary above the send button. */
export function dispatchTotals(lines: readonly DispatchLineForm[]): { lines: number; units: number } {
  return { lines: lines.length, units: lines.reduce((sum, l) => sum + (parseQuantity(l.quantity) ?? 0), 0) };
}
