import type { OfficeRoute } from '../office/office-route';
import { KanwilProductsPage, QueuePage } from './queue-page';
import { ReviewPage } from './review-page';

/** The Kanwil curator's pages. */
export const CURATOR_ROUTES: OfficeRoute[] = [
  { path: '/kurasi', label: 'curation.nav.queue', Page: QueuePage },
  { path: '/kurasi/:id', Page: ReviewPage },
  { path: '/produk-kanwil', label: 'curation.nav.listed', Page: KanwilProductsPage },
];
