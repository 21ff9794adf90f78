// Writes public/basemap/outline.geojson: the countries around Indonesia from Natural Earth (world-atlas,
// public domain), cut to the region at build time so the site never fetches a third-party base map.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const [west, south, east, north] = [85, -20, 155, 15];

const countries = feature(world, world.objects.countries).features.filter((country) => {
  const box = bbox(country.geometry);
  return box[0] < east && box[2] > west && box[1] < north && box[3] > south;
});
for (const country of countries) country.geometry = round(country.geometry);

mkdirSync(new URL('../public/basemap/', import.meta.url), { recursive: true });
const out = new URL('../public/basemap/outline.geojson', import.meta.url);
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features: countries.map(({ type, properties, geometry }) => ({ type, properties, geometry })) }));
console.log(`basemap outline: ${countries.length} countries (${countries.map((c) => c.properties.name).join(', ')})`);

function bbox(geometry) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (coords) => {
    if (typeof coords[0] === 'number') {
      box[0] = Math.min(box[0], coords[0]); box[1] = Math.min(box[1], coords[1]);
      box[2] = Math.max(box[2], coords[0]); box[3] = Math.max(box[3], coords[1]);
    } else coords.forEach(visit);
  };
  visit(geometry.coordinates);
  return box;
}

function round(geometry) {
  const visit = (coords) => (typeof coords[0] === 'number' ? coords.map((v) => Math.round(v * 1000) / 1000) : coords.map(visit));
  return { ...geometry, coordinates: visit(geometry.coordinates) };
}
