/** What the map needs of a community; the coordinates come from the API (`location`, WGS84). */
export interface MappableCommunity {
  id: string | number;
  name: string;
  status?: string;
  districtCode?: string;
  location?: { lat: number; lng: number } | null;
}

export interface MapPoint {
  id: string | number;
  name: string;
  status?: string;
  lat: number;
  lng: number;
}

const isCoordinate = (value: unknown, limit: number) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/** Communities with usable coordinates become points; the others are counted so the page can say so. */
export function toMapPoints(communities: readonly MappableCommunity[]): { points: MapPoint[]; unlocated: number } {
  const points: MapPoint[] = [];
  for (const { id, name, status, location } of communities) {
    if (location && isCoordinate(location.lat, 90) && isCoordinate(location.lng, 180)) {
      points.push({ id, name, status, lat: location.lat, lng: location.lng });
    }
  }
  return { points, unlocated: communities.length - points.length };
}

/** South-west and north-east corners around the points, or null when there are none. */
export function boundsOf(points: readonly MapPoint[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  const lats = points.map((point) => point.lat);
  const lngs = points.map((point) => point.lng);
  return [
    [Math.min(...lats), Math.min(...lngs)],
    [Math.max(...lats), Math.max(...lngs)],
  ];
}

/** The Isfara district, where the programme started: the view when no community has coordinates yet. */
export const DEFAULT_CENTER: [number, number] = [40.12, 70.63];
export const DEFAULT_ZOOM = 9;
