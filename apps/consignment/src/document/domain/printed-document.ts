import { formatDateTime, formatDay, formatNumber, formatRupiah, localDate } from '@titipan/kernel';
import { NO_EXPIRY, type ReturnReason } from '@titipan/contracts';
import type { Dispatch } from '../../dispatch/domain/dispatch';
import type { Bucket } from '../../stock/domain/movement';
import type { CountedLot } from '../../stock-count/domain/stock-count';
import type { UptReturn } from '../../upt-return/domain/upt-return';

/**
 * What goes where on each printed document of the trade (surat jalan, BAST, return note, stock count record):
 * the number, the facts under the title, both parties, the table of lines, the notes, the signature blocks and the
 * QR code's address. The PDF renderer draws any PrintedDocument the same way; everything a reader sees is decided
 * here, in Bahasa Indonesia.
 */

/** The kinds in the console's address of a document: `<CONSOLE_PUBLIC_URL>/dokumen/<kind>/<id>`. */
export const DOCUMENT_KINDS = ['surat-jalan', 'bast', 'retur', 'stok-opname'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A party as consignment knows it: the code, the name, and the lines that place it (Kanwil, partner agency). */
export interface Party {
  code: string;
  name: string;
  details: string[];
}

/** A product as the catalog's replica names it. */
export interface ProductName {
  name: string;
  sku: string;
  unit: string;
}

export interface DocumentColumn {
  label: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface PrintedDocument {
  kind: DocumentKind;
  title: string;
  number: string;
  /** The name the PDF is offered under: the number with `/` as `-` (a file name has no slashes), `.pdf`. */
  filename: string;
  /** Label and value pairs under the title: date, agreement, status, reason. */
  facts: [label: string, value: string][];
  parties: { heading: string; party: Party }[];
  columns: DocumentColumn[];
  rows: { cells: string[]; bold?: boolean }[];
  notes: string[];
  signatures: { heading: string; party: string; lines: string[] }[];
  /** The console's page of this document, printed as a QR code. */
  qrUrl: string;
}

/**
 * Signatures are written by hand: consignment holds the token's subject and username of whoever recorded a
 * document, not a person's full name or NIP, so each block leaves both to be filled in when signing.
 */
export const SIGNATURE_LINES = ['Nama: ______________________________', 'NIP: _______________________________'];

/** The address the QR code opens: the console's page of the document. */
export function documentUrl(consolePublicUrl: string, kind: DocumentKind, id: string): string {
  return `${consolePublicUrl.replace(/\/+$/, '')}/dokumen/${kind}/${encodeURIComponent(id)}`;
}

/** A file name for a document number: `SJ/LP-TGR-1/2026/0001` is offered as `SJ-LP-TGR-1-2026-0001.pdf`. */
export function documentFilename(number: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
}

/**
 * A stable number for a record that has none of its own: `<prefix>/<party code>/<year in the venue's zone>/<short
 * id>`. The short id is the uuid's last eight hex digits (UUIDv7 starts with the time, so its head repeats across
 * records made within a minute; its tail is random).
 */
export function derivedNumber(prefix: string, partyCode: string, id: string, at: string, timeZone: string): string {
  return `${prefix}/${partyCode}/${localDate(new Date(at), timeZone).slice(0, 4)}/${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
}

/** The BAST of a dispatch carries the surat jalan's sequence: `SJ/LP-TGR-1/2026/0001` → `BAST/LP-TGR-1/2026/0001`. */
export function bastNumber(suratJalanNumber: string): string {
  return suratJalanNumber.replace(/^SJ\//, 'BAST/');
}

/** A lot's expiry as printed: the day, or a dash for goods that do not expire. */
export const expiryCell = (expiryDate: string) => (expiryDate === NO_EXPIRY ? '-' : formatDay(expiryDate));

const BUCKET_LABELS: Record<Bucket, string> = { SELLABLE: 'Layak jual', QUARANTINE: 'Karantina' };
const RETURN_REASON_LABELS: Readonly<Record<string, string>> & Record<ReturnReason, string> = {
  unsold: 'Tidak laku',
  expired: 'Kedaluwarsa',
  damaged: 'Rusak',
  recall: 'Penarikan produk (recall)',
};

const unknownProduct = (productId: string): ProductName => ({ name: '(produk tidak dikenal)', sku: productId, unit: '' });
const nameOf = (products: ReadonlyMap<string, ProductName>, productId: string) => products.get(productId) ?? unknownProduct(productId);

/** The columns every document starts its lines with: what the goods are and which lot. */
const LOT_COLUMNS: DocumentColumn[] = [
  { label: 'No', width: 20, align: 'right' },
  { label: 'Nama produk', width: 128 },
  { label: 'SKU', width: 78 },
  { label: 'Lot', width: 56 },
  { label: 'Kedaluwarsa', width: 60 },
];
const lotCells = (no: number, product: ProductName, lot: { lotCode: string; expiryDate: string }) => [
  String(no),
  product.name,
  product.sku,
  lot.lotCode,
  expiryCell(lot.expiryDate),
];

/** What every document shares: its parties come from the agreement. */
export interface DocumentContext {
  id: string;
  upt: Party;
  venue: Party;
  timeZone: string;
  products: ReadonlyMap<string, ProductName>;
  consolePublicUrl: string;
}

const sender = (heading: string, party: Party) => ({ heading, party });

/** Surat jalan: the goods the UPT hands over for the venue, one row per lot, with the consignment price. */
export function suratJalan(dispatch: Dispatch, c: DocumentContext): PrintedDocument {
  const total = dispatch.lines.reduce((sum, l) => sum + l.quantity, 0);
  return {
    kind: 'surat-jalan',
    title: 'SURAT JALAN',
    number: dispatch.number,
    filename: documentFilename(dispatch.number),
    facts: [
      ['Tanggal kirim', formatDateTime(dispatch.dispatchedAt, c.timeZone)],
      ['Perjanjian', dispatch.agreementId],
      ...(dispatch.status === 'CANCELLED'
        ? [['Status', `DIBATALKAN${dispatch.cancelReason ? `: ${dispatch.cancelReason}` : ''}`] as [string, string]]
        : []),
    ],
    parties: [sender('Pengirim', c.upt), sender('Penerima', c.venue)],
    columns: [...LOT_COLUMNS, { label: 'Jumlah', width: 50, align: 'right' }, { label: 'Harga satuan', width: 131, align: 'right' }],
    rows: [
      ...dispatch.lines.map((l) => {
        const product = nameOf(c.products, l.productId);
        return {
          cells: [...lotCells(l.lineNo, product, l), `${formatNumber(l.quantity)} ${product.unit}`.trim(), formatRupiah(l.unitPrice)],
        };
      }),
      { cells: ['', 'Jumlah', '', '', '', formatNumber(total), ''], bold: true },
    ],
    notes: ['Barang diterima dan diperiksa oleh penerima; selisih dan kerusakan dicatat dalam berita acara serah terima (BAST).'],
    signatures: [
      { heading: 'Yang menyerahkan', party: c.upt.name, lines: SIGNATURE_LINES },
      { heading: 'Yang menerima', party: c.venue.name, lines: SIGNATURE_LINES },
    ],
    qrUrl: documentUrl(c.consolePublicUrl, 'surat-jalan', c.id),
  };
}

/** Berita acara serah terima: per lot, what was sent against what arrived whole, damaged or short, and why. */
export function bast(dispatch: Dispatch & { receivedAt: string }, c: DocumentContext): PrintedDocument {
  const sum = (pick: (l: Dispatch['lines'][number]) => number | null) => dispatch.lines.reduce((s, l) => s + (pick(l) ?? 0), 0);
  const number = bastNumber(dispatch.number);
  return {
    kind: 'bast',
    title: 'BERITA ACARA SERAH TERIMA',
    number,
    filename: documentFilename(number),
    facts: [
      ['Tanggal terima', formatDateTime(dispatch.receivedAt, c.timeZone)],
      ['Surat jalan', `${dispatch.number} (${formatDateTime(dispatch.dispatchedAt, c.timeZone)})`],
      ['Perjanjian', dispatch.agreementId],
    ],
    parties: [sender('Pihak pertama (yang menyerahkan)', c.upt), sender('Pihak kedua (yang menerima)', c.venue)],
    columns: [
      { label: 'No', width: 18, align: 'right' },
      { label: 'Nama produk', width: 100 },
      { label: 'SKU', width: 70 },
      { label: 'Lot', width: 48 },
      { label: 'Kedaluwarsa', width: 56 },
      { label: 'Dikirim', width: 38, align: 'right' },
      { label: 'Diterima', width: 40, align: 'right' },
      { label: 'Rusak', width: 32, align: 'right' },
      { label: 'Kurang', width: 36, align: 'right' },
      { label: 'Keterangan', width: 85 },
    ],
    rows: [
      ...dispatch.lines.map((l) => ({
        cells: [
          ...lotCells(l.lineNo, nameOf(c.products, l.productId), l),
          formatNumber(l.quantity),
          formatNumber(l.accepted ?? 0),
          formatNumber(l.damaged ?? 0),
          formatNumber(l.short ?? 0),
          l.reason ?? '',
        ],
      })),
      {
        cells: [
          '',
          'Jumlah',
          '',
          '',
          '',
          formatNumber(sum((l) => l.quantity)),
          formatNumber(sum((l) => l.accepted)),
          formatNumber(sum((l) => l.damaged)),
          formatNumber(sum((l) => l.short)),
          '',
        ],
        bold: true,
      },
    ],
    notes: [
      'Pihak pertama menyerahkan dan pihak kedua menerima barang titipan (konsinyasi) di atas. Barang rusak disimpan di karantina; barang kurang dicatat sebagai selisih.',
    ],
    signatures: [
      { heading: 'Pihak pertama', party: c.upt.name, lines: SIGNATURE_LINES },
      { heading: 'Pihak kedua', party: c.venue.name, lines: SIGNATURE_LINES },
    ],
    qrUrl: documentUrl(c.consolePublicUrl, 'bast', c.id),
  };
}

/** Return note (nota retur): goods going back from the venue to the UPT, by lot and condition. */
export function returnNote(r: UptReturn, c: DocumentContext): PrintedDocument {
  const number = derivedNumber('RET', c.venue.code, r.id, r.shippedAt, c.timeZone);
  return {
    kind: 'retur',
    title: 'NOTA RETUR BARANG KE UPT',
    number,
    filename: documentFilename(number),
    facts: [
      ['Tanggal kirim', formatDateTime(r.shippedAt, c.timeZone)],
      ['Alasan retur', RETURN_REASON_LABELS[r.reason] ?? r.reason],
      [
        'Status',
        r.status === 'RECEIVED' && r.receivedAt ? `Diterima UPT ${formatDateTime(r.receivedAt, c.timeZone)}` : 'Dalam pengiriman ke UPT',
      ],
      ['Perjanjian', r.agreementId],
    ],
    parties: [sender('Pengirim', c.venue), sender('Penerima', c.upt)],
    columns: [...LOT_COLUMNS, { label: 'Kondisi', width: 70 }, { label: 'Jumlah', width: 111, align: 'right' }],
    rows: [
      ...r.lines.map((l, i) => {
        const product = nameOf(c.products, l.productId);
        return {
          cells: [...lotCells(i + 1, product, l), BUCKET_LABELS[l.bucket], `${formatNumber(l.quantity)} ${product.unit}`.trim()],
        };
      }),
      { cells: ['', 'Jumlah', '', '', '', '', formatNumber(r.lines.reduce((s, l) => s + l.quantity, 0))], bold: true },
    ],
    notes: ['Barang keluar dari stok venue saat dikirim; UPT mengonfirmasi penerimaannya di konsol.'],
    signatures: [
      { heading: 'Yang menyerahkan', party: c.venue.name, lines: SIGNATURE_LINES },
      { heading: 'Yang menerima', party: c.upt.name, lines: SIGNATURE_LINES },
    ],
    qrUrl: documentUrl(c.consolePublicUrl, 'retur', c.id),
  };
}

export interface StockCountRecord {
  id: string;
  agreementId: string;
  countedAt: string;
  reason: string;
  lines: CountedLot[];
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** Stock count record (berita acara stok opname): per lot, the book against the shelf and the difference. */
export function stockCountRecord(s: StockCountRecord, c: DocumentContext): PrintedDocument {
  const number = derivedNumber('SO', c.venue.code, s.id, s.countedAt, c.timeZone);
  const sum = (pick: (l: CountedLot) => number) => s.lines.reduce((t, l) => t + pick(l), 0);
  return {
    kind: 'stok-opname',
    title: 'BERITA ACARA STOK OPNAME',
    number,
    filename: documentFilename(number),
    facts: [
      ['Tanggal hitung', formatDateTime(s.countedAt, c.timeZone)],
      ['Keterangan', s.reason],
      ['Perjanjian', s.agreementId],
    ],
    parties: [sender('Venue (pelaksana)', c.venue), sender('UPT (pemilik barang)', c.upt)],
    columns: [
      ...LOT_COLUMNS,
      { label: 'Kondisi', width: 62 },
      { label: 'Buku', width: 40, align: 'right' },
      { label: 'Fisik', width: 40, align: 'right' },
      { label: 'Selisih', width: 39, align: 'right' },
    ],
    rows: [
      ...s.lines.map((l, i) => ({
        cells: [
          ...lotCells(i + 1, nameOf(c.products, l.productId), l),
          BUCKET_LABELS[l.bucket],
          formatNumber(l.book),
          formatNumber(l.counted),
          signed(l.variance),
        ],
      })),
      {
        cells: [
          '',
          'Jumlah',
          '',
          '',
          '',
          '',
          formatNumber(sum((l) => l.book)),
          formatNumber(sum((l) => l.counted)),
          signed(sum((l) => l.variance)),
        ],
        bold: true,
      },
    ],
    notes: ['Selisih antara buku dan fisik dibukukan sebagai penyesuaian stok pada tanggal hitung.'],
    signatures: [
      { heading: 'Petugas penghitung', party: c.venue.name, lines: SIGNATURE_LINES },
      { heading: 'Mengetahui', party: c.upt.name, lines: SIGNATURE_LINES },
    ],
    qrUrl: documentUrl(c.consolePublicUrl, 'stok-opname', c.id),
  };
}
