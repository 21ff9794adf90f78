// The map's state lives in the URL, so every view can be shared: /peta?m=...&y=...&t=...&p=...&v=lon,lat,zoom
// Parsing is forgiving (anything invalid falls back to the default) and serialising leaves defaults out.

export const METRICS = [
  'slum_reduced_ha',
  'slum_reduced_pct',
  'weighted_reduced_ha',
  'current_slum_ha',
  'planned_idr',
  'disbursed_idr',
  'disbursement_rate',
  'idr_per_ha_reduced',
  'activities_completed',
  'safe_water_pct',
  'sanitation_pct',
  'padat_karya_wages_idr',
] as const;

export type Metric = (typeof METRICS)[number];

/** The activity types of the API (the `type` filter of activities and their tiles). */
export const ACTIVITY_TYPES = ['road', 'drainage', 'water', 'sanitation', 'waste', 'fire', 'open_space', 'housing', 'capacity', 'livelihood'] as const;

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapState {
  metric: Metric;
  year: number | null;
  /** the activity type the activity points and clusters show (null: every type) */
  type: string | null;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
  view: MapView | null;
}

export const DEFAULT_MAP_STATE: MapState = {
  metric: 'slum_reduced_pct',
  year: null,
  type: null,
  level: 1,
  parent: null,
  view: null,
};

const CODE = /^\d{2}(\.\d{2}(\.\d{2,3}(\.\d{4})?)?)?$/;

export function isMetric(value: string | null): value is Metric {
  return value !== null && (METRICS as readonly string[]).includes(value);
}

export function isRegionCode(value: string | null): value is string {
  return value !== null && CODE.test(value);
}

/** The administrative level of a dotted code: "64" = 1, "64.71" = 2, "64.71.01" = 3, "64.71.01.1001" = 4. */
export function levelOf(code: string): 1 | 2 | 3 | 4 {
  return Math.min(4, code.split('.').length) as 1 | 2 | 3 | 4;
}

export function parseMapState(search: string): MapState {
  const params = new URLSearchParams(search);
  const metric = params.get('m');
  const year = Number(params.get('y'));
  const parent = params.get('p');
  const type = params.get('t');
  const validParent = isRegionCode(parent) && levelOf(parent) < 4 ? parent : null;
  return {
    metric: isMetric(metric) ? metric : DEFAULT_MAP_STATE.metric,
    year: Number.isInteger(year) && year >= 2010 && year <= 2100 ? year : null,
    type: (ACTIVITY_TYPES as readonly string[]).includes(type ?? '') ? type : null,
    level: validParent ? ((levelOf(validParent) + 1) as 2 | 3 | 4) : 1,
    parent: validParent,
    view: parseView(params.get('v')),
  };
}

function parseView(value: string | null): MapView | null {
  if (!value) return null;
  const [lon, lat, zoom] = value.split(',').map(Number);
  if (lon === undefined || lat === undefined || zoom === undefined) return null;
  if (![lon, lat, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

export function serializeMapState(state: MapState): string {
  const params = new URLSearchParams();
  if (state.metric !== DEFAULT_MAP_STATE.metric) params.set('m', state.metric);
  if (state.year !== null) params.set('y', String(state.year));
  if (state.type !== null) params.set('t', state.type);
  if (state.parent) params.set('p', state.parent);
  if (state.view) {
    const { lon, lat, zoom } = state.view;
    params.set('v', `${lon.toFixed(4)},${lat.toFixed(4)},${zoom.toFixed(2)}`);
  }
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The parent one level up ("64.71" -> "64", "64" -> null). */
export function parentOf(code: string | null): string | null {
  if (!code) return null;
  const parts = code.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}
