import { MAX_COMMISSION_BP, MAX_DISCOUNT_BP, MAX_PRICE_RUPIAH, SHRINKAGE_LIABILITIES } from './admin-fields';
import { parsePercentBp, parseRupiah, type FieldProblem } from './admin-input';

/**
 * The agreement form: one UPT and one venue, the venue's commission and the discount limit as percentages,
 * who bears shrinkage, the validity, and a consignment price per product of the UPT's (blank: the catalog
 * price applies). Checked before sending by the rules consignment applies; its refusals still show.
 */
export interface AgreementForm {
  uptCode: string;
  venueCode: string;
  commission: string;
  maxDiscount: string;
  shrinkageLiability: string;
  validFrom: string;
  validTo: string;
  /** The typed price per product id; blank for none. */
  prices: Record<string, string>;
}

export const emptyAgreement = (today: string): AgreementForm => ({
  uptCode: '',
  venueCode: '',
  commission: '0',
  maxDiscount: '0',
  shrinkageLiability: 'VENUE',
  validFrom: today,
  validTo: '',
  prices: {},
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function percentProblems(field: string, text: string, maxBp: number): FieldProblem[] {
  const bp = parsePercentBp(text);
  if (bp === undefined) return [{ field, problem: 'percent' }];
  return bp > maxBp ? [{ field, problem: 'percentMax', values: { max: maxBp / 100 } }] : [];
}

/** The problems of each typed price, by product id: not rupiah, or outside 1 to the catalog's maximum. */
export function priceProblems(prices: Record<string, string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [productId, text] of Object.entries(prices)) {
    if (!text.trim()) continue;
    const price = parseRupiah(text);
    if (price === undefined) problems.push({ field: `price-${productId}`, problem: 'rupiah' });
    else if (price < 1 || price > MAX_PRICE_RUPIAH) problems.push({ field: `price-${productId}`, problem: 'priceRange' });
  }
  return problems;
}

/** The prices typed, as consignment takes them (blank ones left out), each from `effectiveFrom` when given. */
export function typedPrices(prices: Record<string, string>, effectiveFrom?: string) {
  return Object.entries(prices)
    .filter(([, text]) => text.trim() && parseRupiah(text) !== undefined)
    .map(([productId, text]) => ({ productId, price: parseRupiah(text)!, ...(effectiveFrom ? { effectiveFrom } : {}) }));
}

export function agreementProblems(form: AgreementForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!form.uptCode) problems.push({ field: 'uptCode', problem: 'choose' });
  if (!form.venueCode) problems.push({ field: 'venueCode', problem: 'choose' });
  problems.push(...percentProblems('commission', form.commission, MAX_COMMISSION_BP));
  problems.push(...percentProblems('maxDiscount', form.maxDiscount, MAX_DISCOUNT_BP));
  if (!(SHRINKAGE_LIABILITIES as readonly string[]).includes(form.shrinkageLiability))
    problems.push({ field: 'shrinkageLiability', problem: 'choose' });
  if (!DAY.test(form.validFrom)) problems.push({ field: 'validFrom', problem: 'day' });
  if (form.validTo && !DAY.test(form.validTo)) problems.push({ field: 'validTo', problem: 'day' });
  else if (form.validTo && DAY.test(form.validFrom) && form.validTo < form.validFrom)
    problems.push({ field: 'validTo', problem: 'reversed' });
  problems.push(...priceProblems(form.prices));
  return problems;
}

/** The body of POST /agreements. */
export function agreementRequest(form: AgreementForm) {
  const prices = typedPrices(form.prices);
  return {
    uptCode: form.uptCode,
    venueCode: form.venueCode,
    commissionBp: parsePercentBp(form.commission)!,
    maxDiscountBp: parsePercentBp(form.maxDiscount)!,
    shrinkageLiability: form.shrinkageLiability,
    validFrom: form.validFrom,
    ...(form.validTo ? { validTo: form.validTo } : {}),
    ...(prices.length ? { prices } : {}),
  };
}

/** The problems of a price change on an agreement: at least one price, each in rupiah, and a day if one is given. */
export function priceChangeProblems(prices: Record<string, string>, effectiveFrom: string): FieldProblem[] {
  const problems = priceProblems(prices);
  if (effectiveFrom && !DAY.test(effectiveFrom)) problems.push({ field: 'effectiveFrom', problem: 'day' });
  if (typedPrices(prices).length === 0) problems.push({ field: 'prices', problem: 'noPrice' });
  return problems;
}
