/**
 * Every label of the WebGL map, where the label layout (scene/label-layout.ts) puts it: the same
 * layout the SVG map draws, for the map's size and camera. Each label is a point with its own text
 * anchor and offset, always drawn (the layout already kept every label clear of symbols, labels, the
 * frame and the controls), so MapLibre never moves a label to another side or hides it. Also the
 * dots of the cities that got a label, and leader lines. Laid out again after the reader pans or
 * zooms, and whenever the scene or the frame changes.
 */
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import { type LabelLayout, labelLayout } from '../../scene/label-layout.ts';
import { type Side, SUB } from '../../scene/labels.ts';
import type { Scene } from '../../scene/scene.ts';
import { cityDotRadius, LABEL, labelStyle } from '../../scene/symbology.ts';
import { isFitted, type View } from '../../state/view.ts';
import { FONT_BOLD, FONT_REGULAR } from '../fonts.ts';
import { changed, circlePaint, type LayerContext, type MapLayer } from '../layer-types.ts';

const SRC = 'labels';
const LEADERS = 'label-leaders';

/** MapLibre's text-anchor for a label on a side of its point. */
const ANCHOR: Record<Side, string> = {
  right: 'left',
  left: 'right',
  above: 'bottom',
  below: 'top',
  'above-right': 'bottom-left',
  'above-left': 'bottom-right',
  'below-right': 'top-left',
  'below-left': 'top-right',
};

/** The text offset in ems that puts MapLibre's anchor where the layout's box has it. */
function offsetEm(side: Side, offset: number, size: number): [number, number] {
  const d = offset / size;
  const c = d * Math.SQRT1_2;
  const by: Record<Side, [number, number]> = {
    right: [d, 0],
    left: [-d, 0],
    above: [0, -d],
    below: [0, d],
    'above-right': [c, -c],
    'above-left': [-c, -c],
    'below-right': [c, c],
    'below-left': [-c, c],
  };
  return by[side];
}

const get = (k: string): ExpressionSpecification => ['get', k];

/** The layers: city dots (under the sites), then leader lines and labels (on top of everything). */
export function labelLayers(scene: Scene): LayerSpecification[] {
  const p = scene.palette;
  const dotRadius: ExpressionSpecification = ['match', get('kind'), 'capital', cityDotRadius(1), cityDotRadius(2)];
  return [
    {
      id: 'label-dots',
      type: 'circle',
      source: SRC,
      filter: ['in', get('kind'), ['literal', ['capital', 'town']]],
      // In the shape every circle layer shares, so they compile one circle shader (layer-types.ts).
      paint: circlePaint({
        radius: ['interpolate', ['linear'], ['zoom'], 4, dotRadius, 8, dotRadius],
        color: ['to-color', get('dot')],
        strokeWidth: 1,
        strokeColor: ['to-color', get('dotHalo')],
      }),
    },
    {
      id: 'label-leaders',
      type: 'line',
      source: LEADERS,
      paint: { 'line-color': p.siteText, 'line-width': LABEL.leader.width, 'line-opacity': LABEL.leader.opacity },
    },
    {
      id: 'labels',
      type: 'symbol',
      source: SRC,
      layout: {
        'text-field': [
          'case',
          ['has', 'sub'],
          [
            'format',
            get('text'),
            {},
            '\n',
            {},
            get('sub'),
            { 'font-scale': SUB, 'text-font': ['literal', [FONT_REGULAR]] },
          ],
          get('text'),
        ],
        'text-font': ['case', get('bold'), ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
        'text-size': get('size'),
        'text-anchor': get('anchor') as never,
        'text-offset': get('offset') as never,
        'text-justify': 'auto',
        'text-letter-spacing': get('spacing'),
        'text-line-height': 1.2,
        // The layout never wraps a label; neither may MapLibre.
        'text-max-width': 100,
        // Always drawn (the layout already kept every label clear), and still in MapLibre's collision
        // index, so al-Hol's label (zoomed in, threat-zone.ts) gives way to these.
        'text-allow-overlap': true,
        'text-ignore-placement': false,
        'text-padding': 0,
        'symbol-sort-key': get('order'),
      },
      paint: {
        'text-color': ['to-color', get('color')],
        'text-halo-color': get('halo') as never,
        'text-halo-width': get('haloWidth'),
        'text-opacity': get('opacity'),
      },
    },
  ];
}

/** The layout as the two GeoJSON sources the layers read. */
function features(layout: LabelLayout, scene: Scene) {
  const p = scene.palette;
  const labels = layout.labels.map((l, order) => {
    const paint = labelStyle(l.req.kind, p);
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: l.lonLat },
      properties: {
        key: l.req.key,
        kind: l.req.kind,
        text: l.req.text,
        ...(l.req.sub ? { sub: l.req.sub } : {}),
        bold: l.req.bold === true,
        size: l.req.size,
        anchor: ANCHOR[l.side],
        offset: offsetEm(l.side, l.offset, l.req.size),
        spacing: (l.req.spacing ?? 0) / l.req.size,
        color: l.req.kind === 'zone' ? p.zoneText : paint.fill,
        halo: paint.halo,
        haloWidth: paint.haloWidth,
        opacity: l.req.muted ? 0.75 : paint.opacity,
        dot: p.cityDot,
        dotHalo: p.cityHalo,
        order,
      },
    };
  });
  return { labels, leaders: layout.labels.filter((l) => l.leader) };
}

