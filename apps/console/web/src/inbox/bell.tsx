import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { INBOX_CHANGED, unreadCount } from './inbox-api';

const POLL_MS = 60_000;

/** The header's bell: the signed-in person's unread notices, linking to the inbox (every role has one). */
export function Bell({ go }: { go: (path: string) => void }) {
  const [unread, setUnread] = useState<number>();
  useEffect(() => {
    const load = () => {
      unreadCount().then(
        (r) => setUnread(r.unread),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    addEventListener(INBOX_CHANGED, load);
    return () => {
      clearInterval(timer);
      removeEventListener(INBOX_CHANGED, load);
    };
  }, []);
  const label = unread ? t('inbox.bell', { count: unread }) : t('inbox.bellNone');
  return (
    <a
      class="bell"
      href="/notifikasi"
      data-testid="bell"
      data-unread={unread ?? 0}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.preventDefault();
        go('/notifikasi');
      }}
    >
      <span aria-hidden="true">🔔</span>
      {unread ? <span class="count">{unread}</span> : null}
    </a>
  );
}
