import ExcelJS from 'exceljs';
import type { Figures, StatementFigures } from '../statement/domain/statement';
import type { ProductInfo } from '../product-dim/domain/product-info';
import type { Statement } from '../statement/domain/statement-record';
import { csvFile, type CsvDelimiter } from './csv-file';
import {
  dateTimeNumberFormat,
  formatDateTime,
  formatNumber,
  formatRupiah,
  RUPIAH_NUMBER_FORMAT,
  wallClockDate,
  zoneLabel,
} from '@titipan/kernel';
import { pdfFile, pdfTable, signatureBlocks } from '@titipan/platform';

export interface StatementDocument {
  statement: Statement & { figures: StatementFigures };
  uptName: string;
  venueName: string;
  products: Map<string, ProductInfo>;
}

/** Column order of every statement export: one place, so CSV, XLSX and PDF never disagree. */
const COLUMNS: { key: keyof Figures; label: string; money?: boolean }[] = [
  { key: 'opening', label: 'Opening' },
  { key: 'received', label: 'Received' },
  { key: 'damaged', label: 'Damaged' },
  { key: 'short', label: 'Short' },
  { key: 'sold', label: 'Sold' },
  { key: 'grossAtListPrice', label: 'Gross at list price', money: true },
  { key: 'discounts', label: 'Discounts', money: true },
  { key: 'grossSales', label: 'Gross sales', money: true },
  { key: 'customerReturns', label: 'Customer returns' },
  { key: 'customerReturnsValue', label: 'Customer returns value', money: true },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'returned', label: 'Returned to UPT' },
  { key: 'returnedValue', label: 'Returned value', money: true },
  { key: 'adjusted', label: 'Adjusted' },
  { key: 'adjustedValue', label: 'Adjusted value', money: true },
  { key: 'shrinkageCharge', label: 'Shrinkage charge', money: true },
  { key: 'closing', label: 'Closing' },
];

function rows(doc: StatementDocument): { sku: string; name: string; figures: Figures }[] {
  const f = doc.statement.figures;
  return [
    ...f.lines.map((line) => ({
      sku: doc.products.get(line.productId)?.sku ?? line.productId,
      name: doc.products.get(line.productId)?.name ?? '',
      figures: line,
    })),
    { sku: 'TOTAL', name: '', figures: f.totals },
  ];
}

function summary(doc: StatementDocument): [string, number, string][] {
  const f = doc.statement.figures;
  return [
    [`Venue commission (${f.commissionBp / 100}%)`, f.commission, ''],
    // missing units the venue bears (shrinkageLiability VENUE) are added to what it pays
    ...(f.totals.shrinkageCharge > 0 ? [['Shrinkage charged to the venue', f.totals.shrinkageCharge, ''] as [string, number, string]] : []),
    ['Proceeds due to the UPT', f.proceeds, ''],
    ...(f.split ?? []).map((p): [string, number, string] => [`${p.name} (${p.basisPoints / 100}%)`, p.amount, p.legalReference]),
  ];
}

/** Plain numbers (whole rupiah, units), one header row: what a spreadsheet or script reads without guessing. */
export function statementCsv(doc: StatementDocument, delimiter?: CsvDelimiter): Buffer {
  const s = doc.statement;
  return csvFile(
    [
      ['agreement', 'period', 'upt', 'venue', 'status', 'digest', 'sku', 'product', ...COLUMNS.map((c) => c.key)],
      ...rows(doc).map((r) => [
        s.agreementId,
        s.period,
        s.uptCode,
        s.venueCode,
        s.status,
        s.digest ?? '',
        r.sku,
        r.name,
        ...COLUMNS.map((c) => r.figures[c.key]),
      ]),
    ],
    delimiter,
  );
}

