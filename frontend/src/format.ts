// Numbers, rupiah, areas, percentages and dates in the conventions of the chosen language.
// Every formatter takes null/undefined as "no data yet" and never turns it into a zero.
import type { Lang } from './i18n';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const scaleWords: Record<Lang, [number, string][]> = {
  id: [[1e12, 'triliun'], [1e9, 'miliar'], [1e6, 'juta']],
  en: [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']],
};

const noDataText: Record<Lang, string> = { id: 'belum ada data', en: 'no data yet' };

export type Maybe<T> = T | null | undefined;

export function noData(lang: Lang): string {
  return noDataText[lang];
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatNumber(value: Maybe<number>, lang: Lang, maxFraction = 0): string {
  if (!isNumber(value)) return noData(lang);
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: maxFraction }).format(value);
}

/** "Rp 1,2 miliar" / "IDR 1.2 billion"; amounts under a million in full ("Rp 950.000"). */
export function formatIdr(value: Maybe<number>, lang: Lang): string {
  if (!isNumber(value)) return noData(lang);
  const prefix = lang === 'id' ? 'Rp' : 'IDR';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (const [scale, word] of scaleWords[lang]) {
    if (abs >= scale) {
      return `${sign}${prefix} ${formatNumber(abs / scale, lang, 1)} ${word}`;
    }
  }
  return `${sign}${prefix} ${formatNumber(abs, lang)}`;
}

/** "1.234,5 ha" / "1,234.5 ha". */
export function formatHa(value: Maybe<number>, lang: Lang): string {
  if (!isNumber(value)) return noData(lang);
  return `${formatNumber(value, lang, 1)} ha`;
}

/** A percentage given as 0-100: "66,2%". */
export function formatPct(value: Maybe<number>, lang: Lang): string {
  if (!isNumber(value)) return noData(lang);
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A rate given as 0-1: "86,5%". */
export function formatRate(value: Maybe<number>, lang: Lang): string {
  return formatPct(isNumber(value) ? value * 100 : value, lang);
}

/** "24 November 2026" (in Jakarta time, where the program reports). */
export function formatDate(iso: Maybe<string>, lang: Lang): string {
  if (!iso) return noData(lang);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return noData(lang);
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(date);
}

export type Unit = 'ha' | 'pct' | 'ratio' | 'idr' | 'count' | 'idr_per_ha';

export function formatByUnit(value: Maybe<number>, unit: Unit, lang: Lang): string {
  switch (unit) {
    case 'ha':
      return formatHa(value, lang);
    case 'pct':
      return formatPct(value, lang);
    case 'ratio':
      return formatRate(value, lang);
    case 'idr':
    case 'idr_per_ha':
      return formatIdr(value, lang) + (unit === 'idr_per_ha' && isNumber(value) ? '/ha' : '');
    case 'count':
      return formatNumber(value, lang);
  }
}
