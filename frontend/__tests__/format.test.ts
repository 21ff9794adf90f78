import { describe, expect, it } from 'vitest';
import { formatByUnit, formatDate, formatHa, formatIdr, formatNumber, formatPct, formatRate } from '../src/format';

describe('formatIdr', () => {
  it('writes billions the Indonesian way', () => {
    expect(formatIdr(1_234_000_000, 'id')).toBe('Rp 1,2 miliar');
    expect(formatIdr(4_738_787_000_000, 'id')).toBe('Rp 4,7 triliun');
    expect(formatIdr(25_500_000, 'id')).toBe('Rp 25,5 juta');
    expect(formatIdr(950_000, 'id')).toBe('Rp 950.000');
  });
  it('writes English scale words with a dot', () => {
    expect(formatIdr(1_234_000_000, 'en')).toBe('IDR 1.2 billion');
    expect(formatIdr(4_738_787_000_000, 'en')).toBe('IDR 4.7 trillion');
  });
  it('keeps zero a zero and missing data missing', () => {
    expect(formatIdr(0, 'id')).toBe('Rp 0');
    expect(formatIdr(null, 'id')).toBe('belum ada data');
    expect(formatIdr(undefined, 'en')).toBe('no data yet');
  });
});

describe('areas, counts and percentages', () => {
  it('formats hectares with one decimal', () => {
    expect(formatHa(1234.5, 'id')).toBe('1.234,5 ha');
    expect(formatHa(3833.56, 'id')).toBe('3.833,6 ha');
    expect(formatHa(1234.5, 'en')).toBe('1,234.5 ha');
    expect(formatHa(null, 'id')).toBe('belum ada data');
  });
  it('formats counts with grouping', () => {
    expect(formatNumber(22147, 'id')).toBe('22.147');
    expect(formatNumber(22147, 'en')).toBe('22,147');
  });
  it('formats percentages (0-100) and rates (0-1)', () => {
    expect(formatPct(66.2, 'id')).toBe('66,2%');
    expect(formatRate(0.8652, 'id')).toBe('86,5%');
    expect(formatRate(0.8652, 'en')).toBe('86.5%');
    expect(formatRate(NaN, 'en')).toBe('no data yet');
  });
  it('formats by the unit the API names', () => {
    expect(formatByUnit(0.5, 'ratio', 'id')).toBe('50%');
    expect(formatByUnit(12.25, 'ha', 'id')).toBe('12,3 ha');
    expect(formatByUnit(2_000_000_000, 'idr_per_ha', 'en')).toBe('IDR 2 billion/ha');
    expect(formatByUnit(null, 'idr_per_ha', 'en')).toBe('no data yet');
  });
});

describe('formatDate', () => {
  it('writes the date in Jakarta time in words', () => {
    expect(formatDate('2026-11-24T08:45:13Z', 'id')).toBe('24 November 2026');
    expect(formatDate('2026-03-31T20:00:00Z', 'id')).toBe('1 April 2026');
    expect(formatDate('2026-08-17T00:00:00Z', 'en')).toBe('17 August 2026');
    expect(formatDate('2026-08-17T00:00:00Z', 'id')).toBe('17 Agustus 2026');
  });
  it('says so when there is no date', () => {
    expect(formatDate(null, 'id')).toBe('belum ada data');
    expect(formatDate('not a date', 'en')).toBe('no data yet');
  });
});
