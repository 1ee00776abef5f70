import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError, call, currentSession } from '../api';
import { ConsoleContext } from '../console-context';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { inboxChanged, markAllRead, markRead, notices, type Notice } from './inbox-api';
import { noticeWords } from './notice-words';

/** Office pages show times in WIB; the venue's console in the venue's own zone. */
const OFFICE_ZONE = 'Asia/Jakarta';

/** Notifikasi: the person's notices, newest first; opening one marks it read and goes to what it is about. */
export function InboxPage() {
  const zone = useContext(ConsoleContext)?.venue.timeZone ?? OFFICE_ZONE;
  const [items, setItems] = useState<Notice[]>();
  const [error, setError] = useState<string>();
  /** What the one-action confirmation of a proposed return answered, per notice. */
  const [confirmed, setConfirmed] = useState<Record<string, string>>({});
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

  // the UPT confirms the return consignment proposed for a near-expiry lot, from the notice, in one action
  const confirmReturn = async (n: Notice, proposedReturnId: string) => {
    try {
      await call('POST', `/api/consignment/proposed-returns/${encodeURIComponent(proposedReturnId)}/confirm`);
      setConfirmed((c) => ({ ...c, [n.id]: t('inbox.returnConfirmed') }));
      if (!n.readAt) await markRead(n.id).catch(() => undefined);
      inboxChanged();
      void load();
    } catch (e) {
      const message = e instanceof ApiError ? describeRefusal(e, t) : (e as Error).message;
      setConfirmed((c) => ({ ...c, [n.id]: message }));
    }
  };
  const mayConfirm = currentSession().role === 'upt';

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
            const { title, body } = noticeWords(n.kind, n.subject, t);
            const proposedReturnId = typeof n.subject.proposedReturnId === 'string' ? n.subject.proposedReturnId : null;
            return (
              <li key={n.id} class={n.readAt ? 'read' : 'unread'} data-kind={n.kind}>
                <button type="button" class="notice" onClick={() => void open(n)}>
                  <span class="title">
                    <strong>{title}</strong>
                    {!n.readAt && <span class="badge">{t('inbox.new')}</span>}
                  </span>
                  <span class="body">{body}</span>
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, zone)}</time>
                </button>
                {mayConfirm && proposedReturnId && (
                  <p class="notice-action">
                    {confirmed[n.id] ? (
                      <span role="status">{confirmed[n.id]}</span>
                    ) : (
                      <button type="button" onClick={() => void confirmReturn(n, proposedReturnId)}>
                        {t('inbox.confirmReturn')}
                      </button>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
