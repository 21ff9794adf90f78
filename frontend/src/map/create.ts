// One way to make a MapLibre map on any page: the worker and CSS set up once, the self-hosted base map unless the
// deployment configures a style, no rotation, the label of the site's language.
import 'maplibre-gl/dist/maplibre-gl.css';
import { type LngLatBoundsLike, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
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

/** Throws when the browser has no WebGL: callers show their text twin instead. */
export function createMap(container: HTMLElement, view: MapView, styleUrl: string | undefined): MapLibreMap {
  const placed = view.center !== undefined;
  return new MapLibreMap({
    container,
    style: styleUrl ? styleUrl : baseStyle(),
    bounds: placed ? undefined : (view.bounds ?? INDONESIA_BOUNDS),
    center: view.center,
    zoom: view.zoom,
    attributionControl: { compact: true },
    dragRotate: false,
    pitchWithRotate: false,
    locale: { 'Map.Title': t('mapLabel') },
  });
}
