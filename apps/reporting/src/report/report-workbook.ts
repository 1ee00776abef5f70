import { formatDateTime } from '@titipan/kernel';
import { sheetsXlsx, tableSheet, type TableColumn, type TableSheet } from '../export/table-export';
import type { ExhibitionFigureRow, ExhibitionReport, ExhibitionRow } from './domain/exhibition-report';
import type { RegionFilter } from './domain/region-filter';
import type {
  AgeBucketRow,
  DiscrepancyRow,
  Freshness,
  MoverRow,
  OutstandingRow,
  PnbpProgressRow,
  RollupDimension,
  RollupRow,
  SalesDayRow,
  SalesMonthRow,
  StockRow,
} from './domain/report-rows';

/** What each `/reports/*` view answers in JSON; its XLSX download holds the same rows. */
export interface ReportAnswers {
  /** a page of the rows in JSON (`total` of them in all); every row in a file */
  rollup: {
    freshness: Freshness;
    period: string;
    by: RollupDimension;
    rows: RollupRow[];
    total: number;
    limit: number | null;
    offset: number;
  };
  'sales-monthly': { freshness: Freshness; from: string; to: string; rows: SalesMonthRow[] };
  movers: { freshness: Freshness; period: string; top: MoverRow[]; slow: MoverRow[] };
  discrepancies: { freshness: Freshness; period: string; byUpt: DiscrepancyRow[]; byVenue: DiscrepancyRow[] };
  'sales-daily': { freshness: Freshness; from: string; to: string; rows: SalesDayRow[] };
  stock: { freshness: Freshness; rows: StockRow[] };
  'near-expiry': { freshness: Freshness; days: number; rows: StockRow[] };
  outstanding: { freshness: Freshness; buckets: AgeBucketRow[]; rows: OutstandingRow[] };
  'pnbp-progress': { freshness: Freshness; year: number; asOf: string; rows: PnbpProgressRow[] };
  exhibitions: { freshness: Freshness; rows: ExhibitionRow[] };
  exhibition: ExhibitionReport;
}
export type ReportView = keyof ReportAnswers;

export interface ReportFile {
  body: Buffer;
  type: string;
  filename: string;
}

export const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const ROLLUP_COLUMNS: TableColumn<RollupRow>[] = [
  { key: 'key', label: 'Key' },
  { key: 'soldQuantity', label: 'Sold (units)' },
  { key: 'grossSales', label: 'Gross sales', money: true },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'received', label: 'Received (units)' },
  { key: 'sellThrough', label: 'Sell-through', percent: true },
  { key: 'proceeds', label: 'Proceeds', money: true },
  { key: 'pnbp', label: 'PNBP', money: true },
  { key: 'premi', label: 'Premi', money: true },
];

const SALES_MONTH_COLUMNS: TableColumn<SalesMonthRow>[] = [
  { key: 'period', label: 'Month' },
  { key: 'units', label: 'Sold (units)' },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'pnbp', label: 'PNBP', money: true },
];

const MOVER_COLUMNS: TableColumn<MoverRow>[] = [
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Product' },
  { key: 'uptCode', label: 'UPT' },
  { key: 'sold', label: 'Sold (units)' },
  { key: 'received', label: 'Received (units)' },
];

const DISCREPANCY_COLUMNS = (key: string): TableColumn<DiscrepancyRow>[] => [
  { key: 'key', label: key },
  { key: 'dispatched', label: 'Dispatched (units)' },
  { key: 'damaged', label: 'Damaged (units)' },
  { key: 'short', label: 'Short (units)' },
  { key: 'damagedRate', label: 'Damaged rate', percent: true },
  { key: 'shortRate', label: 'Short rate', percent: true },
];

const SALES_DAY_COLUMNS: TableColumn<SalesDayRow>[] = [
  { key: 'day', label: 'Day' },
  { key: 'venueCode', label: 'Venue' },
  { key: 'uptCode', label: 'UPT' },
  { key: 'quantity', label: 'Sold (units)' },
  { key: 'amount', label: 'Net sales', money: true },
];

const STOCK_COLUMNS: TableColumn<StockRow>[] = [
  { key: 'venueCode', label: 'Venue' },
  { key: 'uptCode', label: 'UPT' },
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Product' },
  { key: 'lotCode', label: 'Lot' },
  { key: 'expiryDate', label: 'Expiry date' },
  { key: 'daysLeft', label: 'Days left' },
  { key: 'quantity', label: 'Quantity' },
];

