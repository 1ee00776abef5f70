import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, OfflineError } from '../api';
import { useConsole } from '../console-context';
import { loadTillProducts, type TillProduct } from '../data';
import { formatDateTime, formatNumber, formatRupiah } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import type { LineOutcome } from '../sale-queue';
import { fileHash, inBatches, previewUpload, type Problem, type UploadPreview } from '../sales-upload';
import { kindOf, readRows } from '../upload-reader';

const MONEY = new Set(['unitPrice', 'listPrice', 'lowestUnitPrice']);

/** A problem in words, its money as rupiah. */
function problemText(p: Problem): string {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.values ?? {})) values[k] = typeof v === 'number' && MONEY.has(k) ? formatRupiah(v) : v;
  return t(`upload.problem.${p.code}`, { ...values, defaultValue: p.code });
}

function outcomeText(o: LineOutcome): string {
  if (o.status === 'accepted') return t('upload.accepted');
  if (o.status !== 'refused') return t('upload.duplicate');
  return t('upload.refused', { reason: describeRefusal(o, t) });
}

const keyOf = (o: { receiptNo: string; lineNo: number }) => `${o.receiptNo}|${o.lineNo}`;

export function UploadPage() {
  const { venue } = useConsole();
  const [products, setProducts] = useState<TillProduct[]>();
  const [fileName, setFileName] = useState<string>();
  const [preview, setPreview] = useState<UploadPreview>();
  const [results, setResults] = useState(new Map<string, LineOutcome>());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string>();

  useEffect(() => {
    loadTillProducts(venue).then(setProducts, (e: Error) => setError(t('error.load', { reason: e.message })));
  }, [venue]);

  const pick = async (file: File | undefined) => {
    setPreview(undefined);
    setResults(new Map());
    setSummary(undefined);
    setError(undefined);
    setFileName(file?.name);
    if (!file || !products) return;
    if (!kindOf(file.name)) {
      setError(t('upload.wrongKind'));
      return;
    }
    setBusy(true);
    try {
      const bytes = await file.arrayBuffer();
      const rows = await readRows(file, bytes);
      setPreview(previewUpload(rows, { products, timeZone: venue.timeZone, now: new Date(), fileHash: await fileHash(bytes) }));
    } catch (e) {
      setError(t('upload.unreadable', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!preview) return;
    setBusy(true);
    setSummary(undefined);
    setError(undefined);
    const answered = new Map<string, LineOutcome>();
    try {
      for (const lines of inBatches(preview.lines)) {
        const answer = await call<{ lines: LineOutcome[] }>('POST', '/api/consignment/sales/batches', { lines });
        for (const o of answer.lines) answered.set(keyOf(o), o);
        setResults(new Map(answered));
      }
    } catch (e) {
      if (e instanceof OfflineError) setError(t('upload.offline'));
      else if (e instanceof ApiError) setError(t('upload.failed', { reason: describeRefusal(e, t) }));
      else setError(t('upload.failed', { reason: String(e) }));
    } finally {
      setBusy(false);
    }
    const count = (status: string) => [...answered.values()].filter((o) => o.status === status).length;
    if (answered.size > 0) {
      setSummary(
        t('upload.summary', {
          accepted: formatNumber(count('accepted')),
          duplicate: formatNumber(count('duplicate')),
          refused: formatNumber(count('refused')),
        }),
      );
    }
  };

  const bad = preview ? preview.rows.filter((r) => r.problems.length > 0).length : 0;

  return (
    <section aria-labelledby="upload-title" class="upload">
      <h1 id="upload-title">{t('upload.title')}</h1>
      <p>{t('upload.intro')}</p>
      <p class="hint" id="upload-columns">
        {t('upload.columns')}
      </p>
      <label>
        <span>{t('upload.file')}</span>
        <input
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="upload-columns"
          disabled={!products || busy}
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
          data-testid="upload-file"
        />
      </label>
      {!products && !error && <p>{t('app.loading')}</p>}
      <div role="alert">
        {error && <p class="message refused">{error}</p>}
        {preview?.problems.map((p) => (
          <p key={p.code} class="message refused" data-testid="upload-file-problem">
            {problemText(p)}
          </p>
        ))}
      </div>
      {preview && preview.rows.length > 0 && (
        <>
          <h2>{t('upload.preview', { file: fileName })}</h2>
          <p data-testid="upload-counts">
            {t('upload.counts', {
              rows: formatNumber(preview.rows.length),
              good: formatNumber(preview.lines.length),
              bad: formatNumber(bad),
            })}
            {bad > 0 && ` ${t('upload.badNotSent')}`}
          </p>
          <div class="actions">
            <button type="button" disabled={busy || preview.lines.length === 0} onClick={() => void send()}>
              {t('upload.send', { count: preview.lines.length, n: formatNumber(preview.lines.length) })}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {summary && (
              <p class="message ok" data-testid="upload-summary">
                {summary}
              </p>
            )}
          </div>
          <div class="table-wrap">
            <table data-testid="upload-table">
              <caption class="sr-only">{t('upload.preview', { file: fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t('upload.row')}
                  </th>
                  <th scope="col">{t('upload.check')}</th>
                  <th scope="col">{t('till.product')}</th>
                  <th scope="col" class="num">
                    {t('till.quantity')}
                  </th>
                  <th scope="col">{t('upload.time')}</th>
                  <th scope="col" class="num">
                    {t('till.price')}
                  </th>
                  <th scope="col">{t('upload.receipt')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => {
                  const outcome = r.line && results.get(keyOf(r.line));
                  return (
                    <tr
                      key={r.row}
                      class={r.problems.length ? 'bad' : 'good'}
                      data-row={r.row}
                      data-check={r.problems.length ? 'bad' : 'good'}
                      data-result={outcome?.status}
                    >
                      <td class="num">{r.row}</td>
                      <td>
                        {r.problems.length === 0 ? (
                          <strong class="ok-mark">✓ {t('upload.good')}</strong>
                        ) : (
                          <ul class="problems">
                            {r.problems.map((p) => (
                              <li key={p.code}>✗ {problemText(p)}</li>
                            ))}
                          </ul>
                        )}
                        {(outcome || r.problems.length > 0) && (
                          <div class={outcome?.status === 'refused' ? 'result refused-text' : 'result'}>
                            {t('upload.result')}: {outcome ? outcomeText(outcome) : t('upload.notSent')}
                          </div>
                        )}
                      </td>
                      <td>
                        <span class="sku">{r.sku || '—'}</span>
                        {r.name && <> {r.name}</>}
                      </td>
                      <td class="num">{r.quantity === null ? '—' : formatNumber(r.quantity)}</td>
                      <td>{r.soldAt ? formatDateTime(r.soldAt, venue.timeZone) : '—'}</td>
                      <td class="num money">{r.unitPrice === null ? '—' : formatRupiah(r.unitPrice)}</td>
                      <td class="receipt">
                        {r.receiptNo} #{r.lineNo}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
