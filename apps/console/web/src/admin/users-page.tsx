import { useState } from 'preact/hooks';
import { all, call } from '../api';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { PERSON_ROLES } from './admin-fields';
import {
  Field,
  invalidProps,
  loadKanwils,
  loadUpts,
  loadVenues,
  Outcome,
  refusalText,
  useLoad,
  useShownProblems,
  TableWrap,
} from './admin-ui';
import { emptyUser, scopeKindOf, userProblems, userRequest, withRole, type UserForm } from './user-form';

/** A person's account as catalog answers it (from the identity provider). */
interface Account {
  id: string;
  username: string;
  enabled: boolean;
  role: string | null;
  scope: string | null;
  name: string | null;
  email: string | null;
  createdAt: string;
}

/** A temporary password, shown once: catalog does not keep it and cannot answer it again. */
interface OneTimePassword {
  username: string;
  password: string;
}

/** The organisations a scoped role may be given, by the kind its role names. */
function useScopes() {
  const upts = useLoad(loadUpts);
  const kanwils = useLoad(loadKanwils);
  const venues = useLoad(loadVenues);
  return (role: string): { code: string; name: string }[] => {
    const kind = scopeKindOf(role);
    if (kind === 'upt') return upts.data ?? [];
    if (kind === 'kanwil') return kanwils.data ?? [];
    if (kind === 'venue') return venues.data ?? [];
    return [];
  };
}

