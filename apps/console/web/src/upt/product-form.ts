import {
  ALWAYS_EDITABLE_FIELDS,
  CERTIFICATE_KINDS,
  CERTIFICATE_NUMBER_FORMAT,
  MAX_CERTIFICATES,
  MAX_PRICE_RUPIAH,
  MAX_SHELF_LIFE_DAYS,
  SKU_PATTERN,
  type Certificate,
  type CertificateKind,
  type Product,
  type ProductCategory,
  type ProductStatus,
} from '../product/product-fields';

/**
 * The UPT's product form: what the clerk typed, the problems the catalog would refuse (checked before sending,
 * with the catalog's own limits), and the body of a create or an edit. Plain TS, unit-tested beside.
 */
export interface CertificateEntry {
  kind: CertificateKind;
  number: string;
  /** YYYY-MM-DD from a date input */
  issuedOn: string;
}

export interface ProductFormValues {
  sku: string;
  name: string;
  description: string;
  category: ProductCategory | '';
  unit: string;
  /** As typed: `12000`, `12.000` or `Rp 12.000`. */
  price: string;
  /** Days, empty for a product that does not spoil. */
  shelfLifeDays: string;
  certificates: CertificateEntry[];
}

export type FieldProblem =
  'REQUIRED' | 'SKU_FORMAT' | 'TOO_LONG' | 'PRICE_RANGE' | 'SHELF_LIFE_RANGE' | 'CERTIFICATE_NUMBER' | 'CERTIFICATE_DATE' | 'TOO_MANY';

/** A problem per field that has one; certificates as `certificates.<index>.number` / `.issuedOn`. */
export type FormProblems = Record<string, FieldProblem>;

export interface ProductBody {
  sku: string;
  name: string;
  description: string;
  category: ProductCategory;
  unit: string;
  price: number;
  shelfLifeDays: number | null;
  certificates: Certificate[];
}

const LIMITS = { name: 200, description: 4000, unit: 30 } as const;

export function emptyForm(): ProductFormValues {
  return { sku: '', name: '', description: '', category: '', unit: 'pcs', price: '', shelfLifeDays: '', certificates: [] };
}

/** The form filled with a product as the catalog keeps it. */
export function formOf(product: Product): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    unit: product.unit,
    price: new Intl.NumberFormat('id-ID').format(product.price),
    shelfLifeDays: product.shelfLifeDays === null ? '' : String(product.shelfLifeDays),
    certificates: product.certificates.map((c) => ({ ...c })),
  };
}

/** Whole rupiah from what was typed (dots as thousands separators, an `Rp` prefix allowed); null if not a whole number. */
export function parseRupiah(text: string): number | null {
  const plain = text.replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '');
  return /^\d+$/.test(plain) ? Number(plain) : null;
}

