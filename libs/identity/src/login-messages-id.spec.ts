import { LOGIN_MESSAGES_EN, LOGIN_MESSAGES_ID } from './login-messages-id';

describe("the realm's texts for the login pages", () => {
  const all = Object.entries({ ...LOGIN_MESSAGES_ID, ...LOGIN_MESSAGES_EN });

  it('survive MessageFormat: no apostrophe (it would start a quotation), only the argument {0}', () => {
    expect(all.filter(([, text]) => text.includes("'"))).toEqual([]);
    expect(all.filter(([, text]) => /\{(?!0\})/.test(text))).toEqual([]);
  });

  it('say the policy figures through the argument, and do not tell a locked account from a wrong password', () => {
    expect(LOGIN_MESSAGES_ID.invalidPasswordMinLengthMessage).toContain('{0}');
    expect(LOGIN_MESSAGES_ID.invalidPasswordMaxLengthMessage).toContain('{0}');
    expect(LOGIN_MESSAGES_ID.accountTemporarilyDisabledMessage).toBe(LOGIN_MESSAGES_ID.invalidUserMessage);
    expect(LOGIN_MESSAGES_ID.accountPermanentlyDisabledMessage).toBe(LOGIN_MESSAGES_ID.invalidUserMessage);
  });
});
