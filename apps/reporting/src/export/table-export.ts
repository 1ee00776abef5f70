import ExcelJS from 'exceljs';
import { csvFile, type CsvCell, type CsvDelimiter } from './csv-file';
import { RUPIAH_NUMBER_FORMAT } from './indonesian-format';

type Row<R> = { [K in keyof R]: CsvCell };

export interface TableColumn<R> {
  key: keyof R & string;
  label: string;
  money?: boolean;
  /** A fraction shown as a percentage (0.0333 reads 3.33%). */
  percent?: boolean;
}

/** One sheet of a workbook: a title, a header, and its cells with each column's number format. */
export interface TableSheet {
  title: string;
  header: string[];
  rows: CsvCell[][];
  formats: (string | undefined)[];
}

const PERCENT_NUMBER_FORMAT = '0.00%';

/** The columns' keys as the header, then one line per row. */
export function tableCsv<R extends Row<R>>(columns: TableColumn<R>[], rows: R[], delimiter?: CsvDelimiter): Buffer {
  return csvFile([columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => r[c.key]))], delimiter);
}

/** Rows as a sheet: labels as the header, rupiah format for money, percent format for fractions. */
export function tableSheet<R extends Row<R>>(title: string, columns: TableColumn<R>[], rows: readonly R[]): TableSheet {
  return {
    title,
    header: columns.map((c) => c.label),
    rows: rows.map((r) => columns.map((c): CsvCell => r[c.key] ?? null)),
    formats: columns.map((c) => (c.money ? RUPIAH_NUMBER_FORMAT : c.percent ? PERCENT_NUMBER_FORMAT : undefined)),
  };
}

/** A sheet's name as spreadsheets accept it: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One workbook of sheets, each: its title, the notes (filters, freshness), a bold header, number cells. */
export async function sheetsXlsx(sheets: readonly TableSheet[], notes: readonly string[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Titipan';
  const taken = new Set<string>();
  for (const table of sheets) {
    const sheet = book.addWorksheet(sheetName(table.title, taken));
    sheet.addRow([table.title]).font = { bold: true, size: 14 };
    for (const note of notes) sheet.addRow([note]);
    sheet.addRow(table.header).font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells);
      table.formats.forEach((format, i) => {
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
    sheet.columns.forEach((column) => (column.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One sheet: a title, a bold header, number cells (rupiah format for money). */
export function tableXlsx<R extends Row<R>>(title: string, columns: TableColumn<R>[], rows: R[]): Promise<Buffer> {
  return sheetsXlsx([tableSheet(title, columns, rows)]);
}
