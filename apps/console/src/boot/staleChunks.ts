/** When the console last reloaded itself for a missing chunk (sessionStorage, this tab only). */
export const STALE_CHUNK_RELOADED_AT = 'rd-stale-chunk-reload';
const AGAIN_AFTER_MS = 60_000;

type ConsoleWindow = Pick<Window, 'addEventListener' | 'sessionStorage'> & { location: Pick<Location, 'reload'> };

/**
 * Pages are chunks loaded when first shown (ADR 45). After a deploy the service worker (autoUpdate) swaps in the new
 * build and drops the old precache while a tab still runs the old build, so that tab's next new page asks for a chunk
 * that is gone. Vite reports it as `vite:preloadError`: reload once, which starts the new build. Another failure
 * within a minute is no such case (a broken deploy, a server error) and is left to react-admin's error page.
 */
export function reloadOnStaleChunks(win: ConsoleWindow, now: () => number = Date.now): void {
  win.addEventListener('vite:preloadError', (event) => {
    const last = Number(win.sessionStorage.getItem(STALE_CHUNK_RELOADED_AT) ?? 0);
    if (now() - last < AGAIN_AFTER_MS) return;
    win.sessionStorage.setItem(STALE_CHUNK_RELOADED_AT, String(now()));
    event.preventDefault();
    win.location.reload();
  });
}
