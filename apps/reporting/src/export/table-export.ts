import ExcelJS from 'exceljs';
import { csvFile, type CsvCell, type CsvDelimiter } from './csv-file';
import { RUPIAH_NUMBER_FORMAT } from '@titipan/kernel';

type Row<R> = { [K in keyof R]: CsvCell };

export interface TableColumn<R> {
  key: keyof R & string;
  label: string;
  money?: boolean;
}

/** The columns' keys as the header, then one line per row. */
export function tableCsv<R extends Row<R>>(columns: TableColumn<R>[], rows: R[], delimiter?: CsvDelimiter): Buffer {
  return csvFile([columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => r[c.key]))], delimiter);
}

/** One sheet: a title, a bold header, number cells (rupiah format for money). */
export async function tableXlsx<R extends Row<R>>(title: string, columns: TableColumn<R>[], rows: R[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Titipan';
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(columns.map((c) => c.label)).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(columns.map((c) => r[c.key] ?? null));
    columns.forEach((c, i) => {
      if (c.money) row.getCell(i + 1).numFmt = RUPIAH_NUMBER_FORMAT;
    });
  }
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}
