import { useEffect, useState } from 'preact/hooks';
import { all, ApiError, call } from '../api';
import { formatBasisPoints, formatDateTime, formatDay, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import { history, policiesByScope, SHARE_NAMES, sharesOf, type ShareInput, type SplitPolicy } from './policy';

interface Upt {
  code: string;
  name: string;
  kanwilCode: string;
}

const today = () => localDay(new Date(), 'Asia/Jakarta');

/** Every UPT of the directory, for choosing whom a policy or target is for. */
function useUpts(): Upt[] {
  const [upts, setUpts] = useState<Upt[]>([]);
  useEffect(() => {
    all<Upt>('/api/catalog/upts').then(setUpts, () => setUpts([]));
  }, []);
  return upts;
}

function refusalText(error: unknown): string {
  if (error instanceof ApiError) return t('policy.refused', { code: error.code, message: error.message });
  return t('policy.refused', { code: '', message: (error as Error).message });
}

function UptOptions({ upts }: { upts: Upt[] }) {
  return (
    <>
      {upts.map((u) => (
        <option key={u.code} value={u.code}>
          {u.name} ({u.code})
        </option>
      ))}
    </>
  );
}

const emptyShares = (): ShareInput[] => SHARE_NAMES.map((name) => ({ name, percent: '', legalReference: '' }));

/** The ministry's proceeds splits: a new one (national or a UPT's own) with each share's legal reference, and every one so far. */
export function SplitPolicyPage() {
  const upts = useUpts();
  const [policies, setPolicies] = useState<SplitPolicy[]>();
  const [uptCode, setUptCode] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [inputs, setInputs] = useState<ShareInput[]>(emptyShares);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [tried, setTried] = useState(false);

  const load = () =>
    all<SplitPolicy>('/api/reporting/split-policies').then(setPolicies, (e) => setMessage({ ok: false, text: refusalText(e) }));
  useEffect(() => void load(), []);

  const { shares, sum, problems } = sharesOf(inputs);
  const problemOf = (name: string, problem: string) => tried && problems.some((p) => p.name === name && p.problem === problem);
  const set = (i: number, change: Partial<ShareInput>) => setInputs(inputs.map((input, j) => (i === j ? { ...input, ...change } : input)));

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    setMessage(undefined);
    if (problems.length) return;
    try {
      await call('POST', '/api/reporting/split-policies', { ...(uptCode ? { uptCode } : {}), effectiveFrom, shares });
      setMessage({ ok: true, text: t('policy.split.saved', { whom: uptCode || t('policy.national'), from: formatDay(effectiveFrom) }) });
      setInputs(emptyShares());
      setTried(false);
      await load();
    } catch (error) {
      setMessage({ ok: false, text: refusalText(error) });
    }
  };

  return (
    <section aria-labelledby="split-title" class="policy">
      <h1 id="split-title">{t('policy.split.title')}</h1>
      <p>{t('policy.split.intro')}</p>
      <form class="policy-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('policy.split.new')}</h2>
        <div class="fields">
          <label>
            <span>{t('policy.for')}</span>
            <select name="uptCode" value={uptCode} onChange={(e) => setUptCode(e.currentTarget.value)}>
              <option value="">{t('policy.national')}</option>
              <UptOptions upts={upts} />
            </select>
          </label>
          <label>
            <span>{t('policy.effectiveFrom')}</span>
            <input
              type="date"
              name="effectiveFrom"
              required
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            />
          </label>
        </div>
        <table class="shares">
          <caption class="sr-only">{t('policy.split.shares')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.share')}</th>
              <th scope="col">{t('policy.percent')}</th>
              <th scope="col">{t('policy.legalReference')}</th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((input, i) => (
              <tr key={input.name}>
                <th scope="row" id={`share-${input.name}`}>
                  {t(`policy.shareName.${input.name}`)}
                </th>
                <td>
                  <input
                    name={`percent-${input.name}`}
                    inputMode="decimal"
                    class="percent"
                    aria-label={t('policy.percentOf', { share: t(`policy.shareName.${input.name}`) })}
                    aria-invalid={problemOf(input.name, 'percent')}
                    value={input.percent}
                    onInput={(e) => set(i, { percent: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    name={`legal-${input.name}`}
                    aria-label={t('policy.legalReferenceOf', { share: t(`policy.shareName.${input.name}`) })}
                    aria-invalid={problemOf(input.name, 'legalReference')}
                    value={input.legalReference}
                    maxLength={200}
                    onInput={(e) => set(i, { legalReference: e.currentTarget.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('policy.sum')}</th>
              <td class={sum === 10_000 ? 'sum good' : 'sum bad'} data-testid="share-sum">
                {formatBasisPoints(sum)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        {tried && problems.length > 0 && (
          <div role="alert">
            <ul class="problems">
              {problems.map((p, i) => (
                <li key={i}>
                  {p.name
                    ? t(`policy.problem.${p.problem}`, { share: t(`policy.shareName.${p.name}`) })
                    : t('policy.problem.notWhole', { sum: formatBasisPoints(sum) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit">{t('policy.split.save')}</button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={`message ${message.ok ? 'ok' : 'refused'}`}>
          {message.text}
        </p>
      )}

      <h2>{t('policy.history')}</h2>
      {policies?.length === 0 && <p>{t('policy.split.none')}</p>}
      {policies &&
        policiesByScope(policies).map((group) => (
          <section
            key={group.uptCode ?? 'national'}
            class="history"
            aria-label={group.uptCode ?? t('policy.national')}
            data-testid={`split-history-${group.uptCode ?? 'national'}`}
          >
            <h3>{group.uptCode ?? t('policy.national')}</h3>
            <ol class="plain-list">
              {history(group.policies, today()).map(({ entry, inEffect, future }) => (
                <li key={entry.id} class={`revision${inEffect ? ' current' : ''}`} data-effective-from={entry.effectiveFrom}>
                  <p>
                    <strong>{t('policy.from', { day: formatDay(entry.effectiveFrom) })}</strong>{' '}
                    {inEffect && <span class="badge PAID">{t('policy.inEffect')}</span>}
                    {future && <span class="badge PENDING">{t('policy.future')}</span>}
                  </p>
                  <ul>
                    {entry.shares.map((s) => (
                      <li key={s.name}>
                        {t(`policy.shareName.${s.name}`)} {formatBasisPoints(s.basisPoints)} · <cite>{s.legalReference}</cite>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </section>
  );
}

interface TargetRevision {
  amount: number;
  effectiveFrom: string;
  legalReference: string | null;
  setAt: string;
  setBy: string;
}

interface Target {
  uptCode: string;
  year: number;
  amount: number | null;
  effectiveFrom: string | null;
  history: TargetRevision[];
}

/** A UPT's yearly PNBP target: a new amount from a day, and every revision of the year. */
export function PnbpTargetPage() {
  const upts = useUpts();
  const [uptCode, setUptCode] = useState('');
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const [amount, setAmount] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [legalReference, setLegalReference] = useState('');
  const [target, setTarget] = useState<Target | null>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    if (!uptCode && upts.length) setUptCode(upts[0].code);
  }, [upts]);

  useEffect(() => {
    if (!uptCode) return;
    let current = true; // a UPT or year chosen since: its answer, not this one, is shown
    setTarget(undefined);
    call<Target>('GET', `/api/reporting/pnbp-targets/${encodeURIComponent(uptCode)}/${year}`).then(
      (found) => current && setTarget(found),
      (error) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 404) setTarget(null);
        else setMessage({ ok: false, text: refusalText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [uptCode, year]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    const rupiah = Number(amount.replace(/[.\s]/g, ''));
    if (!Number.isSafeInteger(rupiah) || rupiah < 1) {
      setMessage({ ok: false, text: t('policy.target.badAmount') });
      return;
    }
    if (!legalReference.trim()) {
      setMessage({ ok: false, text: t('policy.target.noReference') });
      return;
    }
    try {
      const saved = await call<Target>('PUT', `/api/reporting/pnbp-targets/${encodeURIComponent(uptCode)}/${year}`, {
        amount: rupiah,
        legalReference: legalReference.trim(),
        ...(effectiveFrom ? { effectiveFrom } : {}),
      });
      setTarget(saved);
      setAmount('');
      setLegalReference('');
      setMessage({ ok: true, text: t('policy.target.saved', { upt: uptCode, year, amount: formatRupiah(rupiah) }) });
    } catch (error) {
      setMessage({ ok: false, text: refusalText(error) });
    }
  };

  return (
    <section aria-labelledby="target-title" class="policy">
      <h1 id="target-title">{t('policy.target.title')}</h1>
      <p>{t('policy.target.intro')}</p>
      <form class="policy-form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="fields">
          <label>
            <span>{t('policy.upt')}</span>
            <select name="uptCode" value={uptCode} onChange={(e) => setUptCode(e.currentTarget.value)}>
              <UptOptions upts={upts} />
            </select>
          </label>
          <label>
            <span>{t('policy.year')}</span>
            <input type="number" name="year" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))} />
          </label>
          <label>
            <span>{t('policy.target.amount')}</span>
            <input name="amount" inputMode="numeric" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
          <label class="wide">
            <span>{t('policy.legalReference')}</span>
            <input name="legalReference" maxLength={200} value={legalReference} onInput={(e) => setLegalReference(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('policy.target.effectiveFrom')}</span>
            <input
              type="date"
              name="effectiveFrom"
              value={effectiveFrom}
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            />
          </label>
        </div>
        <button type="submit" disabled={!uptCode}>
          {t('policy.target.save')}
        </button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={`message ${message.ok ? 'ok' : 'refused'}`}>
          {message.text}
        </p>
      )}
      <h2>{t('policy.target.historyOf', { upt: uptCode, year })}</h2>
      {target === null && <p>{t('policy.target.none')}</p>}
      {target && (
        <>
          <p data-testid="target-current">
            {target.amount === null
              ? t('policy.target.notYet')
              : t('policy.target.current', { amount: formatRupiah(target.amount), day: formatDay(target.effectiveFrom!) })}
          </p>
          <div class="table-wrap">
            <table data-testid="target-history">
              <caption class="sr-only">{t('policy.target.historyOf', { upt: uptCode, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('policy.effectiveFrom')}</th>
                  <th scope="col" class="num">
                    {t('policy.target.amount')}
                  </th>
                  <th scope="col">{t('policy.legalReference')}</th>
                  <th scope="col">{t('policy.setAt')}</th>
                  <th scope="col">{t('policy.setBy')}</th>
                  <th scope="col">{t('policy.status')}</th>
                </tr>
              </thead>
              <tbody>
                {history(target.history, today()).map(({ entry, inEffect, future }) => (
                  <tr key={entry.setAt} class={inEffect ? 'current' : undefined} data-effective-from={entry.effectiveFrom}>
                    <td>{formatDay(entry.effectiveFrom)}</td>
                    <td class="num">{formatRupiah(entry.amount)}</td>
                    <td>{entry.legalReference ? <cite>{entry.legalReference}</cite> : '–'}</td>
                    <td>{formatDateTime(entry.setAt, 'Asia/Jakarta')}</td>
                    <td>{entry.setBy}</td>
                    <td>{inEffect ? t('policy.inEffect') : future ? t('policy.future') : t('policy.replaced')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
