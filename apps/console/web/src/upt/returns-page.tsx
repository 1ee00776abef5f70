import { useEffect, useState } from 'preact/hooks';
import { all, call } from '../api';
import { productNames } from '../data';
import { formatDateTime, formatDay, formatNumber, NO_EXPIRY } from '../format';
import { t } from '../i18n';
import { returnNumber } from '../upt-return-form';
import { refusalText, uptCode, venueNames, type VenueName } from './upt-data';

interface ReturnedLot {
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: 'SELLABLE' | 'QUARANTINE';
  quantity: number;
}
interface UptReturn {
  id: string;
  venueCode: string;
  reason: string;
  status: 'SHIPPED' | 'RECEIVED';
  shippedAt: string;
  receivedAt: string | null;
  lines: ReturnedLot[];
}

const units = (r: UptReturn) => r.lines.reduce((sum, l) => sum + l.quantity, 0);
/** The return note, rendered by consignment and streamed through the console. */
export const returnNote = (id: string) => `/api/consignment/returns/${encodeURIComponent(id)}/note`;

/** Retur masuk: goods venues send back to the UPT, confirmed on arrival (POST /returns/:id/receive). */
export function ReturnsPage() {
  const [returns, setReturns] = useState<UptReturn[]>();
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [venues, setVenues] = useState(new Map<string, VenueName>());
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const load = async () => {
    const list = await all<UptReturn>('/api/consignment/returns');
    setReturns(list.sort((a, b) => b.shippedAt.localeCompare(a.shippedAt)));
  };
  useEffect(() => {
    void (async () => {
      try {
        const upt = await uptCode();
        const [products, vs] = await Promise.all([productNames([upt]), venueNames()]);
        setNames(products);
        setVenues(vs);
        await load();
      } catch (e) {
        setError(refusalText(e));
      }
    })();
  }, []);

  const venueName = (code: string) => venues.get(code)?.name ?? code;
  const zoneOf = (code: string) => venues.get(code)?.timeZone ?? 'Asia/Jakarta';
  const label = (productId: string) => {
    const p = names.get(productId);
    return p ? `${p.name} (${p.sku})` : productId;
  };

  const confirm = async (r: UptReturn) => {
    setBusy(r.id);
    try {
      await call('POST', `/api/consignment/returns/${encodeURIComponent(r.id)}/receive`);
      setError(undefined);
      setDone(t('upt.returns.done', { no: returnNumber(r.id), venue: venueName(r.venueCode), units: formatNumber(units(r)) }));
      await load();
    } catch (e) {
      setDone(undefined);
      setError(refusalText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const arriving = returns?.filter((r) => r.status === 'SHIPPED') ?? [];
  const received = returns?.filter((r) => r.status === 'RECEIVED') ?? [];
  const lines = (r: UptReturn) => (
    <ul class="plain-list">
      {r.lines.map((l) => (
        <li key={`${l.productId}|${l.lotCode}|${l.bucket}`}>
          {t('upt.returns.lotLine', {
            units: formatNumber(l.quantity),
            label: label(l.productId),
            lot: l.lotCode,
            expiry: l.expiryDate === NO_EXPIRY ? t('upt.returns.noExpiry') : formatDay(l.expiryDate),
          })}
          {l.bucket === 'QUARANTINE' && <span class="badge QUARANTINE">{t('upt.returns.quarantine')}</span>}
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="returns-title" class="upt-page">
      <h1 id="returns-title">{t('upt.returns.title')}</h1>
      <p>{t('upt.returns.intro')}</p>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      <h2>{t('upt.returns.arriving')}</h2>
      {!returns && !error && <p>{t('app.loading')}</p>}
      {returns && arriving.length === 0 && <p>{t('upt.returns.noneArriving')}</p>}
      {arriving.length > 0 && (
        <ul class="statements" data-testid="returns-arriving">
          {arriving.map((r) => (
            <li key={r.id} class="statement" data-return={returnNumber(r.id)}>
              <h3>{t('upt.returns.heading', { no: returnNumber(r.id), venue: venueName(r.venueCode) })}</h3>
              <p>
                {t('upt.returns.shipped', {
                  at: formatDateTime(r.shippedAt, zoneOf(r.venueCode)),
                  reason: t(`upt.returns.reason.${r.reason}`, { defaultValue: r.reason }),
                  units: formatNumber(units(r)),
                })}
              </p>
              {lines(r)}
              <div class="actions">
                <button type="button" disabled={busy === r.id} onClick={() => void confirm(r)}>
                  {t('upt.returns.confirm', { no: returnNumber(r.id) })}
                </button>
                <a class="doc-link" href={returnNote(r.id)} target="_blank" rel="noopener">
                  {t('upt.returns.note')}
                  <span class="sr-only"> {returnNumber(r.id)}</span> (PDF)
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 id="returns-received">{t('upt.returns.received')}</h2>
      {returns && received.length === 0 && <p>{t('upt.returns.noneReceived')}</p>}
      {received.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="returns-received">
          <table data-testid="returns-received" class="upt-cards">
            <thead>
              <tr>
                <th scope="col">{t('upt.returns.number')}</th>
                <th scope="col">{t('upt.venue')}</th>
                <th scope="col">{t('upt.returns.reasonCol')}</th>
                <th scope="col">{t('upt.returns.goods')}</th>
                <th scope="col">{t('upt.returns.receivedAt')}</th>
                <th scope="col">{t('upt.dispatch.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {received.map((r) => (
                <tr key={r.id} data-return={returnNumber(r.id)}>
                  <td class="sku" data-label={t('upt.returns.number')}>
                    {returnNumber(r.id)}
                  </td>
                  <td data-label={t('upt.venue')}>{venueName(r.venueCode)}</td>
                  <td data-label={t('upt.returns.reasonCol')}>{t(`upt.returns.reason.${r.reason}`, { defaultValue: r.reason })}</td>
                  <td data-label={t('upt.returns.goods')}>{lines(r)}</td>
                  <td data-label={t('upt.returns.receivedAt')}>{r.receivedAt ? formatDateTime(r.receivedAt, zoneOf(r.venueCode)) : '—'}</td>
                  <td data-label={t('upt.dispatch.documents')}>
                    <a href={returnNote(r.id)} target="_blank" rel="noopener">
                      {t('upt.returns.note')}
                      <span class="sr-only"> {returnNumber(r.id)}</span> (PDF)
                    </a>
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