/** The labels layer for one map. */
export function labelsLayer(): MapLayer {
  const laid = changed<string>();
  const theme = changed<string>();
  let last: Scene | null = null;

  const cameraOf = (ctx: LayerContext): View | undefined => {
    const { width, height } = ctx.frame();
    const c = ctx.map.getCenter();
    const view: View = { center: [c.lng, c.lat], zoom: ctx.map.getZoom() };
    // At the fitted view (the reader has not moved), lay out exactly as the SVG map does.
    return isFitted(view, width, height) ? undefined : view;
  };

  const lay = (ctx: LayerContext, scene: Scene): boolean => {
    const frame = {
      ...ctx.frame(),
      view: cameraOf(ctx),
      reserved: ctx.reserved(),
      measure: ctx.measure(),
    };
    const next = labelLayout(scene, ctx.data, ctx.basemap, frame);
    const { labels, leaders } = features(next, scene);
    const key = JSON.stringify(labels.map((f) => [f.geometry.coordinates, f.properties]));
    if (!laid(key)) return false;
    (ctx.map.getSource(SRC) as GeoJSONSource).setData({ type: 'FeatureCollection', features: labels });
    (ctx.map.getSource(LEADERS) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: leaders.map((l) => ({
        type: 'Feature' as const,
        geometry: {
          type: 'LineString' as const,
          coordinates: l.leader!.map((xy) => ctx.map.unproject(xy as [number, number]).toArray()),
        },
        properties: {},
      })),
    });
    return true;
  };

  return {
    onTop: ['label-leaders', 'labels'],
    add(ctx, scene) {
      const { map } = ctx;
      map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addSource(LEADERS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of labelLayers(scene)) map.addLayer(layer);
      // After a pan or a zoom, and when the frame changes size: lay out again for what is now in view.
      map.on('moveend', () => {
        if (last && lay(ctx, last)) map.triggerRepaint();
      });
    },
    apply(ctx, scene) {
      last = scene;
      // Only when the theme changes: MapLibre redraws the whole map after any setPaintProperty, even
      // to the same value, and a slider step that changes no label must draw no frame (issue 12).
      const recolour = theme(scene.theme);
      if (recolour) ctx.map.setPaintProperty('label-leaders', 'line-color', scene.palette.siteText);
      return lay(ctx, scene) || recolour;
    },
  };
}
