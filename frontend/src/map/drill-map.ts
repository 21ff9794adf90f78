// Map creation of the map page: the MapLibre map with the regions of the level on screen (tiles of ?level=&parent=:
// outlines where a boundary is known, points elsewhere), activities and slum areas over them; each step of the
// drill-down swaps the region tiles, colours and sizes them from the values, and fits the map to the region.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { hasValue } from '../shape';
import type { MapState } from '../url-state';
import { type ActivityFilter, SLUM_FILL, SLUM_POINTS, ACTIVITY_CLUSTERS, ACTIVITY_COUNTS, ACTIVITY_POINTS, activityLayers,
  activityTiles, countImages, filterActivities, filteredTiles, slumAreaLayers } from './activities';
import { createMap } from './create';
import { REGION_FILL, REGION_LINE, REGION_POINTS, fallbackPoints, fillColour, pointColour, pointRadius, regionFallbackLayer, regionLayers } from './layers';
import { wireClicks } from './interactions';
import { INDONESIA_BOUNDS } from './style';
import type { LevelView, PageData, TileSet } from './view-data';

/** the closest a drill step zooms in, by the level shown (villages need street scale) */
const MAX_ZOOM: Record<number, number> = { 1: 5, 2: 9, 3: 13, 4: 15 };

export interface DrillMap {
  map: MapLibreMap;
  /** draws a level: its region tiles, colours and sizes from the values; `fit` frames the region */
  show: (state: MapState, view: LevelView, fit: boolean) => void;
  filter: (filter: ActivityFilter) => void;
  layers: (shown: { activities: boolean; slumAreas: boolean }) => void;
}

export interface DrillEvents {
  /** a region of the level shown was clicked */
  region: (code: string) => void;
  moved: (view: { lon: number; lat: number; zoom: number }) => void;
}

/** The region tiles of a level: the regions of `level` below `parent` (the provinces at level 1), at every zoom. */
export function regionTiles(template: string, state: MapState): string[] {
  return filteredTiles(template, { level: state.level, parent: state.parent });
}

/** Throws when the browser has no WebGL: the page then shows its text twin only. */
export function createDrillMap(box: HTMLElement, state: MapState, data: PageData, events: DrillEvents, interactive = true): DrillMap {
  const view = state.view ? { center: [state.view.lon, state.view.lat] as [number, number], zoom: state.view.zoom } : {};
  const map = createMap(box, view, data.styleUrl, { interactive });
  let pending: (() => void) | null = null;
  let loaded = false;
  let regionsLevel = levelKey(state);
  const activityFilter: ActivityFilter = { year: state.year, type: state.type };

  map.on('load', () => {
    addLayers(map, data, state, activityFilter);
    countImages(map);
    wireClicks(map, data.regions?.layer ?? null, events.region);
    loaded = true;
    pending?.();
    pending = null;
  });
  map.on('moveend', () => {
    if (!loaded) return;
    const center = map.getCenter();
    events.moved({ lon: center.lng, lat: center.lat, zoom: map.getZoom() });
  });
  map.on('error', () => undefined);

  const apply = (shown: MapState, view: LevelView, fit: boolean) => {
    if (data.regions && levelKey(shown) !== regionsLevel) {
      // a source of its own for each level: new tiles, not the reload of the previous level's (whose ETags and
      // decoded data MapLibre would reuse)
      regionsLevel = levelKey(shown);
      for (const id of [REGION_POINTS, REGION_LINE, REGION_FILL]) if (map.getLayer(id)) map.removeLayer(id);
      map.removeSource('regions');
      addRegions(map, data.regions, shown);
    }
    paint(map, data.regions?.layer ?? null, view);
    if (fit) {
      const bounds = shown.level === 1 || !view.bbox ? INDONESIA_BOUNDS : view.bbox;
      map.fitBounds(bounds, { padding: 30, maxZoom: MAX_ZOOM[shown.level], duration: 0 });
    }
    map.once('idle', () => {
      document.body.dataset.mapReady = String(Date.now());
    });
  };
  return {
    map,
    show: (shown, view, fit) => {
      const step = () => apply({ ...shown }, view, fit);
      if (loaded) step();
      else pending = step;
    },
    filter: (filter) => {
      activityFilter.year = filter.year;
      activityFilter.type = filter.type;
      if (loaded && data.activities) filterActivities(map, data.activities.tiles, filter);
    },
    layers: (shown) => {
      const visibility = (on: boolean) => (on ? 'visible' : 'none');
      for (const id of [ACTIVITY_CLUSTERS, ACTIVITY_COUNTS, ACTIVITY_POINTS]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility(shown.activities));
      for (const id of [SLUM_FILL, SLUM_POINTS]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility(shown.slumAreas));
    },
  };
}

const levelKey = (state: MapState) => `${state.level}/${state.parent ?? ''}`;

function addLayers(map: MapLibreMap, data: PageData, state: MapState, filter: ActivityFilter): void {
  const { regions: regionSet, activities: activitySet, slumAreas: slumSet } = data;
  const slums = slumSet ? slumAreaLayers(slumSet.layer) : [];
  const activities = activitySet ? activityLayers(activitySet.layer) : [];
  if (slumSet) map.addSource('slum-areas', { type: 'vector', tiles: [slumSet.tiles] });
  if (activitySet) map.addSource('activities', { type: 'vector', tiles: activityTiles(activitySet.tiles, filter) });
  // drawn bottom to top: region outlines, slum outlines, clusters, single activities, slum points, and the region
  // points of the drill-down on top (a click on what is seen follows the same order, see interactions)
  for (const layer of [...slums.filter((l) => l.id === SLUM_FILL), ...activities, ...slums.filter((l) => l.id === SLUM_POINTS)]) map.addLayer(layer);
  if (regionSet) {
    addRegions(map, regionSet, state);
  } else {
    map.addSource('regions', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer(regionFallbackLayer());
  }
}

/** The region tiles of a level and their layers: outlines under everything else, points on top. */
function addRegions(map: MapLibreMap, set: TileSet, state: MapState): void {
  map.addSource('regions', { type: 'vector', tiles: regionTiles(set.tiles, state), attribution: set.attribution, promoteId: 'code' });
  const below = [SLUM_FILL, ACTIVITY_CLUSTERS, ACTIVITY_COUNTS, ACTIVITY_POINTS, SLUM_POINTS].find((id) => map.getLayer(id));
  for (const layer of regionLayers(set.layer, [], null, null)) map.addLayer(layer, layer.id === REGION_POINTS ? undefined : below);
}

/** Feature state from the values of the level; the colours and sizes of the level's legend. */
function paint(map: MapLibreMap, regionLayer: string | null, view: LevelView): void {
  const { breaks, min, max } = view.legend;
  if (!regionLayer) {
    (map.getSource('regions') as GeoJSONSource | undefined)?.setData(fallbackPoints(view.items, breaks));
    return;
  }
  map.removeFeatureState({ source: 'regions', sourceLayer: regionLayer });
  for (const item of view.items) {
    map.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id: item.code }, { value: item.value, hasData: hasValue(item) });
  }
  map.setPaintProperty(REGION_FILL, 'fill-color', fillColour(breaks));
  map.setPaintProperty(REGION_POINTS, 'circle-color', pointColour(breaks));
  map.setPaintProperty(REGION_POINTS, 'circle-radius', pointRadius(min, max));
}
