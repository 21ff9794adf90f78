import { describe, expect, it } from 'vitest';
import { activityLayer, fillColour, regionFilter } from '../src/map/layers';
import { NO_DATA_COLOUR, PALETTE } from '../src/shape';

describe('map layer expressions', () => {
  it('colours regions by class and greys out regions without data', () => {
    expect(fillColour([10, 20])).toEqual([
      'case', ['boolean', ['feature-state', 'hasData'], false],
      ['step', ['to-number', ['feature-state', 'value'], 0], PALETTE[0], 10, PALETTE[2], 20, PALETTE[4]],
      NO_DATA_COLOUR,
    ]);
    expect(fillColour([])).toEqual(['case', ['boolean', ['feature-state', 'hasData'], false], PALETTE[4], NO_DATA_COLOUR]);
  });
  it('shows one level under one parent, matched on the dotted prefix', () => {
    expect(regionFilter(1, null)).toEqual(['==', ['to-number', ['get', 'level']], 1]);
    expect(regionFilter(3, '64.71')).toEqual(['all', ['==', ['to-number', ['get', 'level']], 3],
      ['==', ['slice', ['to-string', ['get', 'code']], 0, 6], '64.71.']]);
  });
  it('reads activity points from tiles or from GeoJSON', () => {
    expect(activityLayer('activities', 10)).toMatchObject({ 'source-layer': 'activities', minzoom: 10 });
    expect(activityLayer(null, 10)).not.toHaveProperty('source-layer');
  });
});
