import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './e2e-env';

/** The emails the dev-stack SMTP server wrote (one .eml per message) to this address, parsed. */
export async function emailsTo(address: string) {
  const dir = e2eEnv().messagesDir;
  if (!existsSync(dir)) return [];
  const mails = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => simpleParser(readFileSync(join(dir, f)))));
  return mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address)));
}