/** People and their role and scope, at the identity provider through catalog's user-account endpoints. */
export function UsersPage() {
  const [role, setRole] = useState('');
  const [scope, setScope] = useState('');
  const people = useLoad(() => {
    const query = new URLSearchParams(Object.entries({ role, scope }).filter(([, v]) => v));
    return all<Account>(`/api/catalog/user-accounts${query.size ? `?${query}` : ''}`);
  }, [role, scope]);
  const scopesOf = useScopes();
  const [secret, setSecret] = useState<OneTimePassword>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const act = async (username: string, path: string, message: string) => {
    setBusy(username);
    setDone(undefined);
    setSecret(undefined);
    try {
      const answer = await call<{ initialPassword?: string }>(
        'POST',
        `/api/catalog/user-accounts/${encodeURIComponent(username)}/${path}`,
        path === 'password' ? {} : undefined,
      );
      if (answer.initialPassword) setSecret({ username, password: answer.initialPassword });
      setDone(message);
      setError(undefined);
      people.reload();
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('admin.users.title')}</h1>
      <Outcome done={done} error={error ?? people.error} />
      {secret && <PasswordOnce secret={secret} onHide={() => setSecret(undefined)} />}
      <div class="row filters" role="group" aria-label={t('admin.filters')}>
        <label>
          <span>{t('admin.field.role')}</span>
          <select
            id="filter-role"
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value);
              setScope('');
            }}
          >
            <option value="">{t('admin.all')}</option>
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role && scopeKindOf(role) && (
          <label>
            <span>{t('admin.field.scope')}</span>
            <select id="filter-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
              <option value="">{t('admin.all')}</option>
              {scopesOf(role).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name} ({o.code})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {people.data?.length === 0 && <p>{t('admin.users.none')}</p>}
      {people.data && people.data.length > 0 && (
        <TableWrap label={t('admin.users.title')}>
          <table data-testid="user-table">
            <caption class="sr-only">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.field.username')}</th>
                <th scope="col">{t('admin.field.personName')}</th>
                <th scope="col">{t('admin.field.role')}</th>
                <th scope="col">{t('admin.field.scope')}</th>
                <th scope="col">{t('admin.field.status')}</th>
                <th scope="col">{t('admin.users.since')}</th>
                <th scope="col">
                  <span class="sr-only">{t('admin.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((p) => (
                <tr key={p.username} data-username={p.username} class={p.enabled ? '' : 'disabled'}>
                  <td class="sku">{p.username}</td>
                  <td>{p.name ?? ''}</td>
                  <td>{p.role ? t(`admin.role.${p.role}`) : '—'}</td>
                  <td class="sku">{p.scope ?? '—'}</td>
                  <td>{p.enabled ? t('admin.users.enabled') : t('admin.users.disabled')}</td>
                  <td>{formatDateTime(p.createdAt, 'Asia/Jakarta')}</td>
                  <td class="row-actions">
                    {p.enabled ? (
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy === p.username}
                        onClick={() => void act(p.username, 'disable', t('admin.users.disabledDone', { username: p.username }))}
                      >
                        {t('admin.users.disable', { username: p.username })}
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy === p.username}
                        onClick={() => void act(p.username, 'enable', t('admin.users.enabledDone', { username: p.username }))}
                      >
                        {t('admin.users.enable', { username: p.username })}
                      </button>
                    )}
                    <button
                      type="button"
                      class="secondary"
                      disabled={busy === p.username}
                      onClick={() => void act(p.username, 'password', t('admin.users.resetDone', { username: p.username }))}
                    >
                      {t('admin.users.reset', { username: p.username })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <UserCreate
        scopesOf={scopesOf}
        onCreated={(username, password) => {
          setDone(t('admin.users.created', { username }));
          setError(undefined);
          if (password) setSecret({ username, password });
          people.reload();
        }}
      />
    </section>
  );
}

/** The temporary password, shown this once, to hand to the person; they choose their own at the first sign-in. */
function PasswordOnce(props: { secret: OneTimePassword; onHide: () => void }) {
  return (
    <div class="confirm secret" role="region" aria-labelledby="secret-title" data-testid="one-time-password">
      <h2 id="secret-title">{t('admin.users.secretTitle', { username: props.secret.username })}</h2>
      <p>
        <code class="password">{props.secret.password}</code>
      </p>
      <p>{t('admin.users.secretRule')}</p>
      <button type="button" class="secondary" onClick={props.onHide}>
        {t('admin.users.secretHide')}
      </button>
    </div>
  );
}

function UserCreate(props: {
  scopesOf: (role: string) => { code: string; name: string }[];
  onCreated: (username: string, password?: string) => void;
}) {
  const [form, setForm] = useState<UserForm>(emptyUser());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problems = useShownProblems(userProblems(form), 'user-');
  const shown = problems.shown;
  const set = (change: Partial<UserForm>) => setForm({ ...form, ...change });
  const kind = scopeKindOf(form.role);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!problems.tried()) return;
    setBusy(true);
    try {
      const created = await call<Account & { initialPassword?: string }>('POST', '/api/catalog/user-accounts', userRequest(form));
      setForm(emptyUser());
      setError(undefined);
      problems.reset();
      props.onCreated(created.username, created.initialPassword);
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" aria-labelledby="user-new" onSubmit={(e) => void send(e)} noValidate>
      <h2 id="user-new">{t('admin.users.new')}</h2>
      <p class="hint">{t('admin.users.newRule')}</p>
      <div class="row">
        <Field label={t('admin.field.username')} name="user-username" problems={shown} hint={t('admin.users.usernameHint')}>
          <input
            {...invalidProps(shown, 'user-username', true)}
            autoComplete="off"
            value={form.username}
            onInput={(e) => set({ username: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.personName')} name="user-name" problems={shown}>
          <input
            {...invalidProps(shown, 'user-name')}
            class="wide"
            value={form.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('admin.field.email')} name="user-email" problems={shown}>
          <input
            {...invalidProps(shown, 'user-email')}
            type="email"
            value={form.email}
            onInput={(e) => set({ email: e.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="row">
        <Field label={t('admin.field.role')} name="user-role" problems={shown}>
          <select {...invalidProps(shown, 'user-role')} value={form.role} onChange={(e) => setForm(withRole(form, e.currentTarget.value))}>
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind && (
          <Field label={t(`admin.users.scopeOf.${kind}`)} name="user-scope" problems={shown}>
            <select {...invalidProps(shown, 'user-scope')} value={form.scope} onChange={(e) => set({ scope: e.currentTarget.value })}>
              <option value="">{t('admin.choose')}</option>
              {props.scopesOf(form.role).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name} ({o.code})
                </option>
              ))}
            </select>
          </Field>
        )}
        <button type="submit" disabled={busy}>
          {t('admin.users.create')}
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}
