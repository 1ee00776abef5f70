/**
 * The exhibition report as the console reads it (GET /api/reporting/reports/exhibitions/:id): reporting's answer,
 * copied in shape (the single-page app cannot load the service's code), and how its figures read: units as
 * numbers, money as `Rp 1.234.567`, sell-through and changes as percentages, a change with its sign. Plain TS, no
 * DOM (exhibition-report.spec.ts). Reporting decides what a reader sees; nothing here narrows or widens it.
 */
import { formatRate, type Freshness } from '../dashboard/report-series';
import { formatNumber, formatRupiah } from '../format';

/** The exhibition as reporting keeps it. */
export interface ReportedExhibition {
  exhibitionId: string;
  venueCode: string;
  name: string;
  series: string;
  edition: string;
  organiserCode: string;
  location: string;
  timeZone: string;
  first: string;
  last: string;
  /** The event period its agreements settle, `first..last`. */
  period: string;
  uptCodes: string[];
}

/** One UPT's or one product's figures (units, whole rupiah). */
export interface ExhibitionFigureRow {
  uptCode: string;
  /** Product rows only. */
  sku?: string;
  name?: string;
  received: number;
  sold: number;
  grossSales: number;
  netSales: number;
  /** 0..1 */
  sellThrough: number;
  /** UPT rows only: from the statement, null until it is issued. */
  proceeds?: number | null;
  pnbp?: number | null;
  statementStatus?: string | null;
}

export interface ExhibitionTotals {
  upts: number;
  sold: number;
  netSales: number;
  proceeds: number;
  pnbp: number;
}

/** The figures compared with the previous edition, in the order the report lists them. */
export const COMPARED_FIGURES = ['sold', 'netSales', 'proceeds', 'pnbp'] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

export interface EditionComparison {
  exhibitionId: string;
  name: string;
  edition: string;
  totals: ExhibitionTotals;
  change: Record<ComparedFigure, number>;
  /** null where the previous edition's figure is zero */
  changeRate: Record<ComparedFigure, number | null>;
}

export interface ExhibitionReport {
  freshness: Freshness;
  exhibition: ReportedExhibition;
  byUpt: ExhibitionFigureRow[];
  byProduct: ExhibitionFigureRow[];
  bestSellers: ExhibitionFigureRow[];
  totals: ExhibitionTotals;
  previous: EditionComparison | null;
}

/** The console's address of an exhibition's report (the XLSX adds `format=xlsx`). */
export const exhibitionReportUrl = (exhibitionId: string): string =>
  `/api/reporting/reports/exhibitions/${encodeURIComponent(exhibitionId)}`;

/** A compared figure as it reads: units as a number, money in rupiah. */
export const figureText = (figure: ComparedFigure, value: number): string =>
  figure === 'sold' ? formatNumber(value) : formatRupiah(value);

/** Money that may not be known yet (proceeds and PNBP before the statement is issued): a dash until then. */
export const moneyOrDash = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatRupiah(value);

/** A share of units sold of units received (0..1) as `30,0%`. */
export const sellThroughText = (rate: number): string => formatRate(rate);

/** A change with its sign: `+33`, `−Rp 5.000`, `0` (U+2212 for minus, as a figure is printed). */
export function changeText(figure: ComparedFigure, change: number): string {
  if (change === 0) return figureText(figure, 0);
  return `${change > 0 ? '+' : '−'}${figureText(figure, Math.abs(change))}`;
}

/** A change as a share of the previous figure with its sign (`+12,5%`); none where reporting gives none (a zero before). */
export function changeRateText(rate: number | null): string | undefined {
  if (rate === null) return undefined;
  if (rate === 0) return formatRate(0);
  return `${rate > 0 ? '+' : '−'}${formatRate(Math.abs(rate))}`;
}

/** One row of "against the previous edition": the figure's previous and current totals and the change. */
export interface ComparisonRow {
  figure: ComparedFigure;
  previous: string;
  current: string;
  change: string;
  /** the change as a percentage of the previous figure; absent where the previous figure is zero */
  rate?: string;
}

/** The comparison with the previous edition, a row per figure; none for the first edition of its series. */
export function comparisonRows(report: Pick<ExhibitionReport, 'totals' | 'previous'>): ComparisonRow[] | undefined {
  const previous = report.previous;
  if (!previous) return undefined;
  return COMPARED_FIGURES.map((figure) => {
    const rate = changeRateText(previous.changeRate[figure]);
    return {
      figure,
      previous: figureText(figure, previous.totals[figure]),
      current: figureText(figure, report.totals[figure]),
      change: changeText(figure, previous.change[figure]),
      ...(rate === undefined ? {} : { rate }),
    };
  });
}

/** How many days an exhibition runs, its first and last day included. */
export function eventDays(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A UPT row's statement in words: its status's key, or that it has not been issued yet. */
export const statementKey = (status: string | null | undefined): string =>
  status ? `statementStatus.${status}` : 'exhibition.report.notIssued';

/** A product as the tables name it: `Keripik tempe (KRP-TEMPE-100)`, or its SKU (an id) while reporting has no name. */
export const productLabel = (row: Pick<ExhibitionFigureRow, 'sku' | 'name'>): string =>
  row.name ? `${row.name} (${row.sku})` : (row.sku ?? '');
