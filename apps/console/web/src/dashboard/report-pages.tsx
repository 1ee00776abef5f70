import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { formatDateTime, formatDay, formatMonth, formatNumber, formatRupiah } from '../format';
import { t } from '../i18n';
import { reportUrl, type ReportFilters, type ReportView } from './report-filters';
import {
  ChartWithTable,
  FilterBar,
  FreshnessNote,
  ReportChart,
  ReportStatus,
  useFilters,
  useReport,
  useViewer,
  useZone,
  XlsxLink,
} from './report-parts';
import {
  behindFirst,
  byExpiry,
  chartOf,
  formatRate,
  head,
  total,
  worstFirst,
  type DiscrepancyRow,
  type Freshness,
  type AgeRow,
  type OutstandingRow,
  type PnbpProgressRow,
  type StockRow,
} from './report-series';

/** Rows a long table lists (the download has them all). */
const TABLE_ROWS = 200;
const CHART_ROWS = 30;

/** One view of the dashboard: its title, filters, freshness, download, and what it shows of the report's answer. */
function ReportPage<T extends { freshness?: Freshness }>(props: {
  view: ReportView;
  id: string;
  extra?: Record<string, string>;
  children: (data: T, filters: ReportFilters) => ComponentChildren;
}) {
  const viewer = useViewer();
  const [filters, setFilters] = useFilters(viewer);
  const [zone, setZone] = useZone();
  const url = reportUrl(props.view, filters, props.extra);
  const report = useReport<T>(url);
  return (
    <section aria-labelledby={`${props.id}-title`} class="dashboard" data-testid={`${props.id}-report`}>
      <h1 id={`${props.id}-title`}>{t(`dashboard.${props.id}.title`)}</h1>
      <p>{t(`dashboard.${props.id}.intro`)}</p>
      <FilterBar view={props.view} filters={filters} onChange={setFilters} viewer={viewer} zone={zone} onZone={setZone} />
      <FreshnessNote freshness={report.data?.freshness} zone={zone} />
      <div class="report-tools">
        <XlsxLink url={url} name={t(`dashboard.${props.id}.title`)} />
      </div>
      <ReportStatus {...report} />
      {report.data && props.children(report.data, filters)}
    </section>
  );
}

function More({ count }: { count: number }) {
  return count > 0 ? <p class="hint">{t('dashboard.more', { count })}</p> : null;
}

