import { useEffect, useState } from 'preact/hooks';
import { all, call } from '../api';
import { formatBasisPoints, formatDay, formatMonth, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import { parseRupiah } from '../month-end';
import { byUrgency, depositProblems, depositRequest, pnbpPart, type DepositForm, type SplitPart } from './settlement';
import { refusalText, venueNames, type VenueName } from './upt-data';

interface Statement {
  id: string;
  agreementId: string;
  period: string;
  status: 'PENDING' | 'ISSUED' | 'PAID' | 'DEPOSITED';
  uptCode: string;
  venueCode: string;
  venueName: string | null;
  timeZone: string;
  figures: { totals: { netSales: number }; commission: number; proceeds: number; split: SplitPart[] | null } | null;
  paidAmount: number | null;
  paidOn: string | null;
  simponiBillingCode: string | null;
  ntpn: string | null;
  depositedOn: string | null;
  depositedAmount: number | null;
}

const money = (value: number | undefined | null) => (value === undefined || value === null ? '—' : formatRupiah(value));

/** Penyelesaian: the statements of the UPT's agreements, and the PNBP deposit of each one the venue has paid. */
export function SettlementPage() {
  const [statements, setStatements] = useState<Statement[]>();
  const [venues, setVenues] = useState(new Map<string, VenueName>());
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const load = async () => {
    setStatements(byUrgency(await all<Statement>('/api/reporting/statements')));
  };
  useEffect(() => {
    void (async () => {
      try {
        setVenues(await venueNames());
        await load();
      } catch (e) {
        setError(refusalText(e));
      }
    })();
  }, []);

  const venueOf = (s: Statement) => s.venueName ?? venues.get(s.venueCode)?.name ?? s.venueCode;
  const awaiting = statements?.filter((s) => s.status === 'PAID' && s.figures) ?? [];

  return (
    <section aria-labelledby="settlement-title" class="upt-page">
      <h1 id="settlement-title">{t('upt.settlement.title')}</h1>
      <p>{t('upt.settlement.intro')}</p>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {!statements && !error && <p>{t('app.loading')}</p>}
      {statements?.length === 0 && <p>{t('upt.settlement.none')}</p>}
      {statements && statements.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="settlement-list">
          <table data-testid="statements" class="upt-cards">
            <caption id="settlement-list">{t('upt.settlement.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('upt.settlement.month')}</th>
                <th scope="col">{t('upt.venue')}</th>
                <th scope="col">{t('upt.status')}</th>
                <th scope="col" class="num">
                  {t('upt.settlement.netSales')}
                </th>
                <th scope="col" class="num">
                  {t('upt.settlement.proceeds')}
                </th>
                <th scope="col" class="num">
                  {t('upt.settlement.pnbp')}
                </th>
                <th scope="col">{t('upt.settlement.settled')}</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((s) => {
                const pnbp = pnbpPart(s.figures?.split);
                return (
                  <tr key={s.id} data-statement={s.id} data-status={s.status}>
                    <td data-label={t('upt.settlement.month')}>{formatMonth(s.period)}</td>
                    <td data-label={t('upt.venue')}>{venueOf(s)}</td>
                    <td data-label={t('upt.status')}>
                      <span class={`badge ${s.status}`}>{t(`statementStatus.${s.status}`)}</span>
                    </td>
                    <td class="num money" data-figure="net" data-label={t('upt.settlement.netSales')}>
                      {money(s.figures?.totals.netSales)}
                    </td>
                    <td class="num money" data-figure="proceeds" data-label={t('upt.settlement.proceeds')}>
                      {money(s.figures?.proceeds)}
                    </td>
                    <td class="num money" data-figure="pnbp" data-label={t('upt.settlement.pnbp')}>
                      {pnbp ? (
                        <span>
                          {formatRupiah(pnbp.amount)}
                          <span class="hint"> ({formatBasisPoints(pnbp.basisPoints)})</span>
                        </span>
                      ) : s.figures ? (
                        t('upt.settlement.noSplit')
                      ) : (
                        '—'
                      )}
                    </td>
                    <td data-figure="settled" data-label={t('upt.settlement.settled')}>
                      {s.status === 'DEPOSITED' && s.depositedOn
                        ? t('upt.settlement.deposited', {
                            amount: money(s.depositedAmount),
                            on: formatDay(s.depositedOn),
                            code: s.simponiBillingCode ?? '',
                            ntpn: s.ntpn ?? '',
                          })
                        : s.paidOn
                          ? t('upt.settlement.paid', { amount: money(s.paidAmount), on: formatDay(s.paidOn) })
                          : t(`upt.settlement.waiting.${s.status}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {awaiting.length > 0 && (
        <>
          <h2>{t('upt.settlement.toDeposit')}</h2>
          <ul class="statements">
            {awaiting.map((s) => (
              <DepositCard
                key={s.id}
                statement={s}
                venue={venueOf(s)}
                onDeposited={(text) => {
                  setDone(text);
                  setError(undefined);
                  void load().catch((e: unknown) => setError(refusalText(e)));
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DepositCard({ statement: s, venue, onDeposited }: { statement: Statement; venue: string; onDeposited: (text: string) => void }) {
  const pnbp = pnbpPart(s.figures!.split);
  const [form, setForm] = useState<DepositForm>({
    amount: pnbp ? String(pnbp.amount) : '',
    simponiBillingCode: '',
    ntpn: '',
    depositedOn: localDay(new Date(), 'Asia/Jakarta'),
  });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problems = depositProblems(form);
  const id = `deposit-${s.id}`;
  const amount = parseRupiah(form.amount);
  const month = formatMonth(s.period);

  const send = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (problems.length) return;
    setBusy(true);
    try {
      const body = depositRequest(form);
      await call('POST', `/api/reporting/statements/${encodeURIComponent(s.id)}/deposits`, body);
      onDeposited(t('upt.settlement.done', { amount: formatRupiah(body.amount), month, venue, ntpn: body.ntpn }));
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof DepositForm, problem: string) =>
    tried && problems.includes(problem as never) ? `${id}-${name}-problem` : undefined;

  return (
    <li class="statement" data-testid={`deposit-${s.period}-${s.venueCode}`}>
      <form onSubmit={(e) => void send(e)} aria-labelledby={`${id}-title`} noValidate>
        <h3 id={`${id}-title`}>{t('upt.settlement.depositTitle', { month, venue })}</h3>
        <p class="hint">
          {pnbp
            ? t('upt.settlement.depositHint', {
                amount: formatRupiah(pnbp.amount),
                share: formatBasisPoints(pnbp.basisPoints),
                proceeds: formatRupiah(s.figures!.proceeds),
                reference: pnbp.legalReference,
              })
            : t('upt.settlement.noSplit')}
        </p>
        <p class="downloads">
          <a href={`/api/reporting/statements/${encodeURIComponent(s.id)}/export?format=pdf`} download>
            {t('upt.settlement.downloadPdf')}
            <span class="sr-only"> {t('upt.settlement.of', { month, venue })}</span>
          </a>
        </p>
        <div class="row">
          <label>
            <span>{t('upt.settlement.amount')}</span>
            <input
              name="amount"
              inputMode="numeric"
              value={form.amount}
              aria-describedby={`${id}-amount`}
              onInput={(e) => setForm({ ...form, amount: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('upt.settlement.billingCode')}</span>
            <input
              name="simponiBillingCode"
              inputMode="numeric"
              maxLength={24}
              autoComplete="off"
              value={form.simponiBillingCode}
              aria-describedby={field('simponiBillingCode', 'BILLING_CODE')}
              onInput={(e) => setForm({ ...form, simponiBillingCode: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('upt.settlement.ntpn')}</span>
            <input
              name="ntpn"
              maxLength={24}
              autoComplete="off"
              class="sku"
              value={form.ntpn}
              aria-describedby={field('ntpn', 'NTPN')}
              onInput={(e) => setForm({ ...form, ntpn: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('upt.settlement.depositedOn')}</span>
            <input
              name="depositedOn"
              type="date"
              value={form.depositedOn}
              onInput={(e) => setForm({ ...form, depositedOn: e.currentTarget.value })}
            />
          </label>
        </div>
        <p id={`${id}-amount`} class="hint">
          {amount === undefined ? t('monthEnd.payNotAmount') : t('monthEnd.payReads', { amount: formatRupiah(amount) })}
        </p>
        {tried && problems.length > 0 && (
          <ul class="problems">
            {problems.includes('BILLING_CODE') && (
              <li id={`${id}-simponiBillingCode-problem`}>{t('upt.settlement.problem.BILLING_CODE')}</li>
            )}
            {problems.includes('NTPN') && <li id={`${id}-ntpn-problem`}>{t('upt.settlement.problem.NTPN')}</li>}
            {problems.includes('DATE') && <li>{t('upt.settlement.problem.DATE')}</li>}
          </ul>
        )}
        {error && (
          <p role="alert" class="message refused">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('upt.settlement.deposit')}
            <span class="sr-only"> {t('upt.settlement.of', { month, venue })}</span>
          </button>
        </div>
      </form>
    </li>
  );
}
