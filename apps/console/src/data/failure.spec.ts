import { describeFailure } from './failure';

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

  it('should keep the detail of a refusal whose code the console does not know, or that has none', () => {
    expect(describeFailure(httpError('Forbidden', 403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'some.new-code' }))).toMatchObject({
      kind: 'refused',
      code: 'some.new-code',
      messageKey: null,
      detail: 'Forbidden',
    });
    // A proxy's HTML page: no problem, the status text is all there is.
    expect(describeFailure(httpError('Request Entity Too Large', 413))).toMatchObject({ kind: 'refused', status: 413, code: null, detail: 'Request Entity Too Large' });
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
