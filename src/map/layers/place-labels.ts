/** City labels in the reader's language (Arabic shaped by MapLibre from the shipped Noto Sans Arabic). */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR } from '../fonts.ts';
import type { Lang } from '../../data/schema.ts';
import { changed, circlePaint, featureColor, type MapLayer, nameField } from '../layer-types.ts';

const CITY_DOT: ExpressionSpecification = ['match', ['get', 'rank'], 1, 3, 2.2];

function layout(lang: Lang): SymbolLayerSpecification['layout'] {
  return {
    'text-field': nameField(lang),
    'text-font': ['case', ['==', ['get', 'rank'], 1], ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
    'text-size': ['interpolate', ['linear'], ['zoom'], 4, ['match', ['get', 'rank'], 1, 12, 2, 11, 10], 8, 15],
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 0.55,
    'text-justify': 'auto',
    'symbol-sort-key': ['get', 'rank'],
    'text-padding': 3,
  };
}

/** City dots and names from the base map, in the scene's language and theme. */
export function placeLabelsLayer(): MapLayer {
  const style = changed<string>();
  return {
    add(ctx, scene) {
      style(`${scene.lang}|${scene.theme}`);
      const data = ctx.basemap.cities ?? { type: 'FeatureCollection', features: [] };
      ctx.map.addSource('places', { type: 'geojson', data });
      const p = scene.palette;
      ctx.map.addLayer({
        id: 'places-dot',
        type: 'circle',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 6, 3]],
        // In the shape every circle layer shares, so they compile one circle shader (layer-types.ts).
        paint: circlePaint({
          radius: ['interpolate', ['linear'], ['zoom'], 4, CITY_DOT, 8, CITY_DOT],
          color: p.cityDot,
        }),
      });
      ctx.map.addLayer({
        id: 'places-label',
        type: 'symbol',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 6, 3]],
        layout: layout(scene.lang),
        paint: { 'text-color': p.cityText, 'text-halo-color': p.cityHalo, 'text-halo-width': 1.5 },
      });
    },
    apply(ctx, scene) {
      if (!style(`${scene.lang}|${scene.theme}`)) return false;
      const p = scene.palette;
      ctx.map.setLayoutProperty('places-label', 'text-field', nameField(scene.lang));
      ctx.map.setPaintProperty('places-label', 'text-color', p.cityText);
      ctx.map.setPaintProperty('places-label', 'text-halo-color', p.cityHalo);
      ctx.map.setPaintProperty('places-dot', 'circle-color', featureColor(p.cityDot));
      return true;
    },
  };
}
