// The legend of the map: colour classes computed from the values of the level on screen, each labelled with the
// lowest and highest value it holds (so never "< 0%" or ">= 100%" for classes nothing falls in), and "no data".
import { h } from '../dom';
import { type Maybe, type Unit, formatByUnit, isNumber } from '../format';
import { lang, t } from '../i18n';
import { NO_DATA_COLOUR, PALETTE, paletteIndex, quantileBreaks } from '../shape';
import { CLUSTER_COLOUR, LEVEL_COLOURS, STATUS_COLOURS } from './activities';

export interface LegendClass {
  colour: string;
  /** the lowest and highest value of the class */
  low: number;
  high: number;
  count: number;
}

export interface Legend {
  /** lower bounds of the classes after the first (a value v is in class i when breaks[i-1] <= v < breaks[i]) */
  breaks: number[];
  classes: LegendClass[];
  min: number | null;
  max: number | null;
}

/** Classes by quantiles of the values that exist; no class is empty and none reaches beyond the values. */
export function legendOf(values: Maybe<number>[]): Legend {
  const sorted = values.filter(isNumber).sort((a, b) => a - b);
  if (sorted.length === 0) return { breaks: [], classes: [], min: null, max: null };
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  // a few distinct values: one class each; else quantiles (a break at the minimum would open an empty first class)
  const distinct = [...new Set(sorted)];
  const breaks = distinct.length <= PALETTE.length ? distinct.slice(1) : quantileBreaks(sorted).filter((limit) => limit > min);
  const members: number[][] = Array.from({ length: breaks.length + 1 }, () => []);
  for (const value of sorted) {
    const index = breaks.findIndex((limit) => value < limit);
    (members[index === -1 ? breaks.length : index] as number[]).push(value);
  }
  const classes = members.map((inClass, index) => ({
    colour: PALETTE[paletteIndex(index, members.length)] as string,
    low: inClass[0] as number,
    high: inClass[inClass.length - 1] as number,
    count: inClass.length,
  }));
  return { breaks, classes, min, max };
}

/** "0 – 12,5%", or the one value of a class whose values are all equal. */
export function classLabel(item: LegendClass, unit: Unit, language = lang()): string {
  const low = formatByUnit(item.low, unit, language);
  return item.low === item.high ? low : `${low} – ${formatByUnit(item.high, unit, language)}`;
}

export function drawLegend(box: HTMLElement, legend: Legend, unit: Unit, pointsShown: boolean): void {
  const rows: [string, string, string][] = legend.classes.map((item) => [item.colour, classLabel(item, unit), 'swatch']);
  rows.push([NO_DATA_COLOUR, t('noDataYet'), 'swatch swatch-none']);
  box.replaceChildren(h('h2', { id: 'legend-title', class: 'legend-title' }, t('legend')),
    h('ul', {}, ...rows.map(([colour, label, kind]) => {
      const swatch = h('span', { class: kind, 'aria-hidden': 'true' });
      swatch.style.backgroundColor = colour;
      return h('li', {}, swatch, label);
    })),
    pointsShown ? h('p', { class: 'legend-note' }, t('legendPoints')) : '',
    h('h3', { class: 'legend-title' }, t('legendDetail')),
    h('ul', {}, ...DETAIL.map(([colour, key, kind]) => {
      const swatch = h('span', { class: kind, 'aria-hidden': 'true' });
      swatch.style.backgroundColor = colour;
      return h('li', {}, swatch, t(key));
    })));
}

const DETAIL: [string, 'legendCluster' | 'legendActivity' | 'legendSlumArea', string][] = [
  [CLUSTER_COLOUR, 'legendCluster', 'swatch swatch-round'],
  [STATUS_COLOURS.completed as string, 'legendActivity', 'swatch swatch-round swatch-small'],
  [LEVEL_COLOURS.berat as string, 'legendSlumArea', 'swatch swatch-round swatch-small'],
];
