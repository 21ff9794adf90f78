// A region's activities: a filterable table (year, type, name; kept in the URL) and "download what I see" as CSV.
import { type Activity, type ActivityList, getJson, query } from '../api';
import { downloadLink, h, notice, tableScroll, uid } from '../dom';
import { formatIdr, formatNumber, formatPct } from '../format';
import { lang, t, tDynamic } from '../i18n';
import { toCsv } from '../shape';

const TYPES = ['road', 'drainage', 'water', 'sanitation', 'waste', 'fire', 'open_space', 'housing', 'capacity', 'livelihood'];
const PAGE_SIZE = 100;

/** The filters a profile keeps in its URL (?year=&type=&q=), so that a filtered table can be shared. */
export interface ActivityFilterState {
  initial: URLSearchParams;
  changed: (filters: Record<string, string>) => void;
}

export function activitiesSection(code: string, years: number[], state?: ActivityFilterState): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'activities' }, h('h2', { id: 'activities' }, t('activitiesTitle')));
  const yearSelect = select(t('year'), [['', t('allYears')], ...years.map((year) => [String(year), String(year)] as [string, string])]);
  const typeSelect = select(t('filterType'), [['', t('allTypes')], ...TYPES.map((type) => [type, tDynamic('type_', type)] as [string, string])]);
  const textId = uid('filter');
  const text = h('input', { id: textId, type: 'search', autocomplete: 'off' });
  const status = h('p', { role: 'status', class: 'table-status' });
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('moreRows'));
  let rows: Activity[] = [];
  let next: string | null = null;
  yearSelect.field.value = state?.initial.get('year') ?? '';
  typeSelect.field.value = state?.initial.get('type') ?? '';
  text.value = state?.initial.get('q') ?? '';
  const remember = () => state?.changed({ year: yearSelect.field.value, type: typeSelect.field.value, q: text.value.trim() });

  const visible = () => {
    const needle = text.value.trim().toLocaleLowerCase();
    return needle ? rows.filter((row) => `${row.name} ${row.villageName}`.toLocaleLowerCase().includes(needle)) : rows;
  };
  const draw = () => {
    const shown = visible();
    body.replaceChildren(...shown.map(activityRow));
    status.textContent = shown.length === 0 ? t('activitiesNone') : t('showingRows', { n: shown.length });
    more.hidden = !next;
  };
  const load = async (path: string, append: boolean) => {
    const result = await getJson<ActivityList>(path);
    if (!result.ok) {
      section.replaceChildren(section.firstChild as Node, notice(t('activitiesMissing')));
      return;
    }
    rows = append ? [...rows, ...result.data.items] : result.data.items;
    next = result.data.links.next;
    draw();
  };
  const reload = () => {
    remember();
    void load(query('/api/v1/activities', { region: code, year: yearSelect.field.value, type: typeSelect.field.value, limit: PAGE_SIZE }), false);
  };
  yearSelect.field.addEventListener('change', reload);
  typeSelect.field.addEventListener('change', reload);
  text.addEventListener('input', () => {
    remember();
    draw();
  });
  more.addEventListener('click', () => next && void load(next, true));

  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('activitiesTitle')),
    h('thead', {}, h('tr', {}, ...columns().map((column) => h('th', { scope: 'col' }, column)))),
    body);
  section.append(
    h('div', { class: 'filters' }, yearSelect.wrap, typeSelect.wrap, h('div', { class: 'field' }, h('label', { for: textId }, t('filterText')), text)),
    status,
    tableScroll(t('activitiesTitle'), table),
    more,
    h('p', { class: 'downloads' },
      downloadLink(t('downloadWhatISee'), `kotaku-kegiatan-${code}.csv`, () => toCsv(columns(), visible().map(csvRow))),
      ' · ',
      h('a', { href: query('/api/v1/activities', { region: code, format: 'csv' }), download: '' }, t('downloadAll'))),
  );
  reload();
  return section;
}

export function columns(): string[] {
  return [t('year'), t('colVillage'), t('colType'), t('colName'), t('colStatus'), t('colProgress'), t('colBudget'), t('colDisbursed'), t('colOutput')];
}

export function activityRow(activity: Activity): HTMLTableRowElement {
  const l = lang();
  return h('tr', {},
    h('td', {}, activity.fiscalYear),
    h('td', {}, activity.villageName),
    h('td', {}, tDynamic('type_', activity.type)),
    h('th', { scope: 'row' }, h('a', { href: `/kegiatan/${encodeURIComponent(activity.id)}` }, activity.name || activity.id)),
    h('td', {}, tDynamic('status_', activity.status)),
    h('td', { class: 'num' }, formatPct(activity.physicalProgress, l)),
    h('td', { class: 'num' }, formatIdr(activity.budgetIdr, l)),
    h('td', { class: 'num' }, formatIdr(activity.disbursedIdr, l)),
    h('td', { class: 'num' }, activity.outputVolume != null ? `${formatNumber(activity.outputVolume, l, 1)} ${activity.outputUnit ?? ''}` : ''));
}

/** CSV keeps raw numbers (machine-readable), with the labels of the table. */
export function csvRow(activity: Activity): (string | number | null | undefined)[] {
  return [activity.fiscalYear, activity.villageName, activity.type, activity.name, activity.status,
    activity.physicalProgress, activity.budgetIdr, activity.disbursedIdr,
    activity.outputVolume != null ? `${activity.outputVolume} ${activity.outputUnit ?? ''}`.trim() : null];
}

function select(label: string, options: [string, string][]): { wrap: HTMLElement; field: HTMLSelectElement } {
  const id = uid('select');
  const field = h('select', { id }, ...options.map(([value, text]) => h('option', { value }, text)));
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), field), field };
}
