import { useState } from 'preact/hooks';
import { formatNumber, formatRupiah } from '../format';
import { t } from '../i18n';
import {
  canDrill,
  crumbs,
  drillInto,
  drillStart,
  regroup,
  rollupParams,
  ROLLUP_DIMENSIONS,
  type DrillState,
  type RollupDimension,
} from './drill-down';
import { fixedKanwil, reportUrl } from './report-filters';
import {
  ChartWithTable,
  FilterBar,
  FreshnessNote,
  monthLabel,
  ReportChart,
  ReportStatus,
  useFilters,
  useReport,
  useViewer,
  useZone,
  XlsxLink,
} from './report-parts';
import {
  byNetSales,
  chartOf,
  formatRate,
  head,
  monthlySeries,
  total,
  type Freshness,
  type MonthRow,
  type RollupRow,
} from './report-series';

/** Bars a rollup chart draws at most (a nation's products run to thousands; the table lists them all). */
const CHART_ROWS = 30;

/** Net sales by month, and a month's rollup by Kanwil, UPT, venue, category or product with the drill-down. */
export function SalesPage() {
  const viewer = useViewer();
  const [filters, setFilters] = useFilters(viewer);
  const [zone, setZone] = useZone();
  const [drill, setDrill] = useState<DrillState>(() => drillStart(filters));
  const monthlyUrl = reportUrl('sales-monthly', filters);
  const monthly = useReport<{ freshness: Freshness; rows: MonthRow[] }>(monthlyUrl);
  const rollupUrl = `/api/reporting/reports/rollup?${new URLSearchParams(rollupParams(drill, filters.period)).toString()}`;
  const rollup = useReport<{ freshness: Freshness; rows: RollupRow[] }>(rollupUrl);
  const months = monthly.data ? monthlySeries(monthly.data.rows, filters.from, filters.to) : [];
  const rows = rollup.data ? byNetSales(rollup.data.rows) : [];
  const drillable = canDrill(drill);
  const open = (key: string) => drillable && setDrill(drillInto(drill, key));
  const path = crumbs(drill, fixedKanwil(viewer));

  return (
    <section aria-labelledby="sales-title" class="dashboard">
      <h1 id="sales-title">{t('dashboard.sales.title')}</h1>
      <FilterBar
        view="rollup"
        regionOnly
        filters={filters}
        viewer={viewer}
        zone={zone}
        onZone={setZone}
        onChange={(next) => {
          setFilters(next);
          if (next.kanwil !== filters.kanwil || next.upt !== filters.upt) setDrill(drillStart(next));
        }}
      />
      <FreshnessNote freshness={rollup.data?.freshness ?? monthly.data?.freshness} zone={zone} />

      <section aria-labelledby="monthly-title" class="report" data-testid="monthly-report">
        <h2 id="monthly-title">{t('dashboard.sales.monthly')}</h2>
        <div class="report-tools">
          <label>
            <span>{t('dashboard.from')}</span>
            <input
              type="month"
              name="from"
              value={filters.from}
              onChange={(e) => e.currentTarget.value && setFilters({ ...filters, from: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('dashboard.to')}</span>
            <input
              type="month"
              name="to"
              value={filters.to}
              onChange={(e) => e.currentTarget.value && setFilters({ ...filters, to: e.currentTarget.value })}
            />
          </label>
          <XlsxLink url={monthlyUrl} name={t('dashboard.sales.monthly')} />
        </div>
        <ReportStatus {...monthly} />
        {monthly.data && (
          <ChartWithTable
            chart={
              <ReportChart
                kind="line"
                unit="money"
                label={t('dashboard.sales.monthlyChart')}
                data={chartOf(months, (m) => monthLabel(m.period), {
                  'dashboard.col.netSales': (m) => m.netSales,
                  'dashboard.col.pnbp': (m) => m.pnbp,
                })}
              />
            }
            table={
              <table data-testid="monthly-table">
                <caption class="sr-only">{t('dashboard.sales.monthly')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.col.month')}</th>
                    <th scope="col" class="num">
                      {t('dashboard.col.units')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.netSales')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.pnbp')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.period} data-key={m.period}>
                      <th scope="row">{monthLabel(m.period)}</th>
                      <td class="num">{formatNumber(m.units)}</td>
                      <td class="num" data-col="netSales">
                        {formatRupiah(m.netSales)}
                      </td>
                      <td class="num">{formatRupiah(m.pnbp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        )}
      </section>

      <section
        aria-labelledby="rollup-title"
        class="report"
        data-testid="rollup-report"
        data-by={drill.by}
        data-kanwil={drill.kanwil ?? ''}
        data-upt={drill.upt ?? ''}
      >
        <h2 id="rollup-title">{t('dashboard.sales.rollup', { month: monthLabel(filters.period) })}</h2>
        <nav aria-label={t('dashboard.breadcrumb')} class="breadcrumb">
          <ol>
            {path.map((crumb, i) => (
              <li key={i}>
                {i === path.length - 1 && crumb.state.by === drill.by ? (
                  <span aria-current="location">{crumb.label ?? t('dashboard.national')}</span>
                ) : (
                  <button type="button" class="link" onClick={() => setDrill(crumb.state)}>
                    {crumb.label ?? t('dashboard.national')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <div class="report-tools">
          <label>
            <span>{t('dashboard.period')}</span>
            <input
              type="month"
              name="period"
              value={filters.period}
              onChange={(e) => e.currentTarget.value && setFilters({ ...filters, period: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('dashboard.groupBy')}</span>
            <select name="by" value={drill.by} onChange={(e) => setDrill(regroup(drill, e.currentTarget.value as RollupDimension))}>
              {ROLLUP_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`dashboard.by.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <XlsxLink url={rollupUrl} name={t('dashboard.sales.rollupShort')} />
        </div>
        {drillable && <p class="hint">{t('dashboard.sales.drillHint')}</p>}
        <ReportStatus {...rollup} />
        {rollup.data && rows.length === 0 && <p>{t('dashboard.empty')}</p>}
        {rollup.data && rows.length > 0 && (
          <ChartWithTable
            chart={
              <ReportChart
                unit="money"
                horizontal
                label={t('dashboard.sales.rollupChart', { by: t(`dashboard.by.${drill.by}`) })}
                data={chartOf(head(rows, CHART_ROWS).shown, (r) => r.key, { 'dashboard.col.netSales': (r) => r.netSales })}
                onPick={drillable ? open : undefined}
              />
            }
            table={
              <table data-testid="rollup-table" class={drillable ? 'drillable' : undefined}>
                <caption class="sr-only">{t('dashboard.sales.rollupChart', { by: t(`dashboard.by.${drill.by}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`dashboard.by.${drill.by}`)}</th>
                    <th scope="col" class="num">
                      {t('dashboard.col.units')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.netSales')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.sellThrough')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.pnbp')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key} data-key={r.key} onClick={() => open(r.key)}>
                      <th scope="row">
                        {drillable ? (
                          <button type="button" class="link" onClick={(e) => (e.stopPropagation(), open(r.key))}>
                            {r.key}
                          </button>
                        ) : (
                          r.key
                        )}
                      </th>
                      <td class="num">{formatNumber(r.soldQuantity)}</td>
                      <td class="num" data-col="netSales">
                        {formatRupiah(r.netSales)}
                      </td>
                      <td class="num">{formatRate(r.sellThrough)}</td>
                      <td class="num">{r.pnbp === null ? '–' : formatRupiah(r.pnbp)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('dashboard.total')}</th>
                    <td class="num">{formatNumber(total(rows, (r) => r.soldQuantity))}</td>
                    <td class="num" data-col="netSales">
                      {formatRupiah(total(rows, (r) => r.netSales))}
                    </td>
                    <td />
                    <td class="num">{rows.some((r) => r.pnbp !== null) ? formatRupiah(total(rows, (r) => r.pnbp)) : '–'}</td>
                  </tr>
                </tfoot>
              </table>
            }
          />
        )}
      </section>
    </section>
  );
}
