import { eventually } from '@rd/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { insertHeldMeeting } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

// The gateway answers 503 after RPC_TIMEOUT_MS (5 s here); a lock on the concern table makes the meetings service's
// insert wait longer than that, then commit (docs/adr/0029-idempotency-keys.md). Concerns have no natural key the
// service could refuse a duplicate by: a retry records the concern twice.
const SLOW_MS = 7_000;

describe('Idempotency-Key through the whole platform', () => {
  let db: Client;
  let meetingId: string;

  beforeAll(async () => {
    db = new Client({ connectionString: e2eEnv().databaseUrls.meetings });
    await db.connect();
    meetingId = await insertHeldMeeting('isfara', 'sughd');
  });

  afterAll(async () => {
    await db?.end();
  });

  const concern = () => ({ topic: 'water-and-irrigation', sensitivity: 'public', text: `Canal ${randomBytes(4).toString('hex')} is dry` });
  const stored = async (text: string) => Number((await db.query('select count(*) from concern where meeting_id = $1 and text = $2', [meetingId, text])).rows[0].count);
  const record = (data: object, key?: string) =>
    api<{ id: string; text?: string }>('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, data, key ? { 'Idempotency-Key': key } : {});

  /** Runs `during` while the concern table refuses inserts for SLOW_MS. */
  const whileSlow = async <T>(during: () => Promise<T>): Promise<T> => {
    const locker = new Client({ connectionString: e2eEnv().databaseUrls.meetings });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table concern in share mode');
    const release = new Promise((resolve) => setTimeout(resolve, SLOW_MS)).then(async () => {
      await locker.query('commit');
      await locker.end();
    });
    try {
      return await during();
    } finally {
      await release;
    }
  };

  it('should store a write the gateway answered 503, so a retry without a key records it twice (the defect)', async () => {
    const data = concern();
    const timedOut = await whileSlow(() => record(data));
    expect(timedOut.status).toBe(503);
    await eventually(async () => expect(await stored(data.text)).toBe(1), 5_000, 100);
    expect((await record(data)).status).toBe(201);
    expect(await stored(data.text)).toBe(2);
  }, 30_000);

  it('should store a slow write once when it is retried with its key: 503, then 409, then the recorded 201', async () => {
    const data = concern();
    const key = randomUUID();
    const { timedOut, early } = await whileSlow(async () => {
      const first = await record(data, key);
      return { timedOut: first, early: await record(data, key) };
    });
    expect(timedOut.status).toBe(503);
    expect(early.status).toBe(409);
    const retried = await eventually(async () => {
      const answer = await record(data, key);
      expect(answer.status).toBe(201);
      return answer;
    }, 5_000, 200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await stored(data.text)).toBe(1);
    expect(retried.body.id).toBe((await db.query('select id from concern where text = $1', [data.text])).rows[0].id);
  }, 30_000);

  it('should answer the same key twice with one concern and refuse another body with 422', async () => {
    const data = concern();
    const key = randomUUID();
    const first = await record(data, key);
    const second = await record(data, key);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await record({ ...data, text: `${data.text}!` }, key)).status).toBe(422);
    expect(await stored(data.text)).toBe(1);
    expect(await stored(`${data.text}!`)).toBe(0);
  });
});
