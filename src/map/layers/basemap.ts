/** The base map under the facts: sea, land, water, governorate lines, Kurdistan Region, borders. */
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { LayerContext, MapLayer } from '../layer-types.ts';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

function paint(ctx: LayerContext): Record<string, Record<string, unknown>> {
  const p = ctx.palette;
  return {
    'base-countries': { 'fill-color': ['case', ['==', ['get', 'focus'], true], p.landFocus, p.land] },
    'base-kurdistan-fill': { 'fill-color': p.kurdistan, 'fill-opacity': 0.06 },
    'base-lakes': { 'fill-color': p.water },
    'base-rivers': {
      'line-color': p.river,
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', ['==', ['typeof', ['get', 'name']], 'object'], 1.2, 0.6],
        8,
        2.4,
      ],
    },
    'base-admin1': { 'line-color': p.admin1, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 8, 1.2] },
    'base-kurdistan-line': {
      'line-color': p.kurdistan,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 2],
      'line-dasharray': [3, 2],
      'line-opacity': 0.8,
    },
    'base-borders': {
      'line-color': p.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 8, 2],
      'line-dasharray': ['case', ['==', ['get', 'kind'], 'disputed'], ['literal', [2, 2]], ['literal', [1, 0]]],
    },
  };
}

export const basemapLayer: MapLayer = {
  id: 'base',
  add(ctx) {
    const { map, basemap } = ctx;
    const src = (id: string, data: unknown) =>
      map.addSource(id, { type: 'geojson', data: (data ?? EMPTY) as never, tolerance: 0.3 });
    src('base-countries', basemap.countries);
    src('base-kurdistan', basemap.kurdistan);
    src('base-lakes', basemap.lakes);
    src('base-rivers', basemap.rivers);
    src('base-admin1', basemap.admin1Lines);
    src('base-borders', basemap.borders);
    const pt = paint(ctx);
    const fill = (id: string, source: string): FillLayerSpecification =>
      ({ id, type: 'fill', source, paint: pt[id] }) as FillLayerSpecification;
    const line = (id: string, source: string): LineLayerSpecification =>
      ({
        id,
        type: 'line',
        source,
        paint: pt[id],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
      }) as LineLayerSpecification;
    map.addLayer(fill('base-countries', 'base-countries'));
    map.addLayer(fill('base-kurdistan-fill', 'base-kurdistan'));
    map.addLayer(fill('base-lakes', 'base-lakes'));
    map.addLayer(line('base-rivers', 'base-rivers'));
    map.addLayer(line('base-admin1', 'base-admin1'));
    map.addLayer(line('base-kurdistan-line', 'base-kurdistan'));
    map.addLayer(line('base-borders', 'base-borders'));
  },
  restyle(ctx) {
    for (const [layer, props] of Object.entries(paint(ctx))) {
      for (const [k, v] of Object.entries(props)) ctx.map.setPaintProperty(layer, k as 'fill-color', v as never);
    }
  },
};
