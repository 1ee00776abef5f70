import { DomainError } from '@titipan/kernel';
import { providerErrorCode, returnToPath } from './return-to';

const refusedCode = (raw: unknown) => {
  try {
    returnToPath(raw);
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('returnTo after sign-in', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/stok?venue=IMI-TGR-LOUNGE', '/stok?venue=IMI-TGR-LOUNGE'],
    ['/laporan/2026-11#ringkasan', '/laporan/2026-11#ringkasan'],
    ['/a/../b', '/b'],
  ])('keeps the console path %p as %p', (raw, expected) => expect(returnToPath(raw)).toBe(expected));

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '/%5Cevil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/' + 'a'.repeat(3000),
    '///evil.example',
  ])('refuses %p (open redirect) with RETURN_TO_NOT_ALLOWED', (raw) => expect(refusedCode(raw)).toBe('RETURN_TO_NOT_ALLOWED'));
});

describe("the provider's error in the address bar", () => {
  it('keeps an OAuth error name and hides anything else', () => {
    expect(providerErrorCode('access_denied')).toBe('access_denied');
    expect(providerErrorCode('<script>')).toBe('provider_error');
    expect(providerErrorCode(undefined)).toBe('provider_error');
  });
});
