import { DOMAIN_ERRORS, ErrorCode } from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { errorCodeToStatus } from './error-code-to-status';
import { problemBody, ProblemError } from './problem';
import { toProblem } from './to-problem';

describe('errorCodeToStatus', () => {
  it.each(Object.values(ErrorCode))('should map %s to a 4xx or 5xx status', (code) => {
    const status = errorCodeToStatus(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it.each(Object.values(DOMAIN_ERRORS).filter((entry) => entry.kind !== ErrorCode.Internal || entry.status === 500))(
    'should answer $code from a service with its catalogue status $status',
    (entry) => {
      expect(errorCodeToStatus(entry.kind)).toBe(entry.status);
    },
  );

  it('should hide the message of a service-side internal error', () => {
    const problem = toProblem(new RpcError({ code: ErrorCode.Internal, message: 'relation "community" does not exist' }));
    expect(problem).toEqual({ status: 500, code: 'server.internal', detail: 'Internal error', internal: true });
  });

  it('should pass field errors of a validation failure through', () => {
    const problem = toProblem(new RpcError({ code: ErrorCode.ValidationFailed, message: 'invalid', errors: [{ field: 'name', message: 'too short' }] }));
    expect(problem).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'name', message: 'too short' }] });
  });

  it('should hide an unknown error', () => {
    expect(toProblem(new TypeError('cannot read x of undefined'))).toEqual({ status: 500, code: 'server.internal', detail: 'Internal error', internal: true });
  });
});

describe('toProblem codes', () => {
  it("should answer a service's reason as the problem's code, with the service's message as detail", () => {
    const problem = toProblem(new RpcError({ code: ErrorCode.NotFound, reason: 'meeting.not-found', message: 'Meeting not found' }));
    expect(problem).toEqual({ status: 404, code: 'meeting.not-found', detail: 'Meeting not found' });
  });

  it('should answer a payload without a reason (an older service) as today, with the generic code of its kind', () => {
    expect(toProblem(new RpcError({ code: ErrorCode.InvalidTransition, message: 'closed' }))).toEqual({ status: 409, code: 'resource.invalid-transition', detail: 'closed' });
  });

  it("should take a gateway problem's status from its code", () => {
    expect(toProblem(new ProblemError('request.rate-limited', 'Too many requests; try again later'))).toMatchObject({ status: 429, code: 'request.rate-limited' });
    expect(toProblem(new ProblemError('idempotency.key-reused', 'used'))).toMatchObject({ status: 422, code: 'idempotency.key-reused' });
  });

  it('should render the code as problem+json code and type', () => {
    expect(problemBody(404, 'Meeting not found', '/api/v1/meetings/x', 'c-1', undefined, 'meeting.not-found')).toEqual({
      type: 'https://reporting-days.example/problems/meeting.not-found',
      title: 'Not Found',
      status: 404,
      code: 'meeting.not-found',
      detail: 'Meeting not found',
      instance: '/api/v1/meetings/x',
      correlationId: 'c-1',
    });
  });
});
