import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** The Kanwil curator's pages. */
export const CURATOR_ROUTES: OfficeRoute[] = [
  { path: '/kurasi', label: 'curation.nav.queue', Page: lazyPage(() => pages().then((m) => m.QueuePage)) },
  { path: '/kurasi/:id', Page: lazyPage(() => pages().then((m) => m.ReviewPage)) },
  { path: '/produk-kanwil', label: 'curation.nav.listed', Page: lazyPage(() => pages().then((m) => m.KanwilProductsPage)) },
];
