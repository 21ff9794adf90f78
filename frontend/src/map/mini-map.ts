// The small map of the home page: the provinces coloured by the map page's default metric, not interactive itself;
// a click opens /peta at the province clicked (or the nation), and a link beside it does the same for keyboards.
import { DEFAULT_MAP_STATE } from '../url-state';
import { createDrillMap } from './drill-map';
import { REGION_FILL } from './layers';
import { loadLevel, loadPage } from './view-data';

/** Draws the map into `box`; false when it cannot (no WebGL, no tiles): the link alone then leads to the map. */
export async function miniMap(box: HTMLElement, open: (path: string) => void): Promise<boolean> {
  const state = { ...DEFAULT_MAP_STATE };
  const [page, view] = await Promise.all([loadPage(), loadLevel(state)]);
  if (!page.regions) return false;
  let drill: ReturnType<typeof createDrillMap>;
  try {
    drill = createDrillMap(box, state, { ...page, activities: null, slumAreas: null }, { region: () => undefined, moved: () => undefined }, false);
  } catch {
    return false;
  }
  drill.show(state, view, true);
  box.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.maplibregl-ctrl')) return;
    const rect = box.getBoundingClientRect();
    const point: [number, number] = [event.clientX - rect.left, event.clientY - rect.top];
    const region = drill.map.getLayer(REGION_FILL) ? drill.map.queryRenderedFeatures(point, { layers: [REGION_FILL] })[0] : undefined;
    const code = region ? String(region.properties.code ?? '') : '';
    open(code ? `/peta?p=${code}` : '/peta');
  });
  (window as Window & { __homeMap?: unknown }).__homeMap = drill.map;
  return true;
}
