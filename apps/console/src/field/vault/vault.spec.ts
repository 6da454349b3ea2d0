import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fieldDb, resetFieldDbForTests } from '../fieldDb';
import { enqueue, getAction } from '../queue/queue';
import { sendQueued, type SendRequest } from '../queue/sender';
import { hasPin, isUnlocked, lockAll, PBKDF2_ITERATIONS, seal, sealFields, setPin, unlock, unseal } from './vault';

const USER = 'user-1';
const SECRET = 'The neighbour beats his wife, she asked us not to tell';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetFieldDbForTests();
  lockAll();
});

/** Every byte IndexedDB holds for the queue and the vault, as text: what someone reading the device would see. */
async function rawStores(): Promise<string> {
  const db = await fieldDb();
  const rows = [...(await db.getAll('queue')), ...(await db.getAll('vault'))];
  const text = (value: unknown): string => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value) + Buffer.from(value).toString('base64');
    if (value instanceof Uint8Array) return text(value.buffer);
    if (Array.isArray(value)) return value.map(text).join(' ') + Buffer.from(value.filter((v) => typeof v === 'number')).toString('latin1');
    if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}:${text(v)}`).join(' ');
    return String(value);
  };
  return rows.map(text).join('\n');
}

describe('the PIN vault', () => {
  it('derives the key with PBKDF2-SHA-256 at no fewer than 310,000 iterations', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
  });

  it('keeps a sealed concern text out of the stored record, and sends it in clear once the PIN is known', async () => {
    await setPin(USER, '482193');
    const sealed = await seal(USER, { text: SECRET, answer: null });
    const seq = await enqueue({
      userId: USER,
      meetingId: 'm-1',
      kind: 'concern',
      method: 'POST',
      path: '/meetings/m-1/concerns',
      body: { topic: 'family', sensitivity: 'confidential', handlerIds: [USER] },
      sealed,
      summary: 'family · confidential',
    });

    const raw = await rawStores();
    expect(raw).toContain('confidential');
    expect(raw).not.toContain('neighbour');
    expect(raw).not.toContain(Buffer.from(SECRET).toString('base64').slice(0, 12));
    expect(raw).not.toContain('482193');

    // A restart: the key is gone, the sealed item waits for the PIN.
    lockAll();
    const requests: SendRequest[] = [];
    const deps = {
      userId: USER,
      token: () => 'token',
      unseal,
      send: async (request: SendRequest) => {
        requests.push(request);
        return { status: 201, body: { id: 'concern-1' } };
      },
    };
    expect(await sendQueued(deps)).toMatchObject({ sent: 0, needsPin: 1 });
    expect(requests).toHaveLength(0);

    expect(await unlock(USER, '000000')).toBe(false);
    expect(isUnlocked(USER)).toBe(false);
    expect(await unlock(USER, '482193')).toBe(true);

    expect(await sendQueued(deps)).toMatchObject({ sent: 1, needsPin: 0 });
    expect(requests[0].body).toEqual({ topic: 'family', sensitivity: 'confidential', handlerIds: [USER], text: SECRET, answer: null });

    // Sent: the sealed text is purged from the device.
    const sent = await getAction(seq);
    expect(sent?.sealed).toBeUndefined();
    expect(sent?.body).toBeUndefined();
    expect(await rawStores()).not.toContain(Buffer.from(sealed.data).toString('base64'));
  });

  it('refuses to seal while locked, and a sealed value opens only for its own user', async () => {
    await expect(seal(USER, { text: SECRET })).rejects.toThrow('vault locked');
    expect(await hasPin(USER)).toBe(false);
    await setPin(USER, '482193');
    expect(await hasPin(USER)).toBe(true);
    const sealed = await seal(USER, { text: SECRET });
    expect(await unseal(USER, sealed)).toEqual({ text: SECRET });
    await setPin('user-2', '482193');
    await expect(unseal('user-2', sealed)).rejects.toThrow();
  });

  it('takes the named free-text fields out of a body and seals them; null ones stay, nothing to seal leaves no sealed part', async () => {
    await setPin(USER, '482193');
    const concern = { topic: 'family', sensitivity: 'confidential', text: SECRET, answer: null, handlerIds: [USER] };
    const split = await sealFields(USER, concern, ['text', 'answer']);
    expect(split.body).toEqual({ topic: 'family', sensitivity: 'confidential', answer: null, handlerIds: [USER] });
    expect(split.sealed?.field).toBe('text');
    expect(await unseal(USER, split.sealed as NonNullable<typeof split.sealed>)).toEqual({ text: SECRET });
    const action = { ownerOrganisationId: 'o1', dueDate: '2026-12-31', description: null };
    expect(await sealFields(USER, action, ['description'])).toEqual({ body: action });
  });

  it('refuses a PIN shorter than six digits', async () => {
    await expect(setPin(USER, '1234')).rejects.toThrow('PIN too short');
  });
});
