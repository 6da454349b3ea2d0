import { eventually } from '@rd/testing';
import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eEnv } from './e2e-env';

/** The newest email Keycloak sent to `address`, parsed, once it has landed in the catcher's folder. */
export async function mailTo(address: string, count = 1) {
  return eventually(
    async () => {
      const dir = e2eEnv().messagesDir;
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
      const mails = await Promise.all(files.map(async (f) => simpleParser(readFileSync(join(dir, f)))));
      const mine = mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.value.some((v) => v.address === address)));
      if (mine.length < count) throw new Error(`${mine.length} email(s) to ${address} so far`);
      return mine.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0))[mine.length - 1];
    },
    30_000,
    250,
  );
}

/** The Keycloak action link (verify email, set password) of an invitation or reset email. */
export function actionLink(mail: { text?: string; html?: string | false }): string {
  const text = `${mail.text ?? ''} ${mail.html || ''}`;
  const link = /https?:\/\/[^\s"'<>]+\/login-actions\/action-token\?[^\s"'<>]+/.exec(text)?.[0];
  if (!link) throw new Error(`no action link in the email: ${text.slice(0, 500)}`);
  return link.replace(/&amp;/g, '&');
}

/**
 * Follows the emailed link in `page` as the invited person does: confirms the actions if Keycloak asks, sets the
 * password and waits for Keycloak's "account updated" page or the console it links back to.
 */
export async function setPasswordFromEmail(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  const proceed = page.locator('a:has-text("Click here to proceed"), a:has-text("click here")');
  if (await proceed.first().isVisible({ timeout: 5_000 }).catch(() => false)) await proceed.first().click();
  await page.waitForSelector('#password-new', { state: 'visible', timeout: 30_000 });
  await page.fill('#password-new', password);
  await page.fill('#password-confirm', password);
  await page.click('[type=submit]');
  const consoleOrigin = new URL(e2eEnv().consoleUrl).origin;
  await Promise.any([
    page.waitForURL((url) => url.origin === consoleOrigin, { timeout: 30_000 }),
    page.getByText(/account has been updated/i).waitFor({ timeout: 30_000 }),
  ]);
}
