import type { Cell } from './sales-upload';

/**
 * A register's export read in the browser, as rows of cells (the first row the header). The parsers are loaded
 * only here, with import(), so the till's bundle does not carry them (the page budget is 150 kB gzipped).
 */
export type FileKind = 'xlsx' | 'csv';

export function kindOf(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

export async function readRows(file: File, bytes: ArrayBuffer): Promise<Cell[][]> {
  if (kindOf(file.name) === 'xlsx') {
    const { readSheet } = await import('read-excel-file/browser');
    return (await readSheet(bytes)) as Cell[][];
  }
  const { default: Papa } = await import('papaparse');
  // a BOM and either delimiter: Excel in an Indonesian locale writes ';', others ','
  const csv = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(csv, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  return parsed.data;
}
