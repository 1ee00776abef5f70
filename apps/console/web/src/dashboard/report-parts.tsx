import type { Chart } from 'chart.js';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, call, currentSession } from '../api';
import { formatMonth, formatNumber, formatRupiah } from '../format';
import { t } from '../i18n';
import { loadChart } from './chart-loader';
import {
  defaultFilters,
  fixedKanwil,
  openAt,
  VIEW_FILTERS,
  withRegion,
  type ReportFilters,
  type ReportView,
  type Viewer,
} from './report-filters';
import { ZoneField } from './report-notes';
import type { ChartData } from './report-series';

// the parts a page without a chart uses too
export { FreshnessNote, useZone, XlsxLink, ZONES, ZoneField } from './report-notes';

// a dashboard page is about to draw: fetch Chart.js while its report is being asked for, not after
void loadChart();

/** The person the dashboard is for. */
export function useViewer(): Viewer {
  const session = currentSession();
  return { role: session?.role ?? '', scope: session?.scope ?? null };
}

// the filters stay as they were set while the person moves between the dashboard's views
let kept: ReportFilters | undefined;

export function useFilters(viewer: Viewer): [ReportFilters, (next: ReportFilters) => void] {
  const [filters, setFilters] = useState<ReportFilters>(() => (kept ??= openAt(defaultFilters(viewer, new Date()), location.search)));
  return [
    filters,
    (next) => {
      kept = next;
      setFilters(next);
    },
  ];
}

