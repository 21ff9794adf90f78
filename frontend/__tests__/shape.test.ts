import { describe, expect, it } from 'vitest';
import {
  NO_DATA_COLOUR,
  PALETTE,
  classOf,
  colourOf,
  criterionScore,
  levelOfScore,
  quantileBreaks,
  rank,
  seriesTable,
  summarise,
  toCsv,
} from '../src/shape';

describe('choropleth classes', () => {
  it('breaks at quantiles of the values that exist', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([3, 5, 7, 9]);
    expect(quantileBreaks([null, undefined])).toEqual([]);
    expect(quantileBreaks([5, 5, 5, 5])).toEqual([5]);
  });
  it('never colours a missing value as a low value', () => {
    const breaks = [3, 5, 7, 9];
    expect(classOf(0, breaks)).toBe(0);
    expect(classOf(10, breaks)).toBe(4);
    expect(classOf(null, breaks)).toBeNull();
    expect(colourOf(null, breaks)).toBe(NO_DATA_COLOUR);
    expect(colourOf(0, breaks)).toBe(PALETTE[0]);
    expect(colourOf(10, breaks)).toBe(PALETTE[4]);
  });
});

describe('rankings and summaries', () => {
  const items = [
    { name: 'Kota Bandung', value: 12 },
    { name: 'Kota Makassar', value: null, hasData: false },
    { name: 'Kota Balikpapan', value: 55 },
    { name: 'Kota Surabaya', value: 0 },
  ];
  it('ranks highest first and puts regions without data last', () => {
    expect(rank(items).map((item) => item.name)).toEqual(['Kota Balikpapan', 'Kota Bandung', 'Kota Surabaya', 'Kota Makassar']);
  });
  it('summarises what a sentence needs, counting a real zero as data', () => {
    const summary = summarise(items);
    expect(summary.total).toBe(4);
    expect(summary.withData).toBe(3);
    expect(summary.top?.name).toBe('Kota Balikpapan');
    expect(summary.bottom?.name).toBe('Kota Surabaya');
    expect(summarise([]).top).toBeNull();
  });
  it('shapes a year series with gaps kept as null', () => {
    const table = seriesTable([{ year: 2017, a: 2, b: null }, { year: 2016, a: 1, b: 3 }], ['a', 'b']);
    expect(table).toEqual([{ year: 2016, values: [1, 3] }, { year: 2017, values: [2, null] }]);
    expect(seriesTable(undefined, ['a'])).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes, keeps empty cells empty and starts with a BOM', () => {
    const csv = toCsv(['name', 'value'], [['Kota "Baru", Selatan', 1.5], ['Kelurahan X', null]]);
    expect(csv).toBe('\uFEFFname,value\r\n"Kota ""Baru"", Selatan",1.5\r\nKelurahan X,\r\n');
  });
  it('defuses spreadsheet formulas in text', () => {
    expect(toCsv(['x'], [['=HYPERLINK("x")']])).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toCsv(['x'], [[-5]])).toContain('-5');
    // the server's rule too: a leading apostrophe is doubled, so that stripping one always gives the value back
    expect(toCsv(['x'], [["'quoted"]])).toContain("''quoted");
  });
});

describe('slum scoring bands of Permen PUPR 14/2018', () => {
  it('classes total scores', () => {
    expect(levelOfScore(80)).toBe('berat');
    expect(levelOfScore(60)).toBe('berat');
    expect(levelOfScore(59)).toBe('sedang');
    expect(levelOfScore(38)).toBe('sedang');
    expect(levelOfScore(37)).toBe('ringan');
    expect(levelOfScore(16)).toBe('ringan');
    expect(levelOfScore(15)).toBe('tidak_kumuh');
  });
  it('scores criteria by share affected', () => {
    expect([12.82, 26, 60, 100].map(criterionScore)).toEqual([0, 1, 3, 5]);
  });
});
