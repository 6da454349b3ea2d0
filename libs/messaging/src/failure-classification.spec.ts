import { DomainException, ErrorCode } from '@rd/contracts';
import { subjectMatches } from './dead-letter-replay';
import { cappedBackoffMs, classifyFailure, PoisonMessageError } from './event.consumer';
import { RpcError } from './rpc.client';

describe(classifyFailure.name, () => {
  it.each([
    ['a refusing domain exception', new DomainException('resource.invalid-transition', 'closed'), 'poison'],
    ['a not-found domain exception', new DomainException('resource.not-found', 'gone'), 'poison'],
    ['an explicit poison message', new PoisonMessageError('never applies'), 'poison'],
    ['a domain exception saying a peer is unavailable', new DomainException('service.unavailable', 'down'), 'transient'],
    ['an internal domain exception', new DomainException('server.internal', 'bug or outage'), 'transient'],
    ['a peer that did not answer', new RpcError({ code: ErrorCode.ServiceUnavailable, message: 'no answer' }), 'transient'],
    ['a peer refusing (its state may still change)', new RpcError({ code: ErrorCode.NotFound, message: 'not yet' }), 'transient'],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'transient'],
    ['a terminated PostgreSQL session', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'transient'],
    ['an unknown value', 'boom', 'transient'],
  ])('should classify %s as %s', (_what, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe(cappedBackoffMs.name, () => {
  it('should double from the initial delay and stop at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 5000].map((n) => cappedBackoffMs(n))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect([1, 2, 5].map((n) => cappedBackoffMs(n, 200, 2000))).toEqual([200, 400, 2000]);
  });
});

describe(subjectMatches.name, () => {
  it('should match NATS wildcards', () => {
    expect(subjectMatches('rd.meetings.evt.>', 'rd.meetings.evt.meeting.held.v1')).toBe(true);
    expect(subjectMatches('rd.*.evt.meeting.held.v1', 'rd.meetings.evt.meeting.held.v1')).toBe(true);
    expect(subjectMatches('rd.meetings.evt.meeting.held.v1', 'rd.meetings.evt.meeting.held.v1')).toBe(true);
    expect(subjectMatches('rd.meetings.evt.>', 'rd.meetings.evt')).toBe(false);
    expect(subjectMatches('rd.audit.evt.>', 'rd.meetings.evt.meeting.held.v1')).toBe(false);
    expect(subjectMatches('rd.meetings.evt.*', 'rd.meetings.evt.meeting.held.v1')).toBe(false);
  });
});
