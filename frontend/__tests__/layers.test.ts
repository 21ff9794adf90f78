import { describe, expect, it } from 'vitest';
import { activityLayers, activityTiles } from '../src/map/activities';
import { fillColour, pointColour, pointRadius, regionLayers } from '../src/map/layers';
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
  it('sizes region points by value between the lowest and highest, smaller without data', () => {
    expect(pointRadius(0, 50)).toEqual(['case', ['boolean', ['feature-state', 'hasData'], false],
      ['interpolate', ['linear'], ['to-number', ['feature-state', 'value'], 0], 0, 7, 50, 16], 5]);
    expect(pointRadius(3, 3)).toEqual(['case', ['boolean', ['feature-state', 'hasData'], false], 11, 5]);
  });
  it('draws a region point without data as an empty ring, not in the colour of a value', () => {
    expect(pointColour([10])).toEqual(['case', ['boolean', ['feature-state', 'hasData'], false],
      ['step', ['to-number', ['feature-state', 'value'], 0], PALETTE[0], 10, PALETTE[4]], '#ffffff']);
  });
  it('draws outlines where a boundary is known and points elsewhere', () => {
    const layers = regionLayers('regions', [1], 0, 2);
    expect(layers.map((layer) => [layer.type, 'filter' in layer ? layer.filter : null])).toEqual([
      ['fill', ['==', ['geometry-type'], 'Polygon']],
      ['line', ['==', ['geometry-type'], 'Polygon']],
      ['circle', ['==', ['geometry-type'], 'Point']],
    ]);
  });
  it('draws clusters with their count and single activities apart, from the filtered tiles', () => {
    const [clusters, counts, points] = activityLayers('activities');
    expect(clusters).toMatchObject({ type: 'circle', filter: ['==', ['get', 'cluster'], true] });
    expect(counts).toMatchObject({ type: 'symbol', layout: { 'icon-image': ['concat', 'count-', ['to-string', ['get', 'count']]] } });
    expect(points).toMatchObject({ type: 'circle', filter: ['!=', ['get', 'cluster'], true] });
    const template = 'http://portal/tiles/v7/activities/{z}/{x}/{y}.mvt';
    expect(activityTiles(template, { year: 2021, type: 'drainage' })).toEqual([`${template}?type=drainage&year=2021`]);
    expect(activityTiles(template, { year: null, type: null })).toEqual([template]);
  });
});
