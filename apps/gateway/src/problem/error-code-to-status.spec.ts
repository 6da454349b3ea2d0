import { ErrorCode } from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { errorCodeToStatus } from './error-code-to-status';
import { toProblem } from './to-problem';

describe('errorCodeToStatus', () => {
  it.each(Object.values(ErrorCode))('should map %s to a 4xx or 5xx status', (code) => {
    const status = errorCodeToStatus(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('should hide the message of a service-side internal error', () => {
    const problem = toProblem(new RpcError({ code: ErrorCode.Internal, message: 'relation "community" does not exist' }));
    expect(problem).toEqual({ status: 500, detail: 'Internal error', internal: true });
  });

  it('should pass field errors of a validation failure through', () => {
    const problem = toProblem(new RpcError({ code: ErrorCode.ValidationFailed, message: 'invalid', errors: [{ field: 'name', message: 'too short' }] }));
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'name', message: 'too short' }] });
  });

  it('should hide an unknown error', () => {
    expect(toProblem(new TypeError('cannot read x of undefined'))).toEqual({ status: 500, detail: 'Internal error', internal: true });
  });
});
