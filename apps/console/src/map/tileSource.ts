/**
 * Background map tiles. OpenStreetMap's public tile server unless the deployment names its own in
 * `/config.json` (`mapTileUrl`), e.g. a tile cache inside the ministry network. The page's CSP must allow its
 * origin in `img-src`, or every tile fails and the map page falls back to the list.
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
