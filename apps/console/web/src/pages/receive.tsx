import { useEffect, useState } from 'preact/hooks';
import { all, ApiError, call } from '../api';
import { useConsole } from '../console-context';
import { productNames } from '../data';
import { formatDateTime, formatDay, formatNumber } from '../format';
import { t } from '../i18n';
import { receiptLineProblems, receiptReady, type ReceiptLineForm } from '../receipt-form';
import { describeRefusal } from '../refusal';

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
  uptCode: string;
  dispatchedAt: string;
  lines: DispatchLine[];
}

const REASONS = ['DAMAGED', 'SHORT', 'EXPIRED', 'WRONG_ITEM'] as const;

export function ReceivePage() {
  const { venue } = useConsole();
  const [dispatches, setDispatches] = useState<Dispatch[]>();
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [open, setOpen] = useState<Dispatch>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const load = async () => {
    try {
      const list = await all<Dispatch>(`/api/consignment/dispatches?status=IN_TRANSIT&venue=${encodeURIComponent(venue.code)}`);
      setDispatches(list);
      setNames(await productNames(list.map((d) => d.uptCode)));
      setError(undefined);
    } catch (e) {
      setError(t('error.load', { reason: (e as Error).message }));
    }
  };
  useEffect(() => void load(), []);

  if (open) {
    return (
      <ReceiptForm
        dispatch={open}
        names={names}
        onBack={() => setOpen(undefined)}
        onDone={() => {
          setDone(t('receive.done', { number: open.number }));
          setOpen(undefined);
          void load();
        }}
      />
    );
  }
  return (
    <section aria-labelledby="receive-title">
      <h1 id="receive-title">{t('receive.title')}</h1>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      <h2>{t('receive.list')}</h2>
      {dispatches?.length === 0 && <p>{t('receive.none')}</p>}
      {dispatches && dispatches.length > 0 && (
        <table data-testid="dispatch-table">
          <thead>
            <tr>
              <th scope="col">{t('receive.number')}</th>
              <th scope="col">{t('receive.upt')}</th>
              <th scope="col">{t('receive.dispatchedAt')}</th>
              <th scope="col" class="num">
                {t('receive.lines')}
              </th>
              <th scope="col">
                <span class="sr-only">{t('receive.open', { number: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dispatches.map((d) => (
              <tr key={d.id}>
                <td>{d.number}</td>
                <td>{d.uptCode}</td>
                <td>{formatDateTime(d.dispatchedAt, venue.timeZone)}</td>
                <td class="num">{d.lines.length}</td>
                <td>
                  <button type="button" onClick={() => setOpen(d)}>
                    {t('receive.open', { number: d.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReceiptForm(props: {
  dispatch: Dispatch;
  names: Map<string, { sku: string; name: string }>;
  onBack: () => void;
  onDone: () => void;
}) {
  const { dispatch, names } = props;
  const [lines, setLines] = useState<ReceiptLineForm[]>(
    dispatch.lines.map((l) => ({ lineNo: l.lineNo, dispatched: l.quantity, accepted: l.quantity, damaged: 0, short: 0, reason: '' })),
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ready = receiptReady(lines);

  const set = (lineNo: number, change: Partial<ReceiptLineForm>) =>
    setLines((old) => old.map((l) => (l.lineNo === lineNo ? { ...l, ...change } : l)));
  const count = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  const send = async (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    try {
      await call('POST', `/api/consignment/dispatches/${dispatch.id}/receipt`, {
        lines: lines.map((l) => ({
          lineNo: l.lineNo,
          accepted: l.accepted,
          damaged: l.damaged,
          short: l.short,
          ...(l.reason ? { reason: t(`receiptReason.${l.reason}`) } : {}),
        })),
      });
      props.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? describeRefusal(err, t) : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="bast-title">
      <h1 id="bast-title">{t('receive.bast', { number: dispatch.number })}</h1>
      <p>{t('receive.rule')}</p>
      <form onSubmit={(event) => void send(event)}>
        {dispatch.lines.map((d) => {
          const l = lines.find((x) => x.lineNo === d.lineNo)!;
          const problems = receiptLineProblems(l);
          const product = names.get(d.productId);
          const id = `line-${d.lineNo}`;
          return (
            <fieldset key={d.lineNo} class="bast-line" data-testid={id} aria-describedby={`${id}-sum`}>
              <legend>
                {d.lineNo}. {product ? `${product.name} (${product.sku})` : d.productId} —{' '}
                {t('receive.lot', { lot: d.lotCode, expiry: formatDay(d.expiryDate) })}
              </legend>
              <div class="row">
                <p>
                  {t('receive.dispatched')}: <strong>{formatNumber(d.quantity)}</strong>
                </p>
                {(['accepted', 'damaged', 'short'] as const).map((field) => (
                  <label key={field}>
                    <span>{t(`receive.${field}`)}</span>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      name={`${id}-${field}`}
                      value={Number.isNaN(l[field]) ? '' : l[field]}
                      onInput={(e) => set(d.lineNo, { [field]: count(e.currentTarget.value) })}
                    />
                  </label>
                ))}
                <label>
                  <span>{t('receive.reason')}</span>
                  <select name={`${id}-reason`} value={l.reason} onChange={(e) => set(d.lineNo, { reason: e.currentTarget.value })}>
                    <option value="">{t('receive.reasonNone')}</option>
                    {REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`receiptReason.${r}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p id={`${id}-sum`} class={`sum ${problems.length ? 'bad' : 'good'}`}>
                {problems.includes('NOT_A_COUNT')
                  ? t('receive.notACount')
                  : `${t('receive.sum', { accepted: l.accepted, damaged: l.damaged, short: l.short, sum: l.accepted + l.damaged + l.short, dispatched: l.dispatched })} · ${
                      problems.includes('UNBALANCED') ? t('receive.unbalanced') : t('receive.balanced')
                    }${problems.includes('REASON_REQUIRED') ? ` · ${t('receive.needsReason')}` : ''}`}
              </p>
            </fieldset>
          );
        })}
        {error && (
          <p role="alert" class="message refused">
            {error}
          </p>
        )}
        {!ready && <p class="hint">{t('receive.sendDisabled')}</p>}
        <div class="actions">
          <button type="submit" disabled={!ready || busy}>
            {t('receive.send')}
          </button>
          <button type="button" class="secondary" onClick={props.onBack}>
            {t('receive.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
