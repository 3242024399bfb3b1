/** The quiet base map of the SVG renderer: sea, land, water, governorate lines, Kurdistan Region, borders. */
import type { Feature, FeatureCollection } from 'geojson';
import type { Basemap } from '../data/types.ts';
import type { Palette } from '../theme/palette.ts';
import type { StaticProjection } from '../scene/projection.ts';
import { attrs } from './svg-escape.ts';

/** Simplification tolerance (px) per layer: coasts and borders stay crisp, the quiet lines simplify harder. */
const THIN = { land: 0.5, line: 0.5, admin: 0.9, water: 0.7 };

function isFocus(f: Feature): boolean {
  const p = f.properties ?? {};
  return p.focus === true || p.id === 'IQ' || p.id === 'SY';
}

/** One <path> for a whole collection (one d string: smaller, and the layer is styled once). */
function layer(
  proj: StaticProjection,
  fc: FeatureCollection | undefined,
  thin: number,
  style: Record<string, string | number | undefined>,
  filter: (f: Feature) => boolean = () => true,
): string {
  if (!fc) return '';
  const path = proj.path(thin);
  const d = fc.features
    .filter(filter)
    .map((f) => path(f as never) ?? '')
    .join('');
  return d ? `<path${attrs({ ...style, d })}/>` : '';
}

/** The base map layers as SVG, bottom to top. */
export function basemapSvg(
  proj: StaticProjection,
  basemap: Partial<Basemap>,
  p: Palette,
  w: number,
  h: number,
): string {
  // A phone-sized frame is drawn in whole pixels (scene/projection.ts): simplify at about a pixel too.
  const thin = (t: number) => (w < 500 ? Math.max(1, t * 1.6) : t);
  const named = (f: Feature) => {
    const name = f.properties?.name;
    return typeof name === 'object' && name !== null && 'en' in name;
  };
  const line = { fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
  return [
    `<rect${attrs({ width: w, height: h, fill: p.sea })}/>`,
    layer(proj, basemap.countries, thin(THIN.land), { fill: p.land, 'fill-rule': 'evenodd' }, (f) => !isFocus(f)),
    layer(proj, basemap.countries, thin(THIN.land), { fill: p.landFocus, 'fill-rule': 'evenodd' }, isFocus),
    layer(proj, basemap.kurdistan, thin(THIN.line), { fill: p.kurdistan, 'fill-opacity': 0.06 }),
    layer(proj, basemap.lakes, thin(THIN.water), { fill: p.water, 'fill-rule': 'evenodd' }),
    // Named rivers (Tigris, Euphrates…) read stronger than their unnamed tributaries.
    layer(proj, basemap.rivers, thin(THIN.water), { ...line, stroke: p.river, 'stroke-width': 0.6 }, (f) => !named(f)),
    layer(proj, basemap.rivers, thin(THIN.water), { ...line, stroke: p.river, 'stroke-width': 1.3 }, named),
    layer(proj, basemap.admin1Lines, thin(THIN.admin), { ...line, stroke: p.admin1, 'stroke-width': 0.6 }),
    layer(proj, basemap.kurdistan, thin(THIN.line), {
      ...line,
      stroke: p.kurdistan,
      'stroke-width': 1.1,
      'stroke-dasharray': '3 2',
      'stroke-opacity': 0.8,
    }),
    layer(proj, basemap.borders, thin(THIN.line), { ...line, stroke: p.border, 'stroke-width': 1 }, (f) => {
      return f.properties?.kind !== 'disputed';
    }),
    layer(
      proj,
      basemap.borders,
      thin(THIN.line),
      { ...line, stroke: p.border, 'stroke-width': 1, 'stroke-dasharray': '2 2' },
      (f) => {
        return f.properties?.kind === 'disputed';
      },
    ),
  ].join('');
}
