/**
 * Ain al-Asad air base, the photo of the story: its symbolic footprint around the runways, with a
 * soft glow so that it reads at regional zooms. Its callout (status and distances) is part of the UI
 * (ui/ain-callout.ts), the same over either renderer.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Scene } from '../../scene/scene.ts';
import { dashInWidths, FOOTPRINT } from '../../scene/symbology.ts';
import { changed, type LayerContext, type MapLayer } from '../layer-types.ts';

const SRC = 'ain';
const IDS = ['ain-glow', 'ain-fill', 'ain-line'] as const;

function paint(ctx: LayerContext, scene: Scene): void {
  const c = scene.palette.footprint;
  ctx.map.setPaintProperty('ain-glow', 'line-color', c);
  ctx.map.setPaintProperty('ain-fill', 'fill-color', c);
  ctx.map.setPaintProperty('ain-line', 'line-color', c);
}

/** The footprint's layers, from the symbology, in the scene's palette. */
export function footprintLayers(scene: Scene): LayerSpecification[] {
  const c = scene.palette.footprint;
  const filter: ExpressionSpecification = ['==', ['get', 'role'], 'footprint'];
  const { glow, line } = FOOTPRINT;
  return [
    {
      id: IDS[0],
      type: 'line',
      source: SRC,
      filter,
      paint: { 'line-color': c, 'line-width': glow.width, 'line-opacity': glow.opacity, 'line-blur': glow.blur },
    },
    {
      id: IDS[1],
      type: 'fill',
      source: SRC,
      filter,
      paint: { 'fill-color': c, 'fill-opacity': FOOTPRINT.fillOpacity },
    },
    {
      id: IDS[2],
      type: 'line',
      source: SRC,
      filter,
      paint: { 'line-color': c, 'line-width': line.width, 'line-dasharray': dashInWidths(line.dash, line.width) },
    },
  ];
}

/** The footprint layer for one map. */
export function ainAlAsadLayer(): MapLayer {
  const theme = changed<string>();
  return {
    add(ctx, scene) {
      const { map } = ctx;
      theme(scene.theme);
      // Only what the layers read (role), not the periods and sources.
      const features = ctx.data.ain.features.map((f) => ({
        type: 'Feature' as const,
        id: f.id,
        geometry: f.geometry,
        properties: { id: f.id, role: f.properties.role },
      }));
      map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features } as never });
      for (const layer of footprintLayers(scene)) map.addLayer(layer);
    },
    apply(ctx, scene) {
      if (!theme(scene.theme)) return false;
      paint(ctx, scene);
      return true;
    },
  };
}
