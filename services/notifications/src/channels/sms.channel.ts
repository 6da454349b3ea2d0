import type { OutgoingSms, SendOutcome } from './channel';

export interface SmsGatewayOptions {
  url: string;
  /**
   * twilio: `application/x-www-form-urlencoded` POST of To, From, Body with HTTP basic auth "AccountSid:AuthToken" (the
   * Twilio Messages API shape, also spoken by several regional aggregators); the reply's `sid` and `status`.
   * json: POST `{"to","from","text","reference"}` with `Authorization: Bearer <token>`; the reply's `id` and `status`.
   */
  format: 'twilio' | 'json';
  auth: string;
  from: string;
  timeoutMs?: number;
}

/** 4xx means the request is wrong (bad number, bad credentials): permanent, except 408 and 429 which ask to retry. */
export function classifyHttpStatus(status: number): 'ok' | 'permanent' | 'transient' {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 408 || status === 429) return 'transient';
  if (status >= 400 && status < 500) return 'permanent';
  return 'transient';
}

/** SMS through an HTTP gateway. The delivery id goes as an idempotency key for gateways that honour one. */
export class SmsChannel {
  constructor(private readonly options: SmsGatewayOptions) {}

  async send(sms: OutgoingSms): Promise<SendOutcome> {
    if (!this.options.url) return { ok: false, permanent: true, error: 'no SMS gateway configured (SMS_GATEWAY_URL)' };
    const headers: Record<string, string> = { 'Idempotency-Key': sms.deliveryId, Accept: 'application/json' };
    let body: string;
    if (this.options.format === 'twilio') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      if (this.options.auth) headers['Authorization'] = `Basic ${Buffer.from(this.options.auth).toString('base64')}`;
      body = new URLSearchParams({ To: sms.to, From: this.options.from, Body: sms.text }).toString();
    } else {
      headers['Content-Type'] = 'application/json';
      if (this.options.auth) headers['Authorization'] = `Bearer ${this.options.auth}`;
      body = JSON.stringify({ to: sms.to, from: this.options.from, text: sms.text, reference: sms.deliveryId });
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, permanent: false, error: `SMS gateway unreachable: ${cause ?? (error as Error).message}` };
    }
    const text = await response.text().catch(() => '');
    const verdict = classifyHttpStatus(response.status);
    if (verdict !== 'ok') return { ok: false, permanent: verdict === 'permanent', error: `HTTP ${response.status}: ${text.replace(/\s+/g, ' ').slice(0, 300)}` };
    let reply: { sid?: string; id?: string; status?: string } = {};
    try {
      reply = JSON.parse(text) as typeof reply;
    } catch {
      // A 2xx without JSON still means accepted.
    }
    return { ok: true, delivered: reply.status === 'delivered', providerId: reply.sid ?? reply.id };
  }
}
