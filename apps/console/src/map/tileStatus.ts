/**
 * Whether the map's background tiles can be reached. Leaflet reports every tile it loads (`tileload`) or fails
 * to load (`tileerror`); a tile server that is unreachable, blocked by the CSP or offline (as on an air-gapped
 * machine) may also simply never answer, hence the timeout. Pure so that the degradation is unit-tested.
 */
export type TileStatus = 'loading' | 'ready' | 'unreachable';

export interface TileWatch {
  status: TileStatus;
  loaded: number;
  failed: number;
}

export type TileEvent = { type: 'tileload' } | { type: 'tileerror' } | { type: 'timeout' };

/** Failed tiles, with none loaded, after which the tiles count as unreachable without waiting for the timeout. */
export const FAILED_TILES_BEFORE_FALLBACK = 2;
/** How long to wait for a first tile before giving up on the background map. */
export const FIRST_TILE_TIMEOUT_MS = 8_000;

export const initialTileWatch: TileWatch = { status: 'loading', loaded: 0, failed: 0 };

export function nextTileWatch(watch: TileWatch, event: TileEvent): TileWatch {
  switch (event.type) {
    case 'tileload':
      // One tile that arrives proves the server is reachable; a few failed ones at the edges do not matter.
      return { ...watch, loaded: watch.loaded + 1, status: 'ready' };
    case 'tileerror': {
      const failed = watch.failed + 1;
      const unreachable = watch.loaded === 0 && failed >= FAILED_TILES_BEFORE_FALLBACK;
      return { ...watch, failed, status: unreachable ? 'unreachable' : watch.status };
    }
    case 'timeout':
      return watch.status === 'loading' ? { ...watch, status: 'unreachable' } : watch;
  }
}
