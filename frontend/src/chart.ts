// Accessible bar charts: an SVG picture (role img, with a title), the same numbers as a table, and a link
// to download them as CSV. Hand-written (about 2 KB) rather than a chart library: the site needs only bars,
// and SVG with presentation attributes passes a CSP without unsafe-inline.
import { downloadLink, h, svg, tableScroll, uid } from './dom';
import { isNumber, noData } from './format';
import { lang, t } from './i18n';
import { toCsv } from './shape';

export interface ChartSeries {
  name: string;
  colour: string;
}

export interface ChartRow {
  label: string;
  values: (number | null)[];
}

export interface BarChartSpec {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  format: (value: number | null) => string;
  filename: string;
  /** column header of the row labels in the table and CSV */
  labelHeader: string;
}

const ROW = 22;
const GAP = 10;
const LABEL_WIDTH = 110;
const WIDTH = 420;

export function barChart(spec: BarChartSpec): HTMLElement {
  const titleId = uid('chart-title');
  const figure = h('figure', { class: 'chart', 'aria-labelledby': titleId });
  figure.append(h('figcaption', { id: titleId, class: 'chart-title' }, spec.title));
  if (spec.rows.length === 0 || spec.rows.every((row) => row.values.every((value) => !isNumber(value)))) {
    figure.append(h('p', { class: 'no-data' }, t('noDataYet')));
    return figure;
  }
  figure.append(legend(spec.series), picture(spec), dataTable(spec), downloadLink(t('downloadData'), spec.filename, () => csvOf(spec)));
  return figure;
}

function legend(series: ChartSeries[]): HTMLElement | string {
  if (series.length < 2) return '';
  return h('ul', { class: 'chart-legend' }, ...series.map((item) => {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = item.colour;
    return h('li', {}, swatch, item.name);
  }));
}

function picture(spec: BarChartSpec): SVGElement {
  const max = Math.max(0, ...spec.rows.flatMap((row) => row.values.filter(isNumber)));
  const groupHeight = spec.series.length * ROW + GAP;
  const height = spec.rows.length * groupHeight;
  const barSpace = WIDTH - LABEL_WIDTH - 100;
  // the picture repeats the table below it, so assistive technology reads the table instead
  const image = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' });
  spec.rows.forEach((row, rowIndex) => {
    const top = rowIndex * groupHeight;
    const label = svg('text', { x: 0, y: top + (spec.series.length * ROW) / 2 + 4, class: 'chart-label' });
    label.textContent = truncate(row.label, 17);
    image.appendChild(label);
    row.values.forEach((value, seriesIndex) => {
      const y = top + seriesIndex * ROW;
      const width = isNumber(value) && max > 0 ? Math.max(1, (value / max) * barSpace) : 0;
      const colour = spec.series[seriesIndex]?.colour ?? '#333';
      image.appendChild(svg('rect', { x: LABEL_WIDTH, y: y + 2, width, height: ROW - 4, fill: colour }));
      const text = svg('text', { x: LABEL_WIDTH + width + 6, y: y + ROW / 2 + 4, class: 'chart-value' });
      text.textContent = isNumber(value) ? spec.format(value) : noData(lang());
      image.appendChild(text);
    });
  });
  return image;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function dataTable(spec: BarChartSpec): HTMLElement {
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, spec.title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, spec.labelHeader), ...spec.series.map((s) => h('th', { scope: 'col' }, s.name)))),
    h('tbody', {}, ...spec.rows.map((row) => h('tr', {},
      h('th', { scope: 'row' }, row.label),
      ...row.values.map((value) => h('td', { class: 'num' }, spec.format(value)))))));
  return h('details', { class: 'chart-table' }, h('summary', {}, t('chartTable')), tableScroll(spec.title, table));
}

function csvOf(spec: BarChartSpec): string {
  return toCsv([spec.labelHeader, ...spec.series.map((s) => s.name)], spec.rows.map((row) => [row.label, ...row.values]));
}
