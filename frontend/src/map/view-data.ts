// Data loading of the map page: what the page needs once (summary, TileJSON, site configuration) and, for every
// step of the drill-down, the values of the level on screen with their legend and the extent to fit.
import { type Progress, type ProgressItem, type RegionProfile, type SiteConfig, type Summary, type TileJson, getJson, query } from '../api';
import { failureText } from '../figures';
import type { Unit } from '../format';
import { t } from '../i18n';
import { hasValue } from '../shape';
import { type MapState, parentOf } from '../url-state';
import { type Legend, legendOf } from './legend';

/** A tile set of the portal: its source layer, its tile URL template (a filter is added as a query) and credit. */
export interface TileSet {
  layer: string;
  tiles: string;
  attribution: string | undefined;
}

export interface PageData {
  summary: Summary | null;
  /** the tile sets, null where the server has none */
  regions: TileSet | null;
  activities: TileSet | null;
  slumAreas: TileSet | null;
  styleUrl: string | undefined;
}

export interface LevelView {
  items: ProgressItem[];
  unit: Unit;
  bbox: [number, number, number, number] | null;
  legend: Legend;
  /** why something is missing, for the status line */
  problem: string | null;
}

function tileSet(result: Awaited<ReturnType<typeof getJson<TileJson>>>, fallback: string): TileSet | null {
  const tiles = result.ok ? result.data.tiles[0] : undefined;
  if (!result.ok || !tiles) return null;
  return { layer: result.data.vector_layers[0]?.id ?? fallback, tiles, attribution: result.data.attribution };
}

export async function loadPage(): Promise<PageData> {
  const [summary, regions, activities, slumAreas, config] = await Promise.all([
    getJson<Summary>('/api/v1/summary'),
    getJson<TileJson>('/tiles/regions.json'),
    getJson<TileJson>('/tiles/activities.json'),
    getJson<TileJson>('/tiles/slum-areas.json'),
    getJson<SiteConfig>('/site/config.json'),
  ]);
  return {
    summary: summary.ok ? summary.data : null,
    regions: tileSet(regions, 'regions'),
    activities: tileSet(activities, 'activities'),
    slumAreas: tileSet(slumAreas, 'slum-areas'),
    styleUrl: config.ok ? config.data.mapStyleUrl : undefined,
  };
}

/** The values of the level below the state's parent, for the state's metric and year. */
export async function loadLevel(state: MapState): Promise<LevelView & { envelope: Progress | null }> {
  const path = query('/api/v1/progress', { level: state.level, parent: state.parent, year: state.year, metric: state.metric });
  const result = await getJson<Progress>(path);
  if (!result.ok) {
    const problem = result.missing ? t('mapProgressMissing') : failureText(result, '/api/v1/progress');
    return { items: [], unit: 'count', bbox: null, legend: legendOf([]), problem, envelope: null };
  }
  const items = result.data.items;
  return {
    items,
    unit: toUnit(result.data.unit),
    bbox: result.data.bbox ?? null,
    legend: legendOf(items.filter(hasValue).map((item) => item.value)),
    problem: null,
    envelope: result.data,
  };
}

/** Looks up the names of the trail's regions that the map has not shown yet (e.g. when opened from a link). */
export async function nameTrail(state: MapState, names: Map<string, string>): Promise<void> {
  const unknown: string[] = [];
  for (let code = state.parent; code; code = parentOf(code)) if (!names.has(code)) unknown.push(code);
  await Promise.all(unknown.map(async (code) => {
    const result = await getJson<RegionProfile>(`/api/v1/regions/${encodeURIComponent(code)}`);
    if (result.ok) names.set(code, result.data.region.name);
  }));
}

export function toUnit(unit: string): Unit {
  const known: Unit[] = ['ha', 'pct', 'ratio', 'idr', 'count', 'idr_per_ha'];
  if ((known as string[]).includes(unit)) return unit as Unit;
  if (unit === 'percent') return 'pct';
  if (unit === 'IDR') return 'idr';
  if (unit === 'IDR/ha') return 'idr_per_ha';
  return 'count';
}
