// The page of one slum area, /kawasan/{id}: its level and score, area, typology and handling, the villages it
// spans, its decree and assessment history; a small map of its boundary; its answer in the API to download.
import type { FeatureCollection, Geometry } from 'geojson';
import { type Assessment, type SlumArea, type SlumAreaItem, getJson } from '../api';
import { h, tableScroll } from '../dom';
import { formatDate, formatHa, formatNumber } from '../format';
import { lang, t } from '../i18n';
import type { Cleanup, PageContext } from '../page';
import { type SlumLevel, levelOfScore } from '../shape';
import { type RecordFigure, breadcrumb, capitalise, downloads, figureRows, linkSection, loadRecord, locationSection, recordId } from './record';
import { LEVEL_KEYS } from './slum-areas';

export async function render(main: HTMLElement, context: PageContext): Promise<Cleanup | undefined> {
  const id = recordId(context);
  context.setTitle(`${t('recordSlumArea')} ${id}`);
  const path = `/api/v1/slum-areas/${encodeURIComponent(id)}`;
  const answer = await loadRecord<SlumAreaItem>(main, path, `${t('recordSlumArea')} ${id}`, id);
  if (!answer) return undefined;
  const { decree, assessments } = answer;
  const area = answer.item;
  context.setEnvelope(answer);
  context.setTitle(area.name || id);
  const places = [{ code: area.regencyCode, name: area.regencyName || area.regencyCode }];
  const map = locationSection(area.lon, area.lat, t('recordMapArea'), () => boundary(path));
  main.append(
    breadcrumb(places, area.name || id),
    h('h1', { tabindex: '-1' }, area.name || id),
    h('p', { class: 'lead' }, [t('recordSlumArea'), area.regencyName, area.id].filter(Boolean).join(' · ')),
    h('section', { 'aria-labelledby': 'angka' }, h('h2', { id: 'angka', class: 'visually-hidden' }, t('recordFigures')), figureRows(figures(area))),
    map.section,
    linkSection('wilayah', t('recordVillages'), area.villageCodes.map((code) => [code, `/wilayah/${code}`])) ?? '',
    decree ? linkSection('sk', t('recordDecree'), [[[decree.number, formatDate(decree.decreeDate, lang()), decree.issuer].filter(Boolean).join(', '), `/api/v1/decrees/${encodeURIComponent(decree.id)}`]]) ?? '' : '',
    history(assessments ?? []),
    linkSection('penjelasan', t('recordWhy'), [[t('recordExplain'), `${path}?explain=true`]]) ?? '',
    downloads(path) ?? '',
  );
  return map.cleanup;
}

export function figures(a: SlumArea): RecordFigure[] {
  const l = lang();
  const text = (value: string | null | undefined) => (value ? capitalise(value.replace(/_/g, ' ')) : t('noDataYet'));
  return [
    { label: t('colLevel'), field: 'latestLevel', value: a.latestLevel, text: capitalise(levelText(a.latestLevel, a.latestTotalScore)) },
    { label: t('recordScore'), field: 'latestTotalScore', value: a.latestTotalScore, text: formatNumber(a.latestTotalScore, l) },
    { label: t('recordYearAssessed'), field: 'latestYear', value: a.latestYear, text: a.latestYear ? String(a.latestYear) : t('noDataYet') },
    { label: t('colArea'), field: 'areaHa', value: a.areaHa, text: formatHa(a.areaHa, l) },
    { label: t('recordTypology'), field: 'typology', value: a.typology, text: text(a.typology) },
    { label: t('recordHandling'), field: 'handling', value: a.handling, text: text(a.handling) },
    { label: t('recordPriority'), field: 'priority', value: a.priority, text: formatNumber(a.priority, l) },
  ];
}

function levelText(level: string | null | undefined, score: number | null | undefined): string {
  const key = level && level in LEVEL_KEYS ? (level as SlumLevel) : score != null ? levelOfScore(score) : 'unassessed';
  return t(LEVEL_KEYS[key]);
}

function history(assessments: Assessment[]): HTMLElement | string {
  if (assessments.length === 0) return '';
  const l = lang();
  const columns = [t('year'), t('recordKind'), t('recordRegulation'), t('recordScore'), t('colLevel'), t('colArea')];
  return h('section', { 'aria-labelledby': 'penilaian' }, h('h2', { id: 'penilaian' }, t('recordHistory')),
    tableScroll(t('recordHistory'), h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('recordHistory')),
      h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, ...assessments.map((a) => h('tr', {},
        h('th', { scope: 'row' }, String(a.year)),
        h('td', {}, a.kind),
        h('td', {}, a.regulation),
        h('td', { class: 'num' }, formatNumber(a.totalScore, l)),
        h('td', {}, levelText(a.level, a.totalScore)),
        h('td', { class: 'num' }, formatHa(a.areaHa, l))))))));
}

/** The area's boundary from the API's GeoJSON answer; null when it has none (then only its point is drawn). */
async function boundary(path: string): Promise<FeatureCollection<Geometry> | null> {
  const result = await getJson<{ type?: string; geometry?: Geometry | null }>(`${path}?format=geojson`);
  if (!result.ok || !result.data.geometry) return null;
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: result.data.geometry }] };
}
