import { useEffect, useRef, useState } from 'preact/hooks';
import { all, call } from '../api';
import { formatDateTime, formatDay, formatNumber, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import {
  dispatchLineProblems,
  dispatchReady,
  dispatchRequest,
  dispatchTotals,
  emptyLine,
  type DispatchLineForm,
  type DispatchProduct,
} from './dispatch-form';
import { dispatchableProducts, loadAgreements, refusalText, uptCode, venueNames, type UptAgreement, type VenueName } from './upt-data';

interface DispatchLine {
  lineNo: number;
  productId: string;
  lotCode: string;
  expiryDate: string;
  quantity: number;
}
interface Dispatch {
  id: string;
  number: string;
  agreementId: string;
  venueCode: string;
  status: 'IN_TRANSIT' | 'RECEIVED' | 'CANCELLED';
  dispatchedAt: string;
  lines: DispatchLine[];
}

/** The printable documents of a dispatch, rendered by consignment and streamed through the console. */
export const dispatchDocument = (id: string, kind: 'surat-jalan' | 'labels' | 'bast') =>
  `/api/consignment/dispatches/${encodeURIComponent(id)}/${kind}`;

function DocumentLinks({ dispatch }: { dispatch: Pick<Dispatch, 'id' | 'number' | 'status'> }) {
  return (
    <span class="doc-links">
      {(['surat-jalan', 'labels', ...(dispatch.status === 'RECEIVED' ? (['bast'] as const) : [])] as const).map((kind) => (
        <a key={kind} href={dispatchDocument(dispatch.id, kind)} target="_blank" rel="noopener">
          {t(`upt.dispatch.document.${kind}`)}
          <span class="sr-only"> {dispatch.number}</span> (PDF)
        </a>
      ))}
    </span>
  );
}

export function DispatchPage() {
  const [agreements, setAgreements] = useState<UptAgreement[]>();
  const [products, setProducts] = useState<DispatchProduct[]>([]);
  const [venues, setVenues] = useState(new Map<string, VenueName>());
  const [dispatches, setDispatches] = useState<Dispatch[]>();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<{ dispatch: Dispatch; venue: string; units: number }>();

  const loadDispatches = async () => {
    const list = await all<Dispatch>('/api/consignment/dispatches');
    setDispatches(list.sort((a, b) => b.dispatchedAt.localeCompare(a.dispatchedAt) || b.number.localeCompare(a.number)));
  };
  useEffect(() => {
    void (async () => {
      try {
        const upt = await uptCode();
        const [list, catalog, names] = await Promise.all([loadAgreements(), dispatchableProducts(upt), venueNames()]);
        setAgreements(list.filter((a) => a.status === 'ACTIVE'));
        setProducts(catalog);
        setVenues(names);
        await loadDispatches();
      } catch (e) {
        setError(refusalText(e));
      }
    })();
  }, []);

  const venueName = (code: string) => venues.get(code)?.name ?? code;
  const zoneOf = (code: string) => venues.get(code)?.timeZone ?? 'Asia/Jakarta';

  return (
    <section aria-labelledby="dispatch-title" class="upt-page">
      <h1 id="dispatch-title">{t('upt.dispatch.title')}</h1>
      <p>{t('upt.dispatch.intro')}</p>
      <div role="status">
        {sent && (
          <div class="message ok" data-testid="dispatch-sent">
            <p>
              {t('upt.dispatch.sent', {
                number: sent.dispatch.number,
                venue: sent.venue,
                lines: sent.dispatch.lines.length,
                units: formatNumber(sent.units),
              })}
            </p>
            <DocumentLinks dispatch={sent.dispatch} />
          </div>
        )}
      </div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {agreements?.length === 0 && <p class="message queued">{t('upt.dispatch.noAgreement')}</p>}
      {agreements && agreements.length > 0 && (
        <DispatchForm
          agreements={agreements}
          products={products}
          venueName={venueName}
          onSent={(dispatch, units) => {
            setSent({ dispatch, venue: venueName(dispatch.venueCode), units });
            void loadDispatches().catch((e: unknown) => setError(refusalText(e)));
          }}
        />
      )}

      <h2 id="dispatch-list">{t('upt.dispatch.list')}</h2>
      {!dispatches && !error && <p>{t('app.loading')}</p>}
      {dispatches?.length === 0 && <p>{t('upt.dispatch.none')}</p>}
      {dispatches && dispatches.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="dispatch-list">
          <table data-testid="dispatch-list" class="upt-cards">
            <thead>
              <tr>
                <th scope="col">{t('upt.dispatch.number')}</th>
                <th scope="col">{t('upt.venue')}</th>
                <th scope="col">{t('upt.dispatch.dispatchedAt')}</th>
                <th scope="col" class="num">
                  {t('upt.dispatch.lines')}
                </th>
                <th scope="col" class="num">
                  {t('upt.dispatch.units')}
                </th>
                <th scope="col">{t('upt.status')}</th>
                <th scope="col">{t('upt.dispatch.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {dispatches.map((d) => (
                <tr key={d.id} data-dispatch={d.number}>
                  <td class="sku" data-label={t('upt.dispatch.number')}>
                    {d.number}
                  </td>
                  <td data-label={t('upt.venue')}>{venueName(d.venueCode)}</td>
                  <td data-label={t('upt.dispatch.dispatchedAt')}>{formatDateTime(d.dispatchedAt, zoneOf(d.venueCode))}</td>
                  <td class="num" data-label={t('upt.dispatch.lines')}>
                    {formatNumber(d.lines.length)}
                  </td>
                  <td class="num" data-label={t('upt.dispatch.units')}>
                    {formatNumber(d.lines.reduce((sum, l) => sum + l.quantity, 0))}
                  </td>
                  <td data-label={t('upt.status')}>
                    <span class={`badge ${d.status}`} data-testid="dispatch-status">
                      {t(`upt.dispatch.status.${d.status}`)}
                    </span>
                  </td>
                  <td data-label={t('upt.dispatch.documents')}>
                    <DocumentLinks dispatch={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DispatchForm(props: {
  agreements: UptAgreement[];
  products: DispatchProduct[];
  venueName: (code: string) => string;
  onSent: (dispatch: Dispatch, units: number) => void;
}) {
  const { agreements, products } = props;
  const [agreementId, setAgreementId] = useState(agreements.length === 1 ? agreements[0].id : '');
  const nextKey = useRef(2);
  const [lines, setLines] = useState<DispatchLineForm[]>([emptyLine(1)]);
  const [touched, setTouched] = useState(new Set<number>());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const agreement = agreements.find((a) => a.id === agreementId);
  const today = localDay(new Date(), agreement?.timeZone ?? 'Asia/Jakarta');
  const ready = dispatchReady(agreementId, lines, products, today);
  const totals = dispatchTotals(lines);

  const set = (key: number, change: Partial<DispatchLineForm>) => {
    setLines((old) => old.map((l) => (l.key === key ? { ...l, ...change } : l)));
    setTouched((old) => new Set(old).add(key));
  };
  const add = () => {
    const key = nextKey.current++;
    setLines((old) => [...old, emptyLine(key)]);
    // the new line's product is where the clerk goes next
    setTimeout(() => document.getElementById(`line-${key}-product`)?.focus());
  };
  const remove = (key: number) => setLines((old) => old.filter((l) => l.key !== key));

  const send = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (!ready) return;
    setBusy(true);
    try {
      const dispatch = await call<Dispatch>('POST', '/api/consignment/dispatches', dispatchRequest(agreementId, lines));
      setError(undefined);
      setLines([emptyLine(nextKey.current++)]);
      setTouched(new Set());
      setTried(false);
      props.onSent(dispatch, totals.units);
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="dispatch-form" onSubmit={(e) => void send(e)} aria-labelledby="dispatch-new" noValidate>
      <h2 id="dispatch-new">{t('upt.dispatch.new')}</h2>
      <label class="agreement">
        <span>{t('upt.dispatch.agreement')}</span>
        <select name="agreement" value={agreementId} onChange={(e) => setAgreementId(e.currentTarget.value)}>
          <option value="">{t('upt.dispatch.pickAgreement')}</option>
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {t('upt.dispatch.agreementOption', {
                venue: props.venueName(a.venueCode),
                from: formatDay(a.validFrom),
                to: a.validTo ? formatDay(a.validTo) : t('upt.dispatch.noEnd'),
              })}
            </option>
          ))}
        </select>
      </label>
      {tried && !agreementId && <p class="problems">{t('upt.dispatch.needsAgreement')}</p>}
      {products.length === 0 && <p class="message queued">{t('upt.dispatch.noProducts')}</p>}
      <ol class="dispatch-lines">
        {lines.map((line, index) => {
          const id = `line-${line.key}`;
          const product = products.find((p) => p.id === line.productId);
          const show = tried || touched.has(line.key);
          const problems = show ? dispatchLineProblems(line, lines, products, today) : [];
          return (
            <li key={line.key}>
              <fieldset class="dispatch-line" data-testid={`dispatch-line-${index + 1}`} aria-describedby={`${id}-problems`}>
                <legend>{t('upt.dispatch.line', { n: index + 1 })}</legend>
                <div class="row">
                  <label class="product">
                    <span>{t('upt.dispatch.product')}</span>
                    <select
                      id={`${id}-product`}
                      name={`${id}-product`}
                      value={line.productId}
                      onChange={(e) => set(line.key, { productId: e.currentTarget.value })}
                    >
                      <option value="">{t('upt.dispatch.pickProduct')}</option>
                      {products.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.sku} — {p.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span>{t('upt.dispatch.lot')}</span>
                    <input
                      name={`${id}-lot`}
                      maxLength={40}
                      value={line.lotCode}
                      onInput={(e) => set(line.key, { lotCode: e.currentTarget.value })}
                    />
                  </label>
                  <label>
                    <span>{product?.shelfLifeDays === null ? t('upt.dispatch.expiryOptional') : t('upt.dispatch.expiry')}</span>
                    <input
                      type="date"
                      name={`${id}-expiry`}
                      min={today}
                      value={line.expiryDate}
                      onInput={(e) => set(line.key, { expiryDate: e.currentTarget.value })}
                    />
                  </label>
                  <label>
                    <span>{t('upt.dispatch.quantity')}</span>
                    <input
                      name={`${id}-quantity`}
                      class="count"
                      inputMode="numeric"
                      value={line.quantity}
                      onInput={(e) => set(line.key, { quantity: e.currentTarget.value })}
                    />
                  </label>
                  {lines.length > 1 && (
                    <button type="button" class="secondary" onClick={() => remove(line.key)}>
                      {t('upt.dispatch.remove', { n: index + 1 })}
                    </button>
                  )}
                </div>
                <p id={`${id}-problems`} class={problems.length ? 'problems' : 'hint'}>
                  {problems.length
                    ? problems.map((p) => t(`upt.dispatch.problem.${p}`, { today: formatDay(today) })).join(' · ')
                    : product
                      ? t('upt.dispatch.productHint', {
                          price: formatRupiah(product.price),
                          expiry:
                            product.shelfLifeDays === null
                              ? t('upt.dispatch.lasting')
                              : t('upt.dispatch.perishable', { days: product.shelfLifeDays }),
                        })
                      : ''}
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="actions">
        <button type="button" class="secondary" onClick={add}>
          {t('upt.dispatch.add')}
        </button>
      </div>
      <p class="total" data-testid="dispatch-totals">
        {t('upt.dispatch.totals', { lines: formatNumber(totals.lines), units: formatNumber(totals.units) })}
      </p>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {tried && !ready && <p class="hint">{t('upt.dispatch.notReady')}</p>}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('upt.dispatch.send')}
        </button>
      </div>
    </form>
  );
}