/** A report's JSON answer at `url`; a newer url's answer replaces an older one, never the other way. */
export function useReport<T>(url: string): { data?: T; error?: string; loading: boolean } {
  const [state, setState] = useState<{ url: string; data?: T; error?: string }>({ url: '' });
  useEffect(() => {
    let current = true;
    call<T>('GET', url).then(
      (data) => current && setState({ url, data }),
      (e: Error & { code?: string }) => current && setState({ url, error: e.code ? `${e.code}: ${e.message}` : e.message }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  const now = state.url === url;
  return { data: now ? state.data : undefined, error: now ? state.error : undefined, loading: !now };
}

interface Region {
  code: string;
  name: string;
}

/** The Kanwil and a Kanwil's UPTs from the catalog's directory, for the region filter (codes alone when it does not answer). */
function useRegions(kanwil: string | undefined, fixed: string | undefined): { kanwils: Region[]; upts: Region[] } {
  const [kanwils, setKanwils] = useState<Region[]>([]);
  const [upts, setUpts] = useState<Region[]>([]);
  useEffect(() => {
    if (!fixed) all<Region>('/api/catalog/kanwils').then(setKanwils, () => setKanwils([]));
  }, [fixed]);
  useEffect(() => {
    setUpts([]);
    if (kanwil) all<Region>(`/api/catalog/upts?kanwil=${encodeURIComponent(kanwil)}`).then(setUpts, () => setUpts([]));
  }, [kanwil]);
  return { kanwils, upts };
}

const WINDOWS = [7, 14, 30, 60, 90];

/** The filters of a view: its period (a month, months, a year or days) and the region; a Kanwil person's region is fixed. */
export function FilterBar(props: {
  view: ReportView;
  regionOnly?: boolean;
  filters: ReportFilters;
  onChange: (next: ReportFilters) => void;
  viewer: Viewer;
  zone: string;
  onZone: (zone: string) => void;
}) {
  const { view, filters, onChange, viewer } = props;
  const fixed = fixedKanwil(viewer);
  const { kanwils, upts } = useRegions(filters.kanwil, fixed);
  const uses = props.regionOnly ? [] : VIEW_FILTERS[view];
  const month = (name: 'period' | 'from' | 'to', label: string) => (
    <label>
      <span>{label}</span>
      <input
        type="month"
        name={name}
        value={filters[name]}
        required
        onChange={(e) => e.currentTarget.value && onChange({ ...filters, [name]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form class="report-filters" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
      {uses.includes('period') && month('period', t('dashboard.period'))}
      {uses.includes('months') && month('from', t('dashboard.from'))}
      {uses.includes('months') && month('to', t('dashboard.to'))}
      {uses.includes('year') && (
        <label>
          <span>{t('dashboard.year')}</span>
          <input
            type="number"
            name="year"
            min={2000}
            max={2100}
            value={filters.year}
            onChange={(e) => onChange({ ...filters, year: Number(e.currentTarget.value) })}
          />
        </label>
      )}
      {uses.includes('days') && (
        <label>
          <span>{t('dashboard.window')}</span>
          <select name="days" value={filters.days} onChange={(e) => onChange({ ...filters, days: Number(e.currentTarget.value) })}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t('dashboard.days', { count: w })}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('dashboard.kanwil')}</span>
        <select
          name="kanwil"
          value={filters.kanwil ?? ''}
          disabled={!!fixed}
          onChange={(e) => onChange(withRegion(filters, viewer, { kanwil: e.currentTarget.value }))}
        >
          {fixed ? (
            <option value={fixed}>{fixed}</option>
          ) : (
            <>
              <option value="">{t('dashboard.national')}</option>
              {filters.kanwil && !kanwils.some((k) => k.code === filters.kanwil) && (
                <option value={filters.kanwil}>{filters.kanwil}</option>
              )}
              {kanwils.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name} ({k.code})
                </option>
              ))}
            </>
          )}
        </select>
      </label>
      <label>
        <span>{t('dashboard.upt')}</span>
        <select
          name="upt"
          value={filters.upt ?? ''}
          disabled={!filters.kanwil}
          onChange={(e) => onChange(withRegion(filters, viewer, { kanwil: filters.kanwil, upt: e.currentTarget.value }))}
        >
          <option value="">{t('dashboard.allUpts')}</option>
          {filters.upt && !upts.some((u) => u.code === filters.upt) && <option value={filters.upt}>{filters.upt}</option>}
          {upts.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name} ({u.code})
            </option>
          ))}
        </select>
      </label>
      <ZoneField zone={props.zone} onZone={props.onZone} />
    </form>
  );
}

const COLOURS = ['#0b57d0', '#b3261e', '#146c2e', '#8a5a00', '#6b3fa0'];
const compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * A bar or line chart drawn with Chart.js (loaded on first use). It is an image to a screen reader, whose
 * content is the table beside it; `onPick` opens a bar's row (the drill-down). `data-drawn` counts the draws.
 */
export function ReportChart(props: {
  data: ChartData;
  kind?: 'bar' | 'line';
  unit: 'money' | 'number' | 'percent';
  label: string;
  onPick?: (key: string) => void;
  horizontal?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart>();
  const [drawn, setDrawn] = useState(0);
  const pick = useRef(props.onPick);
  pick.current = props.onPick;
  const { data, kind = 'bar', unit, horizontal = false } = props;
  // the rows are shaped anew at each render: draw again only when what they show changed
  const signature = JSON.stringify(data);
  useEffect(() => {
    let live = true;
    void loadChart().then((ChartJs) => {
      if (!live || !canvas.current) return;
      chart.current?.destroy();
      const value = (n: number) =>
        unit === 'money' ? formatRupiah(n) : unit === 'percent' ? `${formatNumber(Math.round(n * 10) / 10)}%` : formatNumber(n);
      chart.current = new ChartJs(canvas.current, {
        type: kind,
        data: {
          labels: data.labels,
          datasets: data.series.map((s, i) => ({
            label: t(s.name),
            data: s.values,
            backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length],
          })),
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: horizontal ? 'y' : 'x',
          onClick: (_event, elements) => {
            const hit = elements[0];
            if (hit && pick.current) pick.current(data.keys[hit.index]);
          },
          scales: {
            [horizontal ? 'x' : 'y']: {
              beginAtZero: true,
              ticks: { callback: (v: string | number) => (unit === 'percent' ? `${v}%` : compact.format(Number(v))) },
            },
          },
          plugins: {
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${value(Number(c.raw))}` } },
            legend: { display: data.series.length > 1 },
          },
        },
      });
      setDrawn((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [signature, kind, unit, horizontal]);
  useEffect(() => () => chart.current?.destroy(), []);
  return (
    // a horizontal chart grows with its rows, so that a few bars are not drawn a hand wide
    <div
      class="chart-box"
      data-drawn={drawn}
      style={horizontal ? { height: `${Math.min(48, 5 + data.labels.length * (1 + 1.2 * data.series.length))}rem` } : undefined}
    >
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

/** A chart with its table beside it (below on a narrow screen). */
export function ChartWithTable({ chart, table }: { chart: ComponentChildren; table: ComponentChildren }) {
  return (
    <div class="chart-table">
      <figure class="chart">{chart}</figure>
      {/* a wide table scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too */}
      <div class="table-wrap" tabIndex={0}>
        {table}
      </div>
    </div>
  );
}

/** A report's state in words: loading, or the service's refusal. */
export function ReportStatus({ loading, error }: { loading: boolean; error?: string }) {
  if (error)
    return (
      <p role="alert" class="message refused">
        {t('dashboard.refused', { reason: error })}
      </p>
    );
  return loading ? <p class="loading-note">{t('dashboard.loading')}</p> : null;
}

export const monthLabel = (period: string) => formatMonth(period);
