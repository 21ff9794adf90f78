import { describe, expect, it } from 'vitest';
import { classLabel, legendOf } from '../src/map/legend';
import { PALETTE } from '../src/shape';

describe('legend classes from the values on screen', () => {
  it('labels each class with the values it holds, never beyond the lowest and highest', () => {
    const legend = legendOf([0, 0, 0, 12.5, 40, 55, 80, 100, 100, null, undefined]);
    expect(legend.min).toBe(0);
    expect(legend.max).toBe(100);
    const labels = legend.classes.map((item) => classLabel(item, 'pct', 'en'));
    expect(labels[0]).toBe('0%');
    expect(labels.at(-1)).toMatch(/100%$/);
    for (const label of labels) expect(label).not.toMatch(/[<≥>]/);
    for (const item of legend.classes) {
      expect(item.count).toBeGreaterThan(0);
      expect(item.low).toBeGreaterThanOrEqual(0);
      expect(item.high).toBeLessThanOrEqual(100);
    }
    expect(legend.classes.reduce((sum, item) => sum + item.count, 0)).toBe(9);
  });

  it('has no empty first class when many values equal the minimum', () => {
    const legend = legendOf([0, 0, 0, 0, 0, 0, 0, 5]);
    expect(legend.breaks).toEqual([5]);
    expect(legend.classes.map((item) => [item.low, item.high, item.count])).toEqual([[0, 0, 7], [5, 5, 1]]);
  });

  it('gives one class when every region has the same value', () => {
    const legend = legendOf([100, 100, 100]);
    expect(legend.breaks).toEqual([]);
    expect(legend.classes).toHaveLength(1);
    expect(classLabel(legend.classes[0] as never, 'pct', 'id')).toBe('100%');
    expect(legend.classes[0]?.colour).toBe(PALETTE[PALETTE.length - 1]);
  });

  it('has no class without values (no data is a legend row of its own)', () => {
    expect(legendOf([null, undefined])).toEqual({ breaks: [], classes: [], min: null, max: null });
  });

  it('puts a value in the class whose range holds it, as the map colours it', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const legend = legendOf(values);
    expect(legend.classes).toHaveLength(5);
    for (const item of legend.classes) expect(item.high).toBeLessThan(legend.breaks[legend.classes.indexOf(item)] ?? Infinity);
    expect(classLabel(legend.classes[0] as never, 'count', 'en')).toBe('1 – 2');
  });
});
