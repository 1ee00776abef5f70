/**
 * What the console forwards to the services, and what it lets back: plain rules, so what crosses is written in
 * one place. Cookies never go to a service and the Authorization header is the console's own (the person's
 * access token), never the browser's.
 */
export const CONSOLE_SERVICES = ['catalog', 'consignment', 'reporting'] as const;
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

/** Whether a body may be forwarded: JSON only (the services take nothing else), judged by its content type. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
