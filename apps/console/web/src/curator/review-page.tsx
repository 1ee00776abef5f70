import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { formatDay } from '../format';
import { t } from '../i18n';
import { loadAttachments, loadCompliance, loadProduct, loadReviews, productPath } from '../product/product-api';
import { SCORE_NAMES, type Attachment, type Compliance, type Product, type Review } from '../product/product-fields';
import { AttachmentList, CertificateTable, Link, ProductFacts, refusalOf, ReviewHistory, StatusBadge } from '../product/product-views';
import {
  emptyReview,
  failedVerdicts,
  MAX_NOTES,
  reviewBody,
  reviewProblems,
  SCORE_VALUES,
  suspendProblem,
  type Decision,
  type ReviewForm,
} from './review-form';

/**
 * One product as the curator decides on it: its facts and certificates, its photos and certificate scans, and
 * the compliance rules' verdicts today, all before the decision; then the four scores and approve or reject with
 * a reason (a submitted product), suspend with a reason (an approved one) or reinstate (a suspended one).
 */
export function ReviewPage({ param }: { param?: string }) {
  const id = param!;
  const [product, setProduct] = useState<Product>();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [compliance, setCompliance] = useState<Compliance>();
  const [reviews, setReviews] = useState<Review[]>([]);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [p, a, c, r] = await Promise.all([loadProduct(id), loadAttachments(id), loadCompliance(id), loadReviews(id)]);
      setProduct(p);
      setAttachments(a);
      setCompliance(c);
      setReviews(r);
    } catch (e) {
      setError(t('error.load', { reason: refusalOf(e) }));
    }
  };
  useEffect(() => void load(), [id]);

  const act = async (what: string, run: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await run();
      // the product read again before the outcome is told, so what the page shows is already the new state
      await load();
      setDone(t(`curation.done.${what}`));
    } catch (e) {
      setError(t(`curation.refused.${what}`, { reason: refusalOf(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (!product) {
    return (
      <section aria-labelledby="review-title">
        <h1 id="review-title">{t('curation.review.title')}</h1>
        <div role="alert">{error && <p class="message refused">{error}</p>}</div>
        {!error && <p>{t('app.loading')}</p>}
      </section>
    );
  }
  const verdicts = compliance?.verdicts ?? [];
  return (
    <section aria-labelledby="review-title" class="review-page">
      <p>
        <Link href={product.status === 'SUBMITTED' ? '/kurasi' : '/produk-kanwil'}>{t('curation.back')}</Link>
      </p>
      <h1 id="review-title">
        {product.name} <span class="sku">({product.sku})</span> <StatusBadge status={product.status} />
      </h1>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      <div class="review-grid">
        <div>
          <h2>{t('products.details')}</h2>
          <ProductFacts product={product} />
          <h3>{t('products.certificates')}</h3>
          <CertificateTable certificates={product.certificates} />
        </div>
        <div>
          <h2>{t('products.attachment.title')}</h2>
          <AttachmentList attachments={attachments} />
        </div>
      </div>
      <h2>{t('curation.compliance.title')}</h2>
      {compliance && <p class="hint">{t('curation.compliance.checkedOn', { day: formatDay(compliance.checkedOn.slice(0, 10)) })}</p>}
      {verdicts.length === 0 ? (
        <p>{t('curation.compliance.none')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="verdicts">
            <thead>
              <tr>
                <th scope="col">{t('curation.compliance.rule')}</th>
                <th scope="col">{t('curation.compliance.verdict')}</th>
                <th scope="col">{t('curation.compliance.message')}</th>
              </tr>
            </thead>
            <tbody>
              {verdicts.map((v) => (
                <tr key={v.rule} data-rule={v.rule} data-passed={String(v.passed)} class={v.passed ? '' : 'bad'}>
                  <td>
                    {t(`curation.rule.${v.rule}`, { defaultValue: v.rule })}
                    <br />
                    <span class="hint sku">{v.rule}</span>
                  </td>
                  <td>
                    {v.passed ? (
                      <span class="ok-mark">✓ {t('curation.compliance.passed')}</span>
                    ) : (
                      <span class="refused-text">✗ {t('curation.compliance.failed')}</span>
                    )}
                  </td>
                  <td>{v.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {product.status === 'SUBMITTED' && (
        <DecisionForm
          busy={busy}
          failing={failedVerdicts(verdicts).length}
          verdicts={verdicts}
          onSend={(body) =>
            void act(body.decision === 'APPROVE' ? 'approve' : 'reject', () => call('POST', `${productPath(id)}/reviews`, body))
          }
        />
      )}
      {product.status === 'APPROVED' && (
        <SuspendForm busy={busy} onSend={(reason) => void act('suspend', () => call('POST', `${productPath(id)}/suspend`, { reason }))} />
      )}
      {product.status === 'SUSPENDED' && (
        <div class="decision">
          <h2>{t('curation.reinstate.title')}</h2>
          <p class="hint">{t('curation.reinstate.hint')}</p>
          <button type="button" disabled={busy} onClick={() => void act('reinstate', () => call('POST', `${productPath(id)}/reinstate`))}>
            {t('curation.reinstate.button')}
          </button>
        </div>
      )}
      <h2>{t('products.review.title')}</h2>
      <ReviewHistory reviews={reviews} />
    </section>
  );
}

function DecisionForm(props: {
  busy: boolean;
  failing: number;
  verdicts: Compliance['verdicts'];
  onSend: (body: ReturnType<typeof reviewBody>) => void;
}) {
  const [form, setForm] = useState<ReviewForm>(emptyReview());
  const [tried, setTried] = useState(false);
  const problems = reviewProblems(form, props.verdicts);
  const shown = tried ? problems : problems.filter((p) => p === 'FAILS_COMPLIANCE');
  const send = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (problems.length === 0) props.onSend(reviewBody(form));
  };
  const setDecision = (decision: Decision) => setForm((f) => ({ ...f, decision }));
  return (
    <form class="decision" onSubmit={send} noValidate data-testid="decision-form">
      <h2>{t('curation.decision.title')}</h2>
      {props.failing > 0 && <p class="message queued">{t('curation.decision.failing', { count: props.failing })}</p>}
      <div class="scores-grid">
        {SCORE_NAMES.map((name) => (
          <fieldset class="plain choices score" key={name}>
            <legend>{t(`products.score.${name}`)}</legend>
            {SCORE_VALUES.map((value) => (
              <label class="inline" key={value}>
                <input
                  type="radio"
                  name={`score-${name}`}
                  value={value}
                  checked={form.scores[name] === value}
                  onChange={() => setForm((f) => ({ ...f, scores: { ...f.scores, [name]: value } }))}
                />
                <span>
                  {value}
                  <span class="sr-only"> {t('curation.decision.of5')}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <fieldset class="plain choices">
        <legend>{t('curation.decision.choose')}</legend>
        <label class="inline">
          <input
            type="radio"
            name="decision"
            value="APPROVE"
            checked={form.decision === 'APPROVE'}
            onChange={() => setDecision('APPROVE')}
          />
          {t('curation.decision.APPROVE')}
        </label>
        <label class="inline">
          <input type="radio" name="decision" value="REJECT" checked={form.decision === 'REJECT'} onChange={() => setDecision('REJECT')} />
          {t('curation.decision.REJECT')}
        </label>
      </fieldset>
      <div class="field">
        <label for="review-notes">
          {form.decision === 'REJECT' ? t('curation.decision.reasonRequired') : t('curation.decision.notes')}
        </label>
        <textarea
          id="review-notes"
          rows={3}
          maxLength={MAX_NOTES}
          value={form.notes}
          aria-invalid={tried && problems.includes('REASON_REQUIRED') ? true : undefined}
          aria-describedby="review-notes-hint"
          onInput={(e) => {
            const notes = e.currentTarget.value;
            setForm((f) => ({ ...f, notes }));
          }}
        />
        <span class="hint" id="review-notes-hint">
          {t('curation.decision.notesHint')}
        </span>
      </div>
      {shown.length > 0 && (
        <ul class="problems" data-testid="decision-problems">
          {shown.map((p) => (
            <li key={p}>{t(`curation.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" disabled={props.busy}>
          {form.decision === 'REJECT'
            ? t('curation.decision.sendReject')
            : form.decision === 'APPROVE'
              ? t('curation.decision.sendApprove')
              : t('curation.decision.send')}
        </button>
      </div>
    </form>
  );
}

function SuspendForm(props: { busy: boolean; onSend: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = suspendProblem(reason);
  return (
    <form
      class="decision caution"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!problem) props.onSend(reason.trim());
      }}
    >
      <h2>{t('curation.suspend.title')}</h2>
      <p class="hint">{t('curation.suspend.hint')}</p>
      <div class="field">
        <label for="suspend-reason">{t('curation.suspend.reason')}</label>
        <textarea
          id="suspend-reason"
          rows={2}
          value={reason}
          aria-invalid={tried && problem ? true : undefined}
          aria-describedby={tried && problem ? 'suspend-problem' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        {tried && problem && (
          <span class="problems" id="suspend-problem">
            {t(`curation.problem.${problem}`)}
          </span>
        )}
      </div>
      <button type="submit" disabled={props.busy}>
        {t('curation.suspend.button')}
      </button>
    </form>
  );
}
