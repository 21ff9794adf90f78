// The page of one activity, /kegiatan/{id}: what was built, where, for how much, how far it got; a small map of
// its point; the records it belongs to; its answer in the API to download.
import type { Activity, ActivityItem } from '../api';
import { h } from '../dom';
import { formatDate, formatNumber, formatPct } from '../format';
import { lang, t, tDynamic } from '../i18n';
import type { Cleanup, PageContext } from '../page';
import { type RecordFigure, breadcrumb, capitalise, downloads, figureRows, linkSection, loadRecord, locationSection, recordId } from './record';

export async function render(main: HTMLElement, context: PageContext): Promise<Cleanup | undefined> {
  const id = recordId(context);
  context.setTitle(`${t('recordActivity')} ${id}`);
  const path = `/api/v1/activities/${encodeURIComponent(id)}`;
  const answer = await loadRecord<ActivityItem>(main, path, `${t('recordActivity')} ${id}`, id);
  if (!answer) return undefined;
  const activity = answer.item;
  context.setEnvelope(answer);
  context.setTitle(activity.name || id);
  const places = [
    { code: activity.regencyCode, name: activity.regencyName ?? activity.regencyCode },
    { code: activity.villageCode, name: activity.villageName || activity.villageCode },
  ];
  const map = locationSection(activity.lon, activity.lat, t('recordMapActivity'), async () => null);
  main.append(
    breadcrumb(places, activity.name || id),
    h('h1', { tabindex: '-1' }, activity.name || id),
    h('p', { class: 'lead' }, [t('recordActivity'), places.map((place) => place.name).reverse().join(', '), activity.id].filter(Boolean).join(' · ')),
    h('section', { 'aria-labelledby': 'angka' }, h('h2', { id: 'angka', class: 'visually-hidden' }, t('recordFigures')), figureRows(figures(activity))),
    map.section,
  );
  const related: [string, string][] = places.map((place) => [`${t('regionTitle')}: ${place.name}`, `/wilayah/${place.code}`]);
  if (activity.slumAreaId) related.push([`${t('recordSlumAreaOf')}: ${activity.slumAreaId}`, `/kawasan/${encodeURIComponent(activity.slumAreaId)}`]);
  main.append(linkSection('terkait', t('recordRelated'), related) ?? '', downloads(path) ?? '');
  return map.cleanup;
}

export function figures(a: Activity): RecordFigure[] {
  const l = lang();
  const rupiah = (value: number | null | undefined) => (value == null ? t('noDataYet') : `Rp ${formatNumber(value, l)}`);
  const count = (value: number | null | undefined) => formatNumber(value, l);
  return [
    { label: t('colType'), field: 'type', value: a.type, text: tDynamic('type_', a.type) },
    { label: t('colStatus'), field: 'status', value: a.status, text: capitalise(tDynamic('status_', a.status)) },
    { label: t('year'), field: 'fiscalYear', value: a.fiscalYear, text: String(a.fiscalYear) },
    { label: t('colBudget'), field: 'budgetIdr', value: a.budgetIdr, text: rupiah(a.budgetIdr) },
    { label: t('colDisbursed'), field: 'disbursedIdr', value: a.disbursedIdr, text: rupiah(a.disbursedIdr) },
    { label: t('colProgress'), field: 'physicalProgress', value: a.physicalProgress, text: formatPct(a.physicalProgress, l) },
    { label: t('colOutput'), field: 'outputVolume', value: a.outputVolume,
      text: a.outputVolume != null ? `${formatNumber(a.outputVolume, l, 1)} ${a.outputUnit ?? ''}`.trim() : t('noDataYet') },
    { label: t('recordStart'), field: 'startDate', value: a.startDate, text: formatDate(a.startDate, l) },
    { label: t('recordEnd'), field: 'endDate', value: a.endDate, text: formatDate(a.endDate, l) },
    { label: t('recordBeneficiaries'), field: 'beneficiaryPeople', value: a.beneficiaryPeople, text: count(a.beneficiaryPeople) },
    { label: t('figWorkers'), field: 'labourWorkers', value: a.labourWorkers, text: count(a.labourWorkers) },
    { label: t('figWages'), field: 'labourWagesIdr', value: a.labourWagesIdr, text: rupiah(a.labourWagesIdr) },
  ];
}