const AGE_BUCKET_COLUMNS: TableColumn<AgeBucketRow>[] = [
  { key: 'ageBucket', label: 'Days unpaid' },
  { key: 'statements', label: 'Statements' },
  { key: 'proceeds', label: 'Proceeds due', money: true },
];

const OUTSTANDING_COLUMNS: TableColumn<OutstandingRow>[] = [
  { key: 'id', label: 'Statement' },
  { key: 'period', label: 'Month' },
  { key: 'uptCode', label: 'UPT' },
  { key: 'venueCode', label: 'Venue' },
  { key: 'proceeds', label: 'Proceeds due', money: true },
  { key: 'issuedAt', label: 'Issued at (UTC)' },
  { key: 'ageDays', label: 'Days unpaid' },
  { key: 'ageBucket', label: 'Age' },
];

const PNBP_PROGRESS_COLUMNS: TableColumn<PnbpProgressRow>[] = [
  { key: 'uptCode', label: 'UPT' },
  { key: 'target', label: 'Target', money: true },
  { key: 'issued', label: 'PNBP issued', money: true },
  { key: 'deposited', label: 'PNBP deposited', money: true },
  { key: 'progress', label: 'Deposited of target', percent: true },
];

/** An exhibition's row in a sheet: its UPTs in one cell. */
type ExhibitionSheetRow = Omit<ExhibitionRow, 'uptCodes' | 'agreementIds'> & { upts: string };
const exhibitionSheetRow = ({ uptCodes, agreementIds: _, ...row }: ExhibitionRow): ExhibitionSheetRow => ({
  ...row,
  upts: uptCodes.join(', '),
});

const EXHIBITION_COLUMNS: TableColumn<ExhibitionSheetRow>[] = [
  { key: 'name', label: 'Exhibition' },
  { key: 'series', label: 'Series' },
  { key: 'edition', label: 'Edition' },
  { key: 'organiserCode', label: 'Organiser' },
  { key: 'venueCode', label: 'Venue' },
  { key: 'location', label: 'Location' },
  { key: 'first', label: 'First day' },
  { key: 'last', label: 'Last day' },
  { key: 'upts', label: 'UPTs' },
];

const EXHIBITION_FIGURE_COLUMNS = (product: boolean): TableColumn<ExhibitionFigureRow>[] => [
  { key: 'uptCode', label: 'UPT' },
  ...(product
    ? ([
        { key: 'sku', label: 'SKU' },
        { key: 'name', label: 'Product' },
      ] as TableColumn<ExhibitionFigureRow>[])
    : []),
  { key: 'received', label: 'Received (units)' },
  { key: 'sold', label: 'Sold (units)' },
  { key: 'grossSales', label: 'Gross sales', money: true },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'sellThrough', label: 'Sell-through', percent: true },
  ...(product
    ? []
    : ([
        { key: 'proceeds', label: 'Proceeds', money: true },
        { key: 'pnbp', label: 'PNBP', money: true },
        { key: 'statementStatus', label: 'Statement' },
      ] as TableColumn<ExhibitionFigureRow>[])),
];

interface EditionTotalRow {
  edition: string;
  upts: number;
  sold: number;
  netSales: number;
  proceeds: number;
  pnbp: number;
}

const EDITION_COLUMNS: TableColumn<EditionTotalRow>[] = [
  { key: 'edition', label: 'Edition' },
  { key: 'upts', label: 'UPTs' },
  { key: 'sold', label: 'Sold (units)' },
  { key: 'netSales', label: 'Net sales', money: true },
  { key: 'proceeds', label: 'Proceeds', money: true },
  { key: 'pnbp', label: 'PNBP', money: true },
];

/** This edition's totals, the previous edition's and the change, as rows. */
function editionRows(a: ExhibitionReport): EditionTotalRow[] {
  const rows: EditionTotalRow[] = [{ edition: a.exhibition.edition, ...a.totals }];
  if (a.previous) {
    rows.push({ edition: a.previous.edition, ...a.previous.totals });
    rows.push({ edition: 'Change', upts: a.totals.upts - a.previous.totals.upts, ...a.previous.change });
  }
  return rows;
}

