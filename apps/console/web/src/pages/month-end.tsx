import { useEffect, useRef, useState } from 'preact/hooks';
import { all, ApiError, call } from '../api';
import { useConsole } from '../console-context';
import { formatBasisPoints, formatDateTime, formatDay, formatNumber, formatRupiah, localDay, zoneLabel } from '../format';
import { t } from '../i18n';
import {
  closesFrom,
  eventDaysOf,
  hasEnded,
  hasMovements,
  openingPeriod,
  parseRupiah,
  paymentProblems,
  periodLabel,
  periodsToOffer,
  sameTotals,
  settlesIn,
  stillComposing,
  type ControlTotals,
  type PaymentForm,
  type StatementStatus,
} from '../month-end';
import { describeRefusal } from '../refusal';

interface Agreement {
  id: string;
  uptCode: string;
  status: string;
  /** An exhibition's agreement settles its event days instead of months (decision 0029). */
  eventPeriod?: { first: string; last: string; returnWindowDays: number } | null;
}
interface Figures {
  totals: { sold: number; grossAtListPrice: number; discounts: number; netSales: number; shrinkageCharge: number };
  commissionBp: number;
  commission: number;
  proceeds: number;
  controlTotals: ControlTotals;
}
interface Statement {
  id: string;
  agreementId: string;
  uptCode: string;
  status: StatementStatus;
  figures: Figures | null;
  issuedAt: string | null;
  paidAmount: number | null;
  paidOn: string | null;
  transferReference: string | null;
}
/** reporting's figures of an agreement-month: the issued statement's, or the draft computed now. */
interface LiveStatement {
  status: 'DRAFT' | StatementStatus;
  figures: Figures;
}
/** One agreement (one UPT) in the period. */
interface Row {
  agreement: Agreement;
  live?: LiveStatement;
  ledger?: ControlTotals;
  closed: boolean;
  statement?: Statement;
}

const POLL_MS = 2_000;

const loadAgreements = (venue: string) => all<Agreement>(`/api/consignment/agreements?venue=${encodeURIComponent(venue)}`);

async function loadRows(venue: string, period: string): Promise<Row[]> {
  const agreements = (await loadAgreements(venue)).filter((a) => settlesIn(a, period));
  const statements = await all<Statement>(`/api/reporting/statements?venue=${encodeURIComponent(venue)}&period=${period}`);
  const rows = await Promise.all(
    agreements.map(async (agreement): Promise<Row> => {
      const [live, ledger, closes] = await Promise.all([
        // reporting may not know an agreement yet (its event still on the way): no figures then
        call<LiveStatement>('GET', `/api/reporting/agreements/${agreement.id}/periods/${period}/statement`).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return undefined;
          throw e;
        }),
        call<{ period: string; controlTotals: ControlTotals }[]>(
          'GET',
          `/api/consignment/agreements/${agreement.id}/periods/ledger-totals`,
        ),
        all<{ period: string }>(`/api/consignment/agreements/${agreement.id}/periods`),
      ]);
      return {
        agreement,
        live,
        ledger: ledger.find((l) => l.period === period)?.controlTotals,
        closed: closes.some((c) => c.period === period),
        statement: statements.find((s) => s.agreementId === agreement.id),
      };
    }),
  );
  return rows
    .filter((r) => hasMovements(r.ledger) || r.closed || r.statement)
    .sort((a, b) => a.agreement.uptCode.localeCompare(b.agreement.uptCode));
}

/**
 * The page's words for a period: a month's own, or for an event period the `monthEnd.event.*` text where the month's
 * speaks of a month (title, close button, confirmation…), with the period's label as `month` and `period`.
 */
function words(period: string | undefined, key: string, values: Record<string, unknown> = {}): string {
  const label = period ? periodLabel(period) : '';
  const all = { month: label, period: label, ...values };
  const own = t(`monthEnd.${key}`, all);
  return period && eventDaysOf(period) ? t(`monthEnd.event.${key}`, { ...all, defaultValue: own }) : own;
}

