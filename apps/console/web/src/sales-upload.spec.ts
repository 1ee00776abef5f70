import {
  fileHash,
  fileReceiptNo,
  findColumns,
  inBatches,
  parseRupiah,
  parseSaleTime,
  previewUpload,
  UPLOAD_LINES_PER_REQUEST,
  type Cell,
  type UploadProduct,
} from './sales-upload';

const product = (sku: string, over: Partial<UploadProduct> = {}): UploadProduct => ({
  productId: `id-${sku}`,
  sku,
  name: `Nama ${sku}`,
  status: 'APPROVED',
  listPrice: 25_000,
  maxDiscountBp: 1000,
  ...over,
});
const ctx = {
  products: [product('KRP-TEMPE-100'), product('TELANG-250', { listPrice: 40_000 }), product('OLD-1', { status: 'SUSPENDED' })],
  timeZone: 'Asia/Jakarta',
  now: new Date('2026-11-30T10:00:00Z'),
  fileHash: 'abcdef0123456789',
};
const codes = (rows: { problems: { code: string }[] }[]) => rows.map((r) => r.problems.map((p) => p.code));

describe('a sales upload', () => {
  it('finds the columns by their Indonesian or English header', () => {
    expect(findColumns(['Kode', 'Jumlah', 'Tanggal', 'Harga Satuan', 'No. Struk'])).toEqual({
      sku: 0,
      quantity: 1,
      time: 2,
      price: 3,
      receipt: 4,
    });
    expect(findColumns(['\uFEFFSKU', 'Qty', 'Time'])).toEqual({ sku: 0, quantity: 1, time: 2 });
  });

  it('reads times in the venue zone: text, day-first text, ISO with offset and an Excel date cell', () => {
    expect(parseSaleTime('2026-11-29 14:05', 'Asia/Jakarta')?.toISOString()).toBe('2026-11-29T07:05:00.000Z');
    expect(parseSaleTime('29/11/2026 14.05', 'Asia/Makassar')?.toISOString()).toBe('2026-11-29T06:05:00.000Z');
    expect(parseSaleTime('2026-11-29T14:05:00+09:00', 'Asia/Jakarta')?.toISOString()).toBe('2026-11-29T05:05:00.000Z');
    expect(parseSaleTime(new Date('2026-11-29T14:05:00Z'), 'Asia/Jayapura')?.toISOString()).toBe('2026-11-29T05:05:00.000Z');
    expect(parseSaleTime(new Date('2026-11-29T14:04:59.9996Z'), 'Asia/Jakarta')?.toISOString()).toBe('2026-11-29T07:05:00.000Z');
    expect(parseSaleTime(46355.5, 'Asia/Jakarta')?.toISOString()).toBe('2026-11-29T05:00:00.000Z');
    expect(parseSaleTime('2026-02-31 10:00', 'Asia/Jakarta')).toBeNull();
    expect(parseSaleTime('2026-11-29', 'Asia/Jakarta')).toBeNull();
    expect(parseSaleTime('kemarin', 'Asia/Jakarta')).toBeNull();
  });

  it('reads rupiah as a register writes it', () => {
    expect([25000, '25000', '25.000', 'Rp 25.000', '25000,00', '1.250.000'].map((c) => parseRupiah(c))).toEqual([
      25000, 25000, 25000, 25000, 25000, 1_250_000,
    ]);
    expect(parseRupiah('25.5')).toBeNull();
    expect(parseRupiah(12.5)).toBeNull();
  });

  it('marks each row good or says what is wrong, and sends only the good ones', () => {
    const data: Cell[][] = [
      ['SKU', 'Jumlah', 'Waktu', 'Harga'],
      ['KRP-TEMPE-100', '2', '2026-11-29 14:05', ''],
      ['NOPE-1', '1', '2026-11-29 14:06', ''],
      ['TELANG-250', '0', '2026-11-29 14:07', ''],
      ['', '', '', ''],
      ['TELANG-250', '1', '2026-12-01 09:00', ''],
      ['KRP-TEMPE-100', '1', '2026-11-29 15:00', '30.000'],
      ['KRP-TEMPE-100', '1', '2026-11-29 15:00', '20.000'],
      ['KRP-TEMPE-100', '1', '2026-11-29 15:00', '23.000'],
      ['OLD-1', '1', 'besok', ''],
      ['krp-tempe-100', '3', '2026-11-29 16:00', '25000'],
    ];
    const preview = previewUpload(data, ctx);
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11]);
    expect(codes(preview.rows)).toEqual([
      [],
      ['SKU_UNKNOWN'],
      ['QUANTITY_INVALID'],
      ['TIME_IN_FUTURE'],
      ['PRICE_ABOVE_LIST'],
      ['DISCOUNT_ABOVE_LIMIT'],
      ['DISCOUNT_REASON_REQUIRED'],
      ['PRODUCT_SUSPENDED', 'TIME_INVALID'],
      [],
    ]);
    expect(preview.lines).toEqual([
      {
        receiptNo: 'UP-ABCDEF0123-2',
        lineNo: 1,
        productId: 'id-KRP-TEMPE-100',
        quantity: 2,
        soldAt: '2026-11-29T07:05:00.000Z',
      },
      { receiptNo: 'UP-ABCDEF0123-11', lineNo: 1, productId: 'id-KRP-TEMPE-100', quantity: 3, soldAt: '2026-11-29T09:00:00.000Z' },
    ]);
  });

  it("keeps the file's own receipt numbers, numbering a receipt's lines in order, and a discount with its reason", () => {
    const preview = previewUpload(
      [
        ['Receipt', 'SKU', 'Qty', 'Time', 'Price', 'Discount reason'],
        ['S-1', 'KRP-TEMPE-100', 1, new Date('2026-11-29T14:05:00Z'), 23000, 'promo'],
        ['S-1', 'TELANG-250', 2, new Date('2026-11-29T14:05:00Z'), null, null],
        ['S-2', 'TELANG-250', 1, new Date('2026-11-29T14:09:00Z'), null, null],
      ],
      ctx,
    );
    expect(preview.lines.map((l) => [l.receiptNo, l.lineNo, l.unitPrice, l.discountReason])).toEqual([
      ['S-1', 1, 23000, 'PROMO'],
      ['S-1', 2, undefined, undefined],
      ['S-2', 1, undefined, undefined],
    ]);
  });

  it('refuses a file without the needed columns or rows', () => {
    expect(previewUpload([], ctx).problems).toEqual([{ code: 'EMPTY' }]);
    expect(previewUpload([['SKU', 'Harga']], ctx).problems).toEqual([{ code: 'COLUMNS_MISSING', values: { columns: 'quantity, time' } }]);
    expect(
      previewUpload(
        [
          ['SKU', 'Qty', 'Waktu'],
          ['', '', ''],
        ],
        ctx,
      ).problems,
    ).toEqual([{ code: 'NO_ROWS' }]);
  });

  it('numbers the receipts of a file from its bytes: the same file, the same numbers', async () => {
    const bytes = new TextEncoder().encode('SKU;Jumlah;Waktu\nKRP-TEMPE-100;1;2026-11-29 14:05\n');
    const hash = await fileHash(bytes);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await fileHash(new TextEncoder().encode('SKU;Jumlah;Waktu\nKRP-TEMPE-100;1;2026-11-29 14:05\n'))).toBe(hash);
    expect(fileReceiptNo(hash, 2)).toBe(`UP-${hash.slice(0, 10).toUpperCase()}-2`);
  });

  it("sends in requests within the service's batch limit", () => {
    expect(UPLOAD_LINES_PER_REQUEST).toBeLessThanOrEqual(5000);
    const batches = inBatches(Array.from({ length: 2500 }, (_, i) => i));
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()[2499]).toBe(2499);
  });
});
