import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { all, call, currentSession } from '../api';
import {
  Field,
  invalidProps,
  loadKanwils,
  named,
  navigate,
  Outcome,
  TableWrap,
  useLoad,
  useShownProblems,
  type Upt,
} from '../admin/admin-ui';
import { INDONESIAN_TIME_ZONES } from '../admin/admin-fields';
import { productNames } from '../data';
import { formatDay, formatNumber, zoneLabel } from '../format';
import { t } from '../i18n';
import { loadExhibitions, loadProposals, phaseOf, refusalText, units, type Exhibition, type ProposedReturn } from './exhibition-data';
import { addDays, emptyExhibition, exhibitionProblems, exhibitionRequest, type ExhibitionForm } from './exhibition-form';

/** `7–9 Des 2026 (WITA)`: an exhibition's days in its own zone. */
const daysOf = (e: Pick<Exhibition, 'first' | 'last' | 'timeZone'>) =>
  `${formatDay(e.first)} – ${formatDay(e.last)} (${zoneLabel(e.timeZone)})`;

/** A link to an exhibition's report (`/pameran/:id`), opened without reloading the console. */
function ReportLink(props: { exhibition: Exhibition; children: ComponentChildren }) {
  const path = `/pameran/${encodeURIComponent(props.exhibition.id)}`;
  return (
    <a
      href={path}
      data-testid="exhibition-report-link"
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {props.children}
    </a>
  );
}

/**
 * Pameran, the organiser's page (a Kanwil for its region, the ministry for any): the exhibitions within scope and
 * the form that sets one up with its UPTs in one action (one agreement per UPT on the shared terms).
 */
