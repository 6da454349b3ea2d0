import {
  FAILED_TILES_BEFORE_FALLBACK,
  initialTileWatch,
  nextTileWatch,
  type TileEvent,
  type TileWatch,
} from './tileStatus';

const run = (...events: TileEvent['type'][]): TileWatch =>
  events.reduce((watch, type) => nextTileWatch(watch, { type }), initialTileWatch);

describe(nextTileWatch.name, () => {
  it('should start loading', () => {
    expect(initialTileWatch.status).toBe('loading');
  });

  it('should be ready once a tile loads', () => {
    expect(run('tileload').status).toBe('ready');
  });

  it('should fall back to the list when tiles fail and none ever loaded (no internet)', () => {
    const errors = Array.from({ length: FAILED_TILES_BEFORE_FALLBACK }, () => 'tileerror' as const);
    expect(run(...errors).status).toBe('unreachable');
  });

  it('should not give up on a single failed tile', () => {
    expect(run('tileerror').status).toBe('loading');
  });

  it('should fall back when no tile answers before the timeout', () => {
    expect(run('timeout').status).toBe('unreachable');
  });

  it('should keep the map when tiles loaded, even if some fail and the timeout fires later', () => {
    expect(run('tileload', 'tileerror', 'tileerror', 'tileerror', 'timeout').status).toBe('ready');
  });

  it('should show the map again when a tile finally arrives after the fallback', () => {
    expect(run('timeout', 'tileload').status).toBe('ready');
  });
});
