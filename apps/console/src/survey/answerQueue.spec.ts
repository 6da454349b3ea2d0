import { AnswerQueue, httpAnswerSender, type KeyValueStore, type QueuedAnswer, type SendOutcome } from './answerQueue';
import { surveyCodeFromPath } from './surveyRoute';

const memory = (): KeyValueStore => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};
const answer = (key: string): QueuedAnswer => ({ key, code: 'ABCDEFGHIJ', body: { usefulness: 5, trustInPolice: 5, wouldContactPoliceFirst: true } });

describe('resident survey answers on the device', () => {
  it('should keep an answer sent offline and send it, with the same key, when the connection is back', async () => {
    let online = false;
    const sent: string[] = [];
    const queue = new AnswerQueue(memory(), async (a) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push(a.key);
      return { kind: 'sent' };
    });
    expect(await queue.submit(answer('k1'))).toEqual({ kind: 'offline' });
    expect(await queue.submit(answer('k2'))).toEqual({ kind: 'offline' });
    expect(queue.pending().map((a) => a.key)).toEqual(['k1', 'k2']);
    online = true;
    expect(await queue.flush()).toBe(0);
    expect(sent).toEqual(['k1', 'k2']);
  });

  it('should drop an answer refused for good, and keep one the server could not take now', async () => {
    const outcomes: SendOutcome[] = [{ kind: 'refused', code: 'survey.closed' }, { kind: 'offline' }];
    const queue = new AnswerQueue(memory(), async () => outcomes.shift() ?? { kind: 'sent' });
    expect(await queue.submit(answer('k1'))).toEqual({ kind: 'refused', code: 'survey.closed' });
    expect(await queue.submit(answer('k2'))).toEqual({ kind: 'offline' });
    expect(queue.pending().map((a) => a.key)).toEqual(['k2']);
  });

  it('should send the Idempotency-Key, and read 5xx and 429 as "later", 4xx as a refusal', async () => {
    const calls: RequestInit[] = [];
    const reply = (status: number, body: unknown = {}) => async (_url: unknown, init?: RequestInit) => {
      calls.push(init ?? {});
      return new Response(JSON.stringify(body), { status });
    };
    expect(await httpAnswerSender('http://api', reply(201) as typeof fetch)(answer('k1'))).toEqual({ kind: 'sent' });
    expect((calls[0].headers as Record<string, string>)['Idempotency-Key']).toBe('k1');
    expect(await httpAnswerSender('http://api', reply(503) as typeof fetch)(answer('k1'))).toEqual({ kind: 'offline' });
    expect(await httpAnswerSender('http://api', reply(429) as typeof fetch)(answer('k1'))).toEqual({ kind: 'offline' });
    expect(await httpAnswerSender('http://api', reply(409, { code: 'survey.full' }) as typeof fetch)(answer('k1'))).toEqual({ kind: 'refused', code: 'survey.full' });
  });

  it('should find the survey code in /s/{code} only', () => {
    expect(surveyCodeFromPath('/s/abcdefgh23')).toBe('ABCDEFGH23');
    expect(surveyCodeFromPath('/s/ABCDEFGH23/')).toBe('ABCDEFGH23');
    expect(surveyCodeFromPath('/')).toBeNull();
    expect(surveyCodeFromPath('/s/short')).toBeNull();
    expect(surveyCodeFromPath('/meetings/s/ABCDEFGH23')).toBeNull();
  });
});
