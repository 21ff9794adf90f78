// The map's text twin: a plain-language summary and a table of the regions of the level on screen, with the same
// values as the map. Keyboard users drill down through it: a region name is a button one level deeper, and every
// row links to the region's profile (a kelurahan is reached from its district's table).
import type { ProgressItem } from '../api';
import { downloadLink, h, uid } from '../dom';
import { type Unit, formatByUnit } from '../format';
import { lang, t, tDynamic } from '../i18n';
import { hasValue, rank, summarise, toCsv } from '../shape';
import type { MapState } from '../url-state';

export function drawTwin(summaryBox: HTMLElement, tableBox: HTMLElement, items: ProgressItem[], unit: Unit, state: MapState,
  drill: (code: string) => void): void {
  const l = lang();
  const summary = summarise(items);
  const sentences: string[] = [];
  if (summary.top && summary.bottom) {
    sentences.push(t('summarySentence', {
      withData: summary.withData, total: summary.total,
      top: summary.top.name, topValue: formatByUnit(summary.top.value, unit, l),
      bottom: summary.bottom.name, bottomValue: formatByUnit(summary.bottom.value, unit, l),
    }));
  } else {
    sentences.push(t('summaryNone'));
  }
  if (summary.total > summary.withData && summary.withData > 0) sentences.push(t('summaryMissing', { n: summary.total - summary.withData }));
  summaryBox.textContent = `${tDynamic('levelName', String(state.level))} · ${t(`metric_${state.metric}`)}${state.year ? ` · ${state.year}` : ''}. ${sentences.join(' ')}`;
  if (items.length === 0) {
    tableBox.replaceChildren();
    return;
  }
  const captionId = uid('twin-caption');
  const rows = rank(items).map((item) => {
    const name = state.level < 4
      ? h('button', { type: 'button', class: 'link-button', 'aria-label': t('drillDown', { name: item.name }) }, item.name)
      : h('span', {}, item.name);
    name.addEventListener('click', () => state.level < 4 && drill(item.code));
    return h('tr', { 'data-code': item.code, 'data-lon': item.lon ?? '', 'data-lat': item.lat ?? '' },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num' }, hasValue(item) ? formatByUnit(item.value, unit, l) : t('noDataYet')),
      h('td', {}, h('a', { href: `/wilayah/${item.code}` }, `${t('openProfile')} ${item.name}`)));
  });
  tableBox.replaceChildren(h('table', { class: 'data-table', 'aria-describedby': captionId },
    h('caption', { id: captionId, class: 'visually-hidden' }, t('mapTwin')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('name')), h('th', { scope: 'col' }, t(`metric_${state.metric}`)), h('th', { scope: 'col' }, t('openProfile')))),
    h('tbody', {}, ...rows)),
    h('p', { class: 'downloads' }, viewDownload(items, state)));
}

/** "The data behind this map": the regions and values on screen, raw numbers, as CSV. */
function viewDownload(items: ProgressItem[], state: MapState): HTMLAnchorElement {
  const name = ['kotaku-peta', state.metric, state.parent ?? 'nasional', state.year ?? 'semua-tahun'].join('-');
  const header = [t('colCode'), t('name'), t(`metric_${state.metric}`), t('year')];
  return downloadLink(t('downloadMapData'), `${name}.csv`,
    () => toCsv(header, rank(items).map((item) => [item.code, item.name, hasValue(item) ? item.value : null, state.year ?? ''])));
}
