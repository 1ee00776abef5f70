import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import {
  actorName,
  AUDIT_SERVICES,
  auditQuery,
  changeSummary,
  emptyFilters,
  filterProblems,
  mergedEntries,
  servicesToFetch,
  startState,
  withError,
  withPage,
  type AuditFilters,
  type AuditPage,
  type AuditService,
  type MergeState,
} from './audit-search';
import { refusalText, TableWrap } from './admin-ui';

/** Entries asked of each service at a time. */
const PAGE = 50;

/** The administrators read times in WIB, the zone the period filter is read in (audit-search.ts). */
const ZONE = 'Asia/Jakarta';

async function fetchPage(service: AuditService, filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  return call<AuditPage>('GET', `/api/${service}/audit-entries?${auditQuery(filters, PAGE, cursor)}`);
}

/** Fetches the next page of each service named, into the state. */
async function fetchInto(state: MergeState, services: readonly AuditService[], filters: AuditFilters): Promise<MergeState> {
  const answers = await Promise.all(
    services.map(async (service) => {
      try {
        return { service, page: await fetchPage(service, filters, state[service].cursor) };
      } catch (error) {
        return { service, error: refusalText(error) };
      }
    }),
  );
  let next = state;
  for (const answer of answers)
    next = answer.page ? withPage(next, answer.service, answer.page) : withError(next, answer.service, answer.error);
  return next;
}

/** The audit trail of catalog, consignment and reporting in one list, newest first, searchable. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters());
  const [searched, setSearched] = useState<AuditFilters>(emptyFilters());
  const [state, setState] = useState<MergeState>();
  const [busy, setBusy] = useState(false);
  const problems = filterProblems(filters);

  const search = async (wanted: AuditFilters) => {
    setBusy(true);
    setSearched(wanted);
    setState(await fetchInto(startState(), AUDIT_SERVICES, wanted));
    setBusy(false);
  };
  const more = async () => {
    if (!state) return;
    setBusy(true);
    setState(await fetchInto(state, servicesToFetch(state), searched));
    setBusy(false);
  };
  useEffect(() => void search(emptyFilters()), []);

  const merged = state && mergedEntries(state);
  const failed = state ? AUDIT_SERVICES.filter((s) => state[s].error) : [];
  const set = (change: Partial<AuditFilters>) => setFilters({ ...filters, ...change });
  const text = (name: keyof AuditFilters, label: string, hint?: string) => (
    <div class="field">
      <label for={`audit-${name}`}>{label}</label>
      <input
        id={`audit-${name}`}
        name={`audit-${name}`}
        value={filters[name]}
        type={name.endsWith('Day') ? 'date' : 'search'}
        aria-describedby={hint ? `audit-${name}-hint` : undefined}
        onInput={(e) => set({ [name]: e.currentTarget.value })}
      />
      {hint && (
        <small class="hint" id={`audit-${name}-hint`}>
          {hint}
        </small>
      )}
    </div>
  );

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <form
        class="admin-form"
        role="search"
        aria-label={t('admin.audit.search')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!problems.length) void search(filters);
        }}
      >
        <div class="row">
          {text('fromDay', t('admin.audit.fromDay'))}
          {text('toDay', t('admin.audit.toDay'), t('admin.audit.periodHint'))}
          {text('person', t('admin.audit.person'), t('admin.audit.personHint'))}
          {text('action', t('admin.audit.action'), t('admin.audit.actionHint'))}
        </div>
        <div class="row">
          {text('subject', t('admin.audit.subject'), t('admin.audit.subjectHint'))}
          {text('text', t('admin.audit.text'))}
          <button type="submit" disabled={busy || problems.length > 0}>
            {t('admin.audit.search')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setFilters(emptyFilters());
              void search(emptyFilters());
            }}
          >
            {t('admin.audit.clear')}
          </button>
        </div>
        {problems.length > 0 && <p class="problem">{t(`admin.audit.problem.${problems[0]}`)}</p>}
      </form>
      {failed.length > 0 && (
        <p role="alert" class="message refused" data-testid="audit-failed">
          {failed.map((s) => t('admin.audit.serviceFailed', { service: t(`admin.service.${s}`), reason: state![s].error })).join(' ')}
        </p>
      )}
      <div role="status" class="hint" data-testid="audit-count">
        {busy ? t('app.loading') : merged && t('admin.audit.count', { count: merged.entries.length })}
      </div>
      {merged && merged.entries.length > 0 && (
        <TableWrap label={t('admin.audit.title')}>
          <table data-testid="audit-table" class="audit">
            <caption class="sr-only">{t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.service')}</th>
                <th scope="col">{t('admin.audit.person')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.subject')}</th>
                <th scope="col">{t('admin.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {merged.entries.map((e) => (
                <tr key={`${e.service}|${e.position}`} data-service={e.service} data-action={e.action} data-at={e.at}>
                  <td class="when">{formatDateTime(e.at, ZONE)}</td>
                  <td>{t(`admin.service.${e.service}`)}</td>
                  <td>{actorName(e.actor)}</td>
                  <td class="sku">{e.action}</td>
                  <td>
                    {e.entity} <span class="sku">{e.entityId}</span>
                  </td>
                  <td class="change">{changeSummary(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {merged?.more && (
        <div class="actions">
          <button type="button" class="secondary" disabled={busy} onClick={() => void more()}>
            {t('admin.audit.more')}
          </button>
        </div>
      )}
    </section>
  );
}
