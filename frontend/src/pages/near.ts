// "Near me" /sekitar: the activities and slum areas within a chosen radius of the visitor's location (asked of the
// browser only when the button is pressed) or of the point in the URL (?near=lon,lat&radius=m, shareable).
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { type Activity, type ActivityList, type SiteConfig, type SlumArea, type SlumAreaList, getJson, query } from '../api';
import { downloadLink, h, notice, tableScroll, uid } from '../dom';
import { formatHa } from '../format';
import { lang, t } from '../i18n';
import type { Cleanup, PageContext } from '../page';
import { createMap } from '../map/create';
import { toCsv } from '../shape';
import { activityRow, columns, csvRow } from './activities';
import { LEVEL_KEYS } from './slum-areas';

const RADII = [500, 1000, 2000, 5000, 10000];
const LIMIT = 100;

export async function render(main: HTMLElement, context: PageContext): Promise<Cleanup> {
  context.setTitle(t('nearTitle'));
  const params = new URLSearchParams(context.search);
  const radiusId = uid('radius');
  const radius = h('select', { id: radiusId }, ...RADII.map((metres) => h('option', { value: String(metres), selected: String(metres) === (params.get('radius') ?? '1000') }, metres < 1000 ? `${metres} m` : `${metres / 1000} km`)));
  const locate = h('button', { type: 'button' }, t('nearLocate'));
  const status = h('p', { role: 'status', class: 'table-status' });
  const results = h('div', {});
  const mapBox = h('div', { class: 'map near-map', hidden: true });
  const mapCaption = h('p', { class: 'map-caption', hidden: true }, t('nearMapCaption'));
  main.append(
    h('h1', { tabindex: '-1' }, t('nearTitle')),
    h('p', { class: 'lead' }, t('nearIntro')),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: radiusId }, t('nearRadius')), radius), locate),
    status,
    mapBox,
    mapCaption,
    results,
  );
  const config = await getJson<SiteConfig>('/site/config.json');
  let map: MapLibreMap | null = null;

  let point: [number, number] | null = parsePoint(params.get('near'));
  const show = async () => {
    if (!point) return;
    const [lon, lat] = point;
    context.replaceUrl(`/sekitar${query('', { near: `${lon.toFixed(5)},${lat.toFixed(5)}`, radius: radius.value })}`);
    status.textContent = t('nearLoading');
    const near = { near: `${lon},${lat}`, radius: radius.value, limit: LIMIT };
    const [activities, areas] = await Promise.all([
      getJson<ActivityList>(query('/api/v1/activities', near)),
      getJson<SlumAreaList>(query('/api/v1/slum-areas', near)),
    ]);
    if (!activities.ok || !areas.ok) {
      status.textContent = '';
      results.replaceChildren(notice(t('nearFailed'), 'error'));
      return;
    }
    context.setEnvelope(activities.data);
    const distance = radius.options[radius.selectedIndex]?.text ?? `${radius.value} m`;
    status.textContent = t('nearFound', { activities: countText(activities.data.items.length), areas: countText(areas.data.items.length), distance });
    results.replaceChildren(areasTable(areas.data.items), activitiesTable(activities.data.items, point));
    mapCaption.hidden = false;
    map = showOnMap(map, mapBox, config.ok ? config.data.mapStyleUrl : undefined, point, Number(radius.value),
      activities.data.items, areas.data.items);
  };
  locate.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = t('nearUnavailable');
      return;
    }
    status.textContent = t('nearAsking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        point = [position.coords.longitude, position.coords.latitude];
        void show();
      },
      () => {
        status.textContent = t('nearDenied');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
  radius.addEventListener('change', () => void show());
  if (point) await show();
  else status.textContent = t('nearHint');
  return () => {
    map?.remove();
    delete (window as unknown as { __nearMap?: MapLibreMap }).__nearMap;
  };
}

