import { createHash } from 'node:crypto';
import { GATEWAY_CONTROLLERS } from '../app.module';
import { openApiDocument } from '../openapi/openapi-document';
import { routeTable } from '../openapi/route-table';
import { idempotencyRecordKey, isIdempotencyMethod, isValidIdempotencyKey } from './idempotency-key';
import { answerSeal } from './sealed-answer';

describe('Idempotency-Key', () => {
  it.each([
    ['a UUID', '2b1c7c2e-3c4f-4d59-9a3e-0c1d2e3f4a5b', true],
    ['16 characters', 'x'.repeat(16), true],
    ['15 characters (guessable: it also seals the answer)', 'x'.repeat(15), false],
    ['one character', 'x', false],
    ['255 visible characters', '!'.repeat(255), true],
    ['empty', '', false],
    ['256 characters', 'x'.repeat(256), false],
    ['a space', 'a b', false],
    ['a control character', 'a\tb', false],
    ['non-ASCII', 'ключ', false],
  ])('should accept %s: %s', (_name, key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });

  it('should scope a key to the user, the method and the path, and give a valid NATS KV key', () => {
    const key = idempotencyRecordKey('user-1', 'POST', '/api/v1/communities', 'k');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyRecordKey('user-2', 'POST', '/api/v1/communities', 'k')).not.toBe(key);
    expect(idempotencyRecordKey('user-1', 'PATCH', '/api/v1/communities', 'k')).not.toBe(key);
    expect(idempotencyRecordKey('user-1', 'POST', '/api/v1/meetings', 'k')).not.toBe(key);
  });

  const seal = (key = '2b1c7c2e-3c4f-4d59-9a3e-0c1d2e3f4a5b', user = 'user-1') => answerSeal(key, user, 'POST', '/api/v1/meetings/m/concerns');

  it('should hash JSON bodies and file bytes under the client key, so a stored hash confirms no guessed text', () => {
    expect(seal().bodyHash({ a: 1 })).toBe(seal().bodyHash({ a: 1 }));
    expect(seal().bodyHash({ a: 1 })).not.toBe(seal().bodyHash({ a: 2 }));
    expect(seal().bodyHash(Buffer.from('scan'))).not.toBe(seal().bodyHash(Buffer.from('scan2')));
    expect(seal('another-key-of-16-chars').bodyHash({ a: 1 })).not.toBe(seal().bodyHash({ a: 1 }));
    expect(seal().bodyHash({ a: 1 })).not.toBe(createHash('sha256').update(JSON.stringify({ a: 1 })).digest('hex'));
  });

  it('should seal a recorded answer so that only the same client key, user and path open it', () => {
    const answer = { status: 201, headers: { location: '/x' }, body: JSON.stringify({ text: 'a confidential concern text' }) };
    const sealed = seal().seal(answer);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('confidential');
    expect(sealed).not.toContain('confidential');
    expect(seal().open(sealed)).toEqual(answer);
    expect(seal('another-key-of-16-chars').open(sealed)).toBeUndefined();
    expect(seal(undefined, 'user-2').open(sealed)).toBeUndefined();
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1] ^= 1;
    expect(seal().open(tampered.toString('base64'))).toBeUndefined();
    expect(seal().open('')).toBeUndefined();
  });

  it('should apply to writes only', () => {
    expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(isIdempotencyMethod)).toEqual(['POST', 'PUT', 'PATCH']);
  });

  it('should be documented on every write in OpenAPI', () => {
    const document = openApiDocument(routeTable(GATEWAY_CONTROLLERS)) as {
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method))
        .map(([method, operation]) => ({ name: `${method} ${path}`, operation })),
    );
    expect(writes.length).toBeGreaterThan(20);
    for (const { name, operation } of writes) {
      expect({ name, header: operation.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') }).toEqual({ name, header: true });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['409', '422']));
    }
  });
});
