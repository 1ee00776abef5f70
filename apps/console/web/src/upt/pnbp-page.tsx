import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatDateTime, formatDay, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import { progressOf, type PnbpProgressRow } from './settlement';
import { refusalText, uptCode } from './upt-data';

interface TargetView {
  amount: number | null;
  effectiveFrom: string | null;
  /** The target's legal basis, where reporting records one. */
  legalReference?: string | null;
  history: { amount: number; effectiveFrom: string; setAt: string; setBy: string; legalReference?: string | null }[];
}

const WIB = 'Asia/Jakarta';
const pct = (value: number) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(value)}%`;

/** PNBP: the UPT's PNBP of a year (issued, and deposited to the state) against its yearly target. */
export function PnbpPage() {
  const thisYear = Number(localDay(new Date(), WIB).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [upt, setUpt] = useState<string>();
  const [row, setRow] = useState<PnbpProgressRow | null>();
  const [target, setTarget] = useState<TargetView | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setRow(undefined);
    setTarget(undefined);
    void (async () => {
      try {
        const code = await uptCode();
        setUpt(code);
        const [progress, revisions] = await Promise.all([
          call<{ rows: PnbpProgressRow[] }>('GET', `/api/reporting/reports/pnbp-progress?year=${year}`),
          call<TargetView>('GET', `/api/reporting/pnbp-targets/${encodeURIComponent(code)}/${year}`).catch((e: unknown) => {
            if (e instanceof ApiError && e.status === 404) return null;
            throw e;
          }),
        ]);
        setRow(progress.rows.find((r) => r.uptCode === code) ?? null);
        setTarget(revisions);
        setError(undefined);
      } catch (e) {
        setError(refusalText(e));
      }
    })();
  }, [year]);

  const view = row && progressOf(row);
  return (
    <section aria-labelledby="pnbp-title" class="upt-page">
      <h1 id="pnbp-title">{t('upt.pnbp.title')}</h1>
      <p>{t('upt.pnbp.intro')}</p>
      <label class="inline">
        <span>{t('upt.pnbp.year')}</span>
        <select name="year" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {row === undefined && !error && <p>{t('app.loading')}</p>}
      {row === null && <p class="message queued">{t('upt.pnbp.noTarget', { year, upt })}</p>}
      {row && view && (
        <div class="pnbp-progress" data-testid="pnbp-progress">
          <h2>{t('upt.pnbp.of', { upt: row.uptCode, year })}</h2>
          <dl class="pnbp-figures">
            <div>
              <dt>{t('upt.pnbp.target')}</dt>
              <dd class="money" data-figure="target">
                {formatRupiah(row.target)}
              </dd>
            </div>
            <div>
              <dt>{t('upt.pnbp.deposited')}</dt>
              <dd class="money" data-figure="deposited">
                {formatRupiah(row.deposited)}
              </dd>
            </div>
            <div>
              <dt>{t('upt.pnbp.issued')}</dt>
              <dd class="money" data-figure="issued">
                {formatRupiah(row.issued)}
              </dd>
            </div>
            <div>
              <dt>{t('upt.pnbp.remaining')}</dt>
              <dd class="money" data-figure="remaining">
                {formatRupiah(view.remaining)}
              </dd>
            </div>
          </dl>
          <label class="bar">
            <span>{t('upt.pnbp.depositedBar', { pct: pct(view.depositedPct) })}</span>
            <progress max={100} value={Math.min(100, view.depositedPct)}>
              {pct(view.depositedPct)}
            </progress>
          </label>
          <label class="bar issued">
            <span>{t('upt.pnbp.issuedBar', { pct: pct(view.issuedPct) })}</span>
            <progress max={100} value={Math.min(100, view.issuedPct)}>
              {pct(view.issuedPct)}
            </progress>
          </label>
          <p class={view.reached ? 'message ok' : 'hint'}>{view.reached ? t('upt.pnbp.reached') : t('upt.pnbp.explain')}</p>
        </div>
      )}
      {target && target.history.length > 0 && (
        <>
          <h2 id="pnbp-history">{t('upt.pnbp.history')}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="pnbp-history">
            <table data-testid="pnbp-history" class="figures">
              <thead>
                <tr>
                  <th scope="col">{t('upt.pnbp.effectiveFrom')}</th>
                  <th scope="col" class="num">
                    {t('upt.pnbp.amount')}
                  </th>
                  <th scope="col">{t('upt.pnbp.setAt')}</th>
                  {target.history.some((h) => h.legalReference) && <th scope="col">{t('upt.pnbp.legalReference')}</th>}
                </tr>
              </thead>
              <tbody>
                {target.history.map((h) => (
                  <tr key={h.setAt} class={h.effectiveFrom === target.effectiveFrom ? 'current' : undefined}>
                    <td>
                      {formatDay(h.effectiveFrom)}
                      {h.effectiveFrom === target.effectiveFrom && ` (${t('upt.pnbp.inEffect')})`}
                    </td>
                    <td class="num money">{formatRupiah(h.amount)}</td>
                    <td>{formatDateTime(h.setAt, WIB)}</td>
                    {target.history.some((x) => x.legalReference) && <td>{h.legalReference ?? '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