/** Each view's file name (without the region) and sheets, from its JSON answer: one place per view. */
const VIEWS: { [V in ReportView]: (answer: ReportAnswers[V]) => { name: string; sheets: TableSheet[] } } = {
  rollup: (a) => ({
    name: `rollup-${a.period}-${a.by}`,
    sheets: [tableSheet(`Rollup ${a.period} by ${a.by}`, ROLLUP_COLUMNS, a.rows)],
  }),
  'sales-monthly': (a) => ({
    name: `sales-monthly-${a.from}-${a.to}`,
    sheets: [tableSheet(`Net sales ${a.from} to ${a.to}`, SALES_MONTH_COLUMNS, a.rows)],
  }),
  movers: (a) => ({
    name: `movers-${a.period}`,
    sheets: [tableSheet(`Top movers ${a.period}`, MOVER_COLUMNS, a.top), tableSheet(`Slow movers ${a.period}`, MOVER_COLUMNS, a.slow)],
  }),
  discrepancies: (a) => ({
    name: `discrepancies-${a.period}`,
    sheets: [
      tableSheet(`Discrepancies by UPT ${a.period}`, DISCREPANCY_COLUMNS('UPT'), a.byUpt),
      tableSheet(`Discrepancies by venue ${a.period}`, DISCREPANCY_COLUMNS('Venue'), a.byVenue),
    ],
  }),
  'sales-daily': (a) => ({
    name: `sales-daily-${a.from}-${a.to}`,
    sheets: [tableSheet(`Net sales by day ${a.from} to ${a.to}`, SALES_DAY_COLUMNS, a.rows)],
  }),
  stock: (a) => ({ name: 'stock', sheets: [tableSheet('Stock at venues', STOCK_COLUMNS, a.rows)] }),
  'near-expiry': (a) => ({
    name: `near-expiry-${a.days}d`,
    sheets: [tableSheet(`Expiring within ${a.days} days`, STOCK_COLUMNS, a.rows)],
  }),
  outstanding: (a) => ({
    name: 'outstanding',
    sheets: [
      tableSheet('Unpaid statements by age', AGE_BUCKET_COLUMNS, a.buckets),
      tableSheet('Unpaid statements', OUTSTANDING_COLUMNS, a.rows),
    ],
  }),
  'pnbp-progress': (a) => ({
    name: `pnbp-progress-${a.year}`,
    sheets: [tableSheet(`PNBP against target ${a.year}`, PNBP_PROGRESS_COLUMNS, a.rows)],
  }),
  exhibitions: (a) => ({ name: 'exhibitions', sheets: [tableSheet('Exhibitions', EXHIBITION_COLUMNS, a.rows.map(exhibitionSheetRow))] }),
  exhibition: (a) => ({
    name: `exhibition-${a.exhibition.venueCode}`,
    sheets: [
      tableSheet('Totals by edition', EDITION_COLUMNS, editionRows(a)),
      tableSheet('By UPT', EXHIBITION_FIGURE_COLUMNS(false), a.byUpt),
      tableSheet('By product', EXHIBITION_FIGURE_COLUMNS(true), a.byProduct),
      tableSheet('Best sellers', EXHIBITION_FIGURE_COLUMNS(true), a.bestSellers),
    ],
  }),
};

/** The region a view was narrowed to, as the file name and the sheets' notes say it. */
const regionParts = (region: RegionFilter) => [region.kanwil, region.upt].filter((code): code is string => code !== undefined);

/**
 * A view's answer as the XLSX download of what the JSON shows: one workbook for every view, each sheet with
 * its title, the region filter and the data's freshness (in WIB) above the rows.
 */
export async function reportWorkbook<V extends ReportView>(view: V, answer: ReportAnswers[V], region: RegionFilter): Promise<ReportFile> {
  const { name, sheets } = VIEWS[view](answer);
  const notes = [
    `Region: ${[region.kanwil && `Kanwil ${region.kanwil}`, region.upt && `UPT ${region.upt}`].filter(Boolean).join(', ') || 'all within your scope'}`,
    `Data as of: ${answer.freshness.lastEventTime ? formatDateTime(answer.freshness.lastEventTime, 'Asia/Jakarta') : 'no events yet'}`,
  ];
  return {
    body: await sheetsXlsx(sheets, notes),
    type: FILE_TYPES.xlsx,
    filename: `${[name, ...regionParts(region)].join('-')}.xlsx`,
  };
}
