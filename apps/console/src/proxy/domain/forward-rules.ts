/**
 * What the console forwards to the services, and what it lets back: plain rules, so what crosses is written in
 * one place. Cookies never go to a service and the Authorization header is the console's own (the person's
 * access token), never the browser's.
 */
export const CONSOLE_SERVICES = ['catalog', 'consignment', 'reporting', 'notification'] as const;
export type ConsoleService = (typeof CONSOLE_SERVICES)[number];

export interface ForwardTarget {
  service: ConsoleService;
  /** Path and query at the service, exactly as the browser wrote them (percent-encoding kept). */
  pathAndQuery: string;
}

const PREFIX = /^\/api\/([^/?#]+)(\/[^#]*)$/;

/** The service and path of `/api/<service>/<path>`; undefined when the prefix names no service (404). */
export function forwardTarget(originalUrl: string): ForwardTarget | undefined {
  const match = PREFIX.exec(originalUrl);
  if (!match) return undefined;
  const service = CONSOLE_SERVICES.find((s) => s === match[1]);
  if (!service) return undefined;
  return { service, pathAndQuery: match[2] };
}

/**
 * The service's URL for a target. Built by concatenation, not resolution, so no path (`//evil.example`, `..`)
 * can name another host; undefined if the result would anyway.
 */
export function upstreamUrl(base: string, target: ForwardTarget): string | undefined {
  const url = new URL(`${base}${target.pathAndQuery}`);
  return url.origin === new URL(base).origin ? url.toString() : undefined;
}

/** Request headers passed to the service (lower case); the rest (cookie, authorization, x-csrf-token, host…) stays behind. */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'accept-language',
  'content-type',
  'x-correlation-id',
  'if-none-match',
];

/** Response headers passed back: what the page needs to read the answer, downloads included. */
export const RETURNED_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'content-disposition',
  'x-correlation-id',
  'retry-after',
  'cache-control',
  'etag',
];

export function pickHeaders(headers: Record<string, string | string[] | undefined>, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
    else if (Array.isArray(value) && value.length > 0) picked[name] = value.join(', ');
  }
  return picked;
}

/** Whether a body is JSON, judged by its content type. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The file types a page uploads (product photos and certificate scans), forwarded as they came. */
export const UPLOAD_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** Catalog's attachment upload: `POST /products/<id>/attachments?...`, the one place a file goes. */
const ATTACHMENT_UPLOAD = /^\/products\/[^/?#]+\/attachments(\?[^#]*)?$/;

/** What a request's body is to the console: JSON (to any service), a file upload, or something it does not forward. */
export type BodyKind = 'json' | 'upload';

export interface BodyRequest {
  method: string;
  /** Undefined when the path names no service. */
  target: ForwardTarget | undefined;
  contentType: string | undefined;
}

/**
 * JSON goes to any service; a file (UPLOAD_CONTENT_TYPES) only as a POST to catalog's attachment upload; anything
 * else is not forwarded (undefined).
 */
export function bodyKindOf({ method, target, contentType }: BodyRequest): BodyKind | undefined {
  if (isJsonContentType(contentType)) return 'json';
  const isUpload =
    method === 'POST' &&
    target?.service === 'catalog' &&
    ATTACHMENT_UPLOAD.test(target.pathAndQuery) &&
    UPLOAD_CONTENT_TYPES.includes(mediaType(contentType));
  return isUpload ? 'upload' : undefined;
}

/**
 * The body limit of a request, read before the session is checked: the upload limit only for an upload that
 * carries a session cookie (the guards then check it), so a stranger cannot make the console hold more than a
 * JSON body's worth.
 */
export function bodyLimitOf(request: BodyRequest & { hasSessionCookie: boolean }): 'upload' | 'json' {
  return request.hasSessionCookie && bodyKindOf(request) === 'upload' ? 'upload' : 'json';
}

const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();
