import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** An exhibition's report, reached from a row of the list (no menu entry of its own): what reporting lets the reader see. */
const REPORT_ROUTE: OfficeRoute = { path: '/pameran/:id', Page: lazyPage(() => pages().then((m) => m.ExhibitionReportPage)) };

/** Pameran for an organiser (a Kanwil, the ministry): the exhibitions within scope, the set-up form, each one's report. */
export const EXHIBITION_ROUTES: OfficeRoute[] = [
  { path: '/pameran', label: 'exhibition.nav', Page: lazyPage(() => pages().then((m) => m.ExhibitionsPage)) },
  REPORT_ROUTE,
];

/** Pameran for a UPT: the exhibitions it takes a booth at, the return of its unsold goods once one ends, its own figures. */
export const UPT_EXHIBITION_ROUTES: OfficeRoute[] = [
  { path: '/pameran', label: 'exhibition.nav', Page: lazyPage(() => pages().then((m) => m.UptExhibitionsPage)) },
  REPORT_ROUTE,
];
