/**
 * Background map tiles: the server `/config.json` names (`mapTileUrl`, from `RD_MAP_TILE_URL`, e.g. a tile cache
 * inside the ministry network). The console server resolves it, OpenStreetMap's public one by default, and its CSP
 * allows exactly that origin in `img-src` (libs/devstack/src/console-server.ts); the default here only serves a
 * `/config.json` without it (the Vite dev server). Tiles that still fail make the map pages list the places.
 */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

let tileUrl = DEFAULT_TILE_URL;

export function configureMapTiles(url: string | undefined): void {
  tileUrl = url || DEFAULT_TILE_URL;
}

export function mapTileUrl(): string {
  return tileUrl;
}
