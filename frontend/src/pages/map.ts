// Map page /peta: choropleth of a metric and year with legend and year control, drill-down by click,
// activity points at closer zoom, the state in the URL, and an accessible twin (summary + table).
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { Popup } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { type Progress, type ProgressItem, type RegionProfile, type Summary, getJson, query } from '../api';
import { downloadLink, h, notice, uid } from '../dom';
import { type Unit, formatByUnit, formatIdr, formatPct } from '../format';
import { failureText } from '../figures';
import { lang, t, tDynamic } from '../i18n';
import { ACTIVITY_POINTS, REGION_FILL, REGION_POINTS, activityLayer, fillColour, regionLayers, regionPointLayer } from '../map/layers';
import { createMap } from '../map/create';
import { INDONESIA_BOUNDS } from '../map/style';
import type { Cleanup, PageContext } from '../page';
import { NO_DATA_COLOUR, PALETTE, colourOf, hasValue, paletteIndex, quantileBreaks, rank, summarise, toCsv } from '../shape';
import { METRICS, type MapState, levelOf, parentOf, parseMapState, serializeMapState } from '../url-state';

interface TileJson {
  vector_layers?: { id: string }[];
  minzoom?: number;
}

const ZOOM_BY_LEVEL: Record<number, number> = { 1: 4, 2: 6.5, 3: 9, 4: 11 };
const ACTIVITY_ZOOM = 10;

