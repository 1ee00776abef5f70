import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from '../console-context';
import { cached, loadTillProducts, searchProducts, type TillProduct } from '../data';
import { formatBasisPoints, formatDateTime, formatDay, formatNumber, formatRupiah, NO_EXPIRY } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { nextReceiptNo, randomDeviceId, type LineOutcome, type SentLine } from '../sale-queue';

const DISCOUNT_REASONS = ['PROMO', 'NEAR_EXPIRY', 'DAMAGED_PACKAGING', 'BULK'] as const;

type Message = { kind: 'ok' | 'queued' | 'refused'; text: string };

const labelOf = (p: TillProduct) => `${p.name} (${p.sku})`;

function outcomeText(outcome: LineOutcome): string {
  if (outcome.status === 'accepted') return t('till.lineAccepted');
  if (outcome.status === 'duplicate') return t('till.lineDuplicate');
  if (outcome.status !== 'refused') return '';
  return t('till.lineRefused', { reason: describeRefusal(outcome, t) });
}

export function TillPage() {
  const app = useConsole();
  const { venue } = app;
  const [products, setProducts] = useState<TillProduct[]>(cached<TillProduct[]>('till', venue.code) ?? []);
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const [pending, setPending] = useState<Map<string, number>>(new Map());
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<TillProduct>();
  const [quantity, setQuantity] = useState('1');
  const [discountPrice, setDiscountPrice] = useState('');
  const [discountReason, setDiscountReason] = useState('');
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const qty = useRef<HTMLInputElement>(null);
  const lateResults = useRef<SentLine[]>([]);

  /** Stock from the service, less what this device sold but has not sent yet. */
  const refresh = useCallback(async () => {
    const waiting = (await app.storage.list()).filter((s) => s.venueCode === venue.code);
    const byProduct = new Map<string, number>();
    for (const s of waiting) byProduct.set(s.line.productId, (byProduct.get(s.line.productId) ?? 0) + s.line.quantity);
    setPending(byProduct);
    try {
      setProducts(await loadTillProducts(venue));
      setUpdatedAt(new Date());
    } catch {
      app.noteOffline();
    }
  }, [app.storage, venue]);

  useEffect(() => {
    void refresh();
    search.current?.focus();
  }, [refresh]);
  useEffect(() => {
    void refresh();
  }, [app.waiting]);

  const matches = picked ? [] : searchProducts(products, text).slice(0, 8);
  const sellableOf = (p: TillProduct) => Math.max(0, p.sellable - (pending.get(p.productId) ?? 0));

  const pick = (p: TillProduct) => {
    setPicked(p);
    setText(labelOf(p));
    setQuantity('1');
    setDiscountPrice('');
    setDiscountReason('');
    setTimeout(() => qty.current?.select(), 0);
  };

  const clear = () => {
    setPicked(undefined);
    setText('');
    setQuantity('1');
    setDiscountPrice('');
    setDiscountReason('');
    setTimeout(() => search.current?.focus(), 0);
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const q = (e.currentTarget as HTMLInputElement).value;
    const hit = searchProducts(products, q)[0];
    if (hit) pick(hit);
    else setMessage({ kind: 'refused', text: t('till.noMatch') });
  };

  const record = async (e: Event) => {
    e.preventDefault();
    if (!picked) {
      setMessage({ kind: 'refused', text: t('till.pickFirst') });
      return;
    }
    const n = Number(quantity);
    if (!Number.isInteger(n) || n < 1) return;
    setBusy(true);
    try {
      const receiptNo = await nextReceiptNo(app.storage, venue.code, randomDeviceId);
      const unitPrice = discountPrice ? Number(discountPrice) : undefined;
      const line = {
        receiptNo,
        lineNo: 1,
        productId: picked.productId,
        quantity: n,
        soldAt: new Date().toISOString(),
        ...(unitPrice !== undefined ? { unitPrice } : {}),
        ...(discountReason ? { discountReason } : {}),
      };
      const label = labelOf(picked);
      await app.queue.enqueue(line, label);
      const result = await app.flush();
      const mine = result.sent.find((s) => s.sale.line.receiptNo === receiptNo);
      const others = result.sent.filter((s) => s !== mine);
      if (others.length) lateResults.current = [...others, ...lateResults.current];
      if (!mine) {
        setMessage({ kind: 'queued', text: t('till.queued', { label, quantity: formatNumber(n), receiptNo }) });
      } else if (mine.outcome.status === 'refused') {
        const refused = mine.outcome;
        setMessage({ kind: 'refused', text: t('till.refused', { reason: describeRefusal(refused, t) }) });
      } else {
        const amount = mine.outcome.amount ?? (unitPrice ?? picked.listPrice ?? 0) * n;
        setMessage({
          kind: 'ok',
          text: t(mine.outcome.status === 'duplicate' ? 'till.duplicate' : 'till.recorded', {
            label,
            quantity: formatNumber(n),
            amount: formatRupiah(amount),
            receiptNo,
          }),
        });
      }
      clear();
    } finally {
      setBusy(false);
    }
    // in the background: the next scan must not wait for the stock list (a disabled submit would swallow its Enter)
    void refresh();
  };
  const late = [...lateResults.current, ...app.lateResults];

  const list = picked?.listPrice ?? null;
  const lowest = list !== null && picked ? Math.max(1, Math.ceil((list * (10_000 - picked.maxDiscountBp)) / 10_000)) : null;
  const n = Number(quantity) || 0;
  const total = list !== null ? (discountPrice ? Number(discountPrice) : list) * n : null;

  return (
    <div class="till">
      <section class="till-form" aria-labelledby="till-title">
        <h1 id="till-title">{t('till.title')}</h1>
        <form onSubmit={(event) => void record(event)} autoComplete="off">
          <label for="till-search">{t('till.search')}</label>
          <input
            id="till-search"
            ref={search}
            type="search"
            value={text}
            aria-describedby="till-hint"
            aria-controls={text && !picked ? 'till-matches' : undefined}
            onInput={(e) => {
              setPicked(undefined);
              setText(e.currentTarget.value);
            }}
            onKeyDown={onSearchKey}
          />
          <p id="till-hint" class="hint">
            {t('till.searchHint')}
          </p>
          {text && !picked && (
            <div id="till-matches">
              <h2 class="sr-only">{t('till.results')}</h2>
              {matches.length === 0 ? (
                <p>{t('till.noMatch')}</p>
              ) : (
                <ul class="matches">
                  {matches.map((p) => (
                    <li key={p.productId}>
                      <button type="button" class="match" onClick={() => pick(p)}>
                        <span class="sku">{p.sku}</span> {p.name} ·{' '}
                        {p.listPrice !== null ? formatRupiah(p.listPrice) : t('till.unknownPrice')} · {t('till.sellable')}{' '}
                        {formatNumber(sellableOf(p))}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {picked && (
            <div class="picked" data-testid="picked">
              <p>
                <strong>{t('till.picked')}:</strong> {labelOf(picked)} · {t('till.listPrice')}{' '}
                <span class="money">{list !== null ? formatRupiah(list) : t('till.unknownPrice')}</span> · {t('till.sellable')}{' '}
                {formatNumber(sellableOf(picked))}
              </p>
            </div>
          )}
          <div class="row">
            <label>
              <span>{t('till.quantity')}</span>
              <input
                id="till-quantity"
                ref={qty}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                required
                value={quantity}
                onInput={(e) => setQuantity(e.currentTarget.value)}
              />
            </label>
            <label>
              <span>{t('till.discount')}</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={discountPrice}
                onInput={(e) => setDiscountPrice(e.currentTarget.value)}
                aria-describedby={picked && picked.maxDiscountBp > 0 ? 'till-limit' : undefined}
              />
            </label>
            <label>
              <span>{t('till.discountReason')}</span>
              <select value={discountReason} onChange={(e) => setDiscountReason(e.currentTarget.value)}>
                <option value="">{t('till.discountReasonNone')}</option>
                {DISCOUNT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`discountReason.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {picked && lowest !== null && picked.maxDiscountBp > 0 && (
            <p id="till-limit" class="hint">
              {t('till.discountLimit', { limit: formatBasisPoints(picked.maxDiscountBp), lowest: formatRupiah(lowest) })}
            </p>
          )}
          {total !== null && picked && (
            <p class="total">
              {t('till.total')}: <span class="money">{formatRupiah(total)}</span>
            </p>
          )}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('till.record')}
            </button>
            <button type="button" class="secondary" onClick={clear}>
              {t('till.clear')}
            </button>
          </div>
        </form>
        <div class="messages">
          <div role="status" aria-live="polite">
            {message && message.kind !== 'refused' && (
              <p class={`message ${message.kind}`} data-testid="till-message" data-kind={message.kind}>
                {message.text}
              </p>
            )}
          </div>
          <div role="alert">
            {message?.kind === 'refused' && (
              <p class="message refused" data-testid="till-message" data-kind="refused">
                {message.text}
              </p>
            )}
          </div>
        </div>
        {late.length > 0 && (
          <section aria-labelledby="late-title" class="late">
            <h2 id="late-title">{t('till.sentResults')}</h2>
            <ul data-testid="late-results">
              {late.slice(0, 20).map((s) => (
                <li key={`${s.sale.line.receiptNo}|${s.sale.line.lineNo}`} data-status={s.outcome.status}>
                  {s.sale.line.receiptNo} · {s.sale.label} × {formatNumber(s.sale.line.quantity)}: {outcomeText(s.outcome)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <section class="stock" aria-labelledby="stock-title">
        <h2 id="stock-title">{t('till.stock')}</h2>
        {updatedAt && <p class="hint">{t('till.stockUpdated', { at: formatDateTime(updatedAt, venue.timeZone) })}</p>}
        {products.length === 0 ? (
          <p>{t('till.noStock')}</p>
        ) : (
          <table data-testid="stock-table">
            <thead>
              <tr>
                <th scope="col">{t('till.sku')}</th>
                <th scope="col">{t('till.product')}</th>
                <th scope="col" class="num">
                  {t('till.price')}
                </th>
                <th scope="col" class="num">
                  {t('till.sellable')}
                </th>
                <th scope="col">{t('till.expiry')}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.productId} data-sku={p.sku}>
                  <td class="sku">{p.sku}</td>
                  <td>{p.name}</td>
                  <td class="num money">{p.listPrice !== null ? formatRupiah(p.listPrice) : '—'}</td>
                  <td class="num" data-testid="sellable">
                    {formatNumber(sellableOf(p))}
                  </td>
                  <td>{p.earliestExpiry && p.earliestExpiry !== NO_EXPIRY ? formatDay(p.earliestExpiry) : t('till.noExpiry')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
