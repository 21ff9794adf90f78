// Map page /peta: a choropleth of a metric and year that drills down from the nation to a kelurahan, with the
// activities (clusters and points, following the year and type) and slum areas over it, a legend of the values on
// screen, the state in the URL, and an accessible twin (summary + table) that follows every step. The parts:
// map/controls (state binding), map/view-data (data loading), map/drill-map (the map), map/twin, map/legend.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { h, notice } from '../dom';
import { t } from '../i18n';
import { mapControls } from '../map/controls';
import { type DrillMap, createDrillMap } from '../map/drill-map';
import { drawLegend } from '../map/legend';
import { drawTwin } from '../map/twin';
import { loadLevel, loadPage, nameTrail } from '../map/view-data';
import type { Cleanup, PageContext } from '../page';
import { type MapState, levelOf, parseMapState, serializeMapState } from '../url-state';

type TestWindow = Window & { __map?: MapLibreMap };

export async function render(main: HTMLElement, context: PageContext): Promise<Cleanup> {
  const state = parseMapState(context.search);
  const names = new Map<string, string>();
  context.setTitle(t('mapTitle'));
  const syncUrl = () => context.replaceUrl(`/peta${serializeMapState(state)}`);
  let drill: DrillMap | null = null;
  let version = 0;

  const controls = mapControls(state, {
    values: () => void refresh(false),
    activities: () => {
      syncUrl();
      drill?.filter({ year: state.year, type: state.type });
    },
    layers: (shown) => drill?.layers(shown),
    drill: (code) => drillTo(code),
  });
  const status = h('div', { class: 'map-status', role: 'status' });
  const mapBox = h('div', { id: 'map', class: 'map' });
  const legend = h('div', { class: 'legend', 'aria-labelledby': 'legend-title' });
  const twinSummary = h('p', { class: 'twin-summary', tabindex: '-1' });
  const twinTable = h('div', { class: 'table-scroll' });
  main.append(
    h('h1', { tabindex: '-1' }, t('mapTitle')),
    h('p', { class: 'lead' }, t('mapIntro')),
    controls.element, controls.trail, status,
    h('div', { class: 'map-layout' }, mapBox, legend),
    h('section', { 'aria-labelledby': 'twin', class: 'twin' },
      h('h2', { id: 'twin' }, t('mapTwin')), h('p', {}, t('mapTwinIntro')), twinSummary, twinTable),
  );

  const data = await loadPage();
  const messages: string[] = [];
  if (data.summary) {
    context.setEnvelope(data.summary);
    controls.setYears((data.summary.series ?? []).map((point) => point.year));
    controls.setTypes((data.summary.activities?.byType ?? []).filter((item) => (item.count ?? 0) > 0).map((item) => item.type));
  }
  if (!data.regions) messages.push(t('mapTilesMissing'));
  if (data.activities) messages.push(t('activityPoints'));
  try {
    drill = createDrillMap(mapBox, state, data, {
      region: (code) => (levelOf(code) < 4 ? drillTo(code) : context.navigate(`/wilayah/${code}`)),
      moved: (view) => {
        state.view = view;
        syncUrl();
      },
    });
    (window as TestWindow).__map = drill.map;
  } catch {
    messages.push(t('mapNoWebgl'));
  }

  async function refresh(fit: boolean): Promise<void> {
    const step = ++version;
    syncUrl();
    controls.drawTrail(names);
    void nameTrail(state, names).then(() => controls.drawTrail(names));
    const view = await loadLevel(state);
    if (step !== version) return;
    if (view.envelope) context.setEnvelope(view.envelope);
    for (const item of view.items) names.set(item.code, item.name);
    controls.drawTrail(names);
    status.replaceChildren(...[...messages, ...(view.problem ? [view.problem] : [])].map((text) => notice(text)));
    drawLegend(legend, view.legend, view.unit, state.level > 2);
    drawTwin(twinSummary, twinTable, view.items, view.unit, state, (code) => {
      // keyboard users stay in the twin: focus moves to the summary of the level they opened
      drillTo(code);
      twinSummary.focus();
    });
    if (view.problem) twinSummary.textContent = view.problem;
    drill?.show(state, view, fit);
  }

  function drillTo(code: string | null): void {
    state.parent = code;
    state.level = code ? ((levelOf(code) + 1) as MapState['level']) : 1;
    state.view = null;
    void refresh(true);
  }

  await refresh(!state.view);
  return () => {
    drill?.map.remove();
    delete (window as TestWindow).__map;
  };
}
