import nodemailer, { type Transporter } from 'nodemailer';
import type { OutgoingEmail, SendOutcome } from './channel';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * A permanent SMTP failure is a 5xx reply (RFC 5321 §4.2.1: bad mailbox, policy refusal): retrying cannot help.
 * 4xx replies, timeouts and refused connections are transient.
 */
export function classifySmtpError(error: SmtpError): { permanent: boolean; error: string } {
  const text = (error.response ?? error.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 500);
  const code = error.responseCode;
  if (code !== undefined && code >= 500 && code < 600) return { permanent: true, error: text };
  if (error.code === 'EENVELOPE' && code === undefined) return { permanent: true, error: text };
  return { permanent: false, error: text };
}

/** Email over SMTP with nodemailer; one pooled transport per replica. */
export class EmailChannel {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    maxConnections = 4,
  ) {
    // Pooled: one SMTP session carries many messages instead of a connect and greeting per message.
    this.transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  }

  /** The sender's address, for the iCalendar ORGANIZER. */
  get fromAddress(): string {
    return /<([^>]+)>/.exec(this.from)?.[1] ?? this.from;
  }

  async send(mail: OutgoingEmail): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A stable Message-ID: if a crash makes us send a delivery twice, mail clients can fold the copies.
        messageId: `<${mail.deliveryId}@reporting-days>`,
        headers: { 'X-RD-Delivery-Id': mail.deliveryId },
        attachments: mail.attachments,
      });
      const rejected = (info.rejected ?? []) as unknown[];
      if (rejected.length > 0) return { ok: false, permanent: true, error: `rejected: ${String(info.response ?? rejected.join(', '))}` };
      return { ok: true, delivered: false, providerId: info.messageId };
    } catch (error) {
      return { ok: false, ...classifySmtpError(error as SmtpError) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
