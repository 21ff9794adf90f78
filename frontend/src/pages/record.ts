// What the page of one record (/kegiatan/{id}, /kawasan/{id}) is made of: the record's API answer, its figures,
// a small map of where it is (with the coordinates as its text twin and a link to /peta), and its downloads.
// The server renders the same record into the HTML for readers without JavaScript (a <noscript> block).
import type { FeatureCollection, Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type ListEnvelope, type SiteConfig, getJson } from '../api';
import { h, notice } from '../dom';
import { failureText } from '../figures';
import { type Maybe, isNumber } from '../format';
import { t } from '../i18n';
import { createMap } from '../map/create';
import type { Cleanup, PageContext } from '../page';

/** A record's answer (`/api/v1/activities/{id}`, `/api/v1/slum-areas/{id}`): the envelope and the record as `item`. */
export type RecordAnswer = ListEnvelope & { item: unknown };

export interface RecordFigure {
  label: string;
  /** the published field (its name in the API, the CSV and the data dictionary) */
  field: string;
  value: Maybe<string | number>;
  text: string;
}

export interface Place {
  code: string;
  name: string;
}

/** A label that starts a figure, with its first letter in capitals ("selesai" as "Selesai"). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The record id of the page's path, as the server decoded it (a malformed escape is kept as it is). */
export function recordId(context: PageContext): string {
  const raw = context.params.id ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The record's API answer, or a heading and the reason it could not be shown. */
export async function loadRecord<T extends RecordAnswer>(main: HTMLElement, path: string, heading: string, id: string): Promise<T | null> {
  const result = await getJson<T>(path);
  if (result.ok) return result.data;
  main.append(h('h1', { tabindex: '-1' }, heading),
    notice(result.status === 404 ? t('recordNotFound', { id }) : failureText(result, path), 'error'));
  return null;
}

export function breadcrumb(places: Place[], current: string): HTMLElement {
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
    h('ol', {}, h('li', {}, h('a', { href: '/' }, t('national'))),
      ...places.map((place) => h('li', {}, h('a', { href: `/wilayah/${place.code}` }, place.name))),
      h('li', {}, h('span', { 'aria-current': 'page' }, current))));
}

export function figureRows(figures: RecordFigure[]): HTMLElement {
  return h('dl', { class: 'figures record-figures' }, ...figures.map((figure) => {
    const empty = figure.value === null || figure.value === undefined;
    return h('div', { class: empty ? 'figure figure-empty' : 'figure' },
      h('dt', {}, figure.label),
      h('dd', { 'data-field': figure.field, 'data-value': empty ? '' : String(figure.value) }, figure.text));
  }));
}

/** A list of links under a heading (related records, downloads); nothing when there are none. */
export function linkSection(id: string, heading: string, links: [string, string][]): HTMLElement | null {
  if (links.length === 0) return null;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, heading),
    h('ul', { class: 'link-list' }, ...links.map(([label, href]) => h('li', {}, h('a', { href }, label)))));
}

/** The record's own answer in the API, as JSON, GeoJSON and CSV. */
export function downloads(itemPath: string): HTMLElement | null {
  return linkSection('unduh', t('recordDownloads'), [
    ['JSON', itemPath], ['GeoJSON', `${itemPath}?format=geojson`], ['CSV', `${itemPath}?format=csv`]]);
}

export interface SmallMap {
  section: HTMLElement;
  cleanup: Cleanup;
}

/**
 * Where the record is: a small map (MapLibre, the site's map factory) that draws `shape` (the record's point, or its
 * boundary), its coordinates as text, and a link to the big map. Without WebGL the text stays on its own.
 */
export function locationSection(lon: Maybe<number>, lat: Maybe<number>, caption: string,
  shape: () => Promise<FeatureCollection<Geometry> | null>): SmallMap {
  const section = h('section', { 'aria-labelledby': 'lokasi' }, h('h2', { id: 'lokasi' }, t('recordLocation')));
  if (!isNumber(lon) || !isNumber(lat)) {
    section.append(h('p', { class: 'no-data' }, t('recordNoPoint')));
    return { section, cleanup: () => undefined };
  }
  const box = h('div', { class: 'map record-map', 'data-ready': 'false' });
  section.append(box, h('p', { class: 'map-caption' }, caption, ' ', t('recordCoordinates', { lat, lon })),
    h('p', {}, h('a', { href: `/peta?v=${lon.toFixed(4)},${lat.toFixed(4)},15.00` }, t('recordOnMap'))));
  let map: MapLibreMap | null = null;
  let closed = false;
  // the map is made once the section is in the page (MapLibre measures its container)
  void getJson<SiteConfig>('/site/config.json').then((config) => {
    if (!closed) map = drawMap(box, [lon, lat], config.ok ? config.data.mapStyleUrl : undefined, shape);
  });
  return {
    section,
    cleanup: () => {
      closed = true;
      map?.remove();
      delete (window as unknown as { __recordMap?: MapLibreMap }).__recordMap;
    },
  };
}

function drawMap(box: HTMLElement, point: [number, number], styleUrl: string | undefined,
  shape: () => Promise<FeatureCollection<Geometry> | null>): MapLibreMap | null {
  let map: MapLibreMap;
  try {
    map = createMap(box, { center: point, zoom: 15 }, styleUrl);
  } catch {
    box.remove();
    return null;
  }
  (window as unknown as { __recordMap?: MapLibreMap }).__recordMap = map;
  map.on('error', () => undefined);
  map.on('load', () => {
    void shape().then((data) => {
      const points: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } }] };
      if (data) {
        map.addSource('record-shape', { type: 'geojson', data });
        map.addLayer({ id: 'record-area', type: 'fill', source: 'record-shape', paint: { 'fill-color': '#b42318', 'fill-opacity': 0.3 } });
        map.addLayer({ id: 'record-area-line', type: 'line', source: 'record-shape', paint: { 'line-color': '#b42318', 'line-width': 2 } });
        const box = extent(data);
        if (box) map.fitBounds(box, { padding: 24, maxZoom: 17, duration: 0 });
      }
      map.addSource('record-point', { type: 'geojson', data: points });
      map.addLayer({ id: 'record-point', type: 'circle', source: 'record-point', paint: { 'circle-color': '#2b6cb0', 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
      map.once('idle', () => {
        box.dataset.ready = 'true';
      });
    });
  });
  return map;
}

/** The bounding box of every coordinate of the shapes, or null when they have none. */
function extent(data: FeatureCollection<Geometry>): [number, number, number, number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      box[0] = Math.min(box[0], value[0]);
      box[1] = Math.min(box[1], value[1]);
      box[2] = Math.max(box[2], value[0]);
      box[3] = Math.max(box[3], value[1]);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    }
  };
  for (const feature of data.features) {
    if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  }
  return Number.isFinite(box[0]) ? box : null;
}
