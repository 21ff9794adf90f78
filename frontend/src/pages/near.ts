// "Near me" /sekitar: the activities and slum areas within a chosen radius of the visitor's location (asked of the
// browser only when the button is pressed) or of the point in the URL (?near=lon,lat&radius=m, shareable).
import { type Activity, type Page, getJson, query } from '../api';
import { downloadLink, h, notice, uid } from '../dom';
import { formatHa } from '../format';
import { lang, t } from '../i18n';
import type { PageContext } from '../page';
import { toCsv } from '../shape';
import { activityRow, columns, csvRow } from './activities';
import { LEVEL_KEYS } from './slum-areas';

interface NearSlumArea {
  id: string;
  name?: string;
  regencyName?: string;
  areaHa?: number | null;
  latestLevel?: string | null;
}

const RADII = [500, 1000, 2000, 5000, 10000];
const LIMIT = 100;

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  context.setTitle(t('nearTitle'));
  const params = new URLSearchParams(context.search);
  const radiusId = uid('radius');
  const radius = h('select', { id: radiusId }, ...RADII.map((metres) => h('option', { value: String(metres), selected: String(metres) === (params.get('radius') ?? '1000') }, metres < 1000 ? `${metres} m` : `${metres / 1000} km`)));
  const locate = h('button', { type: 'button' }, t('nearLocate'));
  const status = h('p', { role: 'status', class: 'table-status' });
  const results = h('div', {});
  main.append(
    h('h1', { tabindex: '-1' }, t('nearTitle')),
    h('p', { class: 'lead' }, t('nearIntro')),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: radiusId }, t('nearRadius')), radius), locate),
    status,
    results,
  );

  let point: [number, number] | null = parsePoint(params.get('near'));
  const show = async () => {
    if (!point) return;
    const [lon, lat] = point;
    context.replaceUrl(`/sekitar${query('', { near: `${lon.toFixed(5)},${lat.toFixed(5)}`, radius: radius.value })}`);
    status.textContent = t('nearLoading');
    const near = { near: `${lon},${lat}`, radius: radius.value, limit: LIMIT };
    const [activities, areas] = await Promise.all([
      getJson<Page<Activity>>(query('/api/v1/activities', near)),
      getJson<Page<NearSlumArea>>(query('/api/v1/slum-areas', near)),
    ]);
    if (!activities.ok || !areas.ok) {
      status.textContent = '';
      results.replaceChildren(notice(t('nearFailed'), 'error'));
      return;
    }
    context.setEnvelope(activities.data);
    const distance = radius.options[radius.selectedIndex]?.text ?? `${radius.value} m`;
    status.textContent = t('nearFound', { activities: countText(activities.data.items.length), areas: countText(areas.data.items.length), distance });
    results.replaceChildren(areasTable(areas.data.items), activitiesTable(activities.data.items, point));
  };
  locate.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = t('nearUnavailable');
      return;
    }
    status.textContent = t('nearAsking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        point = [position.coords.longitude, position.coords.latitude];
        void show();
      },
      () => {
        status.textContent = t('nearDenied');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
  radius.addEventListener('change', () => void show());
  if (point) await show();
  else status.textContent = t('nearHint');
}

function levelKey(level: string | null | undefined): keyof typeof LEVEL_KEYS {
  return level && level in LEVEL_KEYS ? (level as keyof typeof LEVEL_KEYS) : 'unassessed';
}

function countText(n: number): string {
  return n >= LIMIT ? `${LIMIT}+` : String(n);
}

function parsePoint(text: string | null): [number, number] | null {
  const parts = (text ?? '').split(',').map(Number);
  const [lon, lat] = parts;
  return parts.length === 2 && lon !== undefined && lat !== undefined && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

function activitiesTable(items: Activity[], point: [number, number]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'near-activities' }, h('h2', { id: 'near-activities' }, t('activitiesTitle')));
  if (items.length === 0) {
    section.append(h('p', {}, t('activitiesNone')));
    return section;
  }
  section.append(
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('activitiesTitle')),
      h('thead', {}, h('tr', {}, ...columns().map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, ...items.map(activityRow)))),
    h('p', { class: 'downloads' },
      downloadLink(t('downloadWhatISee'), `kotaku-kegiatan-sekitar-${point[0].toFixed(3)}_${point[1].toFixed(3)}.csv`, () => toCsv(columns(), items.map(csvRow)))),
  );
  return section;
}

function areasTable(items: NearSlumArea[]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'near-areas' }, h('h2', { id: 'near-areas' }, t('nearAreasTitle')));
  if (items.length === 0) {
    section.append(h('p', {}, t('nearAreasNone')));
    return section;
  }
  const l = lang();
  section.append(h('div', { class: 'table-scroll' }, h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('nearAreasTitle')),
    h('thead', {}, h('tr', {}, ...[t('colName'), t('colRegency'), t('colArea'), t('colLevel')].map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...items.map((area) => h('tr', {},
      h('th', { scope: 'row' }, area.name ?? area.id),
      h('td', {}, area.regencyName ?? ''),
      h('td', { class: 'num' }, formatHa(area.areaHa, l)),
      h('td', {}, t(LEVEL_KEYS[levelKey(area.latestLevel)]))))))));
  return section;
}
