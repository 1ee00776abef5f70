import ExcelJS from 'exceljs';

/** What a table cell holds: text, a number, or nothing. */
type Cell = string | number | null | undefined;
type Row<R> = { [K in keyof R]: Cell };

export interface TableColumn<R> {
  key: keyof R & string;
  label: string;
  money?: boolean;
}

const csvCell = (value: Cell) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function tableCsv<R extends Row<R>>(columns: TableColumn<R>[], rows: R[]): string {
  return `${[columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => r[c.key]))].map((line) => line.map(csvCell).join(',')).join('\n')}\n`;
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
      if (c.money) row.getCell(i + 1).numFmt = '"Rp" #,##0;[Red]-"Rp" #,##0';
    });
  }
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}
