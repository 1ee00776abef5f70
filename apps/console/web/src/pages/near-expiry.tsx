import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { useConsole } from '../console-context';
import { cached, keep, productNames } from '../data';
import { formatDay, formatNumber } from '../format';
import { t } from '../i18n';

interface NearExpiryLot {
  productId: string;
  uptCode: string;
  sku: string | null;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  daysLeft: number;
}

const WINDOWS = [7, 14, 30, 60, 90];

export function NearExpiryPage() {
  const { venue } = useConsole();
  const [days, setDays] = useState(30);
  const [lots, setLots] = useState<NearExpiryLot[] | undefined>(cached('near-expiry', venue.code));
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [error, setError] = useState<string>();

  useEffect(() => {
    void (async () => {
      try {
        const page = await call<{ items: NearExpiryLot[] }>('GET', `/api/consignment/stock/near-expiry?days=${days}&limit=200`);
        const sorted = page.items.sort((a, b) => a.daysLeft - b.daysLeft || a.lotCode.localeCompare(b.lotCode));
        setLots(sorted);
        keep('near-expiry', venue.code, sorted);
        setNames(await productNames(sorted.map((l) => l.uptCode)));
        setError(undefined);
      } catch (e) {
        setError(t('error.load', { reason: (e as Error).message }));
      }
    })();
  }, [days]);

  return (
    <section aria-labelledby="ne-title">
      <h1 id="ne-title">{t('nearExpiry.title')}</h1>
      <p>{t('nearExpiry.intro')}</p>
      <label class="inline">
        <span>{t('nearExpiry.window')}</span>
        <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {t('nearExpiry.days', { count: w })}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {lots?.length === 0 && <p>{t('nearExpiry.none', { days })}</p>}
      {lots && lots.length > 0 && (
        <table data-testid="near-expiry-table">
          <thead>
            <tr>
              <th scope="col">{t('nearExpiry.daysLeft')}</th>
              <th scope="col">{t('till.product')}</th>
              <th scope="col">{t('nearExpiry.lot')}</th>
              <th scope="col">{t('nearExpiry.expiry')}</th>
              <th scope="col" class="num">
                {t('nearExpiry.quantity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => {
              const product = names.get(l.productId);
              return (
                <tr key={`${l.productId}|${l.lotCode}`} class={l.daysLeft < 0 ? 'expired' : l.daysLeft <= 7 ? 'soon' : ''}>
                  <td>
                    <strong>
                      {l.daysLeft < 0
                        ? t('nearExpiry.expired')
                        : l.daysLeft === 0
                          ? t('nearExpiry.today')
                          : t('nearExpiry.left', { count: l.daysLeft })}
                    </strong>
                  </td>
                  <td>{product ? `${product.name} (${product.sku})` : (l.sku ?? l.productId)}</td>
                  <td>{l.lotCode}</td>
                  <td>{formatDay(l.expiryDate)}</td>
                  <td class="num">{formatNumber(l.quantity)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
