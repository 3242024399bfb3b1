/**
 * Ain al-Asad air base, the photo of the story: its symbolic footprint around the runways, with a
 * soft glow so that it reads at regional zooms. Its callout (status and distances) is part of the UI
 * (ui/ain-callout.ts), the same over either renderer.
 */
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
      const isFootprint = ['==', ['get', 'role'], 'footprint'] as never;
      const { glow, line } = FOOTPRINT;
      map.addLayer({
        id: IDS[0],
        type: 'line',
        source: SRC,
        filter: isFootprint,
        paint: { 'line-width': glow.width, 'line-opacity': glow.opacity, 'line-blur': glow.blur },
      });
      map.addLayer({
        id: IDS[1],
        type: 'fill',
        source: SRC,
        filter: isFootprint,
        paint: { 'fill-opacity': FOOTPRINT.fillOpacity },
      });
      map.addLayer({
        id: IDS[2],
        type: 'line',
        source: SRC,
        filter: isFootprint,
        paint: { 'line-width': line.width, 'line-dasharray': dashInWidths(line.dash, line.width) },
      });
      paint(ctx, scene);
    },
    apply(ctx, scene) {
      if (!theme(scene.theme)) return false;
      paint(ctx, scene);
      return true;
    },
  };
}
