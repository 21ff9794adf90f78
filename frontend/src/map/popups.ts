// What a click on an activity, a cluster or a slum area opens: its figures and a link to the record's own page
// (/kegiatan/{id}, /kawasan/{id}). Built with textContent only.
import { h } from '../dom';
import { formatHa, formatIdr, formatNumber, formatPct } from '../format';
import { lang, t, tDynamic } from '../i18n';
import { LEVEL_KEYS } from '../pages/slum-areas';

type Properties = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function numberOrNull(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function facts(rows: [string, string][]): HTMLElement {
  return h('dl', { class: 'popup-facts' }, ...rows.flatMap(([term, value]) => [h('dt', { class: 'popup-term' }, term), h('dd', { class: 'popup-value' }, value)]));
}

export function activityPopup(properties: Properties): HTMLElement {
  const l = lang();
  const id = text(properties.id);
  return h('div', { class: 'popup' },
    h('strong', {}, text(properties.name)),
    facts([
      [t('colType'), tDynamic('type_', text(properties.type))],
      [t('colStatus'), tDynamic('status_', text(properties.status))],
      [t('year'), text(properties.fiscal_year)],
      [t('colBudget'), formatIdr(numberOrNull(properties.budget_idr), l)],
      [t('colDisbursed'), formatIdr(numberOrNull(properties.disbursed_idr), l)],
      [t('colProgress'), formatPct(numberOrNull(properties.physical_progress), l)],
    ]),
    id ? h('a', { href: `/kegiatan/${encodeURIComponent(id)}`, class: 'popup-link' }, t('openActivity')) : null);
}

export function clusterPopup(properties: Properties): HTMLElement {
  const l = lang();
  return h('div', { class: 'popup' },
    h('strong', {}, t('clusterTitle', { n: formatNumber(numberOrNull(properties.count), l) })),
    facts([
      [t('colBudget'), formatIdr(numberOrNull(properties.budget_idr), l)],
      [t('clusterCompleted'), formatNumber(numberOrNull(properties.completed), l)],
    ]),
    h('p', {}, t('clusterZoom')));
}

export function slumAreaPopup(properties: Properties): HTMLElement {
  const l = lang();
  const id = text(properties.id);
  const level = text(properties.level);
  const levelText = level in LEVEL_KEYS ? t(LEVEL_KEYS[level as keyof typeof LEVEL_KEYS]) : t('levelUnassessed');
  return h('div', { class: 'popup' },
    h('strong', {}, text(properties.name)),
    facts([
      [t('colLevel'), properties.level_year ? `${levelText} (${text(properties.level_year)})` : levelText],
      [t('colArea'), formatHa(numberOrNull(properties.area_ha), l)],
    ]),
    id ? h('a', { href: `/kawasan/${encodeURIComponent(id)}`, class: 'popup-link' }, t('openSlumArea')) : null);
}
