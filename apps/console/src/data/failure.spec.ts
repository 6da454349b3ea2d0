import { describeFailure, failureMessageKey } from './failure';

/** The shape httpClient.ts throws (react-admin's HttpError): message, status, body with the problem. */
const httpError = (message: string, status: number, problem?: object) => Object.assign(new Error(message), { status, body: problem ? { problem } : {} });

describe(describeFailure.name, () => {
  it('should call only a request that got no answer a network failure', () => {
    expect(describeFailure(httpError('ra.notification.http_error', 0))).toEqual({ kind: 'network' });
  });

  it('should read a 4xx problem+json as a refusal with its reason code, message key and detail', () => {
    const problem = {
      type: 'https://reporting-days.example/problems/meeting.not-held',
      title: 'Conflict',
      status: 409,
      code: 'meeting.not-held',
      detail: 'Attendance is recorded for a held meeting; this one is scheduled',
    };
    expect(describeFailure(httpError(problem.detail, 409, problem))).toEqual({
      kind: 'refused',
      status: 409,
      code: 'meeting.not-held',
      messageKey: 'errors.meeting.notHeld',
      detail: 'Attendance is recorded for a held meeting; this one is scheduled',
    });
  });

  it('should word a refusal whose code the console does not know, or that has none, by the generic code of its status', () => {
    expect(describeFailure(httpError('Forbidden', 403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'some.new-code' }))).toMatchObject({
      kind: 'refused',
      code: 'some.new-code',
      messageKey: 'errors.auth.forbidden',
      detail: 'Forbidden',
    });
    // A proxy's HTML page: no problem, the status is all there is.
    expect(describeFailure(httpError('Request Entity Too Large', 413))).toMatchObject({ kind: 'refused', status: 413, code: null, messageKey: 'errors.request.tooLarge' });
    expect(describeFailure(httpError('Teapot', 418))).toMatchObject({ kind: 'refused', messageKey: 'errors.request.refused' });
    expect(describeFailure(httpError('Bad Gateway', 502))).toMatchObject({ kind: 'unavailable', messageKey: 'errors.server.internal' });
  });

  it('should tell a server that could not answer (5xx) from a refusal', () => {
    expect(describeFailure(httpError('A service did not answer in time', 503, { type: 'x', title: 'Service Unavailable', status: 503, code: 'service.unavailable', detail: 'A service did not answer in time' }))).toMatchObject({
      kind: 'unavailable',
      messageKey: 'errors.service.unavailable',
    });
  });

  it('should not blame the network for an error raised on this device', () => {
    expect(describeFailure(new Error('The file could not be read'))).toEqual({ kind: 'other', status: null, code: null, messageKey: null, detail: 'The file could not be read' });
  });
});

describe(failureMessageKey.name, () => {
  it('should tell a failure by its reason code, and a network failure or an error on this device by its kind', () => {
    expect(failureMessageKey({ kind: 'network' })).toBe('failures.network');
    expect(failureMessageKey(describeFailure(httpError('x', 409, { type: 'x', title: 'Conflict', status: 409, code: 'meeting.not-held' })))).toBe('errors.meeting.notHeld');
    expect(failureMessageKey(describeFailure(new Error('resources.x')))).toBe('failures.other');
  });
});
