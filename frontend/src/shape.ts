// Data shaping for views: colour classes, rankings, plain-language summaries, CSV. Pure functions, unit-tested.
import { type Maybe, isNumber } from './format';

/** Sequential palette (light to dark) and the colour of "no data yet". */
export const PALETTE = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'] as const;
export const NO_DATA_COLOUR = '#c8c8c8';

/** Class breaks (upper bounds of all classes but the last) by quantiles of the values that exist. */
export function quantileBreaks(values: Maybe<number>[], classes = PALETTE.length): number[] {
  const sorted = values.filter(isNumber).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))] as number;
    if (breaks.length === 0 || value > (breaks[breaks.length - 1] as number)) breaks.push(value);
  }
  return breaks;
}

/** The palette index of a value given breaks (value < breaks[i] -> class i), or null for no data. */
export function classOf(value: Maybe<number>, breaks: number[]): number | null {
  if (!isNumber(value)) return null;
  const index = breaks.findIndex((limit) => value < limit);
  return index === -1 ? breaks.length : index;
}

export function colourOf(value: Maybe<number>, breaks: number[]): string {
  const index = classOf(value, breaks);
  return index === null ? NO_DATA_COLOUR : (PALETTE[paletteIndex(index, breaks.length + 1)] as string);
}

/** Spreads n classes over the palette so 2 classes use the two ends, not the two lightest colours. */
export function paletteIndex(classIndex: number, classCount: number): number {
  if (classCount <= 1) return PALETTE.length - 1;
  return Math.round((classIndex * (PALETTE.length - 1)) / (classCount - 1));
}

export interface Valued {
  name: string;
  value: Maybe<number>;
  hasData?: boolean;
}

/** Highest first; regions without data last, in name order. */
export function rank<T extends Valued>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const av = hasValue(a) ? (a.value as number) : null;
    const bv = hasValue(b) ? (b.value as number) : null;
    if (av === null && bv === null) return a.name.localeCompare(b.name);
    if (av === null) return 1;
    if (bv === null) return -1;
    return bv - av || a.name.localeCompare(b.name);
  });
}

export function hasValue(item: Valued): boolean {
  return item.hasData !== false && isNumber(item.value);
}

export interface RegionsSummary {
  total: number;
  withData: number;
  top: Valued | null;
  bottom: Valued | null;
}

/** What a plain-language sentence about a set of regions needs. */
export function summarise(items: Valued[]): RegionsSummary {
  const ranked = rank(items).filter(hasValue);
  return {
    total: items.length,
    withData: ranked.length,
    top: ranked[0] ?? null,
    bottom: ranked[ranked.length - 1] ?? null,
  };
}

export type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180 CSV with a UTF-8 BOM (so Excel reads accents); empty cells for missing values, never 0. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const guarded = /^[=+\-@\t\r']/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export type SlumLevel = 'berat' | 'sedang' | 'ringan' | 'tidak_kumuh';

/** Level of a total score on the 16-criterion scale of Permen PUPR 14/2018 (max 80). */
export function levelOfScore(score: number): SlumLevel {
  if (score >= 60) return 'berat';
  if (score >= 38) return 'sedang';
  if (score >= 16) return 'ringan';
  return 'tidak_kumuh';
}

/** Score of one criterion from the share of the location affected (percent, 0-100). */
export function criterionScore(pct: number): 0 | 1 | 3 | 5 {
  if (pct >= 76) return 5;
  if (pct >= 51) return 3;
  if (pct >= 25) return 1;
  return 0;
}

export interface SeriesPoint {
  year: number;
  [key: string]: Maybe<number>;
}

/** Pulls named columns out of a year series, keeping gaps as null. */
export function seriesTable(series: Maybe<SeriesPoint[]>, keys: string[]): { year: number; values: (number | null)[] }[] {
  if (!Array.isArray(series)) return [];
  return [...series]
    .sort((a, b) => a.year - b.year)
    .map((point) => ({ year: point.year, values: keys.map((key) => (isNumber(point[key]) ? (point[key] as number) : null)) }));
}
