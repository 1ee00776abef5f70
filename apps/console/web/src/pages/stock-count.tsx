import { useEffect, useState } from 'preact/hooks';
import { all, ApiError, call, OfflineError } from '../api';
import { useConsole } from '../console-context';
import { productNames } from '../data';
import { formatDay, formatNumber, formatRupiah, NO_EXPIRY } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { countRequests, countSheet, lotKey, lotPrices, type PricedDispatch, type StockLot } from '../stock-count-form';

interface RecordedCount {
  id: string;
  period: string;
  lines: { variance: number }[];
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
const signedRupiah = (n: number) => (n > 0 ? `+${formatRupiah(n)}` : formatRupiah(n));

export function StockCountPage() {
  const { venue } = useConsole();
  const [lots, setLots] = useState<StockLot[]>();
  const [prices, setPrices] = useState(new Map<string, number>());
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [entered, setEntered] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const v = encodeURIComponent(venue.code);
      const [stock, dispatches] = await Promise.all([
        all<StockLot>(`/api/consignment/stock?venue=${v}`),
        all<PricedDispatch>(`/api/consignment/dispatches?venue=${v}`),
      ]);
      setLots(stock);
      setPrices(lotPrices(dispatches));
      // the book quantity to start from: the supervisor changes what the shelf says otherwise
      setEntered(Object.fromEntries(stock.map((l) => [lotKey(l), String(l.quantity)])));
      setNames(await productNames(stock.map((l) => l.uptCode)));
    } catch (e) {
      setError(t('error.load', { reason: (e as Error).message }));
    }
  };
  // the venue's code, not the object: the cached venue is replaced by the fresh one once it loads, and a second load would clear what the person already typed
  useEffect(() => void load(), [venue.code]);

  const sheet = lots && countSheet(lots, prices, entered);
  const canConfirm = !!sheet?.ready && reason.trim().length > 0 && !busy;

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!sheet || !canConfirm) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const recorded: RecordedCount[] = [];
    try {
      for (const body of countRequests(sheet, reason))
        recorded.push(await call<RecordedCount>('POST', '/api/consignment/stock-counts', body));
      setDone(
        t('stockCount.done', {
          lots: formatNumber(sheet.lines.length),
          variances: formatNumber(recorded.reduce((s, c) => s + c.lines.filter((l) => l.variance !== 0).length, 0)),
        }),
      );
      setReason('');
      await load();
    } catch (err) {
      const reasonText =
        err instanceof OfflineError ? t('upload.offline') : err instanceof ApiError ? describeRefusal(err, t) : String(err);
      setError(t(recorded.length ? 'stockCount.partly' : 'stockCount.refused', { reason: reasonText, recorded: recorded.length }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sc-title">
      <h1 id="sc-title">{t('stockCount.title')}</h1>
      <p>{t('stockCount.intro')}</p>
      <div role="status">
        {done && (
          <p class="message ok" data-testid="stock-count-done">
            {done}
          </p>
        )}
      </div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      {!lots && !error && <p>{t('app.loading')}</p>}
      {lots?.length === 0 && <p>{t('stockCount.none')}</p>}
      {sheet && sheet.lines.length > 0 && (
        <form onSubmit={(e) => void confirm(e)} autoComplete="off">
          <div class="table-wrap">
            <table data-testid="stock-count-table">
              <thead>
                <tr>
                  <th scope="col">{t('till.product')}</th>
                  <th scope="col">{t('nearExpiry.lot')}</th>
                  <th scope="col" class="num">
                    {t('stockCount.book')}
                  </th>
                  <th scope="col" class="num">
                    {t('stockCount.counted')}
                  </th>
                  <th scope="col" class="num">
                    {t('stockCount.variance')}
                  </th>
                  <th scope="col" class="num">
                    {t('stockCount.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheet.lines.map((l) => {
                  const product = names.get(l.lot.productId);
                  const label = product ? `${product.name} (${product.sku})` : (l.lot.sku ?? l.lot.productId);
                  const inputId = `count-${l.key}`;
                  return (
                    <tr key={l.key} data-lot={l.lot.lotCode} class={l.variance ? 'variance' : ''}>
                      <td>
                        {label}
                        {l.lot.bucket === 'QUARANTINE' && <span class="tag"> {t('stockCount.quarantine')}</span>}
                      </td>
                      <td>
                        {l.lot.lotCode}
                        <br />
                        <span class="hint">{l.lot.expiryDate === NO_EXPIRY ? t('till.noExpiry') : formatDay(l.lot.expiryDate)}</span>
                      </td>
                      <td class="num">{formatNumber(l.lot.quantity)}</td>
                      <td class="num">
                        <label class="sr-only" for={inputId}>
                          {t('stockCount.countedOf', { label, lot: l.lot.lotCode })}
                        </label>
                        <input
                          id={inputId}
                          name={`count-${l.lot.lotCode}`}
                          class="count"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          step={1}
                          required
                          value={l.entered}
                          aria-invalid={l.problem ? true : undefined}
                          onInput={(e) => {
                            const value = e.currentTarget.value;
                            setEntered((old) => ({ ...old, [l.key]: value }));
                          }}
                        />
                      </td>
                      <td class="num" data-testid="variance">
                        {l.variance === null ? t('stockCount.notACount') : signed(l.variance)}
                      </td>
                      <td class="num money">{l.value === null ? (l.variance ? t('stockCount.noPrice') : '—') : signedRupiah(l.value)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('stockCount.total', { count: sheet.linesWithVariance, n: formatNumber(sheet.linesWithVariance) })}
                  </th>
                  <td class="num" data-testid="total-variance">
                    <strong>{signed(sheet.totalVariance)}</strong>
                  </td>
                  <td class="num money" data-testid="total-value">
                    <strong>{signedRupiah(sheet.totalValue)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {sheet.unpriced && <p class="hint">{t('stockCount.unpriced')}</p>}
          <label class="sc-reason">
            <span>{t('stockCount.reason')}</span>
            <input
              name="reason"
              maxLength={1000}
              required
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              aria-describedby="sc-confirm-hint"
            />
          </label>
          <p class="hint" id="sc-confirm-hint">
            {t('stockCount.confirmHint')}
          </p>
          <div class="actions">
            <button type="submit" disabled={!canConfirm}>
              {t('stockCount.confirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
