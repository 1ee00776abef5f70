import { useEffect, useState } from 'preact/hooks';
import { all, ApiError, call, OfflineError } from '../api';
import { useConsole } from '../console-context';
import { productNames } from '../data';
import { formatDateTime, formatNumber, formatRupiah } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import {
  checkReturn,
  returnableLines,
  returnRequest,
  returnSlipNo,
  type RecordedReturn,
  type ReturnableLine,
  type ReturnChoice,
  type SoldLine,
} from '../customer-return-form';

interface Found {
  receiptNo: string;
  lines: ReturnableLine[];
}

interface RecordedResult extends RecordedReturn {
  status: 'accepted' | 'duplicate';
  lots: { lotCode: string; bucket: string; quantity: number }[];
}

const EMPTY: ReturnChoice = { quantity: '1', reason: '' };

export function CustomerReturnPage() {
  const { venue } = useConsole();
  const [receiptNo, setReceiptNo] = useState('');
  const [found, setFound] = useState<Found>();
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [choice, setChoice] = useState<ReturnChoice>(EMPTY);
  const [slipNo, setSlipNo] = useState<string>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<RecordedResult>();
  const [busy, setBusy] = useState(false);

  const find = async (no: string) => {
    setError(undefined);
    setFound(undefined);
    try {
      const v = encodeURIComponent(venue.code);
      const [sales, returns, agreements] = await Promise.all([
        all<SoldLine>(`/api/consignment/sales?venue=${v}&receiptNo=${encodeURIComponent(no)}`),
        all<RecordedReturn>(`/api/consignment/sales/returns?venue=${v}`),
        all<{ id: string; uptCode: string }>(`/api/consignment/agreements?venue=${v}`),
      ]);
      if (sales.length === 0) {
        setError(t('customerReturn.notFound', { receiptNo: no }));
        return;
      }
      // names from the UPTs' catalogs (a sale line carries the product id only), before the lines show
      const upts = agreements.filter((a) => sales.some((s) => s.agreementId === a.id)).map((a) => a.uptCode);
      setNames(await productNames(upts));
      const lines = returnableLines(sales, returns);
      setFound({ receiptNo: no, lines });
      const open = lines.filter((l) => l.remaining > 0);
      setChoice({ ...EMPTY, lineNo: open.length === 1 ? open[0].sale.lineNo : undefined });
      setSlipNo(returnSlipNo(no, new Date()));
    } catch (e) {
      setError(t('error.load', { reason: (e as Error).message }));
    }
  };

  useEffect(() => {
    setFound(undefined);
  }, [venue]);

  const check = found && checkReturn(found.lines, choice);
  const canConfirm = !!check && check.problems.length === 0 && !busy;

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!found || !check || !slipNo || !canConfirm) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await call<RecordedResult>('POST', '/api/consignment/sales/returns', returnRequest(slipNo, check, choice));
      setDone(result);
      await find(found.receiptNo);
    } catch (err) {
      const reasonText =
        err instanceof OfflineError ? t('upload.offline') : err instanceof ApiError ? describeRefusal(err, t) : String(err);
      setError(t('customerReturn.refused', { reason: reasonText }));
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (l: ReturnableLine) => {
    const product = names.get(l.sale.productId);
    return product ? `${product.name} (${product.sku})` : l.sale.productId;
  };

  return (
    <section aria-labelledby="cr-title">
      <h1 id="cr-title">{t('customerReturn.title')}</h1>
      <p>{t('customerReturn.intro')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(undefined);
          if (receiptNo.trim()) void find(receiptNo.trim());
        }}
      >
        <label>
          <span>{t('customerReturn.receiptNo')}</span>
          <input name="receiptNo" maxLength={60} required value={receiptNo} onInput={(e) => setReceiptNo(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('customerReturn.find')}</button>
      </form>
      <div role="status">
        {done && (
          <p class="message ok" data-testid="customer-return-done">
            {t(done.status === 'duplicate' ? 'customerReturn.duplicate' : 'customerReturn.done', {
              returnNo: done.returnNo,
              quantity: formatNumber(done.quantity),
              amount: formatRupiah(done.amount),
              where: t(done.resellable ? 'customerReturn.toShelf' : 'customerReturn.toQuarantine'),
            })}
          </p>
        )}
      </div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      {found && check && (
        <form onSubmit={(e) => void confirm(e)} autoComplete="off">
          <h2>{t('customerReturn.lines', { receiptNo: found.receiptNo })}</h2>
          <fieldset class="plain">
            <legend class="sr-only">{t('customerReturn.pickLine')}</legend>
            <div class="table-wrap">
              <table data-testid="customer-return-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('customerReturn.line')}</th>
                    <th scope="col">{t('till.product')}</th>
                    <th scope="col" class="num">
                      {t('customerReturn.sold')}
                    </th>
                    <th scope="col" class="num">
                      {t('customerReturn.returned')}
                    </th>
                    <th scope="col" class="num">
                      {t('customerReturn.unitPrice')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {found.lines.map((l) => (
                    <tr key={l.sale.lineNo} data-line={l.sale.lineNo}>
                      <td>
                        <label class="inline">
                          <input
                            type="radio"
                            name="line"
                            value={String(l.sale.lineNo)}
                            checked={choice.lineNo === l.sale.lineNo}
                            disabled={l.remaining === 0}
                            onChange={() => setChoice((c) => ({ ...c, lineNo: l.sale.lineNo }))}
                          />
                          <span>{t('customerReturn.lineNo', { n: l.sale.lineNo })}</span>
                        </label>
                      </td>
                      <td>
                        {labelOf(l)}
                        <br />
                        <span class="hint">{formatDateTime(l.sale.soldAt, venue.timeZone)}</span>
                      </td>
                      <td class="num">{formatNumber(l.sale.quantity)}</td>
                      <td class="num">{formatNumber(l.returned)}</td>
                      <td class="num money">{formatRupiah(l.sale.unitPrice)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
          <div class="row">
            <label>
              <span>{t('customerReturn.quantity')}</span>
              <input
                name="quantity"
                class="count"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                required
                value={choice.quantity}
                aria-invalid={check.problems.includes('EXCEEDS_SALE') || undefined}
                aria-describedby="cr-quantity-hint"
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setChoice((c) => ({ ...c, quantity: value }));
                }}
              />
            </label>
          </div>
          <p
            class={check.problems.includes('EXCEEDS_SALE') ? 'hint refused-text' : 'hint'}
            id="cr-quantity-hint"
            data-testid="customer-return-check"
          >
            {check.problems.includes('EXCEEDS_SALE') && check.line
              ? t('customerReturn.exceeds', { remaining: formatNumber(check.line.remaining) })
              : check.refund !== null
                ? t('customerReturn.refund', { amount: formatRupiah(check.refund) })
                : ''}
          </p>
          <fieldset class="plain choices">
            <legend>{t('customerReturn.condition')}</legend>
            <label class="inline">
              <input
                type="radio"
                name="condition"
                value="resellable"
                checked={choice.resellable === true}
                onChange={() => setChoice((c) => ({ ...c, resellable: true }))}
              />
              <span>{t('customerReturn.resellable')}</span>
            </label>
            <label class="inline">
              <input
                type="radio"
                name="condition"
                value="damaged"
                checked={choice.resellable === false}
                onChange={() => setChoice((c) => ({ ...c, resellable: false }))}
              />
              <span>{t('customerReturn.damaged')}</span>
            </label>
          </fieldset>
          <label>
            <span>{t('customerReturn.reason')}</span>
            <input
              name="reason"
              maxLength={1000}
              required
              value={choice.reason}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setChoice((c) => ({ ...c, reason: value }));
              }}
            />
          </label>
          <p class="hint">{t('customerReturn.slip', { returnNo: slipNo })}</p>
          <div class="actions">
            <button type="submit" disabled={!canConfirm}>
              {t('customerReturn.confirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
