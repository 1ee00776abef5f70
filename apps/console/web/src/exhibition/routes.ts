import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** Pameran for an organiser (a Kanwil, the ministry): the exhibitions within scope and the set-up form. */
export const EXHIBITION_ROUTES: OfficeRoute[] = [
  { path: '/pameran', label: 'exhibition.nav', Page: lazyPage(() => pages().then((m) => m.ExhibitionsPage)) },
];

/** Pameran for a UPT: the exhibitions it takes a booth at, and the return of its unsold goods once one ends. */
export const UPT_EXHIBITION_ROUTES: OfficeRoute[] = [
  { path: '/pameran', label: 'exhibition.nav', Page: lazyPage(() => pages().then((m) => m.UptExhibitionsPage)) },
];
