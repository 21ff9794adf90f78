// Region and activity layers of the map. Colours of regions come from feature state (value, hasData), set
// from /api/v1/progress for the chosen metric and year, so the tiles never need to be re-fetched.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR, PALETTE, paletteIndex } from '../shape';

export const REGION_FILL = 'regions-fill';
export const REGION_LINE = 'regions-line';
export const REGION_POINTS = 'region-points';
export const ACTIVITY_POINTS = 'activity-points';

/** fill colour: the palette step of the value, or grey when the region has no data yet */
export function fillColour(breaks: number[]): ExpressionSpecification {
  const classes = breaks.length + 1;
  const colour = (index: number) => PALETTE[paletteIndex(index, classes)] as string;
  const stops: (string | number)[] = [colour(0)];
  breaks.forEach((limit, index) => {
    stops.push(limit, colour(index + 1));
  });
  const step = breaks.length === 0
    ? colour(0)
    : (['step', ['to-number', ['feature-state', 'value'], 0], ...stops] as unknown as ExpressionSpecification);
  return ['case', ['boolean', ['feature-state', 'hasData'], false], step, NO_DATA_COLOUR] as ExpressionSpecification;
}

/** regions of one level, under one parent (by the dotted code prefix) */
export function regionFilter(level: number, parent: string | null): FilterSpecification {
  const byLevel: FilterSpecification = ['==', ['to-number', ['get', 'level']], level];
  if (!parent) return byLevel;
  const prefix = `${parent}.`;
  return ['all', byLevel, ['==', ['slice', ['to-string', ['get', 'code']], 0, prefix.length], prefix]];
}

export function regionLayers(sourceLayer: string, level: number, parent: string | null, breaks: number[]): LayerSpecification[] {
  const filter = regionFilter(level, parent);
  return [
    { id: REGION_FILL, type: 'fill', source: 'regions', 'source-layer': sourceLayer, filter, paint: { 'fill-color': fillColour(breaks), 'fill-opacity': 0.85 } },
    {
      id: REGION_LINE, type: 'line', source: 'regions', 'source-layer': sourceLayer, filter,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#111111', '#555555'],
        'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0.7],
      },
    },
  ];
}

/** fallback when no boundary tiles exist: one circle per region at its label point */
export function regionPointLayer(): LayerSpecification {
  return {
    id: REGION_POINTS, type: 'circle', source: 'region-points',
    paint: { 'circle-color': ['get', 'colour'], 'circle-radius': 8, 'circle-stroke-color': '#333333', 'circle-stroke-width': 1 },
  };
}

/** activity points from vector tiles (sourceLayer given) or from a GeoJSON source (the API's format=geojson) */
export function activityLayer(sourceLayer: string | null, minzoom: number): LayerSpecification {
  return {
    id: ACTIVITY_POINTS, type: 'circle', source: 'activities', ...(sourceLayer ? { 'source-layer': sourceLayer } : {}), minzoom,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], minzoom, 3, 16, 7],
      'circle-color': ['match', ['get', 'status'], 'completed', '#1f7a3a', 'ongoing', '#c05621', 'cancelled', '#777777', '#2b6cb0'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  };
}
