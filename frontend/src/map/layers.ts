// Region layers of the map. Colours (and the size of points) come from feature state (value, hasData), set from
// /api/v1/progress for the chosen metric and year, so the tiles never need to be re-fetched for another metric.
// Regions with a known boundary are polygons; the others (most districts and villages) points at their place.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ProgressItem } from '../api';
import { NO_DATA_COLOUR, PALETTE, colourOf, hasValue, paletteIndex } from '../shape';

export const REGION_FILL = 'regions-fill';
export const REGION_LINE = 'regions-line';
export const REGION_POINTS = 'region-points';
/** the layers a click on a region hits */
export const REGION_LAYERS = [REGION_POINTS, REGION_FILL];

const HAS_DATA: ExpressionSpecification = ['boolean', ['feature-state', 'hasData'], false];
const HOVER: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

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
  return ['case', HAS_DATA, step, NO_DATA_COLOUR] as ExpressionSpecification;
}

/** the colour of a region point: as the outlines, but white (an empty ring) without data */
export function pointColour(breaks: number[]): ExpressionSpecification {
  const [, , step] = fillColour(breaks) as unknown as [string, unknown, ExpressionSpecification];
  return ['case', HAS_DATA, step, '#ffffff'] as ExpressionSpecification;
}

/** radius of a region point: 7-16 px by its value between the lowest and highest on screen; 5 px without data */
export function pointRadius(min: number | null, max: number | null): ExpressionSpecification {
  const sized: ExpressionSpecification | number = min === null || max === null || max <= min
    ? 11
    : ['interpolate', ['linear'], ['to-number', ['feature-state', 'value'], min], min, 7, max, 16];
  return ['case', HAS_DATA, sized, 5] as ExpressionSpecification;
}

/** the regions of the level shown (the tiles of ?level=&parent= hold nothing else): outlines and points */
export function regionLayers(sourceLayer: string, breaks: number[], min: number | null, max: number | null): LayerSpecification[] {
  const source = { source: 'regions', 'source-layer': sourceLayer };
  return [
    {
      id: REGION_FILL, type: 'fill', ...source, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': fillColour(breaks), 'fill-opacity': 0.85 },
    },
    {
      id: REGION_LINE, type: 'line', ...source, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': ['case', HOVER, '#111111', '#555555'], 'line-width': ['case', HOVER, 2.5, 0.7] },
    },
    {
      id: REGION_POINTS, type: 'circle', ...source, filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': pointColour(breaks),
        'circle-radius': pointRadius(min, max),
        // without data: an empty grey ring, never a filled dot in the colour of a value (nor of an activity)
        'circle-stroke-color': ['case', HOVER, '#111111', ['case', HAS_DATA, '#333333', '#767676']],
        'circle-stroke-width': ['case', HOVER, 3, ['case', HAS_DATA, 1.5, 2.5]],
      },
    },
  ];
}

/** fallback when the server has no region tiles: one circle per region at its place, from the API */
export function regionFallbackLayer(): LayerSpecification {
  return {
    id: REGION_POINTS, type: 'circle', source: 'regions',
    paint: { 'circle-color': ['get', 'colour'], 'circle-radius': 8, 'circle-stroke-color': '#333333', 'circle-stroke-width': 1 },
  };
}

/** the regions as GeoJSON points at their places, coloured by class, for the fallback layer */
export function fallbackPoints(items: ProgressItem[], breaks: number[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.filter((item) => item.lon != null && item.lat != null).map((item) => ({
      type: 'Feature',
      id: item.code,
      properties: { code: item.code, name: item.name, colour: hasValue(item) ? colourOf(item.value, breaks) : NO_DATA_COLOUR },
      geometry: { type: 'Point', coordinates: [item.lon as number, item.lat as number] },
    })),
  };
}
