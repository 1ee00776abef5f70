import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { navigate, Outcome, TableWrap } from '../admin/admin-ui';
import { FreshnessNote, useZone, XlsxLink, ZoneField } from '../dashboard/report-notes';
import { formatDay, formatNumber, formatRupiah, zoneLabel } from '../format';
import { t } from '../i18n';
import { refusalText } from './exhibition-data';
import {
  comparisonRows,
  eventDays,
  exhibitionReportUrl,
  moneyOrDash,
  productLabel,
  sellThroughText,
  statementKey,
  type ExhibitionFigureRow,
  type ExhibitionReport,
} from './exhibition-report';

/** The report's answer; a refusal (not within the reader's scope, say) as a sentence. */
function useExhibitionReport(url: string): { data?: ExhibitionReport; error?: string } {
  const [state, setState] = useState<{ url: string; data?: ExhibitionReport; error?: string }>({ url: '' });
  useEffect(() => {
    let live = true;
    call<ExhibitionReport>('GET', url).then(
      (data) => live && setState({ url, data }),
      (e: unknown) => live && setState({ url, error: refusalText(e) }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state.url === url ? state : {};
}

const Num = (props: { col: string; children: ComponentChildren }) => (
  <td class="num" data-col={props.col}>
    {props.children}
  </td>
);

/**
 * An exhibition's report (`/pameran/:id`), for whoever reporting lets read it: the organising Kanwil and the
 * ministry every UPT, a UPT its own row. The exhibition, its totals, its figures per UPT and per product, its best
 * sellers and the comparison with the previous edition of its series; the data's freshness and the XLSX download.
 */
export function ExhibitionReportPage({ param }: { param?: string }) {
  const url = exhibitionReportUrl(param ?? '');
  const report = useExhibitionReport(url);
  const [zone, setZone] = useZone();
  const back = (
    <p>
      <a
        href="/pameran"
        onClick={(e) => {
          e.preventDefault();
          navigate('/pameran');
        }}
      >
        {t('exhibition.report.back')}
      </a>
    </p>
  );
  const data = report.data;
  if (!data)
    return (
      <section aria-labelledby="exhibition-report-title">
        <h1 id="exhibition-report-title">{t('exhibition.report.titleLoading')}</h1>
        {back}
        <Outcome error={report.error} />
        {!report.error && <p class="loading-note">{t('app.loading')}</p>}
      </section>
    );

  const e = data.exhibition;
  const days = eventDays(e.first, e.last);
  return (
    <section aria-labelledby="exhibition-report-title" class="dashboard exhibition-report" data-testid="exhibition-report">
      <h1 id="exhibition-report-title">{t('exhibition.report.title', { name: e.name })}</h1>
      {back}
      <dl class="terms" data-testid="exhibition-facts">
        <dt>{t('exhibition.field.seriesEdition')}</dt>
        <dd>
          {e.series} · {e.edition}
        </dd>
        <dt>{t('exhibition.field.location')}</dt>
        <dd>{e.location}</dd>
        <dt>{t('exhibition.field.days')}</dt>
        <dd>
          {t('exhibition.report.daysValue', {
            count: days,
            from: formatDay(e.first),
            to: formatDay(e.last),
            zone: zoneLabel(e.timeZone),
          })}
        </dd>
        <dt>{t('exhibition.report.eventPeriod')}</dt>
        <dd data-testid="exhibition-period">{t('exhibition.report.eventPeriodValue', { period: e.period })}</dd>
        <dt>{t('exhibition.report.organiser')}</dt>
        <dd>{e.organiserCode}</dd>
        <dt>{t('exhibition.field.upts')}</dt>
        <dd>{e.uptCodes.join(', ')}</dd>
      </dl>
      <div class="report-tools">
        <ZoneField zone={zone} onZone={setZone} />
        <XlsxLink url={url} name={t('exhibition.report.title', { name: e.name })} />
      </div>
      <FreshnessNote freshness={data.freshness} zone={zone} />

      <h2>{t('exhibition.report.totals')}</h2>
      <dl class="totals" data-testid="exhibition-totals">
        <div data-total="upts">
          <dt>{t('exhibition.report.total.upts')}</dt>
          <dd>{formatNumber(data.totals.upts)}</dd>
        </div>
        <div data-total="sold">
          <dt>{t('exhibition.report.total.sold')}</dt>
          <dd>{formatNumber(data.totals.sold)}</dd>
        </div>
        <div data-total="netSales">
          <dt>{t('exhibition.report.total.netSales')}</dt>
          <dd>{formatRupiah(data.totals.netSales)}</dd>
        </div>
        <div data-total="proceeds">
          <dt>{t('exhibition.report.total.proceeds')}</dt>
          <dd>{formatRupiah(data.totals.proceeds)}</dd>
        </div>
        <div data-total="pnbp">
          <dt>{t('exhibition.report.total.pnbp')}</dt>
          <dd>{formatRupiah(data.totals.pnbp)}</dd>
        </div>
      </dl>
      <p class="hint">{t('exhibition.report.statementHint')}</p>

      <h2>{t('exhibition.report.byUpt')}</h2>
      <UptTable rows={data.byUpt} />
      <h2>{t('exhibition.report.byProduct')}</h2>
      <ProductTable rows={data.byProduct} testid="exhibition-by-product" caption={t('exhibition.report.byProduct')} />
      <h2>{t('exhibition.report.bestSellers')}</h2>
      {data.bestSellers.length === 0 ? (
        <p>{t('exhibition.report.noBestSellers')}</p>
      ) : (
        <ProductTable rows={data.bestSellers} testid="exhibition-best-sellers" caption={t('exhibition.report.bestSellers')} ranked />
      )}
      <Comparison report={data} />
    </section>
  );
}

/** The columns a UPT's row and a product's row share: received, sold, sell-through, gross and net sales. */
const FIGURE_COLUMNS = ['received', 'sold', 'sellThrough', 'grossSales', 'netSales'] as const;

function FigureHeads() {
  return (
    <>
      {FIGURE_COLUMNS.map((col) => (
        <th key={col} scope="col" class="num">
          {t(`exhibition.report.col.${col}`)}
        </th>
      ))}
    </>
  );
}

function FigureCells({ row }: { row: ExhibitionFigureRow }) {
  return (
    <>
      <Num col="received">{formatNumber(row.received)}</Num>
      <Num col="sold">{formatNumber(row.sold)}</Num>
      <Num col="sellThrough">{sellThroughText(row.sellThrough)}</Num>
      <Num col="grossSales">{formatRupiah(row.grossSales)}</Num>
      <Num col="netSales">{formatRupiah(row.netSales)}</Num>
    </>
  );
}

function UptTable({ rows }: { rows: ExhibitionFigureRow[] }) {
  if (rows.length === 0) return <p>{t('exhibition.report.noUpts')}</p>;
  const caption = t('exhibition.report.byUpt');
  return (
    <TableWrap label={caption}>
      <table data-testid="exhibition-by-upt">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exhibition.report.col.upt')}</th>
            <FigureHeads />
            <th scope="col" class="num">
              {t('exhibition.report.col.proceeds')}
            </th>
            <th scope="col" class="num">
              {t('exhibition.report.col.pnbp')}
            </th>
            <th scope="col">{t('exhibition.report.col.statement')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.uptCode} data-key={r.uptCode}>
              <th scope="row" class="code">
                {r.uptCode}
              </th>
              <FigureCells row={r} />
              <Num col="proceeds">{moneyOrDash(r.proceeds)}</Num>
              <Num col="pnbp">{moneyOrDash(r.pnbp)}</Num>
              <td data-col="statement">
                <span class={`badge ${r.statementStatus ?? 'NONE'}`}>{t(statementKey(r.statementStatus))}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ProductTable(props: { rows: ExhibitionFigureRow[]; testid: string; caption: string; ranked?: boolean }) {
  if (props.rows.length === 0) return <p>{t('exhibition.report.noProducts')}</p>;
  return (
    <TableWrap label={props.caption}>
      <table data-testid={props.testid}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.ranked && (
              <th scope="col" class="num">
                {t('exhibition.report.col.rank')}
              </th>
            )}
            <th scope="col">{t('exhibition.report.col.product')}</th>
            <th scope="col">{t('exhibition.report.col.upt')}</th>
            <FigureHeads />
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={`${r.uptCode}|${r.sku}`} data-key={`${r.uptCode}|${r.sku}`}>
              {props.ranked && <Num col="rank">{i + 1}</Num>}
              <th scope="row" class="product">
                {productLabel(r)}
              </th>
              <td data-col="upt" class="code">
                {r.uptCode}
              </td>
              <FigureCells row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** This edition against the previous one of its series, or that it is the first. */
function Comparison({ report }: { report: ExhibitionReport }) {
  const rows = comparisonRows(report);
  const previous = report.previous;
  return (
    <>
      <h2>{t('exhibition.report.previous')}</h2>
      {!rows || !previous ? (
        <p data-testid="exhibition-first-edition">{t('exhibition.report.firstEdition', { series: report.exhibition.series })}</p>
      ) : (
        <>
          <p>{t('exhibition.report.previousOf', { name: previous.name, edition: previous.edition })}</p>
          <TableWrap label={t('exhibition.report.previous')}>
            <table data-testid="exhibition-comparison">
              <caption class="sr-only">{t('exhibition.report.previous')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exhibition.report.col.figure')}</th>
                  <th scope="col" class="num">
                    {t('exhibition.report.col.previous', { edition: previous.edition })}
                  </th>
                  <th scope="col" class="num">
                    {t('exhibition.report.col.current', { edition: report.exhibition.edition })}
                  </th>
                  <th scope="col" class="num">
                    {t('exhibition.report.col.change')}
                  </th>
                  <th scope="col" class="num">
                    {t('exhibition.report.col.changeRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.figure} data-key={r.figure}>
                    <th scope="row">{t(`exhibition.report.total.${r.figure}`)}</th>
                    <Num col="previous">{r.previous}</Num>
                    <Num col="current">{r.current}</Num>
                    <Num col="change">{r.change}</Num>
                    <Num col="changeRate">{r.rate ?? t('exhibition.report.noRate')}</Num>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {rows.some((r) => r.rate === undefined) && <p class="hint">{t('exhibition.report.noRateHint')}</p>}
        </>
      )}
    </>
  );
}
