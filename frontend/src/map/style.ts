// The self-hosted base map: sea, land from the Natural Earth outline bundled at build time (public domain),
// no glyphs, sprites or third-party tiles. A deployment may configure an external style URL instead.
import type { StyleSpecification } from 'maplibre-gl';

export const INDONESIA_BOUNDS: [number, number, number, number] = [94.5, -11.5, 141.5, 6.5];

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      outline: { type: 'geojson', data: '/basemap/outline.geojson', attribution: 'Natural Earth (public domain)' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6f2' } },
      { id: 'land', type: 'fill', source: 'outline', paint: { 'fill-color': '#f3f0e8' } },
      { id: 'land-line', type: 'line', source: 'outline', paint: { 'line-color': '#a39e90', 'line-width': 0.6 } },
    ],
  };
}
