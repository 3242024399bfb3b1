/**
 * The SVG renderer of the scene: pure functions from the scene (what is drawn at a date) to SVG
 * strings. It runs in Node at build time (prerender, per-phase images) and in the browser (the live
 * SVG map until the WebGL map takes over, and the no-WebGL fallback), with the same Web Mercator
 * camera as the WebGL map so the two line up pixel for pixel.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import { type Scene, sceneAt } from '../scene/scene.ts';
import { fitView } from '../state/view.ts';
import type { ThemeName } from '../theme/palette.ts';
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
  /** The scene at (date, lang, theme), when the caller has it already; computed otherwise. */
  scene?: Scene;
  /** The selected site (drawn with a ring). */
  selected?: string | null;
  /** The accessible name; defaults to the scene's title ("Map of coalition sites … on {date}"). */
  title?: string;
  /** Draw the legend box (date, phase, counts, keys) and the source line: for images and print. */
  legend?: boolean;
  /** Prefix of the ids inside the SVG; give each SVG on one page its own. */
  idPrefix?: string;
  /** Leave out width and height so CSS sizes the SVG (the viewBox keeps the aspect ratio). */
  fluid?: boolean;
}

export const FONT_FAMILY = 'Noto Sans, Noto Sans Arabic, sans-serif';

/** The parts of the SVG map: the live SVG map redraws only `facts` and `labels` when the date moves. */
export interface StaticMapParts {
  /** The opening <svg …> tag, <title>, <desc> and <defs>. */
  head: string;
  /** The inside of <defs> (the zone's hatch). */
  defs: string;
  base: string;
  /** Country names and city dots, then the zone, the footprint and the sites. */
  facts: string;
  /** Country, city, site and zone labels, the legend and the source line. */
  labels: string;
  title: string;
  desc: string;
}

/**
 * The base map's label candidates (country names, cities), which depend on the size, the language and
 * the theme but not on the date: kept per base map, so that a redraw for another date (the live SVG
 * map, the print view) does not measure every country's area and centre again.
 */
type BaseCandidates = {
  countries: ReturnType<typeof countryLabels>;
  capitals: ReturnType<typeof cityLabels>;
  towns: ReturnType<typeof cityLabels>;
};
const candidates = new WeakMap<object, Map<string, BaseCandidates>>();

function baseCandidates(
  proj: ReturnType<typeof staticProjection>,
  basemap: Partial<Basemap>,
  lang: Lang,
  p: Scene['palette'],
  key: string,
): BaseCandidates {
  let byKey = candidates.get(basemap);
  if (!byKey) {
    byKey = new Map();
    candidates.set(basemap, byKey);
  }
  let c = byKey.get(key);
  if (!c) {
    c = {
      countries: countryLabels(proj, basemap, lang, p),
      capitals: cityLabels(proj, basemap, lang, p, 1),
      towns: cityLabels(proj, basemap, lang, p, 2),
    };
    byKey.set(key, c);
  }
  return c;
}

/** The scene an options object asks for. */
function sceneOf(o: StaticMapOptions): Scene {
  return o.scene ?? sceneAt({ data: o.data, basemap: o.basemap }, o.date, o.lang, o.theme);
}

/** The SVG map's parts; `base: false` leaves out the base map (the costly part, which only size and theme change). */
export function staticMapParts(o: StaticMapOptions, part: { base: boolean } = { base: true }): StaticMapParts {
  const { width: w, height: h } = o;
  const scene = sceneOf(o);
  const { lang, palette: p } = scene;
  const id = o.idPrefix ?? 'static-map';
  const proj = staticProjection(w, h);
  const { zoom } = fitView(w, h);
  const facts = factsSvg(scene, o.data, proj, { zoom, id, selected: o.selected ?? null });
  const taken: Box[] = [...facts.taken];
  const bottom = o.legend ? 22 : 0; // the source line
  const bounds: Box = { x0: 4, y0: 4, x1: w - 4, y1: h - 4 - bottom };
  // Most important first: each later label only takes room that is still free. Capitals lead: there
  // are few, and a map of Iraq without Baghdad orients no one.
  const base = baseCandidates(proj, o.basemap, lang, p, `${w}x${h}|${lang}|${scene.theme}`);
  let capitals = placeLabels(base.capitals, taken, bounds);
  const sites = placeLabels(facts.labels, taken, bounds);
  const rank2 = base.towns;
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
    legend = legendSvg({ scene, width: w, height: h, id, avoid, bottom });
    const lb = legend.box;
    capitals = capitals.filter((c) => !overlaps(c.box, lb));
    taken.push(lb);
  }
  const countries = placeLabels(base.countries, taken, bounds);
  const towns = placeLabels(rank2, taken, bounds);
  const cities = [...capitals, ...towns];
  const join = (items: Placed[], key: 'svg' | 'anchor') => items.map((i) => i[key] ?? '').join('');
  const halo = (color: string, width: number) =>
    attrs({ stroke: color, 'stroke-width': width, 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
  const title = o.title ?? scene.title;
  const rtl = lang === 'ar';
  const footer = o.legend
    ? `<text${attrs({ x: rtl ? w - 10 : 10, y: h - 8, 'font-size': 10, fill: p.cityText, 'text-anchor': 'start' })}${rtl ? ' direction="rtl"' : ''}${halo(p.cityHalo, 2.5)}>${esc(t(lang, 'app.sourceLine'))}</text>`
    : '';
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${w} ${h}`, width: o.fluid ? undefined : w, height: o.fluid ? undefined : h, role: 'img' })}`,
    ` aria-labelledby="${id}-title ${id}-desc"${attrs({ lang, 'font-family': FONT_FAMILY })}>`,
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(scene.alt)}</desc>`,
    `<defs>${facts.defs}</defs>`,
  ].join('');
  const under = [
    `<g class="labels countries"${halo(p.landFocus, 2.5)}>${join(countries, 'svg')}</g>`,
    `<g class="cities">${join(cities, 'anchor')}</g>`,
  ].join('');
  const labels = [
    `<g class="labels cities"${attrs({ fill: p.cityText })}${halo(p.cityHalo, 3)}>${join(cities, 'svg')}</g>`,
    `<g class="labels sites"${attrs({ 'font-weight': 600, fill: p.siteText })}${halo(p.siteHalo, 3)}>${join(sites, 'svg')}</g>`,
    legend?.svg ?? '',
    footer,
  ].join('');
  return {
    head,
    defs: facts.defs,
    base: part.base ? basemapSvg(proj, o.basemap, p, w, h) : '',
    facts: `<g class="facts">${under}${facts.svg}</g>`,
    labels: `<g class="overlay">${labels}</g>`,
    title,
    desc: scene.alt,
  };
}

/** The map at a date as a self-contained SVG string (deterministic: same input, same bytes). */
export function renderStaticMap(o: StaticMapOptions): string {
  const parts = staticMapParts(o);
  // Every label reads above every symbol; a capital's dot may sit under a site, which is drawn above it.
  return `${parts.head}<g class="base">${parts.base}</g>${parts.facts}${parts.labels}</svg>`;
}
