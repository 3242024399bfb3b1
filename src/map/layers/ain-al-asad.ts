/**
 * Ain al-Asad air base, the photo of the story: its approximate footprint with a highlight, and a
 * callout with its status at the date plus two turf-measured distances that help the reader place it.
 * The callout sits in the map's empty south-west corner (the Arabian desert) rather than next to the
 * base, where at regional zooms it would hide al-Tanf, Tower 22 or the towns of the Euphrates.
 */
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { formatDate, formatNumber, t, tDated } from '../../i18n/index.ts';
import { periodAt } from '../../state/selectors.ts';
import type { AppState } from '../../state/store.ts';
import type { LayerContext, MapLayer } from '../layer-types.ts';

const SRC = 'ain';
let callout: HTMLElement | null = null;
let lastText = '';
const distanceCache = new WeakMap<object, ReturnType<typeof ainDistances>>();

function rings(geom: Polygon | MultiPolygon): number[][][] {
  return geom.type === 'Polygon' ? geom.coordinates : geom.coordinates.flat();
}

/** Distances in km from the base to Syria's outline and to Erbil, or null where the base map lacks them. */
export function ainDistances(ctx: LayerContext, at: [number, number]): { border: number; erbil: number } | null {
  const syria = ctx.basemap.countries?.features.find((f) => f.properties?.id === 'SY');
  const erbil = ctx.basemap.cities?.features.find((f) => f.properties?.id === 'erbil');
  if (!syria || !erbil || erbil.geometry.type !== 'Point') return null;
  const p = point(at);
  let border = Number.POSITIVE_INFINITY;
  for (const ring of rings(syria.geometry as Polygon | MultiPolygon)) {
    const line: Feature<LineString> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: ring },
    };
    border = Math.min(border, pointToLineDistance(p, line, { units: 'kilometers' }));
  }
  const toErbil = distance(p, point(erbil.geometry.coordinates as [number, number]), { units: 'kilometers' });
  // Rounded to 5 km: the footprint and the 10m borders are not more precise than that.
  return { border: Math.round(border / 5) * 5, erbil: Math.round(toErbil / 5) * 5 };
}

export const ainAlAsadLayer: MapLayer = {
  id: SRC,
  add(ctx) {
    const { map, palette } = ctx;
    // Only what the layers read (role), not the periods and sources.
    const features = ctx.data.ain.features.map((f) => ({
      type: 'Feature' as const,
      id: f.id,
      geometry: f.geometry,
      properties: { id: f.id, role: f.properties.role },
    }));
    map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features } as never });
    const isFootprint = ['==', ['get', 'role'], 'footprint'] as never;
    map.addLayer({
      id: 'ain-glow',
      type: 'line',
      source: SRC,
      filter: isFootprint,
      paint: { 'line-color': palette.footprint, 'line-width': 7, 'line-opacity': 0.18, 'line-blur': 3 },
    });
    map.addLayer({
      id: 'ain-fill',
      type: 'fill',
      source: SRC,
      filter: isFootprint,
      paint: { 'fill-color': palette.footprint, 'fill-opacity': 0.16 },
    });
    map.addLayer({
      id: 'ain-line',
      type: 'line',
      source: SRC,
      filter: isFootprint,
      paint: { 'line-color': palette.footprint, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    });
    const pt = ctx.data.ain.features.find((f) => f.properties.role === 'point');
    if (pt?.geometry.type !== 'Point') return;
    const el = document.createElement('div');
    el.className = 'ain-callout';
    el.dataset.testid = 'ain-callout';
    const title = document.createElement('strong');
    const status = document.createElement('span');
    const dist = document.createElement('span');
    dist.className = 'ain-callout-dist';
    el.append(title, status, dist);
    map.getContainer().append(el);
    callout = el;
    lastText = '';
  },
  // The callout is an element over the canvas, not part of it: no frame is needed (returns false).
  update(ctx, state: AppState) {
    if (!callout) return false;
    const pt = ctx.data.ain.features.find((f) => f.properties.role === 'point');
    if (pt?.geometry.type !== 'Point') return false;
    const period = periodAt(pt.properties.periods ?? [], state.date);
    const rangeStart = ctx.data.timeline.range.start;
    const statusOf = (p: NonNullable<typeof period>) =>
      `${t(ctx.lang, `status.${p.status}`)} (${t(ctx.lang, `basis.${p.basis}`)})`;
    // A period older than the map's range has a start the data does not claim to know exactly.
    const statusText = !period
      ? t(ctx.lang, 'status.none')
      : period.start < rangeStart
        ? t(ctx.lang, 'site.statusBefore', {
            status: t(ctx.lang, `status.${period.status}`),
            basis: t(ctx.lang, `basis.${period.basis}`),
            date: formatDate(ctx.lang, rangeStart, 'month'),
          })
        : `${statusOf(period)}, ${tDated(ctx.lang, 'site.since', period.startPrecision, {
            date: formatDate(ctx.lang, period.start, period.startPrecision ?? 'day'),
          })}`;
    // The distances do not change with the date: measured once per base map, not on every slider step
    // (geodesic point-to-line over Syria's outline is ~20 ms; issue 8).
    let d = distanceCache.get(ctx.basemap);
    if (d === undefined) {
      d = ainDistances(ctx, pt.geometry.coordinates as [number, number]);
      distanceCache.set(ctx.basemap, d);
    }
    const distText = d
      ? t(ctx.lang, 'ain.distances', {
          border: formatNumber(ctx.lang, d.border),
          erbil: formatNumber(ctx.lang, d.erbil),
        })
      : '';
    const key = `${ctx.lang}|${statusText}|${distText}`;
    if (key === lastText) return false;
    lastText = key;
    const el = callout;
    const [title, status, dist] = Array.from(el.children) as HTMLElement[];
    title!.textContent = pt.properties.name[ctx.lang];
    status!.textContent = statusText;
    dist!.textContent = distText;
    el.dataset.status = period?.status ?? 'none';
    return false;
  },
  restyle(ctx) {
    const { map, palette } = ctx;
    map.setPaintProperty('ain-glow', 'line-color', palette.footprint);
    map.setPaintProperty('ain-fill', 'fill-color', palette.footprint);
    map.setPaintProperty('ain-line', 'line-color', palette.footprint);
    lastText = '';
  },
  remove() {
    callout?.remove();
    callout = null;
  },
};
