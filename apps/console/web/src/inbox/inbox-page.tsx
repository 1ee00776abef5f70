import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { inboxChanged, markAllRead, markRead, notices, type Notice } from './inbox-api';

/** The notice in the console's language: its kind's title and text from the locale files, filled from its subject. */
function words(n: Notice): { title: string; body: string } {
  const values = { ...n.subject, reasons: Array.isArray(n.subject.reasons) ? (n.subject.reasons as string[]).join('; ') : '' };
  return { title: t(`inbox.kind.${n.kind}.title`, values), body: t(`inbox.kind.${n.kind}.body`, values) };
}

/** Notifikasi: the person's notices, newest first; opening one marks it read and goes to what it is about. */
export function InboxPage() {
  const [items, setItems] = useState<Notice[]>();
  const [error, setError] = useState<string>();
  const load = () =>
    notices().then(
      (page) => setItems(page.items),
      (e: Error) => setError(e.message),
    );
  useEffect(() => void load(), []);

  const open = async (n: Notice) => {
    if (!n.readAt) await markRead(n.id).catch(() => undefined);
    inboxChanged();
    if (n.link) {
      history.pushState(null, '', n.link);
      dispatchEvent(new PopStateEvent('popstate'));
    } else void load();
  };

  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <p>
        <a href="/notifikasi/preferensi">{t('inbox.preferencesLink')}</a>{' '}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void markAllRead().then(() => {
              inboxChanged();
              return load();
            })
          }
        >
          {t('inbox.readAll')}
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
      {!items && !error && <p class="loading">{t('app.loading')}</p>}
      {items && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul class="notices" data-testid="notices">
          {items.map((n) => {
            const { title, body } = words(n);
            return (
              <li key={n.id} class={n.readAt ? 'read' : 'unread'} data-kind={n.kind}>
                <button type="button" class="notice" onClick={() => void open(n)}>
                  <strong>{title}</strong>
                  {!n.readAt && <span class="badge">{t('inbox.new')}</span>}
                  <span class="body">{body}</span>
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}</time>
                  {n.kind === 'LOT_NEAR_EXPIRY' && n.subject.proposedReturnId ? (
                    <span class="action">{t('inbox.confirmReturn')}</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
