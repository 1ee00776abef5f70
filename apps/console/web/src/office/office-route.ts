import type { FunctionComponent } from 'preact';

/**
 * One page of the office console (every role but the venue's). `path` is the page's address; a path ending in
 * `/:id` also matches that path with one more segment, handed to the page as `param`.
 */
export interface OfficeRoute {
  path: string;
  /** i18n key of the menu entry; a route without one is reachable by link only (a document opened by its QR code). */
  label?: string;
  Page: FunctionComponent<{ param?: string }>;
}

/** The route a path opens, and the segment after a `/:id` route's base. */
export function matchRoute(routes: readonly OfficeRoute[], path: string): { route: OfficeRoute; param?: string } | undefined {
  for (const route of routes) {
    if (!route.path.endsWith('/:id')) {
      if (route.path === path) return { route };
      continue;
    }
    const base = route.path.slice(0, -'/:id'.length);
    if (path.startsWith(`${base}/`)) {
      const param = decodeURIComponent(path.slice(base.length + 1));
      if (param && !param.includes('/')) return { route, param };
    }
  }
  return undefined;
}
