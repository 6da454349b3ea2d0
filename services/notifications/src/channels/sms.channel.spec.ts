import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsChannel } from './sms.channel';

describe(SmsChannel.name, () => {
  let server: Server;
  let url: string;
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  let status = 201;
  let reply = '{"sid":"SM1","status":"queued"}';

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ headers: request.headers, body });
        response.writeHead(status, { 'content-type': 'application/json' }).end(reply);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2010-04-01/Accounts/AC1/Messages.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should speak the Twilio Messages API shape: form POST To/From/Body with basic auth', async () => {
    const sms = new SmsChannel({ url, format: 'twilio', auth: 'AC1:secret', from: '+15005550006' });
    const outcome = await sms.send({ deliveryId: 'd-1', to: '+992921234567', text: 'Напоминание: завтра в 10:00' });
    expect(outcome).toEqual({ ok: true, delivered: false, providerId: 'SM1' });
    const [request] = seen.splice(0);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['authorization']).toBe(`Basic ${Buffer.from('AC1:secret').toString('base64')}`);
    expect(request.headers['idempotency-key']).toBe('d-1');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ To: '+992921234567', From: '+15005550006', Body: 'Напоминание: завтра в 10:00' });
  });

  it('should report a delivered status, a permanent 4xx and a transient 5xx or unreachable gateway', async () => {
    const sms = new SmsChannel({ url, format: 'json', auth: 'token', from: 'RD' });
    reply = '{"id":"x","status":"delivered"}';
    expect(await sms.send({ deliveryId: 'd-2', to: '+1', text: 't' })).toEqual({ ok: true, delivered: true, providerId: 'x' });
    expect(JSON.parse(seen.splice(0)[0].body)).toEqual({ to: '+1', from: 'RD', text: 't', reference: 'd-2' });
    status = 400;
    reply = '{"error":"invalid number"}';
    expect(await sms.send({ deliveryId: 'd-3', to: '+1', text: 't' })).toEqual({ ok: false, permanent: true, error: 'HTTP 400: {"error":"invalid number"}' });
    status = 503;
    expect((await sms.send({ deliveryId: 'd-4', to: '+1', text: 't' })).ok).toBe(false);
    expect(await new SmsChannel({ url: 'http://127.0.0.1:1/sms', format: 'json', auth: '', from: 'RD' }).send({ deliveryId: 'd-5', to: '+1', text: 't' })).toMatchObject({ ok: false, permanent: false });
    expect(await new SmsChannel({ url: '', format: 'json', auth: '', from: 'RD' }).send({ deliveryId: 'd-6', to: '+1', text: 't' })).toMatchObject({ ok: false, permanent: true });
  });
});
