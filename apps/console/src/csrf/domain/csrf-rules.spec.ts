import { csrfRefusal, sameSecret, type CsrfInput } from './csrf-rules';

const CONSOLE = 'https://console.titipan.test';
const TOKEN = 'q1w2e3r4t5y6u7i8o9p0';
const request = (over: Partial<CsrfInput>): CsrfInput => ({
  method: 'POST',
  consoleOrigin: CONSOLE,
  origin: CONSOLE,
  sessionToken: TOKEN,
  givenToken: TOKEN,
  ...over,
});
const codeOf = (over: Partial<CsrfInput>) => csrfRefusal(request(over))?.code;

describe('CSRF and origin check', () => {
  it('lets a state-changing request from the console with its token through', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(codeOf({ method })).toBeUndefined();
  });

  it('never checks GET, HEAD or OPTIONS', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(codeOf({ method, origin: 'https://evil.example', givenToken: undefined })).toBeUndefined();
  });

  it('refuses another origin, a look-alike, "null" and no origin at all: ORIGIN_NOT_ALLOWED', () => {
    expect(codeOf({ origin: 'https://evil.example' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(codeOf({ origin: 'https://console.titipan.test.evil.example' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(codeOf({ origin: 'http://console.titipan.test' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(codeOf({ origin: 'null' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(codeOf({ origin: undefined, referer: undefined })).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('reads the Referer when there is no Origin', () => {
    expect(codeOf({ origin: undefined, referer: `${CONSOLE}/stok?x=1` })).toBeUndefined();
    expect(codeOf({ origin: undefined, referer: 'https://evil.example/page' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(codeOf({ origin: undefined, referer: 'not a url' })).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('an Origin that is present decides, whatever the Referer says', () => {
    expect(codeOf({ origin: 'https://evil.example', referer: `${CONSOLE}/` })).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('refuses a missing, empty or wrong token: CSRF_TOKEN_INVALID', () => {
    expect(codeOf({ givenToken: undefined })).toBe('CSRF_TOKEN_INVALID');
    expect(codeOf({ givenToken: '' })).toBe('CSRF_TOKEN_INVALID');
    expect(codeOf({ givenToken: TOKEN.slice(1) })).toBe('CSRF_TOKEN_INVALID');
    expect(codeOf({ givenToken: TOKEN.toUpperCase() })).toBe('CSRF_TOKEN_INVALID');
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
  });
});
