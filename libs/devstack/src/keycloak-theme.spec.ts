import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { THEMES_DIR } from './keycloak';

const THEME = join(THEMES_DIR, 'reporting-days');

/** A Java .properties file as Keycloak reads its message bundles (UTF-8, `key=value`, `#` comments). */
function readMessages(path: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [index, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`${path}:${index + 1}: not key=value`);
    const key = line.slice(0, equals);
    if (messages.has(key)) throw new Error(`${path}:${index + 1}: ${key} twice`);
    messages.set(key, line.slice(equals + 1));
  }
  return messages;
}

// What a person meets on the way in: the sign-in page and its errors, the first password and two-factor set-up (ADR 25),
// the forgotten-password path, expiry and sign-out pages. Keycloak has no Tajik, so the theme must say all of it.
const SIGN_IN_KEYS = [
  'loginAccountTitle', 'username', 'usernameOrEmail', 'password', 'doLogIn', 'doForgotPassword', 'rememberMe', 'invalidUserMessage',
  'missingUsernameMessage', 'missingPasswordMessage', 'accountDisabledMessage', 'expiredCodeMessage', 'loginTimeout',
  'updatePasswordTitle', 'passwordNew', 'passwordConfirm', 'notMatchPasswordMessage', 'invalidPasswordMinLengthMessage', 'updatePasswordMessage',
  'loginTotpTitle', 'loginTotpStep1', 'loginTotpStep2', 'loginTotpStep3', 'loginTotpManualStep2', 'loginTotpUnableToScan', 'authenticatorCode',
  'loginOtpOneTime', 'invalidTotpMessage', 'missingTotpMessage', 'configureTotpMessage', 'loginTotpDeviceName',
  'emailForgotTitle', 'emailInstruction', 'emailSentMessage', 'backToLogin', 'backToApplication', 'errorTitle', 'pageExpiredTitle',
  'pageExpiredMsg1', 'pageExpiredMsg2', 'doClickHere', 'logoutConfirmTitle', 'logoutConfirmHeader', 'doLogout', 'doSubmit', 'doCancel',
  'requiredAction.UPDATE_PASSWORD', 'requiredAction.CONFIGURE_TOTP', 'requiredAction.VERIFY_EMAIL', 'staleCodeMessage', 'cookieNotFoundMessage',
];
// The emails Keycloak sends: the first password (execute actions, from user administration), reset and address check.
const EMAIL_KEYS = [
  'executeActionsSubject', 'executeActionsBody', 'executeActionsBodyHtml', 'passwordResetSubject', 'passwordResetBody', 'passwordResetBodyHtml',
  'emailVerificationSubject', 'emailVerificationBody', 'emailVerificationBodyHtml', 'requiredAction.UPDATE_PASSWORD', 'requiredAction.CONFIGURE_TOTP',
  'requiredAction.VERIFY_EMAIL', 'linkExpirationFormatter.timePeriodUnit.minutes', 'linkExpirationFormatter.timePeriodUnit.hours',
  'linkExpirationFormatter.timePeriodUnit.days',
];

describe('the reporting-days Keycloak theme', () => {
  it('should name the four languages of the platform in both parts', () => {
    for (const part of ['login', 'email']) {
      expect(readFileSync(join(THEME, part, 'theme.properties'), 'utf8')).toMatch(/^locales=en,ru,tg,ky$/m);
    }
  });

  it.each([
    ['login', SIGN_IN_KEYS],
    ['email', EMAIL_KEYS],
  ] as const)('should say everything of the %s part in Tajik', (part, keys) => {
    const tajik = readMessages(join(THEME, part, 'messages', 'messages_tg.properties'));
    expect(keys.filter((key) => !tajik.get(key)?.trim())).toEqual([]);
  });

  // MessageFormat reads a single ' as the start of a quoted span: "''{0}''" is how a quote around a value is written.
  it('should write quotes as MessageFormat expects in every bundle', () => {
    for (const part of ['login', 'email']) {
      const dir = join(THEME, part, 'messages');
      for (const file of readdirSync(dir)) {
        for (const [key, value] of readMessages(join(dir, file))) {
          if (/\{\d/.test(value)) expect({ file, key, loneQuote: /(^|[^'])'([^']|$)/.test(value) }).toEqual({ file, key, loneQuote: false });
        }
      }
    }
  });
});