function parseDays(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** A real calendar day YYYY-MM-DD (not 2026-02-30, which Date would roll over). */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A SKU as the catalog takes it: upper case, no spaces at the ends. */
export const normalSku = (sku: string) => sku.trim().toUpperCase();

/** Every problem of the form, in the order of its fields. */
export function formProblems(values: ProductFormValues): FormProblems {
  const problems: FormProblems = {};
  const sku = normalSku(values.sku);
  if (!sku) problems.sku = 'REQUIRED';
  else if (!SKU_PATTERN.test(sku)) problems.sku = 'SKU_FORMAT';
  for (const field of ['name', 'description', 'unit'] as const) {
    const text = values[field].trim();
    if (field !== 'description' && !text) problems[field] = 'REQUIRED';
    else if (text.length > LIMITS[field]) problems[field] = 'TOO_LONG';
  }
  if (!values.category) problems.category = 'REQUIRED';
  const price = parseRupiah(values.price);
  if (!values.price.trim()) problems.price = 'REQUIRED';
  else if (price === null || price < 1 || price > MAX_PRICE_RUPIAH) problems.price = 'PRICE_RANGE';
  if (values.shelfLifeDays.trim()) {
    const days = parseDays(values.shelfLifeDays);
    if (days === null || days > MAX_SHELF_LIFE_DAYS) problems.shelfLifeDays = 'SHELF_LIFE_RANGE';
  }
  if (values.certificates.length > MAX_CERTIFICATES) problems.certificates = 'TOO_MANY';
  values.certificates.forEach((c, i) => {
    if (!c.number.trim()) problems[`certificates.${i}.number`] = 'REQUIRED';
    else if (!CERTIFICATE_NUMBER_FORMAT[c.kind].test(c.number.trim())) problems[`certificates.${i}.number`] = 'CERTIFICATE_NUMBER';
    if (!c.issuedOn) problems[`certificates.${i}.issuedOn`] = 'REQUIRED';
    else if (!isDay(c.issuedOn)) problems[`certificates.${i}.issuedOn`] = 'CERTIFICATE_DATE';
  });
  return problems;
}

/** The problems of the fields a product in this state lets change (the others are shown, not edited). */
export function problemsFor(status: ProductStatus | null, values: ProductFormValues): FormProblems {
  const all = formProblems(values);
  const editable = editableFields(status);
  return Object.fromEntries(Object.entries(all).filter(([key]) => editable.includes(key.split('.')[0] as keyof ProductFormValues)));
}

/** The body of POST /products (the form holds no problems). */
export function productBody(values: ProductFormValues): ProductBody {
  return {
    sku: normalSku(values.sku),
    name: values.name.trim(),
    description: values.description.trim(),
    category: values.category as ProductCategory,
    unit: values.unit.trim(),
    price: parseRupiah(values.price)!,
    shelfLifeDays: values.shelfLifeDays.trim() ? parseDays(values.shelfLifeDays) : null,
    certificates: values.certificates.map((c) => ({ kind: c.kind, number: c.number.trim(), issuedOn: c.issuedOn })),
  };
}

const FORM_FIELDS: (keyof ProductFormValues)[] = [
  'sku',
  'name',
  'description',
  'category',
  'unit',
  'price',
  'shelfLifeDays',
  'certificates',
];

/**
 * Which fields the catalog lets the UPT change: all of a new product or a DRAFT; the description and certificates
 * of a product past DRAFT (the catalog's ALWAYS_EDITABLE_FIELDS); nothing of a discontinued one.
 */
export function editableFields(status: ProductStatus | null): (keyof ProductFormValues)[] {
  if (status === null || status === 'DRAFT') return FORM_FIELDS;
  if (status === 'DISCONTINUED') return [];
  return [...ALWAYS_EDITABLE_FIELDS];
}

/** The body of PATCH /products/:id: only the editable fields that differ from the product; empty when nothing changed. */
export function productChanges(product: Product, values: ProductFormValues): Partial<ProductBody> {
  const body = productBody(values);
  const before = productBody(formOf(product));
  const changes: Partial<Record<keyof ProductBody, unknown>> = {};
  for (const field of editableFields(product.status) as (keyof ProductBody)[]) {
    if (JSON.stringify(body[field]) !== JSON.stringify(before[field])) changes[field] = body[field];
  }
  return changes as Partial<ProductBody>;
}

/** A certificate line added to the form: the first kind the product does not carry yet. */
export function newCertificate(existing: CertificateEntry[]): CertificateEntry {
  const kind = CERTIFICATE_KINDS.find((k) => !existing.some((c) => c.kind === k)) ?? 'PIRT';
  return { kind, number: '', issuedOn: '' };
}

/** The examples the form shows beside a certificate number (the catalog's own). */
export const CERTIFICATE_EXAMPLE: Record<CertificateKind, string> = {
  PIRT: 'P-IRT No. 2063671010123-29',
  BPOM_MD: 'MD 123456789012',
  HALAL: 'ID36110012345670126',
};

export type PriceChangeProblem = 'PRICE_RANGE' | 'PRICE_UNCHANGED' | 'WHEN_INVALID' | 'WHEN_PAST';

/**
 * A price change as typed: the new price, and when it takes effect (a datetime-local value in the browser's
 * zone; empty for now). The catalog refuses a start in the past and an unchanged price; checked here too.
 */
export function priceChange(
  current: number,
  priceText: string,
  whenLocal: string,
  now: Date,
): { body: { price: number; effectiveFrom?: string } } | { problem: PriceChangeProblem } {
  const price = parseRupiah(priceText);
  if (price === null || price < 1 || price > MAX_PRICE_RUPIAH) return { problem: 'PRICE_RANGE' };
  if (!whenLocal) return price === current ? { problem: 'PRICE_UNCHANGED' } : { body: { price } };
  const when = new Date(whenLocal);
  if (Number.isNaN(when.getTime())) return { problem: 'WHEN_INVALID' };
  if (when.getTime() < now.getTime() - 60_000) return { problem: 'WHEN_PAST' };
  return { body: { price, effectiveFrom: when.toISOString() } };
}
