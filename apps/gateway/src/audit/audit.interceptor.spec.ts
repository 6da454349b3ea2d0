import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { AuditInterceptor, type AuditedRequest } from './audit.interceptor';

function setup(method: string, result: unknown) {
  const request: AuditedRequest = { method };
  const context = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(result) };
  return { sut: new AuditInterceptor(), mocks: { request, context, next } };
}

describe(AuditInterceptor.name, () => {
  it('should note the id a state-changing handler returned and pass the result on untouched', async () => {
    const result = { id: 'c-1', name: 'Surkh' };
    const { sut, mocks } = setup('POST', result);
    await expect(lastValueFrom(sut.intercept(mocks.context, mocks.next))).resolves.toBe(result);
    expect(mocks.request.auditCreatedId).toBe('c-1');
  });

  it.each([
    ['a read', 'GET', { id: 'c-1' }],
    ['a result without an id', 'POST', { ok: true }],
    ['an empty result', 'DELETE', undefined],
  ])('should note nothing for %s', async (_name, method, result) => {
    const { sut, mocks } = setup(method, result);
    await lastValueFrom(sut.intercept(mocks.context, mocks.next), { defaultValue: undefined });
    expect(mocks.request.auditCreatedId).toBeUndefined();
  });
});
