import { firstRefusal, refuse, type Rule } from '@titipan/kernel';

/**
 * Where a person goes back to after signing in: a path of the console itself, never another site (an open
 * redirect would let a link of the console's send people, just signed in, to a look-alike page).
 */
export type ReturnToRefusalCode = 'RETURN_TO_NOT_ALLOWED';

const MAX_LENGTH = 2048;
/** Resolved against a base no real request has, so a path that escapes it is plain to see. */
const PROBE_BASE = 'http://console.invalid';

type ReturnToRule = Rule<string, ReturnToRefusalCode>;
const refusal = (returnTo: string, why: string) => ({
  code: 'RETURN_TO_NOT_ALLOWED' as const,
  message: `returnTo must be a path of the console (${why})`,
  details: { returnTo: returnTo.slice(0, 200) },
});

const isShort: ReturnToRule = (r) => (r.length <= MAX_LENGTH ? undefined : refusal(r, `longer than ${MAX_LENGTH} characters`));
const startsWithOneSlash: ReturnToRule = (r) =>
  r.startsWith('/') && !r.startsWith('//') ? undefined : refusal(r, 'it must start with a single /');
// browsers read a backslash as a slash: /\evil.example is //evil.example to them
const hasNoBackslash: ReturnToRule = (r) => (!/\\|%5c/i.test(r) ? undefined : refusal(r, 'no backslash'));
// a tab or line break is dropped by URL parsers, so /\t/evil.example becomes //evil.example
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rule looks for
const hasNoControlCharacter: ReturnToRule = (r) => (!/[\u0000-\u001f\u007f]/.test(r) ? undefined : refusal(r, 'no control characters'));
const staysOnTheConsole: ReturnToRule = (r) =>
  new URL(r, PROBE_BASE).origin === PROBE_BASE ? undefined : refusal(r, 'it leaves the console');

/** The rules in their order: the first that does not hold refuses. */
export const RETURN_TO_RULES: readonly ReturnToRule[] = [
  isShort,
  startsWithOneSlash,
  hasNoBackslash,
  hasNoControlCharacter,
  staysOnTheConsole,
];

/**
 * The path to return to after sign-in: `/` when none is given, the path (with query and fragment) when it is the
 * console's own, otherwise a refusal (400 RETURN_TO_NOT_ALLOWED).
 */
export function returnToPath(raw: unknown): string {
  if (raw === undefined || raw === '') return '/';
  const given = typeof raw === 'string' ? raw : String(Array.isArray(raw) ? raw[0] : raw);
  const refused = firstRefusal(RETURN_TO_RULES, given);
  if (refused) refuse(refused, { RETURN_TO_NOT_ALLOWED: 'validation' });
  const url = new URL(given, PROBE_BASE);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Codes a failed sign-in sends the person back with (`/?signin_error=<code>`), read by the single-page app; besides
 * these, the provider's own OAuth error name (`access_denied`…, see providerErrorCode).
 */
export const SIGN_IN_ERROR_CODES = ['STATE_MISMATCH', 'LOGIN_EXPIRED', 'CODE_EXCHANGE_FAILED', 'PROVIDER_UNAVAILABLE'] as const;

/**
 * The code for an error the provider sent back (`access_denied`, `login_required`…): kept when it is a plain
 * OAuth error name, otherwise `provider_error`; never text the provider wrote, as it ends up in the address bar.
 */
export function providerErrorCode(error: unknown): string {
  return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? error : 'provider_error';
}
