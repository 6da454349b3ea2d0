import { refusalKey } from './refusal';

describe('refusalKey', () => {
  it("tells the gateway's code as the console does, the device's own reasons under field.refusals, else the status", () => {
    expect(refusalKey({ status: 409, code: 'meeting.cancelled' })).toBe('errors.meeting.cancelled');
    expect(refusalKey({ status: 409, code: 'field.changed-meanwhile' })).toBe('field.refusals.changed-meanwhile');
    expect(refusalKey({ status: 400, code: 'something.new' })).toBe('errors.request.invalid');
    expect(refusalKey({ status: 0, code: undefined })).toBe('failures.network');
  });
});
