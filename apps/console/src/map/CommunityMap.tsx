import 'leaflet/dist/leaflet.css';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useReducer } from 'react';
import { CircleMarker, MapContainer, Popup, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { Link, Loading, Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { boundsOf, DEFAULT_CENTER, DEFAULT_ZOOM, toMapPoints, type MapPoint, type MappableCommunity } from './mapPoints';
import { CommunityPlainList } from './CommunityPlainList';
import { FIRST_TILE_TIMEOUT_MS, initialTileWatch, nextTileWatch } from './tileStatus';
import { mapTileUrl, TILE_ATTRIBUTION } from './tileSource';
import { useFailureText } from '../data/useFailureText';

const STATUS_COLORS: Readonly<Record<string, string>> = {
  proposed: '#8e8e8e',
  onboarding: '#e08a00',
  active: '#2e6b3f',
  paused: '#7b5ea7',
  archived: '#5d4037',
};

/** Fits the view to the communities once they are known. */
const FitBounds = ({ points }: { points: MapPoint[] }) => {
  const map = useMap();
  const bounds = useMemo(() => boundsOf(points), [points]);
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 12 });
  }, [map, bounds]);
  return null;
};

/**
 * Communities on a Leaflet map (coordinates from the API). The background tiles come from the internet; when
 * they cannot be loaded (offline, blocked) the page says so and shows the communities as a plain list, with
 * the markers still drawn on an empty background below it.
 */
export const CommunityMap = () => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const createPath = useCreatePath();
  const [tiles, dispatch] = useReducer(nextTileWatch, initialTileWatch);
  const { data, isPending, error } = useGetList<MappableCommunity & { id: string }>('communities', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { points, unlocated } = useMemo(() => toMapPoints(data ?? []), [data]);

  useEffect(() => {
    const timer = setTimeout(() => dispatch({ type: 'timeout' }), FIRST_TILE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);

  const unreachable = tiles.status === 'unreachable';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.map.title" />
      <CardContent>
        {unreachable && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="map-tiles-unreachable">
            {translate('app.map.tilesUnreachable')}
          </Alert>
        )}
        {error && <Alert severity="error">{failureText(error)}</Alert>}
        {isPending ? (
          <Loading />
        ) : (
          <>
            {unreachable && <CommunityPlainList communities={data ?? []} />}
            {unlocated > 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
                {translate('app.map.unlocated', { smart_count: unlocated })}
              </Typography>
            )}
            <Box
              data-testid="community-map"
              data-tiles={tiles.status}
              sx={{ height: unreachable ? 320 : '65vh', minHeight: 320, mt: 1, '& .leaflet-container': { height: '100%' } }}
            >
              <MapContainer center={DEFAULT_CENTER} zoom={DEFAULT_ZOOM} scrollWheelZoom style={{ height: '100%' }}>
                <TileLayer
                  url={mapTileUrl()}
                  attribution={TILE_ATTRIBUTION}
                  eventHandlers={{
                    tileload: () => dispatch({ type: 'tileload' }),
                    tileerror: () => dispatch({ type: 'tileerror' }),
                  }}
                />
                <FitBounds points={points} />
                {points.map((point) => (
                  <CircleMarker
                    key={point.id}
                    center={[point.lat, point.lng]}
                    radius={10}
                    pathOptions={{ color: STATUS_COLORS[point.status ?? ''] ?? '#1f5f8b', fillOpacity: 0.8 }}
                  >
                    <Tooltip>{point.name}</Tooltip>
                    <Popup>
                      <Link to={createPath({ resource: 'communities', id: point.id, type: 'show' })}>{point.name}</Link>
                      {point.status && <div>{translate(`resources.communities.statuses.${point.status}`)}</div>}
                    </Popup>
                  </CircleMarker>
                ))}
              </MapContainer>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
