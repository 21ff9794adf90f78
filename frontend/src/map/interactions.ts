// Clicks and hover on the map page: a single activity or a slum area opens its popup, a cluster its totals (and the
// map zooms in on it), a region of the level shown goes one level deeper (a village: its profile).
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { Popup } from 'maplibre-gl';
import { ACTIVITY_CLUSTERS, ACTIVITY_POINTS, SLUM_FILL, SLUM_POINTS } from './activities';
import { REGION_FILL, REGION_LAYERS, REGION_POINTS } from './layers';
import { activityPopup, clusterPopup, slumAreaPopup } from './popups';

type Hit = { layers: string[]; act: (feature: MapGeoJSONFeature, event: MapMouseEvent) => void };

export function wireClicks(map: MapLibreMap, regionLayer: string | null, onRegion: (code: string) => void): void {
  const popup = (content: HTMLElement, event: MapMouseEvent) =>
    new Popup({ maxWidth: '300px' }).setLngLat(event.lngLat).setDOMContent(content).addTo(map);
  const region = (feature: MapGeoJSONFeature) => {
    const code = String(feature.properties.code ?? '');
    if (code) onRegion(code);
  };
  // first hit wins, in the order they are drawn, top first
  const hits: Hit[] = [
    { layers: [REGION_POINTS], act: region },
    { layers: [SLUM_POINTS], act: (f, e) => popup(slumAreaPopup(f.properties), e) },
    { layers: [ACTIVITY_POINTS], act: (f, e) => popup(activityPopup(f.properties), e) },
    {
      layers: [ACTIVITY_CLUSTERS], act: (f, e) => {
        popup(clusterPopup(f.properties), e);
        map.easeTo({ center: e.lngLat, zoom: Math.min(map.getZoom() + 2, 12.5), duration: 300 });
      },
    },
    { layers: [SLUM_FILL], act: (f, e) => popup(slumAreaPopup(f.properties), e) },
    { layers: [REGION_FILL], act: region },
  ];
  map.on('click', (event) => {
    for (const hit of hits) {
      const layers = hit.layers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const feature = layers.length > 0 ? map.queryRenderedFeatures(event.point, { layers })[0] : undefined;
      if (feature) {
        hit.act(feature, event);
        return;
      }
    }
  });
  let hovered: string | number | undefined;
  const setHover = (id: string | number | undefined, hover: boolean) => {
    if (regionLayer && id !== undefined) map.setFeatureState({ source: 'regions', sourceLayer: regionLayer, id }, { hover });
  };
  for (const layer of [...REGION_LAYERS, ACTIVITY_POINTS, ACTIVITY_CLUSTERS, SLUM_POINTS].filter((id) => map.getLayer(id))) {
    map.on('mousemove', layer, (event) => {
      map.getCanvas().style.cursor = 'pointer';
      if (!REGION_LAYERS.includes(layer)) return;
      const id = event.features?.[0]?.id;
      if (id === hovered) return;
      setHover(hovered, false);
      hovered = id;
      setHover(id, true);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      if (!REGION_LAYERS.includes(layer)) return;
      setHover(hovered, false);
      hovered = undefined;
    });
  }
}
