import ExcelJS from 'exceljs';
import { sheetsXlsx, tableSheet, type TableColumn } from './table-export';

interface Rate {
  key: string;
  amount: number;
  rate: number | null;
}

const COLUMNS: TableColumn<Rate>[] = [
  { key: 'key', label: 'UPT' },
  { key: 'amount', label: 'Amount', money: true },
  { key: 'rate', label: 'Rate', percent: true },
];

/** A workbook as exceljs reads it back (its own ArrayBuffer, not a Buffer's view of a shared one). */
async function read(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(body).buffer);
  return book;
}

describe('the workbooks of the reports', () => {
  it('writes each table as a sheet: title, notes, bold header, rows with rupiah and percent formats, empty cells for nothing', async () => {
    const body = await sheetsXlsx(
      [
        tableSheet('Discrepancies by UPT 2026-10', COLUMNS, [
          { key: 'LPP-TGR', amount: 153_000, rate: 0.0333 },
          { key: 'LP-CIPINANG', amount: 0, rate: null },
        ]),
      ],
      ['Region: Kanwil KW-BANTEN'],
    );
    const book = await read(body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Discrepancies by UPT 2026-10');
    expect(sheet.getRow(2).getCell(1).value).toBe('Region: Kanwil KW-BANTEN');
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect([1, 2, 3].map((c) => sheet.getRow(4).getCell(c).value)).toEqual(['LPP-TGR', 153_000, 0.0333]);
    expect([2, 3].map((c) => sheet.getRow(4).getCell(c).numFmt)).toEqual(['"Rp" #,##0;[Red]-"Rp" #,##0', '0.00%']);
    expect(sheet.getRow(5).getCell(3).value).toBeNull();
  });

  it('names sheets as spreadsheets accept them: at most 31 characters, no : / ? * [ ], each name once', async () => {
    const long = 'Rollup 2026-10 by product: [all] UPTs of the Kanwil';
    const book = await read(await sheetsXlsx([tableSheet(long, COLUMNS, []), tableSheet(long, COLUMNS, [])]));
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(['Rollup 2026-10 by product   all', 'Rollup 2026-10 by product   a 2']);
    expect(names.every((n) => n.length <= 31 && !/[:\\/?*[\]]/.test(n))).toBe(true);
  });
});
