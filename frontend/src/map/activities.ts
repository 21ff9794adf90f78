// Activities and slum areas on the map, from their vector tiles: activity clusters as circles sized by their count
// with the count written on them, single activities coloured by status, slum areas coloured by level. The activity
// tiles follow the year and type controls (?year=&type= of the tiles, cached per filter).
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { query } from '../api';
import { lang } from '../i18n';

export const ACTIVITY_CLUSTERS = 'activity-clusters';
export const ACTIVITY_COUNTS = 'activity-cluster-counts';
export const ACTIVITY_POINTS = 'activity-points';
export const SLUM_POINTS = 'slum-area-points';
export const SLUM_FILL = 'slum-area-fill';
/** activities and slum areas are drawn from this zoom on (below it the regions' colours speak) */
export const DETAIL_ZOOM = 8;

export const CLUSTER_COLOUR = '#3d4a5c';
export const STATUS_COLOURS: Record<string, string> = { completed: '#1d4f91', ongoing: '#c05621', planned: '#7b3294', cancelled: '#6b6b6b' };
export const LEVEL_COLOURS: Record<string, string> = { berat: '#b2182b', sedang: '#e66101', ringan: '#fdb863', tidak_kumuh: '#4393c3' };
const UNASSESSED = '#8c8c8c';
const COUNT_PREFIX = 'count-';

export interface ActivityFilter {
  year: number | null;
  type: string | null;
}

/**
 * The tile URLs of a filter: the TileJSON's template with the filter as its query, in the server's canonical order
 * (set at once on the source, so that the tiles of the next view are already those of the filter).
 */
export function filteredTiles(template: string, filter: Record<string, string | number | null>): string[] {
  return [query(template, Object.fromEntries(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b))))];
}

export function activityTiles(template: string, filter: ActivityFilter): string[] {
  return filteredTiles(template, { year: filter.year, type: filter.type });
}

export function activityLayers(sourceLayer: string): LayerSpecification[] {
  const source = { source: 'activities', 'source-layer': sourceLayer, minzoom: DETAIL_ZOOM };
  const cluster: FilterSpecification = ['==', ['get', 'cluster'], true];
  return [
    {
      id: ACTIVITY_CLUSTERS, type: 'circle', ...source, filter: cluster,
      paint: {
        'circle-color': CLUSTER_COLOUR, 'circle-opacity': 0.82, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['to-number', ['get', 'count'], 1]], 1, 9, 10, 18, 40, 30],
      },
    },
    {
      // the count on each cluster: an image per number, drawn on demand (countImages), as the base map has no glyphs
      id: ACTIVITY_COUNTS, type: 'symbol', ...source, filter: cluster,
      layout: {
        'icon-image': ['concat', COUNT_PREFIX, ['to-string', ['get', 'count']]],
        'icon-allow-overlap': true, 'icon-ignore-placement': true,
      },
    },
    {
      id: ACTIVITY_POINTS, type: 'circle', ...source, filter: ['!=', ['get', 'cluster'], true],
      paint: {
        // small and in colours of their own, so that the region points of the drill-down stand out above them
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 6],
        'circle-color': ['match', ['get', 'status'], ...Object.entries(STATUS_COLOURS).flat(), STATUS_COLOURS.planned] as never,
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1, 'circle-opacity': 0.85,
      },
    },
  ];
}

export function slumAreaLayers(sourceLayer: string): LayerSpecification[] {
  const colour = ['match', ['coalesce', ['get', 'level'], ''], ...Object.entries(LEVEL_COLOURS).flat(), UNASSESSED];
  const source = { source: 'slum-areas', 'source-layer': sourceLayer, minzoom: DETAIL_ZOOM };
  return [
    {
      id: SLUM_FILL, type: 'fill', ...source, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': colour as never, 'fill-opacity': 0.45, 'fill-outline-color': '#5a1010' },
    },
    {
      id: SLUM_POINTS, type: 'circle', ...source, filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': colour as never, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 7],
        'circle-stroke-color': '#3b0d0d', 'circle-stroke-width': 1,
      },
    },
  ];
}

/** Points and clusters of another year or type: the tiles of that filter (versioned URLs, cached per filter). */
export function filterActivities(map: MapLibreMap, template: string, filter: ActivityFilter): void {
  (map.getSource('activities') as VectorTileSource | undefined)?.setTiles(activityTiles(template, filter));
}

/** Draws the count images the cluster labels ask for, the first time each number is needed. */
export function countImages(map: MapLibreMap): void {
  const format = new Intl.NumberFormat(lang() === 'id' ? 'id-ID' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 });
  map.setMissingStyleImageResolver((id) => {
    if (!id.startsWith(COUNT_PREFIX) || map.hasImage(id)) return;
    const text = format.format(Number(id.slice(COUNT_PREFIX.length)));
    const ratio = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(18, 8 * text.length + 6) * ratio;
    canvas.height = 18 * ratio;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.font = `bold ${12 * ratio}px system-ui, sans-serif`;
    context.fillStyle = '#ffffff';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(text, canvas.width / 2, canvas.height / 2 + ratio);
    map.addImage(id, context.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: ratio });
  });
}
