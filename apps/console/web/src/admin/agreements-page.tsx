import { useEffect, useState } from 'preact/hooks';
import { all, call } from '../api';
import { formatBasisPoints, formatDay, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import { AGREEMENT_STATUSES, SHRINKAGE_LIABILITIES } from './admin-fields';
import { problemOf } from './admin-input';
import { agreementProblems, agreementRequest, emptyAgreement, type AgreementForm } from './agreement-form';
import {
  Field,
  invalidProps,
  loadUpts,
  loadVenues,
  named,
  navigate,
  Outcome,
  problemText,
  refusalText,
  useLoad,
  useShownProblems,
  type Upt,
  type VenueRow,
  TableWrap,
} from './admin-ui';

/** An agreement as consignment answers it. */
export interface Agreement {
  id: string;
  uptCode: string;
  venueCode: string;
  timeZone: string;
  commissionBp: number;
  maxDiscountBp: number;
  shrinkageLiability: string;
  validFrom: string;
  validTo: string | null;
  status: string;
  createdAt: string;
  activatedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  prices: { productId: string; price: number; effectiveFrom: string }[];
  priceHistory: { productId: string; price: number; effectiveFrom: string; setAt: string; setBy: string }[];
}

/** A product of the catalog, as the price lists show it. */
export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  price: number;
  status: string;
}

/** The UPT's approved products: the ones an agreement prices and a dispatch sends. */
export const approvedProducts = (upt: string) =>
  all<CatalogProduct>(`/api/catalog/products?upt=${encodeURIComponent(upt)}&status=APPROVED`).then((list) =>
    list.sort((a, b) => a.sku.localeCompare(b.sku)),
  );

interface Filters {
  status: string;
  upt: string;
  venue: string;
}

