import { retryDelayMs, smtpTransportOptions } from './email-retry';

const none = { SMTP_URL: '', SMTP_HOST: '', SMTP_PORT: 587, SMTP_USER: '', SMTP_PASSWORD: '' };

describe('e-mail settings and retries', () => {
  it('is off without SMTP_URL or SMTP_HOST', () => {
    expect(smtpTransportOptions(none)).toBeUndefined();
  });

  it('takes the URL over the host settings', () => {
    expect(smtpTransportOptions({ ...none, SMTP_URL: 'smtp://a:b@mail:25', SMTP_HOST: 'other' })).toBe('smtp://a:b@mail:25');
  });

  it('builds host settings, TLS from the start on 465, a login only with a user', () => {
    expect(smtpTransportOptions({ ...none, SMTP_HOST: 'mail', SMTP_PORT: 465, SMTP_USER: 'u', SMTP_PASSWORD: 'p' })).toEqual({
      host: 'mail',
      port: 465,
      secure: true,
      auth: { user: 'u', pass: 'p' },
    });
    expect(smtpTransportOptions({ ...none, SMTP_HOST: 'mail' })).toEqual({ host: 'mail', port: 587, secure: false });
  });

  it('waits 10 s after the first failure, doubling, never more than an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});
