import { useEffect, useState } from 'preact/hooks';
import { all, ApiError, call, OfflineError } from '../api';
import { useConsole } from '../console-context';
import { productNames } from '../data';
import { formatDateTime, formatDay, formatNumber, NO_EXPIRY } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { ProposedReturnsSection } from '../exhibition/proposed-returns';
import { RETURN_REASONS, returnNumber, returnRequests, returnSheet, type ReturnReason, type StockLot } from '../upt-return-form';

interface UptReturnView {
  id: string;
  agreementId: string;
  uptCode: string;
  reason: ReturnReason;
  status: 'SHIPPED' | 'RECEIVED';
  shippedAt: string;
  lines: { productId: string; lotCode: string; bucket: string; quantity: number }[];
}

export function UptReturnPage() {
  const { venue } = useConsole();
  const [lots, setLots] = useState<StockLot[]>();
  const [returns, setReturns] = useState<UptReturnView[]>([]);
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [entered, setEntered] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, ReturnReason>>({});
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<UptReturnView[]>([]);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const v = encodeURIComponent(venue.code);
      const [stock, list] = await Promise.all([
        all<StockLot>(`/api/consignment/stock?venue=${v}`),
        all<UptReturnView>(`/api/consignment/returns?venue=${v}`),
      ]);
      setLots(stock.filter((l) => l.quantity > 0));
      setReturns(list.reverse());
      setEntered({});
      setReasons({});
      setNames(await productNames([...stock.map((l) => l.uptCode), ...list.map((r) => r.uptCode)]));
    } catch (e) {
      setError(t('error.load', { reason: (e as Error).message }));
    }
  };
  // the venue's code, not the object: the cached venue is replaced by the fresh one once it loads, and a second load would clear what the person already typed
  useEffect(() => void load(), [venue.code]);

  const sheet = lots && returnSheet(lots, entered, reasons, new Date(), venue.timeZone);
  const canConfirm = !!sheet?.ready && !busy;
  const labelOf = (productId: string, sku?: string | null) => {
    const product = names.get(productId);
    return product ? `${product.name} (${product.sku})` : (sku ?? productId);
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!sheet || !canConfirm) return;
    setBusy(true);
    setError(undefined);
    setCreated([]);
    const made: UptReturnView[] = [];
    try {
      for (const body of returnRequests(sheet)) made.push(await call<UptReturnView>('POST', '/api/consignment/returns', body));
      setCreated(made);
      await load();
    } catch (err) {
      const reasonText =
        err instanceof OfflineError ? t('upload.offline') : err instanceof ApiError ? describeRefusal(err, t) : String(err);
      setError(t(made.length ? 'uptReturn.partly' : 'uptReturn.refused', { reason: reasonText, recorded: made.length }));
      setCreated(made);
      if (made.length) await load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ur-title">
      <h1 id="ur-title">{t('uptReturn.title')}</h1>
      <p>{t('uptReturn.intro')}</p>
      <div role="status">
        {created.length > 0 && (
          <div class="message ok" data-testid="upt-return-done">
            <p>{t('uptReturn.done', { count: created.length, n: formatNumber(created.length) })}</p>
            <ul>
              {created.map((r) => (
                <li key={r.id}>
                  {t('uptReturn.createdLine', {
                    no: returnNumber(r.id),
                    reason: t(`uptReturn.reason.${r.reason}`),
                    units: formatNumber(r.lines.reduce((s, l) => s + l.quantity, 0)),
                    status: t(`uptReturn.status.${r.status}`),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      <ProposedReturnsSection venueCode={venue.code} onShipped={() => void load()} />
      {!lots && !error && <p>{t('app.loading')}</p>}
      {lots?.length === 0 && <p>{t('uptReturn.none')}</p>}
      {sheet && sheet.lines.length > 0 && (
        <form onSubmit={(e) => void confirm(e)} autoComplete="off">
          <div class="table-wrap">
            <table data-testid="upt-return-table">
              <thead>
                <tr>
                  <th scope="col">{t('till.product')}</th>
                  <th scope="col">{t('nearExpiry.lot')}</th>
                  <th scope="col" class="num">
                    {t('uptReturn.onHand')}
                  </th>
                  <th scope="col" class="num">
                    {t('uptReturn.quantity')}
                  </th>
                  <th scope="col">{t('uptReturn.reasonCol')}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.lines.map((l) => {
                  const label = labelOf(l.lot.productId, l.lot.sku);
                  const quantityId = `ret-${l.key}`;
                  const reasonId = `reason-${l.key}`;
                  const hintId = `hint-${l.key}`;
                  return (
                    <tr
                      key={l.key}
                      data-lot={l.lot.lotCode}
                      data-bucket={l.lot.bucket}
                      class={l.problem ? 'bad' : l.quantity > 0 ? 'variance' : ''}
                    >
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
                        <label class="sr-only" for={quantityId}>
                          {t('uptReturn.quantityOf', { label, lot: l.lot.lotCode })}
                        </label>
                        <input
                          id={quantityId}
                          name={`return-${l.lot.lotCode}-${l.lot.bucket}`}
                          class="count"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          step={1}
                          placeholder="0"
                          value={l.entered}
                          aria-invalid={l.problem ? true : undefined}
                          aria-describedby={l.problem ? hintId : undefined}
                          onInput={(e) => {
                            const value = e.currentTarget.value;
                            setEntered((old) => ({ ...old, [l.key]: value }));
                          }}
                        />
                        {l.problem && (
                          <span class="problems" id={hintId}>
                            {t(`uptReturn.problem.${l.problem}`, { onHand: formatNumber(l.lot.quantity) })}
                          </span>
                        )}
                      </td>
                      <td>
                        <label class="sr-only" for={reasonId}>
                          {t('uptReturn.reasonOf', { label, lot: l.lot.lotCode })}
                        </label>
                        <select
                          id={reasonId}
                          name={`reason-${l.lot.lotCode}-${l.lot.bucket}`}
                          value={l.reason}
                          onChange={(e) => {
                            const value = e.currentTarget.value as ReturnReason;
                            setReasons((old) => ({ ...old, [l.key]: value }));
                          }}
                        >
                          {RETURN_REASONS.map((r) => (
                            <option key={r} value={r}>
                              {t(`uptReturn.reason.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p class="hint" data-testid="upt-return-summary">
            {t('uptReturn.summary', { count: sheet.picked, n: formatNumber(sheet.picked), units: formatNumber(sheet.units) })}
          </p>
          <p class="hint">{t('uptReturn.confirmHint')}</p>
          <div class="actions">
            <button type="submit" disabled={!canConfirm}>
              {t('uptReturn.confirm')}
            </button>
          </div>
        </form>
      )}
      <h2>{t('uptReturn.listTitle')}</h2>
      {returns.length === 0 ? (
        <p>{t('uptReturn.listNone')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="upt-return-list">
            <thead>
              <tr>
                <th scope="col">{t('uptReturn.number')}</th>
                <th scope="col">{t('uptReturn.shippedAt')}</th>
                <th scope="col">{t('uptReturn.reasonCol')}</th>
                <th scope="col">{t('uptReturn.goods')}</th>
                <th scope="col">{t('uptReturn.statusCol')}</th>
              </tr>
            </thead>
            <tbody>
              {returns.map((r) => (
                <tr key={r.id} data-id={r.id}>
                  <td class="sku">{returnNumber(r.id)}</td>
                  <td>{formatDateTime(r.shippedAt, venue.timeZone)}</td>
                  <td>{t(`uptReturn.reason.${r.reason}`)}</td>
                  <td>
                    <ul class="plain-list">
                      {r.lines.map((l) => (
                        <li key={`${l.productId}|${l.lotCode}|${l.bucket}`}>
                          {t('uptReturn.goodsLine', { units: formatNumber(l.quantity), label: labelOf(l.productId), lot: l.lotCode })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span class={`badge ${r.status}`}>{t(`uptReturn.status.${r.status}`)}</span>
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