export function ExhibitionsPage() {
  const exhibitions = useLoad(loadExhibitions);
  const kanwils = useLoad(loadKanwils);
  const kanwil = (code: string) => kanwils.data?.find((k) => k.code === code);
  return (
    <section aria-labelledby="exhibitions-title">
      <h1 id="exhibitions-title">{t('exhibition.title')}</h1>
      <p>{t('exhibition.intro')}</p>
      <Outcome error={exhibitions.error ?? kanwils.error} />
      {exhibitions.data && exhibitions.data.length === 0 && <p>{t('exhibition.none')}</p>}
      {exhibitions.data && exhibitions.data.length > 0 && (
        <TableWrap label={t('exhibition.listLabel')}>
          <table data-testid="exhibition-table">
            <caption class="sr-only">{t('exhibition.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exhibition.field.name')}</th>
                <th scope="col">{t('exhibition.field.seriesEdition')}</th>
                <th scope="col">{t('exhibition.field.days')}</th>
                <th scope="col">{t('exhibition.field.location')}</th>
                <th scope="col">{t('admin.field.kanwil')}</th>
                <th scope="col">{t('exhibition.field.upts')}</th>
                <th scope="col">{t('admin.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {exhibitions.data.map((e) => (
                <tr key={e.id} data-code={e.code}>
                  <td>
                    <ReportLink exhibition={e}>{e.name}</ReportLink> <span class="hint">({e.code})</span>
                  </td>
                  <td>
                    {e.series} · {e.edition}
                  </td>
                  <td>{daysOf(e)}</td>
                  <td>{e.location}</td>
                  <td>{named(kanwil(e.kanwilCode), e.kanwilCode)}</td>
                  <td>{e.uptCodes.join(', ')}</td>
                  <td>
                    <span class={`badge ${phaseOf(e)}`}>
                      {t(`exhibition.phase.${phaseOf(e)}`, { until: formatDay(addDays(e.last, e.returnWindowDays)) })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ExhibitionCreate kanwils={kanwils.data ?? []} onCreated={exhibitions.reload} />
    </section>
  );
}

function ExhibitionCreate(props: { kanwils: { code: string; name: string }[]; onCreated: () => void }) {
  const session = currentSession();
  const own = session.role === 'kanwil' ? (session.scope ?? '') : '';
  const [form, setForm] = useState<ExhibitionForm>(emptyExhibition(own));
  const [upts, setUpts] = useState<Upt[]>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const problems = useShownProblems(exhibitionProblems(form), 'exhibition-');
  const shown = problems.shown;
  const set = (change: Partial<ExhibitionForm>) => setForm({ ...form, ...change });

  // the UPTs of the exhibition's Kanwil: a Kanwil gathers its own; the ministry those of the Kanwil it names
  useEffect(() => {
    if (!form.kanwilCode) return setUpts([]);
    all<Upt>(`/api/catalog/upts?kanwil=${encodeURIComponent(form.kanwilCode)}`).then(
      (list) => setUpts(list.sort((a, b) => a.code.localeCompare(b.code))),
      (e: Error) => setError(refusalText(e)),
    );
  }, [form.kanwilCode]);

  const toggle = (code: string, on: boolean) => set({ uptCodes: on ? [...form.uptCodes, code] : form.uptCodes.filter((c) => c !== code) });

  const send = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<Exhibition & { agreements: unknown[] }>(
        'POST',
        '/api/consignment/exhibitions',
        exhibitionRequest(form, session.role),
      );
      setDone(t('exhibition.created', { name: created.name, count: created.agreements.length, days: daysOf(created) }));
      setError(undefined);
      setForm(emptyExhibition(own));
      problems.reset();
      props.onCreated();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: keyof ExhibitionForm, label: string, options: { wide?: boolean; placeholder?: string; hint?: string } = {}) => (
    <Field label={label} name={`exhibition-${field}`} problems={shown} hint={options.hint}>
      <input
        {...invalidProps(shown, `exhibition-${field}`, !!options.hint)}
        class={options.wide ? 'wide' : undefined}
        value={form[field] as string}
        placeholder={options.placeholder}
        onInput={(e) => set({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
  const day = (field: 'first' | 'last', label: string) => (
    <Field label={label} name={`exhibition-${field}`} problems={shown}>
      <input
        {...invalidProps(shown, `exhibition-${field}`)}
        type="date"
        value={form[field]}
        onInput={(e) => set({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
  const uptProblem = shown.find((p) => p.field === 'exhibition-uptCodes');

  return (
    <form class="admin-form" aria-labelledby="exhibition-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="exhibition-new">{t('exhibition.new')}</h2>
      <div class="row">
        {text('code', t('exhibition.field.code'), { placeholder: 'PIPAS-BTN-26' })}
        {text('name', t('exhibition.field.name'), { wide: true, placeholder: 'PIPAS Banten 2026' })}
      </div>
      <div class="row">
        {text('series', t('exhibition.field.series'), { wide: true, hint: t('exhibition.seriesHint') })}
        {text('edition', t('exhibition.field.edition'), { placeholder: '2026' })}
        {text('location', t('exhibition.field.location'), { wide: true })}
      </div>
      <div class="row">
        {session.role === 'kanwil' ? (
          <p class="field">
            <span class="label">{t('admin.field.kanwil')}</span>{' '}
            {named(
              props.kanwils.find((k) => k.code === own),
              own,
            )}
          </p>
        ) : (
          <Field label={t('admin.field.kanwil')} name="exhibition-kanwilCode" problems={shown}>
            <select
              {...invalidProps(shown, 'exhibition-kanwilCode')}
              value={form.kanwilCode}
              onChange={(e) => set({ kanwilCode: e.currentTarget.value, uptCodes: [] })}
            >
              <option value="">{t('admin.choose')}</option>
              {props.kanwils.map((k) => (
                <option key={k.code} value={k.code}>
                  {named(k, k.code)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('admin.field.timeZone')} name="exhibition-timeZone" problems={shown} hint={t('exhibition.zoneHint')}>
          <select
            {...invalidProps(shown, 'exhibition-timeZone', true)}
            value={form.timeZone}
            onChange={(e) => set({ timeZone: e.currentTarget.value })}
          >
            {INDONESIAN_TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`admin.zone.${zone.replace('/', '-')}`)}
              </option>
            ))}
          </select>
        </Field>
        {day('first', t('exhibition.field.first'))}
        {day('last', t('exhibition.field.last'))}
        {text('returnWindowDays', t('exhibition.field.returnWindowDays'), { hint: t('exhibition.windowHint') })}
      </div>
      <div class="row">
        {text('commission', t('admin.field.commissionPercent'))}
        {text('maxDiscount', t('admin.field.maxDiscountPercent'))}
      </div>
      <fieldset
        class={`field${uptProblem ? ' invalid' : ''}`}
        aria-describedby={uptProblem ? 'exhibition-uptCodes-problem' : undefined}
        data-testid="exhibition-upts"
      >
        <legend>{t('exhibition.field.upts')}</legend>
        {upts === undefined && <p>{t('app.loading')}</p>}
        {upts?.length === 0 && <p class="hint">{form.kanwilCode ? t('exhibition.noUpts') : t('exhibition.chooseKanwil')}</p>}
        {upts?.map((u, i) => (
          <label key={u.code} class="inline check">
            <input
              type="checkbox"
              id={i === 0 ? 'exhibition-uptCodes' : undefined}
              checked={form.uptCodes.includes(u.code)}
              onChange={(e) => toggle(u.code, e.currentTarget.checked)}
            />
            <span>{named(u, u.code)}</span>
          </label>
        ))}
        {uptProblem && (
          <small class="problem" id="exhibition-uptCodes-problem">
            {t(`admin.problem.${uptProblem.problem}`, uptProblem.values)}
          </small>
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('exhibition.create')}
        </button>
      </div>
      <Outcome done={done} error={error} />
    </form>
  );
}

/**
 * Pameran, the UPT's page: the exhibitions it takes a booth at and, once one has ended, the return of its unsold
 * goods the system proposed, which the exhibition's staff confirm and ship (the UPT then receives it under Retur masuk).
 */
export function UptExhibitionsPage() {
  const exhibitions = useLoad(loadExhibitions);
  const [proposals, setProposals] = useState(new Map<string, ProposedReturn[] | undefined>());
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!exhibitions.data) return;
    void (async () => {
      try {
        const found = new Map<string, ProposedReturn[] | undefined>();
        for (const e of exhibitions.data!)
          if (phaseOf(e) !== 'upcoming' && phaseOf(e) !== 'running') found.set(e.id, await loadProposals(e.id));
        setProposals(found);
        setNames(await productNames([...found.values()].flatMap((list) => (list ?? []).map((p) => p.uptCode))));
      } catch (e) {
        setError(refusalText(e));
      }
    })();
  }, [exhibitions.data]);

  const label = (productId: string) => {
    const p = names.get(productId);
    return p ? `${p.name} (${p.sku})` : productId;
  };

  return (
    <section aria-labelledby="upt-exhibitions-title" class="upt-page">
      <h1 id="upt-exhibitions-title">{t('exhibition.title')}</h1>
      <p>{t('exhibition.uptIntro')}</p>
      <Outcome error={exhibitions.error ?? error} />
      {!exhibitions.data && !exhibitions.error && <p>{t('app.loading')}</p>}
      {exhibitions.data?.length === 0 && <p>{t('exhibition.noneUpt')}</p>}
      {exhibitions.data && exhibitions.data.length > 0 && (
        <ul class="statements" data-testid="upt-exhibitions">
          {exhibitions.data.map((e) => {
            const phase = phaseOf(e);
            const own = proposals.get(e.id);
            return (
              <li key={e.id} class="statement" data-code={e.code}>
                <h2>
                  {e.name}{' '}
                  <span class={`badge ${phase}`}>
                    {t(`exhibition.phase.${phase}`, { until: formatDay(addDays(e.last, e.returnWindowDays)) })}
                  </span>
                </h2>
                <p>
                  {daysOf(e)} · {e.location}
                </p>
                <p>
                  <ReportLink exhibition={e}>{t('exhibition.report.open', { name: e.name })}</ReportLink>
                </p>
                {(phase === 'upcoming' || phase === 'running') && <p class="hint">{t('exhibition.proposalAfterEnd')}</p>}
                {own?.length === 0 && <p>{t('exhibition.nothingToReturn')}</p>}
                {own?.map((p) => (
                  <div key={p.id} data-proposal={p.id} data-status={p.status}>
                    <p>{t(`exhibition.proposal.${p.status}`, { units: formatNumber(units(p)) })}</p>
                    <ul class="plain-list">
                      {p.lines.map((l) => (
                        <li key={`${l.productId}|${l.lotCode}|${l.bucket}`}>
                          {t('exhibition.lotLine', { units: formatNumber(l.quantity), label: label(l.productId), lot: l.lotCode })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
