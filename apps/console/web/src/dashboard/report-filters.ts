/**
 * The dashboard's filters and the report addresses they make: plain TS, no DOM (report-filters.spec.ts).
 * Every report takes the region filters `kanwil` and `upt`; a Kanwil person's region is fixed to its own.
 */

/** The views of the dashboard, each one report of the reporting service. */
export type ReportView = 'rollup' | 'sales-monthly' | 'pnbp-progress' | 'outstanding' | 'discrepancies' | 'near-expiry' | 'movers';

export interface ReportFilters {
  /** the month of month views (YYYY-MM) */
  period: string;
  /** the months of the monthly series (YYYY-MM) */
  from: string;
  to: string;
  /** the year of PNBP progress */
  year: number;
  /** the near-expiry window in days */
  days: number;
  kanwil?: string;
  upt?: string;
}

/** What each view is filtered by besides the region. */
export const VIEW_FILTERS: Readonly<Record<ReportView, readonly ('period' | 'months' | 'year' | 'days')[]>> = {
  rollup: ['period'],
  'sales-monthly': ['months'],
  'pnbp-progress': ['year'],
  outstanding: [],
  discrepancies: ['period'],
  'near-expiry': ['days'],
  movers: ['period'],
};

/** The person's role and scope, as the session tells. */
export interface Viewer {
  role: string;
  scope: string | null;
}

/** The Kanwil a person's region filter is fixed to: its own for a Kanwil person, none for the ministry. */
export function fixedKanwil(viewer: Viewer): string | undefined {
  return viewer.role === 'kanwil' && viewer.scope ? viewer.scope : undefined;
}

/** The dashboard is the Kanwil's and the ministry's; every other role has none. */
export function hasDashboard(viewer: Viewer): boolean {
  return viewer.role === 'ministry' || viewer.role === 'kanwil';
}

/** YYYY-MM of an instant in WIB (the ministry's zone, UTC+7). */
export function monthInWib(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** `YYYY-MM` plus `months` (negative to go back). */
export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The filters a view opens with: last month (the latest that has ended), the twelve months up to it, this year. */
export function defaultFilters(viewer: Viewer, now: Date): ReportFilters {
  const period = addMonths(monthInWib(now), -1);
  return {
    period,
    from: addMonths(period, -11),
    to: period,
    year: Number(monthInWib(now).slice(0, 4)),
    days: 30,
    kanwil: fixedKanwil(viewer),
  };
}

/** A region change: a new Kanwil clears the UPT; a Kanwil person cannot leave its own. */
export function withRegion(filters: ReportFilters, viewer: Viewer, region: { kanwil?: string; upt?: string }): ReportFilters {
  const kanwil = fixedKanwil(viewer) ?? (region.kanwil || undefined);
  const upt = kanwil === filters.kanwil ? region.upt || undefined : undefined;
  return { ...filters, kanwil, upt };
}

/** The region query of a report: the narrowest filter set (a UPT implies its Kanwil). */
export function regionParams(region: { kanwil?: string; upt?: string }): Record<string, string> {
  if (region.upt) return { upt: region.upt };
  if (region.kanwil) return { kanwil: region.kanwil };
  return {};
}

/** The console's address of a report with the view's filters; `extra` adds or overrides parameters (by, format). */
export function reportUrl(view: ReportView, filters: ReportFilters, extra: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {};
  for (const filter of VIEW_FILTERS[view]) {
    if (filter === 'period') params.period = filters.period;
    if (filter === 'months') Object.assign(params, { from: filters.from, to: filters.to });
    if (filter === 'year') params.year = String(filters.year);
    if (filter === 'days') params.days = String(filters.days);
  }
  Object.assign(params, regionParams(filters), extra);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return `/api/reporting/reports/${view}?${query.toString()}`;
}

/** The same report as an XLSX download. */
export function xlsxUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}format=xlsx`;
}

/** Months from `from` to `to` inclusive (none when reversed). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to && months.length < 120; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** A link may open the dashboard on a month (`?bulan=2026-06`): that month, and the twelve months up to it. */
export function openAt(filters: ReportFilters, search: string): ReportFilters {
  const period = new URLSearchParams(search).get('bulan');
  if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return filters;
  return { ...filters, period, from: addMonths(period, -11), to: period };
}
