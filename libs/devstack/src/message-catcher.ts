import { appendFileSync, createWriteStream, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MessageCatcher {
  /** Folder with one `.eml` file per email and `sms.jsonl` with one line per SMS. */
  dir: string;
  smtpUrl: string;
  smsUrl: string;
  stop(): Promise<void>;
}

/**
 * Where the dev stack's notifications land: a real SMTP server on loopback that writes each message to
 * `<dir>/<time>-<n>.eml`, and an HTTP SMS gateway (the generic JSON shape of services/notifications) that appends to
 * `<dir>/sms.jsonl`. Ports are picked by the OS unless given.
 */
export async function startMessageCatcher(options: { dir: string; smtpPort?: number; smsPort?: number }): Promise<MessageCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      count += 1;
      const file = join(options.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
      const out = createWriteStream(file);
      stream.pipe(out);
      stream.on('end', () => out.end(() => callback()));
      stream.on('error', callback);
    },
  });
  // A sender stopped mid-session resets its connection; smtp-server emits that as 'error', which must not end npm start.
  smtp.on('error', () => undefined);
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort ?? 0, '127.0.0.1', () => resolve()));
  const smtpPort = ((smtp as unknown as { server: Server }).server.address() as AddressInfo).port;

  const sms = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      try {
        const message = JSON.parse(body) as Record<string, unknown>;
        appendFileSync(join(options.dir, 'sms.jsonl'), `${JSON.stringify({ receivedAt: new Date().toISOString(), ...message })}\n`);
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `dev-${Date.now()}`, status: 'delivered' }));
      } catch {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'expected JSON' }));
      }
    });
  });
  await new Promise<void>((resolve) => sms.listen(options.smsPort ?? 0, '127.0.0.1', () => resolve()));
  const smsPort = (sms.address() as AddressInfo).port;

  return {
    dir: options.dir,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smsUrl: `http://127.0.0.1:${smsPort}/sms`,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => sms.close(() => resolve()));
    },
  };
}
