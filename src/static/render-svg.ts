/**
 * The static map: one pure function from the facts, a date and a language to an SVG string. It runs in
 * Node at build time (prerender, per-phase images) and in the browser (the no-WebGL fallback), with the
 * same Web Mercator camera as the WebGL map so the two line up pixel for pixel.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import { fitView } from '../state/view.ts';
import { paletteFor, type ThemeName } from '../theme/palette.ts';
import { altText } from './alt-text.ts';
import { cityLabels, countryLabels } from './base-labels.ts';
import { basemapSvg } from './basemap-svg.ts';
import { factsSvg } from './facts-svg.ts';
import { type Box, overlaps, type Placed, placeLabels } from './labels.ts';
import { legendSvg } from './legend-svg.ts';
import { staticProjection } from './projection.ts';
import { attrs, esc } from './svg-escape.ts';

export interface StaticMapOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  date: string;
  lang: Lang;
  theme: ThemeName;
  width: number;
  height: number;
  /** The accessible name; defaults to "Map of coalition sites … on {date}". */
  title?: string;
  /** Draw the legend box (date, phase, counts, keys) and the source line: for images and print. */
  legend?: boolean;
  /** Prefix of the ids inside the SVG; give each SVG on one page its own. */
  idPrefix?: string;
  /** Leave out width and height so CSS sizes the SVG (the viewBox keeps the aspect ratio). */
  fluid?: boolean;
}

export const FONT_FAMILY = 'Noto Sans, Noto Sans Arabic, sans-serif';

/** The map at a date as a self-contained SVG string (deterministic: same input, same bytes). */
export function renderStaticMap(o: StaticMapOptions): string {
  const { width: w, height: h, lang, date } = o;
  const id = o.idPrefix ?? 'static-map';
  const p = paletteFor(o.theme);
  const proj = staticProjection(w, h);
  const { zoom } = fitView(w, h);
  const facts = factsSvg(o.data, proj, p, { date, lang, zoom, id });
  const taken: Box[] = [...facts.taken];
  const bottom = o.legend ? 22 : 0; // the source line
  const bounds: Box = { x0: 4, y0: 4, x1: w - 4, y1: h - 4 - bottom };
  // Most important first: each later label only takes room that is still free. Capitals lead: there
  // are few, and a map of Iraq without Baghdad orients no one.
  let capitals = placeLabels(cityLabels(proj, o.basemap, lang, p, 1), taken, bounds);
  const sites = placeLabels(facts.labels, taken, bounds);
  const rank2 = cityLabels(proj, o.basemap, lang, p, 2);
  let legend: { svg: string; box: Box } | null = null;
  if (o.legend) {
    // The legend takes the corner that hides the least: sites and their labels weigh most.
    const dot = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    const avoid = [
      ...facts.taken.map((box) => ({ box, weight: 10 })),
      ...sites.map((l) => ({ box: l.box, weight: 10 })),
      ...capitals.map((l) => ({ box: l.box, weight: 3 })),
      ...rank2.map((c) => ({ box: dot(c.x, c.y, 3), weight: 1 })),
    ];
    legend = legendSvg({ data: o.data, date, lang, palette: p, width: w, height: h, id, avoid, bottom });
    const lb = legend.box;
    capitals = capitals.filter((c) => !overlaps(c.box, lb));
    taken.push(lb);
  }
  const countries = placeLabels(countryLabels(proj, o.basemap, lang, p), taken, bounds);
  const towns = placeLabels(rank2, taken, bounds);
  const cities = [...capitals, ...towns];
  const join = (items: Placed[], key: 'svg' | 'anchor') => items.map((i) => i[key] ?? '').join('');
  const halo = (color: string, width: number) =>
    attrs({ stroke: color, 'stroke-width': width, 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
  const title = o.title ?? t(lang, 'map.label', { date: formatDate(lang, date) });
  const desc = altText({ data: o.data, date, lang });
  const rtl = lang === 'ar';
  const footer = o.legend
    ? `<text${attrs({ x: rtl ? w - 10 : 10, y: h - 8, 'font-size': 10, fill: p.cityText, 'text-anchor': 'start' })}${rtl ? ' direction="rtl"' : ''}${halo(p.cityHalo, 2.5)}>${esc(t(lang, 'app.sourceLine'))}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${w} ${h}`, width: o.fluid ? undefined : w, height: o.fluid ? undefined : h, role: 'img' })}`,
    ` aria-labelledby="${id}-title ${id}-desc"${attrs({ lang, 'font-family': FONT_FAMILY })}>`,
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`,
    `<defs>${facts.defs}</defs>`,
    basemapSvg(proj, o.basemap, p, w, h),
    `<g class="labels countries"${halo(p.landFocus, 2.5)}>${join(countries, 'svg')}</g>`,
    `<g class="cities">${join(cities, 'anchor')}</g>`,
    facts.svg,
    `<g class="labels cities"${attrs({ fill: p.cityText })}${halo(p.cityHalo, 3)}>${join(cities, 'svg')}</g>`,
    `<g class="labels sites"${attrs({ 'font-weight': 600, fill: p.siteText })}${halo(p.siteHalo, 3)}>${join(sites, 'svg')}</g>`,
    legend?.svg ?? '',
    footer,
    '</svg>',
  ].join('');
}