/** The circle searched, the visitor's point, the activities and the slum areas found, on a small map (the lists are its text twin). */
function showOnMap(existing: MapLibreMap | null, box: HTMLElement, styleUrl: string | undefined, point: [number, number],
  metres: number, activities: Activity[], areas: SlumArea[]): MapLibreMap | null {
  const data = {
    circle: { type: 'FeatureCollection', features: [circle(point, metres)] } as FeatureCollection,
    centre: points([{ lon: point[0], lat: point[1] }]),
    activities: points(activities),
    areas: points(areas),
  };
  box.hidden = false;
  let map = existing;
  if (!map) {
    try {
      map = createMap(box, { center: point, zoom: 13 }, styleUrl);
    } catch {
      box.hidden = true;
      return null;
    }
    const created = map;
    (window as unknown as { __nearMap?: MapLibreMap }).__nearMap = created;
    created.on('load', () => {
      for (const [id, source] of Object.entries(data)) created.addSource(`near-${id}`, { type: 'geojson', data: source });
      created.addLayer({ id: 'near-circle', type: 'fill', source: 'near-circle', paint: { 'fill-color': '#1f6f8b', 'fill-opacity': 0.08 } });
      created.addLayer({ id: 'near-circle-line', type: 'line', source: 'near-circle', paint: { 'line-color': '#1f6f8b', 'line-width': 1.5 } });
      created.addLayer({ id: 'near-areas', type: 'circle', source: 'near-areas', paint: { 'circle-color': '#b42318', 'circle-radius': 7, 'circle-opacity': 0.8 } });
      created.addLayer({ id: 'near-activities', type: 'circle', source: 'near-activities', paint: { 'circle-color': '#2b6cb0', 'circle-radius': 4, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
      created.addLayer({ id: 'near-centre', type: 'circle', source: 'near-centre', paint: { 'circle-color': '#111111', 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
      frame(created, point, metres);
    });
    created.on('error', () => undefined);
    return created;
  }
  if (map.loaded()) {
    for (const [id, source] of Object.entries(data)) (map.getSource(`near-${id}`) as GeoJSONSource | undefined)?.setData(source);
    frame(map, point, metres);
  }
  return map;
}

function frame(map: MapLibreMap, [lon, lat]: [number, number], metres: number): void {
  const dLat = metres / 111_000;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  map.fitBounds([[lon - dLon, lat - dLat], [lon + dLon, lat + dLat]], { padding: 16, duration: 0 });
}

function points(items: { lon: number | null; lat: number | null }[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const item of items) {
    if (item.lon != null && item.lat != null) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [item.lon, item.lat] } });
  }
  return { type: 'FeatureCollection', features };
}

/** A circle of `metres` around the point, as a 64-sided polygon (on the sphere, close enough for a picture). */
function circle([lon, lat]: [number, number], metres: number): Feature<Polygon> {
  const ring: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const angle = (i / 64) * 2 * Math.PI;
    const dLat = (metres / 111_320) * Math.sin(angle);
    const dLon = ((metres / 111_320) * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180);
    ring.push([lon + dLon, lat + dLat]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function levelKey(level: string | null | undefined): keyof typeof LEVEL_KEYS {
  return level && level in LEVEL_KEYS ? (level as keyof typeof LEVEL_KEYS) : 'unassessed';
}

function countText(n: number): string {
  return n >= LIMIT ? `${LIMIT}+` : String(n);
}

function parsePoint(text: string | null): [number, number] | null {
  const parts = (text ?? '').split(',').map(Number);
  const [lon, lat] = parts;
  return parts.length === 2 && lon !== undefined && lat !== undefined && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

function activitiesTable(items: Activity[], point: [number, number]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'near-activities' }, h('h2', { id: 'near-activities' }, t('activitiesTitle')));
  if (items.length === 0) {
    section.append(h('p', {}, t('activitiesNone')));
    return section;
  }
  section.append(
    tableScroll(t('activitiesTitle'), h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('activitiesTitle')),
      h('thead', {}, h('tr', {}, ...columns().map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, ...items.map(activityRow)))),
    h('p', { class: 'downloads' },
      downloadLink(t('downloadWhatISee'), `kotaku-kegiatan-sekitar-${point[0].toFixed(3)}_${point[1].toFixed(3)}.csv`, () => toCsv(columns(), items.map(csvRow)))),
  );
  return section;
}

function areasTable(items: SlumArea[]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'near-areas' }, h('h2', { id: 'near-areas' }, t('nearAreasTitle')));
  if (items.length === 0) {
    section.append(h('p', {}, t('nearAreasNone')));
    return section;
  }
  const l = lang();
  section.append(tableScroll(t('nearAreasTitle'), h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('nearAreasTitle')),
    h('thead', {}, h('tr', {}, ...[t('name'), t('colRegency'), t('colArea'), t('colLevel')].map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...items.map((area) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `/kawasan/${encodeURIComponent(area.id)}` }, area.name || area.id)),
      h('td', {}, area.regencyName),
      h('td', { class: 'num' }, formatHa(area.areaHa, l)),
      h('td', {}, t(LEVEL_KEYS[levelKey(area.latestLevel)]))))))));
  return section;
}
