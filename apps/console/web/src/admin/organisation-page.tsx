import { useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n';
import { UPT_CLASSES, UPT_TYPES } from './admin-fields';
import { Field, invalidProps, loadKanwils, loadUpts, named, Outcome, refusalText, useLoad, useShownProblems, TableWrap } from './admin-ui';
import {
  emptyKanwil,
  emptyUpt,
  kanwilProblems,
  kanwilRequest,
  uptProblems,
  uptRequest,
  type KanwilForm,
  type UptForm,
} from './organisation-form';

/** The Kanwil and the UPTs under them: catalog's master data, announced to the other services on catalog.events. */
export function OrganisationPage() {
  const kanwils = useLoad(loadKanwils);
  const upts = useLoad(loadUpts);
  const [kanwilFilter, setKanwilFilter] = useState('');
  const kanwilName = (code: string) => kanwils.data?.find((k) => k.code === code);
  const shownUpts = (upts.data ?? []).filter((u) => !kanwilFilter || u.kanwilCode === kanwilFilter);

  return (
    <>
      <section aria-labelledby="kanwil-title">
        <h1 id="kanwil-title">{t('admin.org.kanwilTitle')}</h1>
        <Outcome error={kanwils.error} />
        {kanwils.data && (
          <TableWrap label={t('admin.org.kanwilTitle')}>
            <table data-testid="kanwil-table">
              <caption class="sr-only">{t('admin.org.kanwilTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.field.code')}</th>
                  <th scope="col">{t('admin.field.name')}</th>
                  <th scope="col" class="num">
                    {t('admin.org.uptCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {kanwils.data.map((k) => (
                  <tr key={k.code}>
                    <td class="sku">{k.code}</td>
                    <td>{k.name}</td>
                    <td class="num">{(upts.data ?? []).filter((u) => u.kanwilCode === k.code).length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <KanwilCreate onCreated={kanwils.reload} />
      </section>
      <section aria-labelledby="upt-title">
        <h1 id="upt-title">{t('admin.org.uptTitle')}</h1>
        <Outcome error={upts.error} />
        <label class="inline">
          <span>{t('admin.org.filterKanwil')}</span>
          <select id="filter-kanwil" value={kanwilFilter} onChange={(e) => setKanwilFilter(e.currentTarget.value)}>
            <option value="">{t('admin.all')}</option>
            {kanwils.data?.map((k) => (
              <option key={k.code} value={k.code}>
                {named(k, k.code)}
              </option>
            ))}
          </select>
        </label>
        {upts.data && (
          <TableWrap label={t('admin.org.uptTitle')}>
            <table data-testid="upt-table">
              <caption class="sr-only">{t('admin.org.uptTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.field.code')}</th>
                  <th scope="col">{t('admin.field.name')}</th>
                  <th scope="col">{t('admin.field.uptType')}</th>
                  <th scope="col">{t('admin.field.kanwil')}</th>
                  <th scope="col">{t('admin.field.satkerCode')}</th>
                </tr>
              </thead>
              <tbody>
                {shownUpts.map((u) => (
                  <tr key={u.code}>
                    <td class="sku">{u.code}</td>
                    <td>{u.name}</td>
                    <td>
                      {u.type} {t('admin.org.class', { class: u.class })}
                    </td>
                    <td>{named(kanwilName(u.kanwilCode), u.kanwilCode)}</td>
                    <td class="sku">{u.satkerCode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <UptCreate kanwils={kanwils.data ?? []} onCreated={upts.reload} />
      </section>
    </>
  );
}

function KanwilCreate(props: { onCreated: () => void }) {
  const [form, setForm] = useState<KanwilForm>(emptyKanwil());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const problems = useShownProblems(kanwilProblems(form), 'kanwil-');
  const shown = problems.shown;
  const send = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<{ code: string; name: string }>('POST', '/api/catalog/kanwils', kanwilRequest(form));
      setDone(t('admin.org.kanwilCreated', { name: created.name, code: created.code }));
      setError(undefined);
      setForm(emptyKanwil());
      problems.reset();
      props.onCreated();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" aria-labelledby="kanwil-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="kanwil-new">{t('admin.org.kanwilNew')}</h2>
      <div class="row">
        <Field label={t('admin.field.code')} name="kanwil-code" problems={shown}>
          <input
            {...invalidProps(shown, 'kanwil-code')}
            value={form.code}
            placeholder="KW-NTT"
            onInput={(e) => setForm({ ...form, code: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.name')} name="kanwil-name" problems={shown}>
          <input
            {...invalidProps(shown, 'kanwil-name')}
            class="wide"
            value={form.name}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {t('admin.org.kanwilCreate')}
        </button>
      </div>
      <Outcome done={done} error={error} />
    </form>
  );
}

function UptCreate(props: { kanwils: { code: string; name: string }[]; onCreated: () => void }) {
  const [form, setForm] = useState<UptForm>(emptyUpt());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const problems = useShownProblems(uptProblems(form), 'upt-');
  const shown = problems.shown;
  const set = (change: Partial<UptForm>) => setForm({ ...form, ...change });
  const send = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<{ code: string; name: string }>('POST', '/api/catalog/upts', uptRequest(form));
      setDone(t('admin.org.uptCreated', { name: created.name, code: created.code }));
      setError(undefined);
      setForm(emptyUpt(form.kanwilCode));
      problems.reset();
      props.onCreated();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" aria-labelledby="upt-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="upt-new">{t('admin.org.uptNew')}</h2>
      <div class="row">
        <Field label={t('admin.field.kanwil')} name="upt-kanwilCode" problems={shown}>
          <select
            {...invalidProps(shown, 'upt-kanwilCode')}
            value={form.kanwilCode}
            onChange={(e) => set({ kanwilCode: e.currentTarget.value })}
          >
            <option value="">{t('admin.choose')}</option>
            {props.kanwils.map((k) => (
              <option key={k.code} value={k.code}>
                {named(k, k.code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.field.code')} name="upt-code" problems={shown}>
          <input
            {...invalidProps(shown, 'upt-code')}
            value={form.code}
            placeholder="LP-KPG"
            onInput={(e) => set({ code: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.name')} name="upt-name" problems={shown}>
          <input
            {...invalidProps(shown, 'upt-name')}
            class="wide"
            value={form.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="row">
        <Field label={t('admin.field.uptType')} name="upt-type" problems={shown}>
          <select {...invalidProps(shown, 'upt-type')} value={form.type} onChange={(e) => set({ type: e.currentTarget.value })}>
            {UPT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.uptType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.field.uptClass')} name="upt-class" problems={shown}>
          <select {...invalidProps(shown, 'upt-class')} value={form.class} onChange={(e) => set({ class: e.currentTarget.value })}>
            {UPT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t('admin.org.class', { class: c })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.field.satkerCode')} name="upt-satkerCode" problems={shown} hint={t('admin.org.satkerHint')}>
          <input
            {...invalidProps(shown, 'upt-satkerCode', true)}
            inputMode="numeric"
            value={form.satkerCode}
            onInput={(e) => set({ satkerCode: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {t('admin.org.uptCreate')}
        </button>
      </div>
      <Outcome done={done} error={error} />
    </form>
  );
}
