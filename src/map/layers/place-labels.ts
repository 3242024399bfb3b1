/** City labels in the reader's language (Arabic shaped by MapLibre from the shipped Noto Sans Arabic). */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR } from '../fonts.ts';
import { type LayerContext, type MapLayer, nameField } from '../layer-types.ts';

const CITY_DOT: ExpressionSpecification = ['match', ['get', 'rank'], 1, 3, 2.2];

function layout(ctx: LayerContext): SymbolLayerSpecification['layout'] {
  return {
    'text-field': nameField(ctx.lang),
    'text-font': ['case', ['==', ['get', 'rank'], 1], ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
    'text-size': ['interpolate', ['linear'], ['zoom'], 4, ['match', ['get', 'rank'], 1, 12, 2, 11, 10], 8, 15],
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 0.55,
    'text-justify': 'auto',
    'symbol-sort-key': ['get', 'rank'],
    'text-padding': 3,
  };
}

export const placeLabelsLayer: MapLayer = {
  id: 'places',
  add(ctx) {
    const data = ctx.basemap.cities ?? { type: 'FeatureCollection', features: [] };
    ctx.map.addSource('places', { type: 'geojson', data });
    const p = ctx.palette;
    ctx.map.addLayer({
      id: 'places-dot',
      type: 'circle',
      source: 'places',
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 6, 3]],
      // A zoom curve with equal stops: it makes the radius the same kind of value as the sites' rings
      // and halos, so the three layers share one circle shader instead of compiling two (issue 8).
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, CITY_DOT, 8, CITY_DOT],
        'circle-color': p.cityDot,
      },
    });
    ctx.map.addLayer({
      id: 'places-label',
      type: 'symbol',
      source: 'places',
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 6, 3]],
      layout: layout(ctx),
      paint: { 'text-color': p.cityText, 'text-halo-color': p.cityHalo, 'text-halo-width': 1.5 },
    });
  },
  restyle(ctx) {
    const p = ctx.palette;
    ctx.map.setLayoutProperty('places-label', 'text-field', nameField(ctx.lang));
    ctx.map.setPaintProperty('places-label', 'text-color', p.cityText);
    ctx.map.setPaintProperty('places-label', 'text-halo-color', p.cityHalo);
    ctx.map.setPaintProperty('places-dot', 'circle-color', p.cityDot);
  },
};
