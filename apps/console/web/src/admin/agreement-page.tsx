import { useState } from 'preact/hooks';
import { call } from '../api';
import { formatBasisPoints, formatDateTime, formatDay, formatRupiah } from '../format';
import { t } from '../i18n';
import { priceChangeProblems, typedPrices } from './agreement-form';
import { approvedProducts, PriceInputs, validity, type Agreement } from './agreements-page';
import {
  Field,
  invalidProps,
  loadUpts,
  loadVenues,
  named,
  navigate,
  Outcome,
  refusalText,
  useLoad,
  useShownProblems,
  TableWrap,
} from './admin-ui';

/** One agreement: its terms, its prices with their history, and what an administrator does next (activate, reprice, terminate). */
export function AgreementPage({ param }: { param?: string }) {
  const id = param ?? '';
  const agreement = useLoad(() => call<Agreement>('GET', `/api/consignment/agreements/${encodeURIComponent(id)}`), [id]);
  const upts = useLoad(loadUpts);
  const venues = useLoad(loadVenues);
  const uptCode = agreement.data?.uptCode;
  const products = useLoad(() => (uptCode ? approvedProducts(uptCode) : Promise.resolve([])), [uptCode]);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const a = agreement.data;
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setDone(undefined);
    try {
      await work();
      setDone(message);
      setError(undefined);
      agreement.reload();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p>
      <a
        href="/perjanjian"
        onClick={(e) => {
          e.preventDefault();
          navigate('/perjanjian');
        }}
      >
        {t('admin.agreements.back')}
      </a>
    </p>
  );
  if (!a)
    return (
      <section aria-labelledby="agreement-title">
        <h1 id="agreement-title">{t('admin.agreements.one')}</h1>
        {back}
        <Outcome error={agreement.error} />
        {!agreement.error && <p class="loading">{t('app.loading')}</p>}
      </section>
    );

  const upt = upts.data?.find((u) => u.code === a.uptCode);
  const venue = venues.data?.find((v) => v.code === a.venueCode);
  const productOf = (productId: string) => products.data?.find((p) => p.id === productId);
  const current = new Map(a.prices.map((p) => [p.productId, p]));
  return (
    <section aria-labelledby="agreement-title">
      <h1 id="agreement-title">
        {t('admin.agreements.titleOf', { upt: upt?.name ?? a.uptCode, venue: venue?.name ?? a.venueCode })}{' '}
        <span class={`badge ${a.status}`} data-testid="agreement-status">
          {t(`admin.agreementStatus.${a.status}`)}
        </span>
      </h1>
      {back}
      <Outcome done={done} error={error ?? products.error} />
      <dl class="terms" data-testid="agreement-terms">
        <dt>{t('admin.field.upt')}</dt>
        <dd>{named(upt, a.uptCode)}</dd>
        <dt>{t('admin.field.venue')}</dt>
        <dd>{named(venue, a.venueCode)}</dd>
        <dt>{t('admin.field.commission')}</dt>
        <dd>{formatBasisPoints(a.commissionBp)}</dd>
        <dt>{t('admin.field.maxDiscount')}</dt>
        <dd>{formatBasisPoints(a.maxDiscountBp)}</dd>
        <dt>{t('admin.field.shrinkage')}</dt>
        <dd>{t(`admin.shrinkage.${a.shrinkageLiability}`)}</dd>
        <dt>{t('admin.field.validity')}</dt>
        <dd>{validity(a)}</dd>
        <dt>{t('admin.agreements.created')}</dt>
        <dd>{formatDateTime(a.createdAt, a.timeZone)}</dd>
        {a.activatedAt && (
          <>
            <dt>{t('admin.agreements.activated')}</dt>
            <dd>{formatDateTime(a.activatedAt, a.timeZone)}</dd>
          </>
        )}
        {a.terminatedAt && (
          <>
            <dt>{t('admin.agreements.terminated')}</dt>
            <dd>
              {formatDateTime(a.terminatedAt, a.timeZone)}: {a.terminationReason}
            </dd>
          </>
        )}
      </dl>
      {a.status === 'DRAFT' && (
        <div class="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(() => call('POST', `/api/consignment/agreements/${a.id}/activate`), t('admin.agreements.activatedDone'))
            }
          >
            {t('admin.agreements.activate')}
          </button>
        </div>
      )}

      <h2>{t('admin.agreements.prices')}</h2>
      {a.prices.length === 0 && <p>{t('admin.agreements.noPrices')}</p>}
      {a.prices.length > 0 && (
        <TableWrap label={t('admin.agreements.prices')}>
          <table data-testid="agreement-prices">
            <caption class="sr-only">{t('admin.agreements.prices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.field.product')}</th>
                <th scope="col" class="num">
                  {t('admin.agreements.agreedPrice')}
                </th>
                <th scope="col">{t('admin.agreements.effectiveFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {a.prices.map((p) => {
                const product = productOf(p.productId);
                return (
                  <tr key={p.productId}>
                    <td>{product ? `${product.name} (${product.sku})` : p.productId}</td>
                    <td class="num money">{formatRupiah(p.price)}</td>
                    <td>{formatDay(p.effectiveFrom)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {a.priceHistory.length > a.prices.length && (
        <details>
          <summary>{t('admin.agreements.history', { count: a.priceHistory.length })}</summary>
          <ul>
            {a.priceHistory.map((h) => (
              <li key={`${h.productId}|${h.effectiveFrom}`}>
                {t('admin.agreements.historyLine', {
                  product: productOf(h.productId)?.sku ?? h.productId,
                  price: formatRupiah(h.price),
                  from: formatDay(h.effectiveFrom),
                  at: formatDateTime(h.setAt, a.timeZone),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {a.status !== 'TERMINATED' && products.data && products.data.length > 0 && (
        <PriceChange
          agreement={a}
          products={products.data}
          current={current}
          onChanged={() => {
            setDone(t('admin.agreements.pricesSet'));
            agreement.reload();
          }}
        />
      )}
      {a.status === 'ACTIVE' && (
        <Terminate
          busy={busy}
          onTerminate={(reason) =>
            act(() => call('POST', `/api/consignment/agreements/${a.id}/terminate`, { reason }), t('admin.agreements.terminatedDone'))
          }
        />
      )}
    </section>
  );
}

function PriceChange(props: {
  agreement: Agreement;
  products: Parameters<typeof PriceInputs>[0]['products'];
  current: Map<string, { price: number; effectiveFrom: string }>;
  onChanged: () => void;
}) {
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problems = useShownProblems(priceChangeProblems(prices, effectiveFrom), 'change-');
  const shown = problems.shown;
  const send = async (e: Event) => {
    e.preventDefault();
    if (!problems.tried()) return;
    setBusy(true);
    try {
      await call('PUT', `/api/consignment/agreements/${props.agreement.id}/prices`, {
        prices: typedPrices(prices, effectiveFrom || undefined),
      });
      setPrices({});
      setError(undefined);
      problems.reset();
      props.onChanged();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  const noPrice = shown.find((p) => p.field === 'change-prices');
  return (
    <form class="admin-form" aria-labelledby="change-title" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="change-title">{t('admin.agreements.changePrices')}</h2>
      <p class="hint">{t('admin.agreements.changeHint')}</p>
      <PriceInputs
        products={props.products}
        prices={prices}
        problems={shown}
        prefix="change-"
        current={props.current}
        onChange={(productId, text) => setPrices((old) => ({ ...old, [productId]: text }))}
      />
      {noPrice && (
        <p class="problem" id="change-prices" tabIndex={-1}>
          {t('admin.problem.noPrice')}
        </p>
      )}
      <div class="row">
        <Field
          label={t('admin.agreements.effectiveFrom')}
          name="change-effectiveFrom"
          problems={shown}
          hint={t('admin.agreements.effectiveHint')}
        >
          <input
            {...invalidProps(shown, 'change-effectiveFrom', true)}
            type="date"
            value={effectiveFrom}
            onInput={(e) => setEffectiveFrom(e.currentTarget.value)}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {t('admin.agreements.setPrices')}
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}

function Terminate(props: { busy: boolean; onTerminate: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (!open)
    return (
      <div class="actions">
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          {t('admin.agreements.terminate')}
        </button>
      </div>
    );
  const missing = tried && !reason.trim();
  return (
    <form
      class="confirm"
      aria-labelledby="terminate-title"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (reason.trim()) void props.onTerminate(reason.trim());
      }}
      noValidate
    >
      <h2 id="terminate-title">{t('admin.agreements.terminateTitle')}</h2>
      <p>{t('admin.agreements.terminateRule')}</p>
      <label class={missing ? 'invalid' : ''}>
        <span>{t('admin.agreements.terminationReason')}</span>
        <textarea
          id="termination-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          aria-invalid={missing ? 'true' : undefined}
          aria-describedby={missing ? 'termination-reason-problem' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        {missing && (
          <small class="problem" id="termination-reason-problem">
            {t('admin.problem.required')}
          </small>
        )}
      </label>
      <div class="actions">
        <button type="submit" class="danger" disabled={props.busy}>
          {t('admin.agreements.terminateConfirm')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
