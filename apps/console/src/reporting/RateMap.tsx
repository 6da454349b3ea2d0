import 'leaflet/dist/leaflet.css';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useReducer } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import { boundsOf, DEFAULT_CENTER, DEFAULT_ZOOM, type MapPoint } from '../map/mapPoints';
import { FIRST_TILE_TIMEOUT_MS, initialTileWatch, nextTileWatch } from '../map/tileStatus';
import { mapTileUrl, TILE_ATTRIBUTION } from '../map/tileSource';
import { CellValue } from './CellValue';
import { RATE_BAND_COLORS, rateBand, type RateRow } from './rows';

export type Located = ReadonlyMap<string, { lat: number; lng: number }>;

const FitBounds = ({ points }: { points: MapPoint[] }) => {
  const map = useMap();
  const bounds = useMemo(() => boundsOf(points), [points]);
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 11 });
  }, [map, bounds]);
  return null;
};

/**
 * The children of the summary on the map of apps/console/src/map (same tiles, same fallback): one marker per unit
 * with coordinates, coloured by reporting rate. Without reachable tiles the units are listed with their rate.
 */
export const RateMap = ({ rows, locations, threshold, onOpen }: { rows: RateRow[]; locations: Located; threshold: number; onOpen: (row: RateRow) => void }) => {
  const translate = useTranslate();
  const [tiles, dispatch] = useReducer(nextTileWatch, initialTileWatch);
  useEffect(() => {
    const timer = setTimeout(() => dispatch({ type: 'timeout' }), FIRST_TILE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);
  const located = useMemo(
    () =>
      rows.flatMap((row) => {
        const at = row.code ? locations.get(row.code) : undefined;
        return at ? [{ row, point: { id: row.id, name: row.name, lat: at.lat, lng: at.lng } }] : [];
      }),
    [rows, locations],
  );
  const points = useMemo(() => located.map(({ point }) => point), [located]);
  const unreachable = tiles.status === 'unreachable';
  return (
    <Box data-testid="rate-map" data-tiles={tiles.status} sx={{ minWidth: 0 }}>
      {unreachable && (
        <>
          <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('reporting.map.tilesUnreachable')}
          </Alert>
          <List dense data-testid="rate-map-list">
            {rows.map((row) => (
              <ListItem key={row.id}>
                <ListItemText
                  primary={row.name}
                  secondary={
                    <Box component="span" sx={{ display: 'inline-flex', gap: 1 }}>
                      {translate('reporting.columns.rate')}: <CellValue display={row.rate} as="percent" threshold={threshold} />
                    </Box>
                  }
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {located.length < rows.length && (
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {translate('reporting.map.unlocated', { smart_count: rows.length - located.length })}
        </Typography>
      )}
      <Box sx={{ height: unreachable ? 240 : 380, '& .leaflet-container': { height: '100%' } }}>
        <MapContainer center={DEFAULT_CENTER} zoom={DEFAULT_ZOOM} scrollWheelZoom={false} style={{ height: '100%' }}>
          <TileLayer
            url={mapTileUrl()}
            attribution={TILE_ATTRIBUTION}
            eventHandlers={{ tileload: () => dispatch({ type: 'tileload' }), tileerror: () => dispatch({ type: 'tileerror' }) }}
          />
          <FitBounds points={points} />
          {located.map(({ row, point }) => (
            <CircleMarker
              key={row.id}
              center={[point.lat, point.lng]}
              radius={12}
              pathOptions={{ color: RATE_BAND_COLORS[rateBand(row.rate)], fillOpacity: 0.8 }}
              eventHandlers={{ click: () => row.drillable && onOpen(row) }}
            >
              <Tooltip>
                {row.name}: {row.rate.kind === 'value' ? `${Math.round(row.rate.value * 100)}%` : '—'}
              </Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </Box>
    </Box>
  );
};