/** Each UPT's PNBP of the year against its target, furthest behind first. */
export function PnbpPage() {
  return (
    <ReportPage<{ freshness?: Freshness; rows: PnbpProgressRow[] }> view="pnbp-progress" id="pnbp">
      {(data) => {
        const rows = behindFirst(data.rows);
        if (rows.length === 0) return <p>{t('dashboard.pnbp.none')}</p>;
        return (
          <ChartWithTable
            chart={
              <ReportChart
                unit="money"
                horizontal
                label={t('dashboard.pnbp.chart')}
                data={chartOf(head(rows, CHART_ROWS).shown, (r) => r.uptCode, {
                  'dashboard.col.target': (r) => r.target,
                  'dashboard.col.issued': (r) => r.issued,
                  'dashboard.col.deposited': (r) => r.deposited,
                })}
              />
            }
            table={
              <table data-testid="pnbp-table">
                <caption class="sr-only">{t('dashboard.pnbp.chart')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.by.upt')}</th>
                    <th scope="col" class="num">
                      {t('dashboard.col.target')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.issued')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.deposited')}
                    </th>
                    <th scope="col" class="num">
                      {t('dashboard.col.progress')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, TABLE_ROWS).map((r) => (
                    <tr key={r.uptCode} data-key={r.uptCode}>
                      <th scope="row">{r.uptCode}</th>
                      <td class="num">{formatRupiah(r.target)}</td>
                      <td class="num">{formatRupiah(r.issued)}</td>
                      <td class="num">{formatRupiah(r.deposited)}</td>
                      <td class="num">{formatRate(r.progress)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        );
      }}
    </ReportPage>
  );
}

/** Issued statements not yet paid, by age, and the oldest of them. */
export function OutstandingPage() {
  return (
    <ReportPage<{ freshness?: Freshness; buckets: AgeRow[]; rows: OutstandingRow[] }> view="outstanding" id="outstanding">
      {(data) => {
        const ages = data.buckets;
        return (
          <>
            <ChartWithTable
              chart={
                <ReportChart
                  unit="money"
                  label={t('dashboard.outstanding.chart')}
                  data={chartOf(ages, (a) => t(`dashboard.age.${a.ageBucket}`), { 'dashboard.col.proceeds': (a) => a.proceeds })}
                />
              }
              table={
                <table data-testid="outstanding-table">
                  <caption class="sr-only">{t('dashboard.outstanding.chart')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.col.age')}</th>
                      <th scope="col" class="num">
                        {t('dashboard.col.statements')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.col.proceeds')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ages.map((a) => (
                      <tr key={a.ageBucket} data-key={a.ageBucket}>
                        <th scope="row">{t(`dashboard.age.${a.ageBucket}`)}</th>
                        <td class="num">{formatNumber(a.statements)}</td>
                        <td class="num">{formatRupiah(a.proceeds)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
            {data.rows.length > 0 && (
              <div class="table-wrap">
                <table data-testid="outstanding-statements">
                  <caption>{t('dashboard.outstanding.oldest')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.col.month')}</th>
                      <th scope="col">{t('dashboard.by.upt')}</th>
                      <th scope="col">{t('dashboard.by.venue')}</th>
                      <th scope="col">{t('dashboard.col.issuedAt')}</th>
                      <th scope="col" class="num">
                        {t('dashboard.col.ageDays')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.col.proceeds')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.slice(0, TABLE_ROWS).map((r) => (
                      <tr key={r.id}>
                        <td>{formatMonth(r.period)}</td>
                        <td>{r.uptCode}</td>
                        <td>{r.venueCode}</td>
                        <td>{formatDateTime(r.issuedAt, 'Asia/Jakarta')}</td>
                        <td class="num">{formatNumber(r.ageDays)}</td>
                        <td class="num">{formatRupiah(r.proceeds)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <More count={data.rows.length - TABLE_ROWS} />
              </div>
            )}
          </>
        );
      }}
    </ReportPage>
  );
}

/** Damaged and short rates on receipts, per UPT or per venue, worst first. */
export function DiscrepancyPage() {
  const [level, setLevel] = useState<'byUpt' | 'byVenue'>('byUpt');
  return (
    <ReportPage<{ freshness?: Freshness; byUpt: DiscrepancyRow[]; byVenue: DiscrepancyRow[] }> view="discrepancies" id="discrepancies">
      {(data) => {
        const rows = worstFirst(data[level]);
        const chartLabel = t(`dashboard.discrepancies.${level}`);
        return (
          <>
            <fieldset class="plain choices">
              <legend>{t('dashboard.discrepancies.level')}</legend>
              {(['byUpt', 'byVenue'] as const).map((l) => (
                <label key={l}>
                  <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} />{' '}
                  {t(`dashboard.discrepancies.${l}`)}
                </label>
              ))}
            </fieldset>
            {rows.length === 0 ? (
              <p>{t('dashboard.empty')}</p>
            ) : (
              <ChartWithTable
                chart={
                  <ReportChart
                    unit="percent"
                    horizontal
                    label={chartLabel}
                    data={chartOf(head(rows, CHART_ROWS).shown, (r) => r.key, {
                      'dashboard.col.damagedRate': (r) => (r.damagedRate ?? 0) * 100,
                      'dashboard.col.shortRate': (r) => (r.shortRate ?? 0) * 100,
                    })}
                  />
                }
                table={
                  <table data-testid="discrepancies-table">
                    <caption class="sr-only">{chartLabel}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t(level === 'byUpt' ? 'dashboard.by.upt' : 'dashboard.by.venue')}</th>
                        <th scope="col" class="num">
                          {t('dashboard.col.dispatched')}
                        </th>
                        <th scope="col" class="num">
                          {t('dashboard.col.damaged')}
                        </th>
                        <th scope="col" class="num">
                          {t('dashboard.col.short')}
                        </th>
                        <th scope="col" class="num">
                          {t('dashboard.col.damagedRate')}
                        </th>
                        <th scope="col" class="num">
                          {t('dashboard.col.shortRate')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.slice(0, TABLE_ROWS).map((r) => (
                        <tr key={r.key} data-key={r.key}>
                          <th scope="row">{r.key}</th>
                          <td class="num">{formatNumber(r.dispatched)}</td>
                          <td class="num">{formatNumber(r.damaged)}</td>
                          <td class="num">{formatNumber(r.short)}</td>
                          <td class="num">{formatRate(r.damagedRate)}</td>
                          <td class="num">{formatRate(r.shortRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
            )}
          </>
        );
      }}
    </ReportPage>
  );
}

/** Stock at venues expiring within the window, by window, and the lots soonest first. */
export function NearExpiryDashboardPage() {
  return (
    <ReportPage<{ freshness?: Freshness; days: number; rows: StockRow[] }> view="near-expiry" id="nearExpiry">
      {(data, filters) => {
        const windows = byExpiry(data.rows, filters.days);
        return (
          <>
            <ChartWithTable
              chart={
                <ReportChart
                  unit="number"
                  label={t('dashboard.nearExpiry.chart')}
                  data={chartOf(windows, (w) => t(`dashboard.expiry.${w.bucket}`), { 'dashboard.col.units': (w) => w.units })}
                />
              }
              table={
                <table data-testid="near-expiry-windows">
                  <caption class="sr-only">{t('dashboard.nearExpiry.chart')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.col.window')}</th>
                      <th scope="col" class="num">
                        {t('dashboard.col.lots')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.col.units')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {windows.map((w) => (
                      <tr key={w.bucket} data-key={w.bucket}>
                        <th scope="row">{t(`dashboard.expiry.${w.bucket}`)}</th>
                        <td class="num">{formatNumber(w.lots)}</td>
                        <td class="num">{formatNumber(w.units)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('dashboard.total')}</th>
                      <td class="num">{formatNumber(total(windows, (w) => w.lots))}</td>
                      <td class="num" data-col="units">
                        {formatNumber(total(windows, (w) => w.units))}
                      </td>
                    </tr>
                  </tfoot>
                </table>
              }
            />
            {data.rows.length > 0 && (
              <div class="table-wrap">
                <table data-testid="near-expiry-lots">
                  <caption>{t('dashboard.nearExpiry.lots')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.col.expiry')}</th>
                      <th scope="col">{t('dashboard.by.product')}</th>
                      <th scope="col">{t('dashboard.col.lot')}</th>
                      <th scope="col">{t('dashboard.by.venue')}</th>
                      <th scope="col">{t('dashboard.by.upt')}</th>
                      <th scope="col" class="num">
                        {t('dashboard.col.units')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.slice(0, TABLE_ROWS).map((r) => (
                      <tr
                        key={`${r.venueCode}|${r.sku}|${r.lotCode}`}
                        class={r.daysLeft !== null && r.daysLeft < 0 ? 'expired' : undefined}
                      >
                        <td>{r.expiryDate ? formatDay(r.expiryDate) : '–'}</td>
                        <td>{r.name ? `${r.name} (${r.sku})` : r.sku}</td>
                        <td>{r.lotCode}</td>
                        <td>{r.venueCode}</td>
                        <td>{r.uptCode}</td>
                        <td class="num">{formatNumber(r.quantity)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <More count={data.rows.length - TABLE_ROWS} />
              </div>
            )}
          </>
        );
      }}
    </ReportPage>
  );
}

interface MoverRow {
  sku: string;
  name: string | null;
  uptCode: string;
  sold: number;
  received: number;
}

function MoversTable({ rows, id, caption }: { rows: MoverRow[]; id: string; caption: string }) {
  return (
    <table data-testid={id}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.by.product')}</th>
          <th scope="col">{t('dashboard.by.upt')}</th>
          <th scope="col" class="num">
            {t('dashboard.col.units')}
          </th>
          <th scope="col" class="num">
            {t('dashboard.col.received')}
          </th>
          <th scope="col" class="num">
            {t('dashboard.col.sellThrough')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.uptCode}|${r.sku}`} data-key={r.sku}>
            <th scope="row">{r.name ? `${r.name} (${r.sku})` : r.sku}</th>
            <td>{r.uptCode}</td>
            <td class="num">{formatNumber(r.sold)}</td>
            <td class="num">{formatNumber(r.received)}</td>
            <td class="num">{formatRate(r.received > 0 ? r.sold / r.received : null)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The month's best sellers by units, and the slowest by units sold against units received. */
export function MoversPage() {
  return (
    <ReportPage<{ freshness?: Freshness; top: MoverRow[]; slow: MoverRow[] }> view="movers" id="movers" extra={{ top: '10' }}>
      {(data) => (
        <>
          <h2>{t('dashboard.movers.top')}</h2>
          {data.top.length === 0 ? (
            <p>{t('dashboard.empty')}</p>
          ) : (
            <ChartWithTable
              chart={
                <ReportChart
                  unit="number"
                  horizontal
                  label={t('dashboard.movers.top')}
                  data={chartOf(data.top, (r) => r.sku, { 'dashboard.col.units': (r) => r.sold })}
                />
              }
              table={<MoversTable rows={data.top} id="movers-top" caption={t('dashboard.movers.top')} />}
            />
          )}
          <h2>{t('dashboard.movers.slow')}</h2>
          {data.slow.length === 0 ? (
            <p>{t('dashboard.empty')}</p>
          ) : (
            <ChartWithTable
              chart={
                <ReportChart
                  unit="percent"
                  horizontal
                  label={t('dashboard.movers.slow')}
                  data={chartOf(data.slow, (r) => r.sku, {
                    'dashboard.col.sellThrough': (r) => (r.received > 0 ? (r.sold / r.received) * 100 : 0),
                  })}
                />
              }
              table={<MoversTable rows={data.slow} id="movers-slow" caption={t('dashboard.movers.slow')} />}
            />
          )}
        </>
      )}
    </ReportPage>
  );
}
