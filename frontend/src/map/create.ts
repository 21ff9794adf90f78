// One way to make a MapLibre map on any page: the worker and CSS set up once, the self-hosted base map unless the
// deployment configures a style, no rotation, the label of the site's language.
import 'maplibre-gl/dist/maplibre-gl.css';
import { type LngLatBoundsLike, Map as MapLibreMap, type MapOptions, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { t } from '../i18n';
import { INDONESIA_BOUNDS, baseStyle } from './style';

setWorkerUrl(workerUrl);

export interface MapView {
  /** the area to show, or a centre and zoom */
  bounds?: LngLatBoundsLike;
  center?: [number, number];
  zoom?: number;
}

/** Throws when the browser has no WebGL: callers show their text twin instead. `options` add to the defaults. */
export function createMap(container: HTMLElement, view: MapView, styleUrl: string | undefined, options: Partial<MapOptions> = {}): MapLibreMap {
  const placed = view.center !== undefined;
  const map = new MapLibreMap({
    container,
    style: styleUrl ? styleUrl : baseStyle(),
    bounds: placed ? undefined : (view.bounds ?? INDONESIA_BOUNDS),
    center: view.center,
    zoom: view.zoom,
    attributionControl: { compact: true },
    dragRotate: false,
    pitchWithRotate: false,
    locale: { 'Map.Title': t('mapLabel') },
    ...options,
  });
  // on a narrow map the open attribution would cover a third of it: folded, behind its (i) button
  if (container.clientWidth < 640) {
    map.once('load', () => container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
  }
  return map;
}