export async function render(main: HTMLElement, context: PageContext): Promise<Cleanup> {
  const state = parseMapState(context.search);
  const names = new Map<string, string>();
  context.setTitle(t('mapTitle'));

  const metricSelect = labelled(t('metric'), h('select', {}, ...METRICS.map((metric) => h('option', { value: metric, selected: metric === state.metric }, t(`metric_${metric}`)))));
  const yearSelect = labelled(t('year'), h('select', {}, h('option', { value: '' }, t('allYears'))));
  const trail = h('nav', { class: 'breadcrumb', 'aria-label': t('level') });
  const status = h('div', { class: 'map-status', role: 'status' });
  const mapBox = h('div', { id: 'map', class: 'map' });
  const legend = h('div', { class: 'legend', 'aria-labelledby': 'legend-title' });
  const twinSummary = h('p', { class: 'twin-summary', tabindex: '-1' });
  const twinTable = h('div', { class: 'table-scroll' });
  main.append(
    h('h1', { tabindex: '-1' }, t('mapTitle')),
    h('p', { class: 'lead' }, t('mapIntro')),
    h('div', { class: 'map-controls' }, metricSelect.wrap, yearSelect.wrap),
    trail, status,
    h('div', { class: 'map-layout' }, mapBox, legend),
    h('section', { 'aria-labelledby': 'twin', class: 'twin' },
      h('h2', { id: 'twin' }, t('mapTwin')), h('p', {}, t('mapTwinIntro')), twinSummary, twinTable),
  );

  const [summary, tiles, activityTiles, config] = await Promise.all([
    getJson<Summary>('/api/v1/summary'),
    getJson<TileJson>('/tiles/regions.json'),
    getJson<TileJson>('/tiles/activities.json'),
    getJson<{ mapStyleUrl?: string }>('/site/config.json'),
  ]);
  if (summary.ok) {
    context.setEnvelope(summary.data);
    for (const point of summary.data.series ?? []) {
      yearSelect.field.append(h('option', { value: String(point.year), selected: point.year === state.year }, String(point.year)));
    }
  }
  const regionLayer = tiles.ok ? (tiles.data.vector_layers?.[0]?.id ?? 'regions') : null;
  const messages: string[] = [];
  if (!tiles.ok) messages.push(t('mapTilesMissing'));
  if (activityTiles.ok) messages.push(t('activityPoints'));

  let map: MapLibreMap | null = null;
  try {
    const view = state.view;
    map = createMap(mapBox, view ? { center: [view.lon, view.lat], zoom: view.zoom } : {}, config.ok ? config.data.mapStyleUrl : undefined);
  } catch {
    messages.push(t('mapNoWebgl'));
  }
  let breaks: number[] = [];
  let items: ProgressItem[] = [];
  let unit: Unit = 'count';
  let loaded = false;
  let moved = false;

  const syncUrl = () => context.replaceUrl(`/peta${serializeMapState(state)}`);

  const redrawTrail = () => drawTrail(trail, state, names, (code) => drillTo(code));
  const refresh = async (fit: boolean) => {
    syncUrl();
    redrawTrail();
    void nameTrail(state, names).then(redrawTrail);
    const path = query('/api/v1/progress', { level: state.level, parent: state.parent, year: state.year, metric: state.metric });
    const result = await getJson<Progress>(path);
    const notes = [...messages];
    if (!result.ok) {
      notes.push(result.missing ? t('mapProgressMissing') : failureText(result, '/api/v1/progress'));
      items = [];
    } else {
      context.setEnvelope(result.data);
      items = result.data.items;
      unit = toUnit(result.data.unit);
      for (const item of items) names.set(item.code, item.name);
      redrawTrail();
    }
    status.replaceChildren(...notes.map((text) => notice(text)));
    breaks = quantileBreaks(items.filter(hasValue).map((item) => item.value));
    drawLegend(legend, breaks, unit);
    drawTwin(twinSummary, twinTable, items, unit, state, (code) => {
      // keyboard users stay in the twin: focus moves to the summary of the level they opened
      drillTo(code);
      twinSummary.focus();
    });
    if (!result.ok) twinSummary.textContent = notes[notes.length - 1] ?? '';
    if (map && loaded) paint(map, fit);
  };

  const paint = (target: MapLibreMap, fit: boolean) => {
    if (regionLayer) {
      target.removeFeatureState({ source: 'regions', sourceLayer: regionLayer });
      for (const item of items) {
        target.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id: item.code }, { value: item.value, hasData: hasValue(item) });
      }
      for (const layer of regionLayers(regionLayer, state.level, state.parent, breaks)) {
        if (target.getLayer(layer.id) && 'filter' in layer) target.setFilter(layer.id, layer.filter);
      }
      target.setPaintProperty(REGION_FILL, 'fill-color', fillColour(breaks));
    }
    const points = target.getSource('region-points') as GeoJSONSource | undefined;
    points?.setData(regionPoints(regionLayer ? [] : items, breaks));
    if (fit) fitToItems(target, items, state);
    target.once('idle', () => {
      document.body.dataset.mapReady = String(Date.now());
    });
  };

  const drillTo = (code: string | null) => {
    state.parent = code;
    state.level = code ? ((levelOf(code) + 1) as MapState['level']) : 1;
    state.view = null;
    void refresh(true);
  };

  metricSelect.field.addEventListener('change', () => {
    state.metric = metricSelect.field.value as MapState['metric'];
    void refresh(false);
  });
  yearSelect.field.addEventListener('change', () => {
    state.year = yearSelect.field.value ? Number(yearSelect.field.value) : null;
    void refresh(false);
  });

  if (map) {
    const target = map;
    (window as unknown as { __map?: MapLibreMap }).__map = target;
    target.on('load', () => {
      addLayers(target, regionLayer, activityTiles.ok ? activityTiles.data : null);
      loaded = true;
      wireInteractions(target, regionLayer, (feature) => {
        const code = String(feature.properties.code ?? '');
        if (code && levelOf(code) < 4) drillTo(code);
        else if (code) context.navigate(`/wilayah/${code}`);
      });
      paint(target, !state.view && !moved);
      if (!activityTiles.ok) {
        const loadActivities = activityLoader(target, state);
        target.on('idle', loadActivities);
      }
    });
    target.on('moveend', () => {
      if (!loaded) return;
      moved = true;
      const center = target.getCenter();
      state.view = { lon: center.lng, lat: center.lat, zoom: target.getZoom() };
      syncUrl();
    });
    target.on('error', () => undefined);
  }
  await refresh(false);
  return () => {
    map?.remove();
    delete (window as unknown as { __map?: MapLibreMap }).__map;
  };
}

