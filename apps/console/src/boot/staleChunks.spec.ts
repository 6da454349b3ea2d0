import { reloadOnStaleChunks, STALE_CHUNK_RELOADED_AT } from './staleChunks';

/** A window with only what the handler touches: its listeners, a session storage and reload. */
function fakeWindow() {
  const listeners: ((event: Event) => void)[] = [];
  const stored = new Map<string, string>();
  const reload = jest.fn();
  const win = {
    addEventListener: (type: string, listener: (event: Event) => void) => {
      if (type === 'vite:preloadError') listeners.push(listener);
    },
    sessionStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) },
    location: { reload },
  };
  const failChunk = () => {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    listeners.forEach((listener) => listener(event as unknown as Event));
    return event.defaultPrevented;
  };
  return { win: win as unknown as Parameters<typeof reloadOnStaleChunks>[0], stored, reload, failChunk };
}

describe(reloadOnStaleChunks.name, () => {
  it('should reload once when a chunk of an older build is missing, instead of the error', () => {
    const { win, stored, reload, failChunk } = fakeWindow();
    reloadOnStaleChunks(win, () => 1_000_000);
    expect(failChunk()).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(stored.get(STALE_CHUNK_RELOADED_AT)).toBe('1000000');
  });

  it('should let a second failure within a minute surface, so a broken deploy does not reload forever', () => {
    const { win, stored, reload, failChunk } = fakeWindow();
    stored.set(STALE_CHUNK_RELOADED_AT, String(1_000_000 - 30_000));
    reloadOnStaleChunks(win, () => 1_000_000);
    expect(failChunk()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('should reload again for a later deploy', () => {
    const { win, stored, reload, failChunk } = fakeWindow();
    stored.set(STALE_CHUNK_RELOADED_AT, String(1_000_000 - 61_000));
    reloadOnStaleChunks(win, () => 1_000_000);
    expect(failChunk()).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