/** A workbook ministry staff open as it is: number cells in rupiah format, a real date cell, the split below. */
export async function statementXlsx(doc: StatementDocument): Promise<Buffer> {
  const s = doc.statement;
  const book = new ExcelJS.Workbook();
  book.creator = 'Titipan';
  // a sheet name holds 31 characters: an event period's (YYYY-MM-DD..YYYY-MM-DD) does not fit beside the word
  const sheet = book.addWorksheet(`Statement ${s.period}`.length <= 31 ? `Statement ${s.period}` : 'Statement');
  sheet.addRow(['Settlement statement']).font = { bold: true, size: 14 };
  sheet.addRow(['UPT', `${doc.uptName} (${s.uptCode})`]);
  sheet.addRow(['Venue', `${doc.venueName} (${s.venueCode})`]);
  sheet.addRow(['Period', s.period]);
  sheet.addRow(['Status', s.status]);
  const issued = sheet.addRow(['Issued', s.issuedAt ? wallClockDate(s.issuedAt, s.timeZone) : '']);
  issued.getCell(2).numFmt = dateTimeNumberFormat(s.timeZone);
  sheet.addRow(['SHA-256', s.digest ?? '']);
  sheet.addRow([]);
  const header = sheet.addRow(['SKU', 'Product', ...COLUMNS.map((c) => c.label)]);
  header.font = { bold: true };
  for (const r of rows(doc)) {
    const row = sheet.addRow([r.sku, r.name, ...COLUMNS.map((c) => r.figures[c.key])]);
    COLUMNS.forEach((c, i) => {
      if (c.money) row.getCell(i + 3).numFmt = RUPIAH_NUMBER_FORMAT;
    });
    if (r.sku === 'TOTAL') row.font = { bold: true };
  }
  sheet.addRow([]);
  for (const [label, amount, reference] of summary(doc)) {
    const row = sheet.addRow([label, reference, amount]);
    row.getCell(3).numFmt = RUPIAH_NUMBER_FORMAT;
  }
  sheet.columns.forEach((column, i) => (column.width = i < 2 ? 28 : 16));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A printable statement for both parties to sign: figures, split, digest. */
export function statementPdf(doc: StatementDocument): Promise<Buffer> {
  const s = doc.statement;
  const options = {
    layout: 'landscape' as const,
    margin: 36,
    info: {
      Title: `Settlement statement ${s.uptCode} at ${s.venueCode}, ${s.period}`,
      Subject: `SHA-256 ${s.digest ?? 'not issued'}`,
      Author: 'Titipan',
    },
  };
  return pdfFile(options, (pdf) => {
    pdf.fontSize(16).font('Helvetica-Bold').text('Berita Acara Penyelesaian Konsinyasi / Settlement statement');
    pdf.moveDown(0.5).fontSize(10).font('Helvetica');
    pdf.text(`UPT: ${doc.uptName} (${s.uptCode})`);
    pdf.text(`Venue: ${doc.venueName} (${s.venueCode})`);
    pdf.text(
      `Period: ${s.period} (${zoneLabel(s.timeZone)})    Status: ${s.status}${s.issuedAt ? `    Issued: ${formatDateTime(s.issuedAt, s.timeZone)}` : ''}`,
    );
    pdf.moveDown();

    // units and rupiah as two tables: all the figures side by side would not fit across a landscape A4 page
    const printTable = (title: string, columns: typeof COLUMNS) => {
      pdf.font('Helvetica-Bold').fontSize(9).text(title);
      pdfTable(
        pdf,
        [{ label: 'SKU', width: 90 }, ...columns.map((c) => ({ label: c.label, width: c.money ? 70 : 50, align: 'right' as const }))],
        rows(doc).map((r) => ({ cells: [r.sku, ...columns.map((c) => formatNumber(r.figures[c.key]))], bold: r.sku === 'TOTAL' })),
        7,
      );
      pdf.moveDown();
    };
    printTable(
      'Units',
      COLUMNS.filter((c) => !c.money),
    );
    printTable(
      'Rupiah (Rp)',
      COLUMNS.filter((c) => c.money),
    );
    pdf.moveDown().fontSize(10).font('Helvetica');
    for (const [label, amount, reference] of summary(doc))
      pdf.text(`${label}: ${formatRupiah(amount)}${reference ? `  (${reference})` : ''}`);
    pdf
      .moveDown()
      .fontSize(8)
      .text(`SHA-256 over the source events and figures: ${s.digest ?? 'not issued'}`);
    pdf.text(`Verify: GET /statements/${s.id}/verify`);
    pdf.moveDown(2);
    signatureBlocks(pdf, [
      { heading: 'For the UPT', party: doc.uptName, lines: ['(name, signature, date)'] },
      { heading: 'For the venue', party: doc.venueName, lines: ['(name, signature, date)'] },
    ]);
  });
}
