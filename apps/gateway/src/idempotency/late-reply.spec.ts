import { lateReplyScope, withLateReply } from './late-reply';

describe(withLateReply.name, () => {
  const setup = () => {
    const mocks = { onSlow: jest.fn(), send: jest.fn((timeoutMs: number | undefined) => new Promise<number | undefined>((resolve) => setTimeout(() => resolve(timeoutMs), 50))) };
    const scope = { lateReplyMs: 60_000, answerDeadlineMs: 20, onSlow: mocks.onSlow };
    return { mocks, inScope: <T>(work: () => Promise<T>) => lateReplyScope.run(scope, work) };
  };

  it('should leave an RPC outside a keyed write as it was', async () => {
    const { mocks } = setup();
    expect(await withLateReply(undefined, mocks.send)).toBeUndefined();
    expect(await withLateReply(15_000, mocks.send)).toBe(15_000);
    expect(mocks.onSlow).not.toHaveBeenCalled();
  });

  it('should wait the long timeout and say when the usual one passed', async () => {
    const { mocks, inScope } = setup();
    expect(await inScope(() => withLateReply(undefined, mocks.send))).toBe(60_000);
    expect(mocks.onSlow).toHaveBeenCalledTimes(1);
  });

  it('should keep a route timeout longer than the usual one as its answer deadline', async () => {
    const { mocks, inScope } = setup();
    expect(await inScope(() => withLateReply(100_000, mocks.send))).toBe(100_000);
    expect(await inScope(() => withLateReply(1_000, mocks.send))).toBe(60_000);
    // 50 ms of work is within both deadlines
    expect(mocks.onSlow).not.toHaveBeenCalled();
  });
});
