/**
 * North-east Syria, the area the 2024 statement names as the source of the IS threat: a tinted,
 * hatched area in the colour of who held it at the date, and the al-Hol camp (its label is the label
 * layout's, layers/labels.ts). There is one
 * zone, so its colour is a plain paint value set when the holder changes: a feature-state colour
 * would cost the fill and line shaders a variant of their own (issue 8).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Scene } from '../../scene/scene.ts';
import { dashInWidths, ZONE } from '../../scene/symbology.ts';
import { FONT_REGULAR } from '../fonts.ts';
import { hatchImage } from '../hatch.ts';
import { changed, circlePaint, featureColor, type LayerContext, type MapLayer, nameField } from '../layer-types.ts';

const SRC = 'zone';
const IS_ZONE: ExpressionSpecification = ['==', ['get', 'role'], 'zone'];

function colorOf(scene: Scene): string {
  return scene.palette.zone[scene.zone?.control ?? 'unknown'];
}

// One tile per holder's colour, drawn once per page: the holder changes back and forth along the slider.
const hatches = new Map<string, ReturnType<typeof hatchImage>>();

function setHatch(ctx: LayerContext, scene: Scene): void {
  const color = colorOf(scene);
  let image = hatches.get(color);
  if (!image) {
    image = hatchImage(color, ZONE.hatch.tile, ZONE.hatch.width);
    hatches.set(color, image);
  }
  // Same size: the texture is replaced in place, the layer and its tiles stay as they are.
  if (ctx.map.hasImage('zone-hatch')) ctx.map.updateImage('zone-hatch', image);
  else ctx.map.addImage('zone-hatch', image, { pixelRatio: 2 });
}

/** The zone's layers, from the symbology, in the scene's palette and language. */
export function zoneLayers(scene: Scene): LayerSpecification[] {
  const color = colorOf(scene);
  return [
    {
      id: 'zone-fill',
      type: 'fill',
      source: SRC,
      filter: IS_ZONE,
      paint: { 'fill-color': color, 'fill-opacity': ZONE.fillOpacity },
    },
    {
      id: 'zone-hatch',
      type: 'fill',
      source: SRC,
      filter: IS_ZONE,
      // No antialiased outline: zone-line draws the edge, and the outline is one more shader to compile.
      paint: { 'fill-pattern': 'zone-hatch', 'fill-opacity': ZONE.hatch.opacity, 'fill-antialias': false },
    },
    {
      id: 'zone-line',
      type: 'line',
      source: SRC,
      filter: IS_ZONE,
      paint: {
        'line-color': color,
        'line-width': ZONE.line.width,
        'line-dasharray': dashInWidths(ZONE.line.dash, ZONE.line.width),
        'line-opacity': ZONE.line.opacity,
      },
    },
    {
      id: 'zone-points',
      type: 'circle',
      source: SRC,
      filter: ['!', IS_ZONE],
      paint: circlePaint({
        radius: [ZONE.point.radius, ZONE.point.radius] as [number, number],
        color: scene.palette.zoneText,
        strokeWidth: ZONE.point.strokeWidth,
        strokeColor: scene.palette.siteStroke,
      }),
    },
    {
      id: 'zone-points-label',
      type: 'symbol',
      source: SRC,
      filter: ['!', IS_ZONE],
      minzoom: 5.5,
      layout: {
        'text-field': nameField(scene.lang),
        'text-font': [FONT_REGULAR],
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
        'text-optional': true,
      },
      paint: { 'text-halo-width': 1.4 },
    },
  ];
}

/** The zone layer for one map. */
export function threatZoneLayer(): MapLayer {
  const theme = changed<string>();
  const control = changed<string>();
  const label = changed<string>();
  const paint = (ctx: LayerContext, scene: Scene) => {
    const p = scene.palette;
    const { map } = ctx;
    map.setPaintProperty('zone-points', 'circle-color', featureColor(p.zoneText));
    map.setPaintProperty('zone-points', 'circle-stroke-color', featureColor(p.siteStroke));
    for (const id of ['zone-points-label']) {
      map.setPaintProperty(id, 'text-color', p.zoneText);
      map.setPaintProperty(id, 'text-halo-color', p.siteHalo);
    }
  };
  return {
    add(ctx, scene) {
      const { map } = ctx;
      theme(scene.theme);
      control(`${scene.theme}|${scene.zone?.control}`);
      // Only what the layers read: role and name (the camp's label), not the notes in four languages.
      const features = ctx.data.zone.features.map((f) => ({
        type: 'Feature' as const,
        id: f.id,
        geometry: f.geometry,
        properties: { id: f.id, role: f.properties.role, name: f.properties.name },
      }));
      map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features } as never, promoteId: 'id' });
      setHatch(ctx, scene);
      for (const layer of zoneLayers(scene)) map.addLayer(layer);
      paint(ctx, scene);
    },
    apply(ctx, scene) {
      const { map } = ctx;
      let drew = false;
      if (theme(scene.theme)) {
        paint(ctx, scene);
        drew = true;
      }
      if (control(`${scene.theme}|${scene.zone?.control}`)) {
        setHatch(ctx, scene);
        map.setPaintProperty('zone-fill', 'fill-color', colorOf(scene));
        map.setPaintProperty('zone-line', 'line-color', colorOf(scene));
        drew = true;
      }
      // The zone's own label is the label layout's (labels.ts); al-Hol's, seen only zoomed in, follows the language.
      if (label(scene.lang)) {
        map.setLayoutProperty('zone-points-label', 'text-field', nameField(scene.lang));
        drew = true;
      }
      return drew;
    },
  };
}
