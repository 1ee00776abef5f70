import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify/sync';

/** What a CSV cell holds: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * `comma` (the default) for scripts and most spreadsheets; `semicolon` for Excel set to Indonesian, which
 * expects `;` between cells and `,` before decimals (0,3448).
 */
export const CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The `delimiter` query option of every CSV export, declared once. */
export const CsvDelimiterOption = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: CSV_DELIMITERS,
      default: 'comma',
      description: 'CSV only: semicolon for Excel set to Indonesian (";" between cells, decimal comma)',
    }),
    IsOptional(),
    IsIn(CSV_DELIMITERS),
  );

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading single quote, so it shows as the text it is. */
export const neutralise = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * The one CSV writer of every export: UTF-8 with a byte-order mark (so Excel reads the names right), one
 * header row first, RFC 4180 quoting (csv-stringify). Text cells are neutralised; number cells stay numbers,
 * negative ones included (-15000 is a number to a spreadsheet, not a formula), with a decimal comma when the
 * delimiter is a semicolon.
 */
export function csvFile(rows: CsvCell[][], delimiter: CsvDelimiter = 'comma'): Buffer {
  const semicolon = delimiter === 'semicolon';
  const text = stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell))),
    {
      bom: true,
      delimiter: semicolon ? ';' : ',',
      // a neutralised cell is also quoted, as OWASP advises
      quoted_match: /^'[=+\-@\t\r]/,
      cast: { number: (value) => (semicolon ? String(value).replace('.', ',') : String(value)) },
    },
  );
  return Buffer.from(text, 'utf8');
}
