import { useState } from 'preact/hooks';
import { call } from '../api';
import { zoneLabel } from '../format';
import { t } from '../i18n';
import { INDONESIAN_TIME_ZONES, VENUE_TYPES } from './admin-fields';
import {
  Field,
  invalidProps,
  loadKanwils,
  loadVenues,
  named,
  Outcome,
  refusalText,
  useLoad,
  useShownProblems,
  TableWrap,
} from './admin-ui';
import { emptyVenue, venueProblems, venueRequest, type VenueForm } from './venue-form';

/** Partner venues (lounges, galleries, booths): consignment's, each with the zone its settlement months are counted in. */
export function VenuesPage() {
  const venues = useLoad(loadVenues);
  const kanwils = useLoad(loadKanwils);
  const kanwil = (code: string) => kanwils.data?.find((k) => k.code === code);
  return (
    <section aria-labelledby="venues-title">
      <h1 id="venues-title">{t('admin.venues.title')}</h1>
      <Outcome error={venues.error ?? kanwils.error} />
      {venues.data && (
        <TableWrap label={t('admin.venues.title')}>
          <table data-testid="venue-table">
            <caption class="sr-only">{t('admin.venues.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.field.code')}</th>
                <th scope="col">{t('admin.field.name')}</th>
                <th scope="col">{t('admin.field.partnerAgency')}</th>
                <th scope="col">{t('admin.field.venueType')}</th>
                <th scope="col">{t('admin.field.kanwil')}</th>
                <th scope="col">{t('admin.field.timeZone')}</th>
              </tr>
            </thead>
            <tbody>
              {venues.data.map((v) => (
                <tr key={v.code} data-code={v.code}>
                  <td class="sku">{v.code}</td>
                  <td>
                    {v.name}
                    {v.collectiveOutlet && <span class="badge">{t('admin.venues.collective')}</span>}
                  </td>
                  <td>{v.partnerAgency}</td>
                  <td>{t(`admin.venueType.${v.type}`)}</td>
                  <td>{named(kanwil(v.kanwilCode), v.kanwilCode)}</td>
                  <td>
                    {zoneLabel(v.timeZone)} <span class="hint">({v.timeZone})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <VenueCreate kanwils={kanwils.data ?? []} onCreated={venues.reload} />
    </section>
  );
}

function VenueCreate(props: { kanwils: { code: string; name: string }[]; onCreated: () => void }) {
  const [form, setForm] = useState<VenueForm>(emptyVenue());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const problems = useShownProblems(venueProblems(form), 'venue-');
  const shown = problems.shown;
  const set = (change: Partial<VenueForm>) => setForm({ ...form, ...change });
  const send = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<{ code: string; name: string }>('POST', '/api/consignment/venues', venueRequest(form));
      setDone(t('admin.venues.created', { name: created.name, code: created.code }));
      setError(undefined);
      setForm(emptyVenue());
      problems.reset();
      props.onCreated();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" aria-labelledby="venue-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="venue-new">{t('admin.venues.new')}</h2>
      <div class="row">
        <Field label={t('admin.field.code')} name="venue-code" problems={shown}>
          <input
            {...invalidProps(shown, 'venue-code')}
            value={form.code}
            placeholder="IMI-KPG"
            onInput={(e) => set({ code: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.name')} name="venue-name" problems={shown}>
          <input
            {...invalidProps(shown, 'venue-name')}
            class="wide"
            value={form.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.partnerAgency')} name="venue-partnerAgency" problems={shown}>
          <input
            {...invalidProps(shown, 'venue-partnerAgency')}
            class="wide"
            value={form.partnerAgency}
            onInput={(e) => set({ partnerAgency: e.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="row">
        <Field label={t('admin.field.venueType')} name="venue-type" problems={shown}>
          <select {...invalidProps(shown, 'venue-type')} value={form.type} onChange={(e) => set({ type: e.currentTarget.value })}>
            {VENUE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.venueType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.field.kanwil')} name="venue-kanwilCode" problems={shown}>
          <select
            {...invalidProps(shown, 'venue-kanwilCode')}
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
        <Field label={t('admin.field.timeZone')} name="venue-timeZone" problems={shown} hint={t('admin.venues.zoneHint')}>
          <select
            {...invalidProps(shown, 'venue-timeZone', true)}
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
        <label class="inline check">
          <input type="checkbox" checked={form.collectiveOutlet} onChange={(e) => set({ collectiveOutlet: e.currentTarget.checked })} />
          <span>{t('admin.venues.collectiveOutlet')}</span>
        </label>
      </div>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('admin.venues.create')}
        </button>
      </div>
      <Outcome done={done} error={error} />
    </form>
  );
}