export function MonthEndPage() {
  const { venue } = useConsole();
  const now = new Date();
  const zone = zoneLabel(venue.timeZone, now);
  // the periods the venue's agreements settle: months at a lounge, the event period at an exhibition
  const [offered, setOffered] = useState<string[]>();
  const [period, setPeriod] = useState<string>();
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const ended = period !== undefined && hasEnded(period, now, venue.timeZone);
  const w = (key: string, values?: Record<string, unknown>) => words(period, key, values);

  const fail = (e: unknown) => setError(e instanceof ApiError ? describeRefusal(e, t) : t('error.load', { reason: (e as Error).message }));
  useEffect(() => {
    loadAgreements(venue.code).then((agreements) => {
      const periods = periodsToOffer(agreements, new Date(), venue.timeZone);
      setOffered(periods);
      setPeriod(openingPeriod(periods, new Date(), venue.timeZone));
    }, fail);
  }, [venue.code]);

  const load = async (which = period) => {
    if (!which) return;
    try {
      const loaded = await loadRows(venue.code, which);
      setRows(loaded);
      setError(undefined);
    } catch (e) {
      fail(e);
    }
  };
  useEffect(() => {
    setRows(undefined);
    setMessage(undefined);
    setConfirming(false);
    void load(period);
  }, [period]);

  const composing = rows?.some((r) => stillComposing(r.closed, r.statement?.status)) ?? false;
  useEffect(() => {
    if (!composing) return;
    const timer = setInterval(() => void load(period), POLL_MS);
    return () => clearInterval(timer);
  }, [composing, period]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const toClose = rows?.filter((r) => !r.closed) ?? [];
  const close = async () => {
    if (!period) return;
    setBusy(true);
    const refusals: string[] = [];
    for (const row of toClose) {
      try {
        await call('POST', `/api/consignment/agreements/${row.agreement.id}/periods/${period}/close`);
      } catch (e) {
        refusals.push(`${row.agreement.uptCode}: ${e instanceof ApiError ? describeRefusal(e, t) : (e as Error).message}`);
      }
    }
    setBusy(false);
    setConfirming(false);
    setMessage(refusals.length ? undefined : w('closed'));
    setError(refusals.length ? refusals.join(' ') : undefined);
    await load(period);
  };

  return (
    <section aria-labelledby="me-title" class="month-end">
      <h1 id="me-title">{w('title')}</h1>
      <p>{w('intro', { zone })}</p>
      {!offered && !error && <p>{t('app.loading')}</p>}
      {offered && period && (
        <label class="inline">
          <span>{w('month')}</span>
          <select name="period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
            {offered.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
                {hasEnded(p, now, venue.timeZone) ? '' : ` (${words(p, 'running')})`}
              </option>
            ))}
          </select>
        </label>
      )}
      {period && !ended && (
        <p class="message queued" data-testid="not-ended">
          {w('notEnded', { zone, from: formatDay(closesFrom(period)) })}
        </p>
      )}
      <div role="status">{message && <p class="message ok">{message}</p>}</div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}

      {period && (
        <>
          <h2>{w('figures')}</h2>
          {!rows && !error && <p>{t('app.loading')}</p>}
          {rows?.length === 0 && <p>{w('none')}</p>}
          {rows && rows.length > 0 && (
            <div class="scroll" tabIndex={0} role="region" aria-label={w('figures')}>
              <FiguresTable rows={rows} />
            </div>
          )}
          {rows && rows.length > 0 && <p class="hint">{t('monthEnd.figuresHint')}</p>}
        </>
      )}

      {rows && toClose.length > 0 && ended && !confirming && (
        <div class="actions">
          <button type="button" onClick={() => setConfirming(true)}>
            {w('close')}
          </button>
        </div>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="me-confirm">
          <h2 id="me-confirm" tabIndex={-1} ref={confirmRef}>
            {w('confirmTitle')}
          </h2>
          <p>{w('confirmBody', { upts: toClose.map((r) => r.agreement.uptCode).join(', ') })}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void close()}>
              {w('confirmYes')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('monthEnd.confirmNo')}
            </button>
          </div>
        </div>
      )}

      {rows && rows.some((r) => r.closed || r.statement) && (
        <>
          <h2>{w('statements')}</h2>
          <ul class="statements">
            {rows
              .filter((r) => r.closed || r.statement)
              .map((r) => (
                <StatementCard key={r.agreement.id} row={r} onChange={() => void load(period)} />
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One line per figure and one column per UPT (and their sum): fits a tablet held either way, as the statement reads. */
const FIGURES: { key: string; value: (f: Figures) => string; strong?: boolean }[] = [
  { key: 'sold', value: (f) => formatNumber(f.totals.sold) },
  { key: 'gross', value: (f) => formatRupiah(f.totals.grossAtListPrice) },
  { key: 'discounts', value: (f) => formatRupiah(f.totals.discounts) },
  { key: 'net', value: (f) => formatRupiah(f.totals.netSales) },
  { key: 'shrinkage', value: (f) => formatRupiah(f.totals.shrinkageCharge) },
  { key: 'commission', value: (f) => `${formatRupiah(f.commission)} (${formatBasisPoints(f.commissionBp)})` },
  { key: 'proceeds', value: (f) => formatRupiah(f.proceeds), strong: true },
];

function FiguresTable({ rows }: { rows: Row[] }) {
  const withFigures = rows.filter((r) => r.live);
  const sum = (pick: (f: Figures) => number) => withFigures.reduce((total, r) => total + pick(r.live!.figures), 0);
  const total: Figures = {
    totals: {
      sold: sum((f) => f.totals.sold),
      grossAtListPrice: sum((f) => f.totals.grossAtListPrice),
      discounts: sum((f) => f.totals.discounts),
      netSales: sum((f) => f.totals.netSales),
      shrinkageCharge: sum((f) => f.totals.shrinkageCharge),
    },
    commissionBp: 0,
    commission: sum((f) => f.commission),
    proceeds: sum((f) => f.proceeds),
    controlTotals: { movements: [], receipts: 0, shortQuantity: 0, saleLines: 0 },
  };
  const many = rows.length > 1;
  return (
    <table data-testid="figures-table" class="figures">
      <thead>
        <tr>
          <th scope="col">{t('monthEnd.figure')}</th>
          {rows.map((r) => (
            <th scope="col" class="num upt" key={r.agreement.id}>
              {t('monthEnd.uptColumn', { upt: r.agreement.uptCode })}
            </th>
          ))}
          {many && (
            <th scope="col" class="num">
              {t('monthEnd.total')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {FIGURES.map(({ key, value, strong }) => (
          <tr key={key} class={strong ? 'strong' : undefined}>
            <th scope="row">{t(`monthEnd.${key}`)}</th>
            {rows.map((r) => (
              <td class="num money" key={r.agreement.id} data-agreement={r.agreement.id} data-figure={key}>
                {r.live ? value(r.live.figures) : '—'}
              </td>
            ))}
            {many && <td class="num money">{key === 'commission' ? formatRupiah(total.commission) : value(total)}</td>}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('monthEnd.ledger')}</th>
          {rows.map((r) => (
            <td class="num" key={r.agreement.id} data-agreement={r.agreement.id} data-figure="ledger">
              {sameTotals(r.live?.figures.controlTotals, r.ledger) ? t('monthEnd.ledgerSame') : t('monthEnd.ledgerWaiting')}
            </td>
          ))}
          {many && <td />}
        </tr>
      </tbody>
    </table>
  );
}

function StatementCard({ row, onChange }: { row: Row; onChange: () => void }) {
  const { venue } = useConsole();
  const s = row.statement;
  const status = s?.status ?? 'PENDING';
  const composing = stillComposing(row.closed, s?.status);
  const base = s && `/api/reporting/statements/${s.id}/export`;
  return (
    <li class="statement" data-testid={`statement-${row.agreement.uptCode}`} data-status={composing ? 'COMPOSING' : status}>
      <h3>
        {t('monthEnd.statementOf', { upt: row.agreement.uptCode })}: <span class={`badge ${status}`}>{t(`statementStatus.${status}`)}</span>
      </h3>
      {composing && (
        <p role="status" class="hint">
          {t('monthEnd.composing')}
        </p>
      )}
      {s && !composing && s.figures && (
        <>
          <p>
            {t('monthEnd.proceedsIs', { amount: formatRupiah(s.figures.proceeds) })}
            {s.issuedAt && ` · ${t('monthEnd.issuedAt', { at: formatDateTime(s.issuedAt, venue.timeZone) })}`}
          </p>
          <p class="downloads">
            <a href={`${base}?format=pdf`} download>
              {t('monthEnd.downloadPdf', { upt: row.agreement.uptCode })}
            </a>
            <a href={`${base}?format=xlsx`} download>
              {t('monthEnd.downloadXlsx', { upt: row.agreement.uptCode })}
            </a>
          </p>
        </>
      )}
      {s && s.paidAmount !== null && s.paidOn && (
        <p class="message ok">
          {t('monthEnd.paid', { amount: formatRupiah(s.paidAmount), on: formatDay(s.paidOn), reference: s.transferReference ?? '' })}
        </p>
      )}
      {s && s.status === 'ISSUED' && s.figures && <PaymentFormView statement={s} proceeds={s.figures.proceeds} onPaid={onChange} />}
    </li>
  );
}

function PaymentFormView({ statement, proceeds, onPaid }: { statement: Statement; proceeds: number; onPaid: () => void }) {
  const { venue } = useConsole();
  const [form, setForm] = useState<PaymentForm>({
    amount: String(proceeds),
    paidOn: localDay(new Date(), venue.timeZone),
    transferReference: '',
  });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problems = paymentProblems(form);
  const id = `pay-${statement.uptCode}`;
  const amount = parseRupiah(form.amount);

  const send = async (e: Event) => {
    e.preventDefault();
    if (problems.length) return;
    setBusy(true);
    try {
      await call('POST', `/api/reporting/statements/${statement.id}/payments`, {
        amount,
        paidOn: form.paidOn,
        transferReference: form.transferReference.trim(),
      });
      setError(undefined);
      onPaid();
    } catch (err) {
      setError(err instanceof ApiError ? describeRefusal(err, t) : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="payment" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('monthEnd.payTitle')}</h4>
      <p class="hint">{t('monthEnd.payHint', { amount: formatRupiah(proceeds) })}</p>
      <div class="row">
        <label>
          <span>{t('monthEnd.payAmount')}</span>
          <input
            name="amount"
            inputMode="numeric"
            value={form.amount}
            aria-describedby={`${id}-amount`}
            onInput={(e) => setForm({ ...form, amount: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('monthEnd.payDate')}</span>
          <input name="paidOn" type="date" value={form.paidOn} onInput={(e) => setForm({ ...form, paidOn: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('monthEnd.payReference')}</span>
          <input
            name="transferReference"
            maxLength={100}
            value={form.transferReference}
            onInput={(e) => setForm({ ...form, transferReference: e.currentTarget.value })}
          />
        </label>
      </div>
      <p id={`${id}-amount`} class="hint">
        {amount === undefined ? t('monthEnd.payNotAmount') : t('monthEnd.payReads', { amount: formatRupiah(amount) })}
      </p>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {problems.includes('REFERENCE') && <p class="hint">{t('monthEnd.payNeedsReference')}</p>}
      <div class="actions">
        <button type="submit" disabled={busy || problems.length > 0}>
          {t('monthEnd.pay')}
        </button>
      </div>
    </form>
  );
}
