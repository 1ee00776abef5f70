import { firstRefusal } from '@titipan/kernel';
import { createHash } from 'node:crypto';
import { LOGIN_MESSAGES_ID } from './login-messages-id';
import { parseForm, pageMessage, pkcePair, SIGN_IN_PAGE_RULES, type ProviderPage } from './sign-in';

// fragments of Keycloak 26.5's login pages (theme keycloak.v2), as the provider sends them
const LOGIN_FORM =
  '<form id="kc-form-login" class="pf-v5-c-form pf-v5-u-w-100" onsubmit="login.disabled = true; return true;" ' +
  'action="http://127.0.0.1:8080/realms/titipan/login-actions/authenticate?session_code=KUM9&amp;execution=d28f&amp;client_id=titipan-console&amp;tab_id=EzS" method="post" novalidate="novalidate">';
const WRONG_PASSWORD = `${LOGIN_FORM}
  <div class="pf-v5-c-helper-text__item pf-m-error" id="input-error-username">
    <span class="pf-v5-c-helper-text__item-text pf-m-error kc-feedback-text">
        Invalid username or password.
    </span>
  </div>`;

const page = (overrides: Partial<ProviderPage>): ProviderPage => ({
  username: 'kasir.tgr',
  newPasswordGiven: false,
  afterNewPassword: false,
  ...overrides,
});

describe('reading the login page', () => {
  it('finds the form and its action, entities decoded', () => {
    expect(parseForm(LOGIN_FORM)).toEqual({
      id: 'kc-form-login',
      action:
        'http://127.0.0.1:8080/realms/titipan/login-actions/authenticate?session_code=KUM9&execution=d28f&client_id=titipan-console&tab_id=EzS',
    });
    expect(parseForm('<p>We are sorry...</p>')).toBeUndefined();
  });

  it('reads the message shown to the person', () => {
    expect(pageMessage(WRONG_PASSWORD)).toBe('Invalid username or password.');
    expect(pageMessage(LOGIN_FORM)).toBeUndefined();
  });
});

describe('what a page that is not the redirect means', () => {
  const code = (p: ProviderPage) => firstRefusal(SIGN_IN_PAGE_RULES, p)?.code;

  it('the login form again: a wrong password (or a locked account, which Keycloak does not tell apart)', () => {
    expect(code(page({ formId: 'kc-form-login', message: 'Invalid username or password.' }))).toBe('INVALID_CREDENTIALS');
  });

  it('a disabled account comes before the form', () => {
    expect(code(page({ formId: 'kc-form-login', message: 'Account is disabled, contact your administrator.' }))).toBe('ACCOUNT_DISABLED');
  });

  it('the same pages in the realm`s Indonesian (an account that remembers Indonesian outranks ui_locales=en)', () => {
    expect(code(page({ formId: 'kc-form-login', message: LOGIN_MESSAGES_ID.accountDisabledMessage }))).toBe('ACCOUNT_DISABLED');
    expect(code(page({ formId: 'kc-form-login', message: LOGIN_MESSAGES_ID.invalidUserMessage }))).toBe('INVALID_CREDENTIALS');
    expect(code(page({ formId: 'kc-form-login', message: LOGIN_MESSAGES_ID.accountTemporarilyDisabledMessage }))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('a password to change: refused without a new one, the new one refused by the policy, other actions named', () => {
    expect(code(page({ formId: 'kc-passwd-update-form', requiredAction: 'UPDATE_PASSWORD' }))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(code(page({ formId: 'kc-passwd-update-form', requiredAction: 'UPDATE_PASSWORD', newPasswordGiven: true }))).toBeUndefined();
    expect(
      code(
        page({
          requiredAction: 'UPDATE_PASSWORD',
          newPasswordGiven: true,
          afterNewPassword: true,
          message: 'Invalid password: minimum length 10.',
        }),
      ),
    ).toBe('NEW_PASSWORD_REFUSED');
    expect(code(page({ formId: 'kc-totp-settings-form', requiredAction: 'CONFIGURE_TOTP' }))).toBe('REQUIRED_ACTION');
  });
});

it('makes an S256 PKCE pair', () => {
  const { verifier, challenge } = pkcePair();
  expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
  expect(pkcePair().verifier).not.toBe(verifier);
});
