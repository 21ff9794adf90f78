// Headline figures of a summary (national or one region) and its charts, shared by home, profile and embed.
import { type Spending, type SpendingItem, type SummaryBody, getJson, query } from './api';
import { barChart } from './chart';
import { h } from './dom';
import { type Maybe, formatHa, formatIdr, formatNumber, formatPct, formatRate, isNumber } from './format';
import { type MessageKey, lang, t, tDynamic } from './i18n';
import { seriesTable } from './shape';

export interface Figure {
  key: MessageKey;
  /** the JSON path in the summary, e.g. "money.plannedIdr" (browser tests compare it with the API) */
  field: string;
  value: Maybe<number>;
  format: (value: Maybe<number>) => string;
  note?: MessageKey;
}

export function headlineFigures(summary: SummaryBody): Figure[] {
  const l = lang();
  const ha = (value: Maybe<number>) => formatHa(value, l);
  const idr = (value: Maybe<number>) => formatIdr(value, l);
  const count = (value: Maybe<number>) => formatNumber(value, l);
  const pct = (value: Maybe<number>) => formatPct(value, l);
  return [
    { key: 'figSlumBaseline', field: 'slum.baselineHa', value: summary.slum?.baselineHa, format: ha },
    { key: 'figSlumNow', field: 'slum.currentHa', value: summary.slum?.currentHa, format: ha },
    { key: 'figSlumReduced', field: 'slum.officialReducedHa', value: summary.slum?.officialReducedHa, format: ha, note: 'figSlumReducedNote' },
    { key: 'figSlumWeighted', field: 'slum.weightedReducedHa', value: summary.slum?.weightedReducedHa, format: ha, note: 'figSlumWeightedNote' },
    { key: 'figSafeWater', field: 'access.safeWaterPct', value: summary.access?.safeWaterPct, format: pct },
    { key: 'figSanitation', field: 'access.sanitationPct', value: summary.access?.sanitationPct, format: pct },
    { key: 'figPlanned', field: 'money.plannedIdr', value: summary.money?.plannedIdr, format: idr },
    { key: 'figDisbursed', field: 'money.disbursedIdr', value: summary.money?.disbursedIdr, format: idr },
    { key: 'figDisbursementRate', field: 'money.disbursementRate', value: summary.money?.disbursementRate, format: (v) => formatRate(v, l) },
    { key: 'figActivities', field: 'activities.total', value: summary.activities?.total, format: count },
    { key: 'figCompleted', field: 'activities.byStatus.completed', value: summary.activities?.byStatus?.completed, format: count },
    { key: 'figWorkers', field: 'labour.workers', value: summary.labour?.workers, format: count },
    { key: 'figWages', field: 'labour.wagesIdr', value: summary.labour?.wagesIdr, format: idr },
  ];
}

/** A list of figures; a figure the server does not report says "no data yet", never 0. */
export function figureList(figures: Figure[], options: { compact?: boolean } = {}): HTMLElement {
  return h('dl', { class: options.compact ? 'figures compact' : 'figures' }, ...figures.map((figure) =>
    h('div', { class: isNumber(figure.value) ? 'figure' : 'figure figure-empty' },
      h('dt', {}, t(figure.key)),
      h('dd', { 'data-field': figure.field, 'data-value': isNumber(figure.value) ? figure.value : '' }, figure.format(figure.value)),
      figure.note && !options.compact ? h('dd', { class: 'figure-note' }, t(figure.note)) : null)));
}

const BLUE = '#2b6cb0';
const GREEN = '#1f7a3a';

/** What the charts of a page draw: planned and disbursed money per fiscal year, activity budgets by source and type. */
export interface ChartData {
  series: { year: number; plannedIdr: number | null; disbursedIdr: number | null }[];
  bySource: { source: string; budgetIdr: number | null }[];
  byType: { type: string; budgetIdr: number | null }[];
}

export function trendChart(charts: ChartData, filename: string): HTMLElement {
  const rows = seriesTable(charts.series, ['plannedIdr', 'disbursedIdr']).map((row) => ({ label: String(row.year), values: row.values }));
  return barChart({
    title: t('trendTitle'),
    series: [{ name: t('trendPlanned'), colour: BLUE }, { name: t('trendDisbursed'), colour: GREEN }],
    rows,
    format: (value) => formatIdr(value, lang()),
    filename,
    labelHeader: t('year'),
  });
}

export function sourceChart(charts: ChartData, filename: string): HTMLElement {
  return barChart({
    title: t('spendingBySource'),
    series: [{ name: t('figPlanned'), colour: BLUE }],
    rows: charts.bySource.map((item) => ({ label: tDynamic('source_', item.source), values: [item.budgetIdr] })),
    format: (value) => formatIdr(value, lang()),
    filename,
    labelHeader: t('name'),
  });
}

export function typeChart(charts: ChartData, filename: string): HTMLElement {
  const rows = [...charts.byType]
    .sort((a, b) => (b.budgetIdr ?? -1) - (a.budgetIdr ?? -1))
    .map((item) => ({ label: tDynamic('type_', item.type), values: [item.budgetIdr] }));
  return barChart({
    title: t('spendingByType'),
    series: [{ name: t('colBudget'), colour: GREEN }],
    rows,
    format: (value) => formatIdr(value, lang()),
    filename,
    labelHeader: t('colType'),
  });
}

/** The message for a part of a page whose endpoint failed. */
export function failureText(result: { missing: boolean; status: number }, path: string): string {
  return result.missing ? t('endpointMissing', { path }) : t('loadFailed', { status: result.status || 'offline' });
}

/**
 * The charts' data: from the summary, and where it lacks a part (trend, sources, types; a village's summary has no
 * types) from /api/v1/spending, the contract's other source of the same figures; parts neither endpoint has stay
 * empty and show "no data yet".
 */
export async function withSpending(summary: SummaryBody, region: string | null): Promise<ChartData> {
  const fetchGroup = async (groupBy: string): Promise<SpendingItem[] | null> => {
    const result = await getJson<Spending>(query('/api/v1/spending', { groupBy, region }));
    return result.ok ? result.data.items : null;
  };
  const [years, sources, types] = await Promise.all([
    summary.series.length ? null : fetchGroup('year'),
    summary.money?.bySource.length ? null : fetchGroup('source'),
    summary.activities?.byType?.length ? null : fetchGroup('type'),
  ]);
  return {
    series: years ? years.map((item) => ({ year: Number(item.key), plannedIdr: item.plannedIdr, disbursedIdr: item.disbursedIdr })) : summary.series,
    bySource: sources ? sources.map((item) => ({ source: item.key, budgetIdr: item.budgetIdr })) : (summary.money?.bySource ?? []),
    byType: types ? types.map((item) => ({ type: item.key, budgetIdr: item.budgetIdr })) : (summary.activities?.byType ?? []),
  };
}
