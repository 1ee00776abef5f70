import { timingSafeEqual } from 'node:crypto';
import { firstRefusal, type Rule } from '@titipan/kernel';

/**
 * Whether a request that changes something may go on, as two rules (both must hold): it comes from a page of the
 * console itself (Origin, or Referer when a browser sends no Origin), and it carries the session's CSRF token in
 * `x-csrf-token`, which only the console's own script can read (from /api/session). The SameSite=Lax cookie
 * already keeps most cross-site requests away; these hold for the ones it lets through and for older browsers.
 */
export type CsrfRefusalCode = 'ORIGIN_NOT_ALLOWED' | 'CSRF_TOKEN_INVALID';

export interface CsrfInput {
  method: string;
  /** The console's origin, e.g. https://console.example.go.id */
  consoleOrigin: string;
  origin?: string;
  referer?: string;
  /** The token the session holds. */
  sessionToken: string;
  /** The x-csrf-token header. */
  givenToken?: string;
}

/** Methods that change something; GET, HEAD and OPTIONS must not, so they need no token. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const needsCsrfCheck = (method: string) => STATE_CHANGING_METHODS.has(method.toUpperCase());

const originOf = (value: string | undefined): string | undefined => {
  if (!value || value === 'null') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
};

type CsrfRule = Rule<CsrfInput, CsrfRefusalCode>;

const comesFromTheConsole: CsrfRule = ({ consoleOrigin, origin, referer }) => {
  const from = origin !== undefined ? originOf(origin) : originOf(referer);
  return from === consoleOrigin
    ? undefined
    : {
        code: 'ORIGIN_NOT_ALLOWED',
        message: 'the request does not come from a page of the console',
        details: { origin: origin ?? null, referer: referer === undefined ? null : (originOf(referer) ?? 'unreadable') },
      };
};

const carriesTheSessionToken: CsrfRule = ({ sessionToken, givenToken }) =>
  sameSecret(sessionToken, givenToken)
    ? undefined
    : { code: 'CSRF_TOKEN_INVALID', message: 'x-csrf-token is missing or is not the token of this session (GET /api/session gives it)' };

export const CSRF_RULES: readonly CsrfRule[] = [comesFromTheConsole, carriesTheSessionToken];

/** The refusal of a state-changing request, or nothing when it may go on (and always nothing for GET and the like). */
export function csrfRefusal(input: CsrfInput) {
  return needsCsrfCheck(input.method) ? firstRefusal(CSRF_RULES, input) : undefined;
}

/** Constant-time comparison, so the time taken tells nothing of how much of a guess was right. */
export function sameSecret(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
