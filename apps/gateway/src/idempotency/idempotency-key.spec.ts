import { GATEWAY_CONTROLLERS } from '../app.module';
import { openApiDocument } from '../openapi/openapi-document';
import { routeTable } from '../openapi/route-table';
import { idempotencyRecordKey, isIdempotencyMethod, isValidIdempotencyKey, requestBodyHash } from './idempotency-key';

describe('Idempotency-Key', () => {
  it.each([
    ['a UUID', '2b1c7c2e-3c4f-4d59-9a3e-0c1d2e3f4a5b', true],
    ['one character', 'x', true],
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

  it('should hash JSON bodies and file bytes', () => {
    expect(requestBodyHash({ a: 1 })).toBe(requestBodyHash({ a: 1 }));
    expect(requestBodyHash({ a: 1 })).not.toBe(requestBodyHash({ a: 2 }));
    expect(requestBodyHash(Buffer.from('scan'))).not.toBe(requestBodyHash(Buffer.from('scan2')));
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
