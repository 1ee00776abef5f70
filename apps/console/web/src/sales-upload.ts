/**
 * A day's sales from a cash register's export (XLSX or CSV), read in the browser, checked row by row before anything
 * is sent. Columns are found by their header, Indonesian or English. Each row becomes a sale line for
 * POST /sales/batches or says what is wrong with it; bad rows are never sent. A file without receipt numbers gets
 * them from its own bytes (`UP-<first 10 hex of SHA-256>-<row>`), so sending the same file again is answered
 * `duplicate` line by line and sells nothing twice. Plain TS: the file is read elsewhere (upload-reader.ts);
 * unit-tested in sales-upload.spec.ts.
 */
import type { SaleLine } from './sale-queue';

/** What the upload needs of a product of the venue (the till's TillProduct of data.ts has these). */
export interface UploadProduct {
  productId: string;
  sku: string;
  name: string;
  status: string | null;
  listPrice: number | null;
  maxDiscountBp: number;
}

/**
 * Lines per request. The service takes up to 5,000 (MAX_SALE_LINES_PER_BATCH of sale.dto.ts, a longer batch is
 * refused whole with 413 BATCH_TOO_LARGE); 1,000 keeps each request well inside it and its answer quick.
 */
export const UPLOAD_LINES_PER_REQUEST = 1000;
/** Rows one file may hold: a busy exhibition day, far below what the browser can check. */
export const MAX_UPLOAD_ROWS = 20_000;
/** The service's limit on a receipt number (SaleLineDto). */
const MAX_RECEIPT_NO = 60;
const DISCOUNT_REASONS = ['PROMO', 'NEAR_EXPIRY', 'DAMAGED_PACKAGING', 'BULK'] as const;

/** A cell as the readers give it: CSV gives strings, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Column = 'sku' | 'quantity' | 'time' | 'price' | 'receipt' | 'discountReason';
export const REQUIRED_COLUMNS: readonly Column[] = ['sku', 'quantity', 'time'];

/** Header names per column, compared after normalizeHeader (lower case, no dots, single spaces). */
export const HEADER_NAMES: Readonly<Record<Column, readonly string[]>> = {
  sku: ['sku', 'kode', 'kode barang', 'kode produk', 'product code', 'item code', 'code'],
  quantity: ['jumlah', 'qty', 'quantity', 'kuantitas', 'jml', 'banyak'],
  time: ['waktu', 'tanggal', 'tanggal waktu', 'waktu penjualan', 'time', 'date', 'datetime', 'date time', 'sold at'],
  price: ['harga', 'harga satuan', 'harga jual', 'price', 'unit price'],
  receipt: ['no struk', 'nomor struk', 'struk', 'no nota', 'nota', 'receipt', 'receipt no', 'receipt number'],
  discountReason: ['alasan diskon', 'alasan', 'discount reason'],
};

/** What is wrong, as a code the page puts in words (upload.problem.<code>) with its figures. */
export interface Problem {
  code: string;
  values?: Record<string, string | number>;
}

export interface UploadRow {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number;
  sku: string;
  name: string | null;
  quantity: number | null;
  soldAt: string | null;
  unitPrice: number | null;
  receiptNo: string;
  lineNo: number;
  problems: Problem[];
  /** What is sent: only for a row without problems. */
  line?: SaleLine;
}

export interface UploadPreview {
  /** Problems of the whole file (no rows can be read): nothing is sent. */
  problems: Problem[];
  rows: UploadRow[];
  lines: SaleLine[];
}

export interface UploadContext {
  /** The venue's products (the till's list): SKU → product id, list price, discount limit. */
  products: UploadProduct[];
  timeZone: string;
  now: Date;
  /** Hex SHA-256 of the file's bytes (fileHash). */
  fileHash: string;
}

