// State binding of the map page: the controls (metric, year, activity type, which layers are drawn) and the trail
// of the drill-down write the MapState that lives in the URL, and tell the page what changed.
import { h, uid } from '../dom';
import { t, tDynamic } from '../i18n';
import { METRICS, type MapState, levelOf, parentOf } from '../url-state';

export interface ControlEvents {
  /** the metric or year of the colours changed (the year also filters the activities) */
  values: () => void;
  /** the activity type changed */
  activities: () => void;
  layers: (shown: { activities: boolean; slumAreas: boolean }) => void;
  /** go to a level: the children of `code` (null: the provinces) */
  drill: (code: string | null) => void;
}

export interface Controls {
  element: HTMLElement;
  trail: HTMLElement;
  setYears: (years: number[]) => void;
  setTypes: (types: string[]) => void;
  drawTrail: (names: Map<string, string>) => void;
}

export function mapControls(state: MapState, events: ControlEvents): Controls {
  const metric = select(t('metric'), METRICS.map((m) => [m, t(`metric_${m}`)]), state.metric);
  const year = select(t('year'), [['', t('allYears')]], '');
  const type = select(t('activityType'), [['', t('allTypes')]], '');
  const activities = toggle(t('layerActivities'));
  const slumAreas = toggle(t('layerSlumAreas'));
  metric.field.addEventListener('change', () => {
    state.metric = metric.field.value as MapState['metric'];
    events.values();
  });
  year.field.addEventListener('change', () => {
    state.year = year.field.value ? Number(year.field.value) : null;
    events.values();
    events.activities();
  });
  type.field.addEventListener('change', () => {
    state.type = type.field.value || null;
    events.activities();
  });
  const layers = () => events.layers({ activities: activities.field.checked, slumAreas: slumAreas.field.checked });
  activities.field.addEventListener('change', layers);
  slumAreas.field.addEventListener('change', layers);
  const trail = h('nav', { class: 'breadcrumb', 'aria-label': t('level') });
  return {
    element: h('div', { class: 'map-controls' }, metric.wrap, year.wrap, type.wrap,
      h('fieldset', { class: 'layer-toggles' }, h('legend', {}, t('layersShown')), activities.wrap, slumAreas.wrap)),
    trail,
    setYears: (years) => fill(year.field, years.map((y) => [String(y), String(y)]), state.year === null ? '' : String(state.year)),
    setTypes: (types) => fill(type.field, types.map((code) => [code, tDynamic('type_', code)]), state.type ?? ''),
    drawTrail: (names) => drawTrail(trail, state, names, events.drill),
  };
}

function drawTrail(trail: HTMLElement, state: MapState, names: Map<string, string>, go: (code: string | null) => void): void {
  const steps: (string | null)[] = [];
  for (let code = state.parent; code; code = parentOf(code)) steps.unshift(code);
  const label = (code: string | null) => (code ? (names.get(code) ?? code) : t('national'));
  const items = [null, ...steps].map((code, index, all) => {
    if (index === all.length - 1) return h('li', {}, h('span', { 'aria-current': 'location' }, label(code)));
    const button = h('button', { type: 'button', class: 'link-button' }, label(code));
    button.addEventListener('click', () => go(code));
    return h('li', {}, button);
  });
  const level = state.parent ? levelOf(state.parent) + 1 : 1;
  trail.replaceChildren(h('ol', {}, ...items, h('li', { class: 'level-name' }, `(${tDynamic('levelName', String(level))})`)));
}

function select(label: string, options: [string, string][], value: string): { wrap: HTMLElement; field: HTMLSelectElement } {
  const field = h('select', { id: uid('control') });
  fill(field, [], value, options);
  return { wrap: h('div', { class: 'field' }, h('label', { for: field.id }, label), field), field };
}

/** Options after the first ("all ..."), keeping it; `value` selected. */
function fill(field: HTMLSelectElement, options: [string, string][], value: string, first: [string, string][] = []): void {
  const keep = first.length > 0 ? first : [...field.options].slice(0, 1).map((o) => [o.value, o.text] as [string, string]);
  field.replaceChildren(...[...keep, ...options].map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

function toggle(label: string): { wrap: HTMLElement; field: HTMLInputElement } {
  const field = h('input', { type: 'checkbox', id: uid('layer'), checked: true });
  return { wrap: h('div', { class: 'check' }, field, h('label', { for: field.id }, label)), field };
}
