import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** Every role's inbox and e-mail preferences (reached from the header's bell, not the menu). */
export const INBOX_ROUTES: OfficeRoute[] = [
  { path: '/notifikasi', Page: lazyPage(() => pages().then((m) => m.InboxPage)) },
  { path: '/notifikasi/preferensi', Page: lazyPage(() => pages().then((m) => m.PreferencesPage)) },
];
