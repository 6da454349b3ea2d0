import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps every accepted message (parsed with mailparser). Per address it can
 * refuse the first N attempts with a temporary 451, or every attempt with a permanent 550.
 */
export class MailReceiver {
  readonly messages: ParsedMail[] = [];
  readonly attempts = new Map<string, number>();
  readonly failFirst = new Map<string, number>();
  readonly permanent = new Set<string>();
  /** Slows every accepted message down (to stop a replica in the middle of a batch). */
  delayMs = 0;
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        this.attempts.set(to, (this.attempts.get(to) ?? 0) + 1);
        // Like real relays, the refusal echoes the address (so it lands in last_error).
        if (this.permanent.has(to)) return callback(Object.assign(new Error(`5.1.1 <${to}>: mailbox unavailable`), { responseCode: 550 }));
        const left = this.failFirst.get(to) ?? 0;
        if (left > 0) {
          this.failFirst.set(to, left - 1);
          return callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    // A sender killed mid-session (the crash tests SIGKILL a replica) resets its connection: smtp-server emits that as
    // an 'error' event, which without a listener throws and fails the whole suite (seen once in CI: read ECONNRESET).
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = ((this.server as unknown as { server: Server }).server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase())));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface ReceivedSms {
  to: string;
  from: string;
  text: string;
  reference: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
}

/** A real HTTP SMS gateway on loopback (the generic JSON shape): 503 for the first N per number, 400 for bad numbers. */
export class SmsReceiver {
  readonly messages: ReceivedSms[] = [];
  readonly attempts = new Map<string, number>();
  readonly failFirst = new Map<string, number>();
  readonly permanent = new Set<string>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { to: string; from: string; text: string; reference: string };
        this.attempts.set(parsed.to, (this.attempts.get(parsed.to) ?? 0) + 1);
        if (this.permanent.has(parsed.to)) {
          response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `invalid destination number ${parsed.to}` }));
          return;
        }
        const left = this.failFirst.get(parsed.to) ?? 0;
        if (left > 0) {
          this.failFirst.set(parsed.to, left - 1);
          response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'busy' }));
          return;
        }
        this.messages.push({
          ...parsed,
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          authorization: request.headers['authorization'],
        });
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${this.messages.length}`, status: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/messages`;
  }

  to(number: string): ReceivedSms[] {
    return this.messages.filter((m) => m.to === number);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
