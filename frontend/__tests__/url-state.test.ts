import { describe, expect, it } from 'vitest';
import { DEFAULT_MAP_STATE, levelOf, parentOf, parseMapState, serializeMapState } from '../src/url-state';

describe('map state in the URL', () => {
  it('round-trips every field', () => {
    const state = {
      metric: 'disbursement_rate' as const,
      year: 2021,
      type: 'drainage',
      level: 3 as const,
      parent: '64.71',
      view: { lon: 116.8712, lat: -1.1634, zoom: 9.5 },
    };
    const search = serializeMapState(state);
    expect(search).toBe('?m=disbursement_rate&y=2021&t=drainage&p=64.71&v=116.8712,-1.1634,9.50');
    expect(parseMapState(search)).toEqual(state);
  });
  it('leaves defaults out', () => {
    expect(serializeMapState(DEFAULT_MAP_STATE)).toBe('');
    expect(parseMapState('')).toEqual(DEFAULT_MAP_STATE);
  });
  it('ignores invalid values instead of failing', () => {
    const state = parseMapState('?m=drop+table&y=abc&t=rivers&p=64.71.01.1001.9&v=999,1,2');
    expect(state).toEqual(DEFAULT_MAP_STATE);
    expect(parseMapState('?y=1999').year).toBeNull();
    expect(parseMapState('?v=1,2').view).toBeNull();
  });
  it('derives the level shown from the parent', () => {
    expect(parseMapState('?p=64').level).toBe(2);
    expect(parseMapState('?p=64.71.01').level).toBe(4);
    expect(parseMapState('?p=64.71.01.1001').parent).toBeNull();
  });
  it('knows levels and parents of dotted codes', () => {
    expect(levelOf('64')).toBe(1);
    expect(levelOf('64.71.01.1001')).toBe(4);
    expect(parentOf('64.71.01')).toBe('64.71');
    expect(parentOf('64')).toBeNull();
    expect(parentOf(null)).toBeNull();
  });
});
