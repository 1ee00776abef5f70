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
      {/* drawn, not an emoji: a browser without an emoji font shows an empty box */}
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread ? <span class="count">{unread}</span> : null}
    </a>
  );
}
