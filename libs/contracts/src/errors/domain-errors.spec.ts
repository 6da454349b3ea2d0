import { ErrorCode } from './error-code';
import { DOMAIN_ERRORS, DomainException, defineDomainErrors, genericDomainErrorCode, isDomainErrorCode, reasonOfRpcError, type DomainErrorCode } from './domain-errors';

const entries = Object.values(DOMAIN_ERRORS);

describe('DOMAIN_ERRORS', () => {
  it.each(entries.map((entry) => [entry.code, entry] as const))('should give %s a 4xx or 5xx status, a message key and a description', (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.messageKey).toMatch(/^errors\.[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(entry.description.length).toBeGreaterThan(0);
  });

  it('should name every code <area>.<reason> in lowercase kebab-case, once', () => {
    const codes = entries.map((entry) => entry.code);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(DOMAIN_ERRORS)).toEqual(codes);
  });

  it('should give every code its own message key', () => {
    const keys = entries.map((entry) => entry.messageKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe(defineDomainErrors.name, () => {
  it('should derive the transport kind from the status unless one is given', () => {
    const errors = defineDomainErrors({
      'thing.gone': { status: 404, messageKey: 'errors.thing.gone', description: 'gone' },
      'thing.stuck': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.thing.stuck', description: 'stuck' },
      'thing.slow': { status: 429, messageKey: 'errors.thing.slow', description: 'slow' },
    });
    expect(errors['thing.gone']).toEqual({ code: 'thing.gone', status: 404, kind: ErrorCode.NotFound, messageKey: 'errors.thing.gone', description: 'gone' });
    expect(errors['thing.stuck'].kind).toBe(ErrorCode.InvalidTransition);
    expect(errors['thing.slow'].kind).toBe(ErrorCode.Internal);
  });
});

describe(DomainException.name, () => {
  it('should carry its reason, transport kind, message and one field error', () => {
    const error = new DomainException('meeting.not-editable', 'A held meeting can no longer be changed', 'startsAt');
    expect(error).toMatchObject({
      name: 'DomainException',
      reason: 'meeting.not-editable',
      code: ErrorCode.InvalidTransition,
      message: 'A held meeting can no longer be changed',
      errors: [{ field: 'startsAt', message: 'A held meeting can no longer be changed' }],
    });
  });
});

describe(reasonOfRpcError.name, () => {
  it('should take the payload reason, else the generic code of its kind (a payload from before reasons)', () => {
    expect(reasonOfRpcError({ code: ErrorCode.NotFound, reason: 'meeting.not-found' })).toBe('meeting.not-found');
    expect(reasonOfRpcError({ code: ErrorCode.NotFound })).toBe('resource.not-found');
    expect(reasonOfRpcError({ code: ErrorCode.InvalidTransition, reason: 'no.such-reason' })).toBe('resource.invalid-transition');
  });

  it.each(Object.values(ErrorCode))('should give %s a generic code of the same kind', (kind) => {
    expect(DOMAIN_ERRORS[reasonOfRpcError({ code: kind })].kind).toBe(kind);
  });
});

describe(genericDomainErrorCode.name, () => {
  it.each([
    [400, 'request.invalid'],
    [404, 'resource.not-found'],
    [414, 'request.uri-too-long'],
    [405, 'request.refused'],
    [502, 'server.internal'],
  ] as [number, DomainErrorCode][])('should answer %i with %s', (status, code) => {
    expect(genericDomainErrorCode(status)).toBe(code);
  });

  it('should only know catalogue codes', () => {
    expect(isDomainErrorCode('meeting.not-found')).toBe(true);
    expect(isDomainErrorCode('toString')).toBe(false);
  });
});
