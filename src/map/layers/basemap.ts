/** The base map under the facts: sea, land, water, governorate lines, Kurdistan Region, borders. */
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { Scene } from '../../scene/scene.ts';
import { changed, type MapLayer } from '../layer-types.ts';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/*
 * Every paint value here is constant or follows the zoom only, and features that differ (focus
 * countries, named rivers, disputed borders) get a layer each with a filter: a value read from the
 * features would make MapLibre compile another variant of the fill or line shader for that layer, and
 * each variant costs a compile and link at start-up (~50-100 ms in software GL; issue 8).
 */
const FOCUS = ['==', ['get', 'focus'], true];
const NAMED = ['==', ['typeof', ['get', 'name']], 'object'];
const DISPUTED = ['==', ['get', 'kind'], 'disputed'];
const zoomWidth = (at4: number, at8: number) => ['interpolate', ['linear'], ['zoom'], 4, at4, 8, at8];

/** The layers, in drawing order: [id, type, source, filter or null, paint]. */
function layers(scene: Scene): [string, 'fill' | 'line', string, unknown[] | null, Record<string, unknown>][] {
  const p = scene.palette;
  return [
    ['base-countries', 'fill', 'base-countries', ['!', FOCUS], { 'fill-color': p.land }],
    ['base-countries-focus', 'fill', 'base-countries', FOCUS, { 'fill-color': p.landFocus }],
    ['base-kurdistan-fill', 'fill', 'base-kurdistan', null, { 'fill-color': p.kurdistan, 'fill-opacity': 0.06 }],
    ['base-lakes', 'fill', 'base-lakes', null, { 'fill-color': p.water }],
    // Named rivers (name is an object of languages) start wider than the unnamed ones.
    ['base-rivers', 'line', 'base-rivers', NAMED, { 'line-color': p.river, 'line-width': zoomWidth(1.2, 2.4) }],
    [
      'base-rivers-minor',
      'line',
      'base-rivers',
      ['!', NAMED],
      { 'line-color': p.river, 'line-width': zoomWidth(0.6, 2.4) },
    ],
    ['base-admin1', 'line', 'base-admin1', null, { 'line-color': p.admin1, 'line-width': zoomWidth(0.5, 1.2) }],
    [
      'base-kurdistan-line',
      'line',
      'base-kurdistan',
      null,
      { 'line-color': p.kurdistan, 'line-width': zoomWidth(1, 2), 'line-dasharray': [3, 2], 'line-opacity': 0.8 },
    ],
    [
      'base-borders',
      'line',
      'base-borders',
      ['!', DISPUTED],
      { 'line-color': p.border, 'line-width': zoomWidth(0.9, 2) },
    ],
    [
      'base-borders-disputed',
      'line',
      'base-borders',
      DISPUTED,
      { 'line-color': p.border, 'line-width': zoomWidth(0.9, 2), 'line-dasharray': [2, 2] },
    ],
  ];
}

/** The base map: its colours follow the scene's theme. */
export function basemapLayer(): MapLayer {
  const theme = changed<string>();
  return {
    add(ctx, scene) {
      const { map, basemap } = ctx;
      theme(scene.theme);
      const src = (id: string, data: unknown) =>
        map.addSource(id, { type: 'geojson', data: (data ?? EMPTY) as never, tolerance: 0.3 });
      src('base-countries', basemap.countries);
      src('base-kurdistan', basemap.kurdistan);
      src('base-lakes', basemap.lakes);
      src('base-rivers', basemap.rivers);
      src('base-admin1', basemap.admin1Lines);
      src('base-borders', basemap.borders);
      for (const [id, type, source, filter, paint] of layers(scene)) {
        const spec = { id, type, source, paint, ...(filter ? { filter } : {}) };
        if (type === 'fill') map.addLayer(spec as FillLayerSpecification);
        else map.addLayer({ ...spec, layout: { 'line-join': 'round', 'line-cap': 'round' } } as LineLayerSpecification);
      }
    },
    apply(ctx, scene) {
      if (!theme(scene.theme)) return false;
      ctx.map.setPaintProperty('background', 'background-color', scene.palette.sea);
      for (const [id, , , , paint] of layers(scene)) {
        for (const [k, v] of Object.entries(paint)) ctx.map.setPaintProperty(id, k as 'fill-color', v as never);
      }
      return true;
    },
  };
}