/** Agreements between a UPT and a venue: the list with its filters, and a new agreement with its prices. */
export function AgreementsPage() {
  const upts = useLoad(loadUpts);
  const venues = useLoad(loadVenues);
  const [filters, setFilters] = useState<Filters>({ status: '', upt: '', venue: '' });
  const agreements = useLoad(() => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    return all<Agreement>(`/api/consignment/agreements${query.size ? `?${query}` : ''}`);
  }, [filters.status, filters.upt, filters.venue]);
  const [creating, setCreating] = useState(false);
  const upt = (code: string) => upts.data?.find((u) => u.code === code);
  const venue = (code: string) => venues.data?.find((v) => v.code === code);

  return (
    <section aria-labelledby="agreements-title">
      <h1 id="agreements-title">{t('admin.agreements.title')}</h1>
      <Outcome error={agreements.error ?? upts.error ?? venues.error} />
      <div class="row filters" role="group" aria-label={t('admin.filters')}>
        <label>
          <span>{t('admin.field.status')}</span>
          <select id="filter-status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value })}>
            <option value="">{t('admin.all')}</option>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.agreementStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.field.upt')}</span>
          <select id="filter-upt" value={filters.upt} onChange={(e) => setFilters({ ...filters, upt: e.currentTarget.value })}>
            <option value="">{t('admin.all')}</option>
            {upts.data?.map((u) => (
              <option key={u.code} value={u.code}>
                {named(u, u.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.field.venue')}</span>
          <select id="filter-venue" value={filters.venue} onChange={(e) => setFilters({ ...filters, venue: e.currentTarget.value })}>
            <option value="">{t('admin.all')}</option>
            {venues.data?.map((v) => (
              <option key={v.code} value={v.code}>
                {named(v, v.code)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {agreements.data?.length === 0 && <p>{t('admin.agreements.none')}</p>}
      {agreements.data && agreements.data.length > 0 && (
        <TableWrap label={t('admin.agreements.title')}>
          <table data-testid="agreement-table">
            <caption class="sr-only">{t('admin.agreements.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.field.upt')}</th>
                <th scope="col">{t('admin.field.venue')}</th>
                <th scope="col">{t('admin.field.status')}</th>
                <th scope="col">{t('admin.field.validity')}</th>
                <th scope="col" class="num">
                  {t('admin.field.commission')}
                </th>
                <th scope="col" class="num">
                  {t('admin.field.maxDiscount')}
                </th>
                <th scope="col" class="num">
                  {t('admin.agreements.priceCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agreements.data.map((a) => (
                <tr key={a.id} data-id={a.id}>
                  <td>
                    <a
                      href={`/perjanjian/${a.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/perjanjian/${a.id}`);
                      }}
                    >
                      {named(upt(a.uptCode), a.uptCode)}
                    </a>
                  </td>
                  <td>{named(venue(a.venueCode), a.venueCode)}</td>
                  <td>
                    <span class={`badge ${a.status}`}>{t(`admin.agreementStatus.${a.status}`)}</span>
                  </td>
                  <td>{validity(a)}</td>
                  <td class="num">{formatBasisPoints(a.commissionBp)}</td>
                  <td class="num">{formatBasisPoints(a.maxDiscountBp)}</td>
                  <td class="num">{a.prices.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {creating ? (
        <AgreementCreate upts={upts.data ?? []} venues={venues.data ?? []} onCancel={() => setCreating(false)} />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setCreating(true)}>
            {t('admin.agreements.new')}
          </button>
        </div>
      )}
    </section>
  );
}

/** `1 Des 2026 – 30 Nov 2027`, or `sejak 1 Des 2026` when open-ended. */
export const validity = (a: Pick<Agreement, 'validFrom' | 'validTo'>): string =>
  a.validTo ? `${formatDay(a.validFrom)} – ${formatDay(a.validTo)}` : t('admin.agreements.openEnded', { from: formatDay(a.validFrom) });

function AgreementCreate(props: { upts: Upt[]; venues: VenueRow[]; onCancel: () => void }) {
  const [form, setForm] = useState<AgreementForm>(emptyAgreement(localDay(new Date(), 'Asia/Jakarta')));
  const [products, setProducts] = useState<CatalogProduct[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problems = useShownProblems(agreementProblems(form), 'agreement-');
  const shown = problems.shown;
  const set = (change: Partial<AgreementForm>) => setForm((old) => ({ ...old, ...change }));

  useEffect(() => {
    setProducts(undefined);
    if (!form.uptCode) return;
    approvedProducts(form.uptCode).then(setProducts, (e: Error) => setError(t('error.load', { reason: e.message })));
  }, [form.uptCode]);

  const send = async (e: Event) => {
    e.preventDefault();
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<Agreement>('POST', '/api/consignment/agreements', agreementRequest(form));
      navigate(`/perjanjian/${created.id}`);
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" aria-labelledby="agreement-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="agreement-new">{t('admin.agreements.new')}</h2>
      <div class="row">
        <Field label={t('admin.field.upt')} name="agreement-uptCode" problems={shown}>
          <select
            {...invalidProps(shown, 'agreement-uptCode')}
            value={form.uptCode}
            onChange={(e) => set({ uptCode: e.currentTarget.value, prices: {} })}
          >
            <option value="">{t('admin.choose')}</option>
            {props.upts.map((u) => (
              <option key={u.code} value={u.code}>
                {named(u, u.code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.field.venue')} name="agreement-venueCode" problems={shown}>
          <select
            {...invalidProps(shown, 'agreement-venueCode')}
            value={form.venueCode}
            onChange={(e) => set({ venueCode: e.currentTarget.value })}
          >
            <option value="">{t('admin.choose')}</option>
            {props.venues.map((v) => (
              <option key={v.code} value={v.code}>
                {named(v, v.code)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="row">
        <Field
          label={t('admin.field.commissionPercent')}
          name="agreement-commission"
          problems={shown}
          hint={t('admin.agreements.commissionHint')}
        >
          <input
            {...invalidProps(shown, 'agreement-commission', true)}
            class="short"
            inputMode="decimal"
            value={form.commission}
            onInput={(e) => set({ commission: e.currentTarget.value })}
          />
        </Field>
        <Field
          label={t('admin.field.maxDiscountPercent')}
          name="agreement-maxDiscount"
          problems={shown}
          hint={t('admin.agreements.discountHint')}
        >
          <input
            {...invalidProps(shown, 'agreement-maxDiscount', true)}
            class="short"
            inputMode="decimal"
            value={form.maxDiscount}
            onInput={(e) => set({ maxDiscount: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.shrinkage')} name="agreement-shrinkageLiability" problems={shown}>
          <select
            {...invalidProps(shown, 'agreement-shrinkageLiability')}
            value={form.shrinkageLiability}
            onChange={(e) => set({ shrinkageLiability: e.currentTarget.value })}
          >
            {SHRINKAGE_LIABILITIES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.shrinkage.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="row">
        <Field label={t('admin.field.validFrom')} name="agreement-validFrom" problems={shown}>
          <input
            {...invalidProps(shown, 'agreement-validFrom')}
            type="date"
            value={form.validFrom}
            onInput={(e) => set({ validFrom: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.validTo')} name="agreement-validTo" problems={shown} hint={t('admin.agreements.validToHint')}>
          <input
            {...invalidProps(shown, 'agreement-validTo', true)}
            type="date"
            value={form.validTo}
            onInput={(e) => set({ validTo: e.currentTarget.value })}
          />
        </Field>
      </div>
      <h3>{t('admin.agreements.prices')}</h3>
      {!form.uptCode && <p class="hint">{t('admin.agreements.pricesChooseUpt')}</p>}
      {form.uptCode && !products && <p class="hint">{t('app.loading')}</p>}
      {products?.length === 0 && <p class="hint">{t('admin.agreements.noApproved')}</p>}
      {products && products.length > 0 && (
        <PriceInputs
          products={products}
          prices={form.prices}
          problems={shown}
          prefix="agreement-"
          onChange={(productId, text) => set({ prices: { ...form.prices, [productId]: text } })}
        />
      )}
      <Outcome error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('admin.agreements.create')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A price per product, the catalog's price beside it; blank keeps the catalog price. */
export function PriceInputs(props: {
  products: CatalogProduct[];
  prices: Record<string, string>;
  problems: { field: string; problem: string; values?: Record<string, unknown> }[];
  prefix: string;
  current?: Map<string, { price: number; effectiveFrom: string }>;
  onChange: (productId: string, text: string) => void;
}) {
  return (
    <TableWrap label={t('admin.agreements.prices')}>
      <table class="prices" data-testid={`${props.prefix}prices`}>
        <caption class="sr-only">{t('admin.agreements.prices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.field.product')}</th>
            <th scope="col" class="num">
              {t('admin.agreements.catalogPrice')}
            </th>
            {props.current && (
              <th scope="col" class="num">
                {t('admin.agreements.agreedPrice')}
              </th>
            )}
            <th scope="col">{props.current ? t('admin.agreements.newPrice') : t('admin.agreements.agreedPrice')}</th>
          </tr>
        </thead>
        <tbody>
          {props.products.map((p) => {
            const name = `${props.prefix}price-${p.id}`;
            const problem = problemOf(props.problems, name);
            const held = props.current?.get(p.id);
            return (
              <tr key={p.id} data-sku={p.sku}>
                <th scope="row">
                  {p.name} <span class="sku">({p.sku})</span>
                </th>
                <td class="num money">{formatRupiah(p.price)}</td>
                {props.current && (
                  <td class="num money">
                    {held ? t('admin.agreements.priceFrom', { price: formatRupiah(held.price), from: formatDay(held.effectiveFrom) }) : '—'}
                  </td>
                )}
                <td>
                  <input
                    class="short"
                    inputMode="numeric"
                    name={name}
                    id={name}
                    aria-label={t('admin.agreements.priceOf', { name: p.name, sku: p.sku })}
                    aria-invalid={problem ? 'true' : undefined}
                    aria-describedby={problem ? `${name}-problem` : undefined}
                    placeholder={t('admin.agreements.rupiahPlaceholder')}
                    value={props.prices[p.id] ?? ''}
                    onInput={(e) => props.onChange(p.id, e.currentTarget.value)}
                  />
                  {problem && (
                    <small class="problem" id={`${name}-problem`}>
                      {problemText(problem)}
                    </small>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