function addLayers(map: MapLibreMap, regionLayer: string | null, activities: TileJson | null): void {
  if (regionLayer) {
    map.addSource('regions', { type: 'vector', url: '/tiles/regions.json', promoteId: 'code' });
    for (const layer of regionLayers(regionLayer, 1, null, [])) map.addLayer(layer);
  } else {
    map.addSource('region-points', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer(regionPointLayer());
  }
  if (activities) {
    map.addSource('activities', { type: 'vector', url: '/tiles/activities.json' });
    map.addLayer(activityLayer(activities.vector_layers?.[0]?.id ?? 'activities', Math.max(ACTIVITY_ZOOM, activities.minzoom ?? ACTIVITY_ZOOM)));
  } else {
    // without activity tiles, the points of the region in view come from the API as GeoJSON (see loadActivities)
    map.addSource('activities', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer(activityLayer(null, ACTIVITY_ZOOM));
  }
}

/** Fetches the activity points of a regency (or smaller) as GeoJSON once the map is zoomed in far enough. */
function activityLoader(map: MapLibreMap, state: MapState): () => void {
  let loadedFor: string | null = null;
  return () => {
    const region = state.parent;
    if (!region || levelOf(region) < 2 || map.getZoom() < ACTIVITY_ZOOM || region === loadedFor) return;
    loadedFor = region;
    void getJson<FeatureCollection>(query('/api/v1/activities', { region, format: 'geojson', limit: 1000 })).then((result) => {
      const source = map.getSource('activities') as GeoJSONSource | undefined;
      if (result.ok && state.parent === region) source?.setData(result.data);
    });
  };
}

function wireInteractions(map: MapLibreMap, regionLayer: string | null, onRegion: (feature: MapGeoJSONFeature) => void): void {
  const clickable = regionLayer ? REGION_FILL : REGION_POINTS;
  let hovered: string | number | undefined;
  map.on('click', (event) => {
    const activity = map.getLayer(ACTIVITY_POINTS) ? map.queryRenderedFeatures(event.point, { layers: [ACTIVITY_POINTS] })[0] : undefined;
    if (activity) {
      new Popup({ maxWidth: '280px' }).setLngLat(event.lngLat).setDOMContent(activityPopup(activity.properties)).addTo(map);
      return;
    }
    const region = map.queryRenderedFeatures(event.point, { layers: [clickable] })[0];
    if (region) onRegion(region);
  });
  map.on('mousemove', clickable, (event) => {
    map.getCanvas().style.cursor = 'pointer';
    const id = event.features?.[0]?.id;
    if (!regionLayer || id === hovered) return;
    if (hovered !== undefined) map.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id: hovered }, { hover: false });
    hovered = id;
    if (id !== undefined) map.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id }, { hover: true });
  });
  map.on('mouseleave', clickable, () => {
    map.getCanvas().style.cursor = '';
    if (regionLayer && hovered !== undefined) map.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id: hovered }, { hover: false });
    hovered = undefined;
  });
}

/** popup of an activity point, built with textContent only */
function activityPopup(properties: Record<string, unknown>): HTMLElement {
  const l = lang();
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const village = text(properties.village);
  return h('div', { class: 'popup' },
    h('strong', {}, text(properties.name)),
    h('p', {}, `${tDynamic('type_', text(properties.type))} · ${tDynamic('status_', text(properties.status))}`),
    h('p', {}, `${t('colProgress')}: ${formatPct(numberOrNull(properties.physical_progress ?? properties.physicalProgress), l)}`),
    h('p', {}, `${t('colBudget')}: ${formatIdr(numberOrNull(properties.budget_idr ?? properties.budgetIdr), l)}`),
    village ? h('a', { href: `/wilayah/${village}` }, t('openProfile')) : null);
}

