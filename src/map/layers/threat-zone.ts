/**
 * North-east Syria, the area the 2024 statement names as the source of the IS threat: a tinted,
 * hatched area whose colour follows who held it at the date, its label, and the al-Hol camp.
 * There is one zone, so its colour is a plain paint value set when the holder changes: a
 * feature-state colour would cost the fill and line shaders a variant of their own (issue 8).
 */
import { geoCentroid } from 'd3-geo';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import { zoneAt } from '../../state/selectors.ts';
import type { AppState } from '../../state/store.ts';
import { FONT_BOLD, FONT_REGULAR } from '../fonts.ts';
import { hatchImage } from '../hatch.ts';
import { shortName } from '../label-text.ts';
import { type LayerContext, type MapLayer, nameField } from '../layer-types.ts';

const SRC = 'zone';
const LABEL = 'zone-label';

function zoneFeature(ctx: LayerContext) {
  return ctx.data.zone.features.find((f) => f.properties.role === 'zone');
}

function controlColor(ctx: LayerContext, control: string): string {
  const z = ctx.palette.zone;
  return control === 'sdf' || control === 'contested' || control === 'government' ? z[control] : z.unknown;
}

function setHatch(ctx: LayerContext): void {
  if (ctx.map.hasImage('zone-hatch')) ctx.map.removeImage('zone-hatch');
  ctx.map.addImage('zone-hatch', hatchImage(ctx.palette.zoneLine), { pixelRatio: 2 });
}

let lastLabel = '';
let lastControl = '';

export const threatZoneLayer: MapLayer = {
  id: SRC,
  onTop: ['zone-label'],
  add(ctx) {
    const { map } = ctx;
    // Only what the layers read: role and name (the camp's label), not the notes in four languages.
    const features = ctx.data.zone.features.map((f) => ({
      type: 'Feature' as const,
      id: f.id,
      geometry: f.geometry,
      properties: { id: f.id, role: f.properties.role, name: f.properties.name },
    }));
    map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features } as never, promoteId: 'id' });
    map.addSource(LABEL, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    setHatch(ctx);
    const isZone: ExpressionSpecification = ['==', ['get', 'role'], 'zone'];
    map.addLayer({
      id: 'zone-fill',
      type: 'fill',
      source: SRC,
      filter: isZone,
      paint: { 'fill-color': controlColor(ctx, 'unknown'), 'fill-opacity': 0.14 },
    });
    map.addLayer({
      id: 'zone-hatch',
      type: 'fill',
      source: SRC,
      filter: isZone,
      // No antialiased outline: zone-line draws the edge, and the outline is one more shader to compile.
      paint: { 'fill-pattern': 'zone-hatch', 'fill-opacity': 0.35, 'fill-antialias': false },
    });
    map.addLayer({
      id: 'zone-line',
      type: 'line',
      source: SRC,
      filter: isZone,
      paint: {
        'line-color': controlColor(ctx, 'unknown'),
        'line-width': 1.6,
        'line-dasharray': [4, 2],
        'line-opacity': 0.9,
      },
    });
    map.addLayer({
      id: 'zone-points',
      type: 'circle',
      source: SRC,
      filter: ['!', isZone],
      paint: {
        'circle-radius': 3.5,
        'circle-color': ctx.palette.zoneText,
        'circle-stroke-width': 1,
        'circle-stroke-color': ctx.palette.siteStroke,
      },
    });
    map.addLayer({
      id: 'zone-points-label',
      type: 'symbol',
      source: SRC,
      filter: ['!', isZone],
      minzoom: 5.5,
      layout: {
        'text-field': nameField(ctx.lang),
        'text-font': [FONT_REGULAR],
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
        'text-optional': true,
      },
      paint: { 'text-color': ctx.palette.zoneText, 'text-halo-color': ctx.palette.siteHalo, 'text-halo-width': 1.4 },
    });
    map.addLayer({
      id: 'zone-label',
      type: 'symbol',
      source: LABEL,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 15],
        'text-max-width': 9,
        'text-letter-spacing': 0.02,
        // Placed before the site and city labels (see onTop), which then make room around it.
        'text-allow-overlap': true,
      },
      paint: { 'text-color': ctx.palette.zoneText, 'text-halo-color': ctx.palette.siteHalo, 'text-halo-width': 1.6 },
    });
    lastLabel = '';
    lastControl = '';
  },
  update(ctx, state: AppState) {
    const zone = zoneFeature(ctx);
    if (!zone) return false;
    const period = zoneAt(zone, state.date);
    const control = period?.control ?? 'unknown';
    const changed = control !== lastControl;
    if (changed) {
      ctx.map.setPaintProperty('zone-fill', 'fill-color', controlColor(ctx, control));
      ctx.map.setPaintProperty('zone-line', 'line-color', controlColor(ctx, control));
    }
    lastControl = control;
    const label = `${shortName(zone.properties.name[ctx.lang])}\n${t(ctx.lang, `control.${control}`)}`;
    if (label === lastLabel) return changed;
    lastLabel = label;
    const [x, y] = zone.properties.labelAt ?? geoCentroid(zone as never);
    (ctx.map.getSource(LABEL) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: { label } }],
    });
    return true;
  },
  restyle(ctx) {
    const { map, palette } = ctx;
    setHatch(ctx);
    // The zone's colour comes back with the next update (map-view.ts applies the state after a restyle).
    lastControl = '';
    map.setPaintProperty('zone-points', 'circle-color', palette.zoneText);
    map.setPaintProperty('zone-points', 'circle-stroke-color', palette.siteStroke);
    map.setLayoutProperty('zone-points-label', 'text-field', nameField(ctx.lang));
    for (const id of ['zone-points-label', 'zone-label']) {
      map.setPaintProperty(id, 'text-color', palette.zoneText);
      map.setPaintProperty(id, 'text-halo-color', palette.siteHalo);
    }
    lastLabel = '';
  },
};