export const normalizeHeader = (h: Cell): string =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[._\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Which column holds what; the first matching header wins. */
export function findColumns(header: Cell[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  const names = header.map(normalizeHeader);
  for (const column of Object.keys(HEADER_NAMES) as Column[]) {
    const i = names.findIndex((n) => HEADER_NAMES[column].includes(n));
    if (i >= 0) found[column] = i;
  }
  return found;
}

/** Hex SHA-256 of the file's bytes (crypto.subtle: the browser's and Node's). */
export async function fileHash(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The receipt number of a row of a file without its own: the same file gives the same numbers. */
export const fileReceiptNo = (hash: string, row: number): string => `UP-${hash.slice(0, 10).toUpperCase()}-${row}`;

const text = (c: Cell): string => (c instanceof Date ? c.toISOString() : String(c ?? '').trim());
const blank = (c: Cell): boolean => text(c) === '';

/** A whole number from a cell: 3, "3", "3,0"; otherwise null. */
export function parseCount(c: Cell): number | null {
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  const s = text(c).replace(/[.,]0+$/, '');
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

/** Rupiah from a cell: 25000, "25000", "25.000", "Rp 25.000", "25000,00"; whole rupiah only, else null. */
export function parseRupiah(c: Cell): number | null {
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  const s = text(c)
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(s)) return Number(s.replace(/,0+$/, '').replace(/\./g, ''));
  if (/^\d+([.,]0+)?$/.test(s)) return Number(s.replace(/[.,]0+$/, ''));
  return null;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone; null for a date that does not exist (31 Feb). */
export function wallTimeIn(timeZone: string, y: number, mo: number, d: number, h: number, mi: number, s = 0): Date | null {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null;
  const first = guess - zoneOffsetMs(guess, timeZone);
  return new Date(guess - zoneOffsetMs(first, timeZone));
}

/**
 * The sale time of a cell, in the venue's zone: `2026-11-29 14:05`, `29/11/2026 14.05` (day first, as Indonesia
 * writes it), an ISO time with its own offset, or an Excel date cell (the reader gives its face value as UTC).
 * A date without a time is not enough: the till's time decides the period and the stock at the moment.
 */
export function parseSaleTime(c: Cell, timeZone: string): Date | null {
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return null;
    // a date cell is a float of days: 14:05 can come back as 14:04:59.9996, so to the nearest second
    if (c.getTime() % 1000 !== 0) return parseSaleTime(new Date(Math.round(c.getTime() / 1000) * 1000), timeZone);
    return wallTimeIn(
      timeZone,
      c.getUTCFullYear(),
      c.getUTCMonth() + 1,
      c.getUTCDate(),
      c.getUTCHours(),
      c.getUTCMinutes(),
      c.getUTCSeconds(),
    );
  }
  if (typeof c === 'number') {
    // an Excel serial day number in a cell without a date format: days since 30 Dec 1899, the fraction is the time
    if (c < 1 || c > 2_958_465) return null;
    return parseSaleTime(new Date(Math.round((c - 25_569) * 86_400) * 1000), timeZone);
  }
  const s = text(c);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const at = Date.parse(s);
    return Number.isNaN(at) ? null : new Date(at);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(s);
  if (m) return wallTimeIn(timeZone, +m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(s);
  if (m) return wallTimeIn(timeZone, +m[3], +m[2], +m[1], +m[4], +m[5], +(m[6] ?? 0));
  return null;
}

/** The lowest unit price the agreement allows (the service's rule: list less maxDiscountBp, rounded up). */
export const lowestPrice = (list: number, maxDiscountBp: number): number =>
  Math.max(1, Math.ceil((list * (10_000 - maxDiscountBp)) / 10_000));

const NOT_SELLABLE = new Set(['SUSPENDED', 'DISCONTINUED', 'REJECTED']);

/**
 * The preview: every non-blank row below the header, checked. Stock on hand is not checked here: the service
 * decides it at the sale's time, and a file sent again must still go up to be answered `duplicate`.
 */
export function previewUpload(data: Cell[][], ctx: UploadContext): UploadPreview {
  const [header = [], ...body] = data;
  const columns = findColumns(header);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (data.length === 0 || header.every(blank)) return { problems: [{ code: 'EMPTY' }], rows: [], lines: [] };
  if (missing.length) return { problems: [{ code: 'COLUMNS_MISSING', values: { columns: missing.join(', ') } }], rows: [], lines: [] };
  const filled = body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => !cells.every(blank));
  if (filled.length === 0) return { problems: [{ code: 'NO_ROWS' }], rows: [], lines: [] };
  if (filled.length > MAX_UPLOAD_ROWS)
    return { problems: [{ code: 'TOO_MANY_ROWS', values: { rows: filled.length, max: MAX_UPLOAD_ROWS } }], rows: [], lines: [] };

  const bySku = new Map(ctx.products.map((p) => [p.sku.toLowerCase(), p]));
  const linesOfReceipt = new Map<string, number>();
  const rows = filled.map(({ cells, row }): UploadRow => {
    const cell = (c: Column) => (columns[c] === undefined ? undefined : cells[columns[c]]);
    const problems: Problem[] = [];
    const sku = text(cell('sku'));
    const product = sku ? bySku.get(sku.toLowerCase()) : undefined;
    if (!sku) problems.push({ code: 'SKU_MISSING' });
    else if (!product) problems.push({ code: 'SKU_UNKNOWN', values: { sku } });
    else if (product.status && NOT_SELLABLE.has(product.status)) problems.push({ code: `PRODUCT_${product.status}`, values: { sku } });

    const quantity = parseCount(cell('quantity'));
    if (quantity === null || quantity < 1) problems.push({ code: 'QUANTITY_INVALID', values: { value: text(cell('quantity')) } });

    const at = blank(cell('time')) ? null : parseSaleTime(cell('time'), ctx.timeZone);
    if (blank(cell('time'))) problems.push({ code: 'TIME_MISSING' });
    else if (!at) problems.push({ code: 'TIME_INVALID', values: { value: text(cell('time')) } });
    else if (at.getTime() > ctx.now.getTime()) problems.push({ code: 'TIME_IN_FUTURE' });

    let unitPrice: number | null = null;
    const reasonText = text(cell('discountReason')).toUpperCase().replace(/\s+/g, '_');
    const reason = DISCOUNT_REASONS.find((r) => r === reasonText);
    if (!blank(cell('price'))) {
      unitPrice = parseRupiah(cell('price'));
      if (unitPrice === null || unitPrice < 1) problems.push({ code: 'PRICE_INVALID', values: { value: text(cell('price')) } });
      else if (product && product.listPrice !== null) {
        const list = product.listPrice;
        if (unitPrice > list) problems.push({ code: 'PRICE_ABOVE_LIST', values: { unitPrice, listPrice: list } });
        else if (unitPrice < list && unitPrice < lowestPrice(list, product.maxDiscountBp))
          problems.push({ code: 'DISCOUNT_ABOVE_LIMIT', values: { unitPrice, lowestUnitPrice: lowestPrice(list, product.maxDiscountBp) } });
        else if (unitPrice < list && !reason) problems.push({ code: 'DISCOUNT_REASON_REQUIRED', values: { unitPrice, listPrice: list } });
      }
    }
    if (reasonText && !reason) problems.push({ code: 'DISCOUNT_REASON_UNKNOWN', values: { value: text(cell('discountReason')) } });

    const ownReceipt = text(cell('receipt'));
    const receiptNo = ownReceipt || fileReceiptNo(ctx.fileHash, row);
    if (receiptNo.length > MAX_RECEIPT_NO) problems.push({ code: 'RECEIPT_TOO_LONG', values: { max: MAX_RECEIPT_NO } });
    // lines of one receipt are numbered in the file's order, so the same file numbers them the same
    const lineNo = (linesOfReceipt.get(receiptNo) ?? 0) + 1;
    linesOfReceipt.set(receiptNo, lineNo);

    const result: UploadRow = {
      row,
      sku,
      name: product?.name ?? null,
      quantity,
      soldAt: at ? at.toISOString() : null,
      unitPrice,
      receiptNo,
      lineNo,
      problems,
    };
    if (problems.length === 0 && product && quantity !== null && at) {
      result.line = {
        receiptNo,
        lineNo,
        productId: product.productId,
        quantity,
        soldAt: at.toISOString(),
        ...(unitPrice !== null && unitPrice !== product.listPrice ? { unitPrice } : {}),
        ...(reason && unitPrice !== null && unitPrice !== product.listPrice ? { discountReason: reason } : {}),
      };
    }
    return result;
  });
  return { problems: [], rows, lines: rows.flatMap((r) => (r.line ? [r.line] : [])) };
}

/** The lines in requests of at most `size`, in order. */
export function inBatches<T>(lines: T[], size = UPLOAD_LINES_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < lines.length; i += size) out.push(lines.slice(i, i + size));
  return out;
}