function numberOrNull(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function regionPoints(items: ProgressItem[], breaks: number[]): FeatureCollection {
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

function fitToItems(map: MapLibreMap, items: ProgressItem[], state: MapState): void {
  const located = items.filter((item) => item.lon != null && item.lat != null);
  if (state.level === 1 || located.length === 0) {
    map.fitBounds(INDONESIA_BOUNDS, { padding: 10, duration: 0 });
    return;
  }
  const lons = located.map((item) => item.lon as number);
  const lats = located.map((item) => item.lat as number);
  const pad = 0.15;
  map.fitBounds([Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad],
    { padding: 30, maxZoom: ZOOM_BY_LEVEL[state.level] ?? 11, duration: 0 });
}

/** Looks up the names of the trail's regions that the map has not shown yet (e.g. when opened from a link). */
async function nameTrail(state: MapState, names: Map<string, string>): Promise<void> {
  const unknown: string[] = [];
  for (let code = state.parent; code; code = parentOf(code)) if (!names.has(code)) unknown.push(code);
  await Promise.all(unknown.map(async (code) => {
    const result = await getJson<RegionProfile>(`/api/v1/regions/${encodeURIComponent(code)}`);
    if (result.ok) names.set(code, result.data.region.name);
  }));
}

function drawTrail(trail: HTMLElement, state: MapState, names: Map<string, string>, go: (code: string | null) => void): void {
  const steps: (string | null)[] = [];
  for (let code = state.parent; code; code = parentOf(code)) steps.unshift(code);
  const button = (code: string | null) => {
    const label = code ? (names.get(code) ?? code) : t('national');
    const element = h('button', { type: 'button', class: 'link-button' }, label);
    element.addEventListener('click', () => go(code));
    return element;
  };
  const items = [null, ...steps].map((code, index, all) => h('li', {}, index === all.length - 1
    ? h('span', { 'aria-current': 'location' }, code ? (names.get(code) ?? code) : t('national'))
    : button(code)));
  trail.replaceChildren(h('ol', {}, ...items, h('li', { class: 'level-name' }, `(${tDynamic('levelName', String(state.level))})`)));
}

function drawLegend(legend: HTMLElement, breaks: number[], unit: Unit): void {
  const l = lang();
  const classes = breaks.length + 1;
  const rows: [string, string][] = [];
  if (breaks.length > 0) {
    for (let index = 0; index < classes; index++) {
      const low = index === 0 ? null : breaks[index - 1];
      const high = index < breaks.length ? breaks[index] : null;
      const label = low == null ? `< ${formatByUnit(high, unit, l)}` : high == null ? `≥ ${formatByUnit(low, unit, l)}` : `${formatByUnit(low, unit, l)} – ${formatByUnit(high, unit, l)}`;
      rows.push([PALETTE[paletteIndex(index, classes)] as string, label]);
    }
  }
  rows.push([NO_DATA_COLOUR, t('noDataYet')]);
  legend.replaceChildren(h('h2', { id: 'legend-title', class: 'legend-title' }, t('legend')),
    h('ul', {}, ...rows.map(([colour, label]) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = colour;
      return h('li', {}, swatch, label);
    })));
}

function drawTwin(summaryBox: HTMLElement, tableBox: HTMLElement, items: ProgressItem[], unit: Unit, state: MapState, drill: (code: string) => void): void {
  const l = lang();
  const summary = summarise(items);
  const sentences: string[] = [];
  if (summary.top && summary.bottom) {
    sentences.push(t('summarySentence', {
      withData: summary.withData, total: summary.total,
      top: summary.top.name, topValue: formatByUnit(summary.top.value, unit, l),
      bottom: summary.bottom.name, bottomValue: formatByUnit(summary.bottom.value, unit, l),
    }));
  } else {
    sentences.push(t('summaryNone'));
  }
  if (summary.total > summary.withData && summary.withData > 0) sentences.push(t('summaryMissing', { n: summary.total - summary.withData }));
  summaryBox.textContent = `${tDynamic('levelName', String(state.level))} · ${t(`metric_${state.metric}`)}${state.year ? ` · ${state.year}` : ''}. ${sentences.join(' ')}`;
  if (items.length === 0) {
    tableBox.replaceChildren();
    return;
  }
  const captionId = uid('twin-caption');
  const rows = rank(items).map((item) => {
    const name = state.level < 4
      ? h('button', { type: 'button', class: 'link-button', 'aria-label': t('drillDown', { name: item.name }) }, item.name)
      : h('span', {}, item.name);
    name.addEventListener('click', () => state.level < 4 && drill(item.code));
    return h('tr', { 'data-code': item.code, 'data-lon': item.lon ?? '', 'data-lat': item.lat ?? '' },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num' }, hasValue(item) ? formatByUnit(item.value, unit, l) : t('noDataYet')),
      h('td', {}, h('a', { href: `/wilayah/${item.code}` }, `${t('openProfile')} ${item.name}`)));
  });
  tableBox.replaceChildren(h('table', { class: 'data-table', 'aria-describedby': captionId },
    h('caption', { id: captionId, class: 'visually-hidden' }, t('mapTwin')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('name')), h('th', { scope: 'col' }, t(`metric_${state.metric}`)), h('th', { scope: 'col' }, t('openProfile')))),
    h('tbody', {}, ...rows)),
    h('p', { class: 'downloads' }, viewDownload(items, state)));
}

/** "The data behind this map": the regions and values on screen, raw numbers, as CSV. */
function viewDownload(items: ProgressItem[], state: MapState): HTMLAnchorElement {
  const name = ['kotaku-peta', state.metric, state.parent ?? 'nasional', state.year ?? 'semua-tahun'].join('-');
  const header = [t('colCode'), t('name'), t(`metric_${state.metric}`), t('year')];
  return downloadLink(t('downloadMapData'), `${name}.csv`,
    () => toCsv(header, rank(items).map((item) => [item.code, item.name, hasValue(item) ? item.value : null, state.year ?? ''])));
}

function toUnit(unit: string): Unit {
  const known: Unit[] = ['ha', 'pct', 'ratio', 'idr', 'count', 'idr_per_ha'];
  if ((known as string[]).includes(unit)) return unit as Unit;
  if (unit === 'percent') return 'pct';
  return 'count';
}

function labelled(label: string, field: HTMLSelectElement): { wrap: HTMLElement; field: HTMLSelectElement } {
  const id = uid('control');
  field.id = id;
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), field), field };
}
