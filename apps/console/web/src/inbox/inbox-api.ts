import { call } from '../api';

/** A notice as the notification service answers it (GET /notifications). */
export interface Notice {
  id: string;
  kind: string;
  subject: Record<string, unknown>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  /** The service's own Indonesian wording; the page words it from its locale files by kind. */
  title: string;
  body: string;
}

const BASE = '/api/notification';

/** The bell asks on every page: a refusal there must not send the person to sign in (the page's own calls do). */
export const unreadCount = () => call<{ unread: number }>('GET', `${BASE}/notifications/unread-count`, undefined, { redirectOn401: false });
export const notices = () => call<{ items: Notice[]; total: number }>('GET', `${BASE}/notifications?limit=100`);
export const markRead = (id: string) => call<Notice>('POST', `${BASE}/notifications/${encodeURIComponent(id)}/read`);
export const markAllRead = () => call<{ marked: number }>('POST', `${BASE}/notifications/read-all`);
export const preferences = () => call<{ kinds: { kind: string; email: boolean }[] }>('GET', `${BASE}/notification-preferences`);
export const savePreferences = (kinds: { kind: string; email: boolean }[]) =>
  call<{ kinds: { kind: string; email: boolean }[] }>('PUT', `${BASE}/notification-preferences`, { kinds });

/** Someone opened the inbox or read a notice: the bell asks again at once. */
export const INBOX_CHANGED = 'titipan:inbox-changed';
export const inboxChanged = () => dispatchEvent(new Event(INBOX_CHANGED));
