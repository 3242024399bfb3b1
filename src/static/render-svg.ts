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
import { fitView, type View } from '../state/view.ts';
import type { ThemeName } from '../theme/palette.ts';
import { basemapSvg } from './basemap-svg.ts';
import { factsSvg } from './facts-svg.ts';
import type { Box, LabelKind, MeasureText } from '../scene/labels.ts';
import { type LaidLabel, labelLayout } from '../scene/label-layout.ts';
import { cityDotSvg, labelGroup, labelSvg, leaderSvg } from './labels-svg.ts';
import { legendSvg } from './legend-svg.ts';
import { staticProjection } from '../scene/projection.ts';
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
  /** Boxes over the map that labels keep clear of (the tool bar, the map's buttons, a callout), in px. */
  reserved?: readonly Box[];
  /** The browser's text metrics (render/frame.ts), for a layout the WebGL map can match. */
  measure?: MeasureText;
  /** The camera; the fitted view of the frame by default (the image export passes the reader's). */
  view?: View;
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
  const view = o.view ?? fitView(w, h);
  const proj = staticProjection(w, h, view);
  const { zoom } = view;
  const facts = factsSvg(scene, o.data, proj, { zoom, id, selected: o.selected ?? null });
  const bottom = o.legend ? 22 : 0; // the source line
  let legend: { svg: string; box: Box } | null = null;
  const layout = labelLayout(
    scene,
    o.data,
    o.basemap,
    {
      width: w,
      height: h,
      ...(o.view ? { view: o.view } : {}),
      reserved: [...(o.reserved ?? []), ...(bottom ? [{ x0: 0, y0: h - bottom - 4, x1: w, y1: h }] : [])],
      measure: o.measure,
    },
    o.legend
      ? (avoid) => {
          // The legend takes the corner that hides the least: sites and their labels weigh most.
          legend = legendSvg({ scene, width: w, height: h, id, avoid, bottom });
          return legend.box;
        }
      : undefined,
  );
  const of = (...kinds: LabelKind[]) => layout.labels.filter((l) => kinds.includes(l.req.kind));
  const text = (items: LaidLabel[]) => items.map((l) => labelSvg(l, p)).join('');
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
  const cities = of('capital', 'town');
  const under = [
    labelGroup('countries', 'country', p, text(of('country'))),
    `<g class="cities">${cities.map((l) => cityDotSvg(l, p)).join('')}</g>`,
  ].join('');
  const sites = of('site', 'zone');
  const labels = [
    `<g class="leaders">${sites.map((l) => leaderSvg(l, p)).join('')}${cities.map((l) => leaderSvg(l, p)).join('')}</g>`,
    labelGroup('cities', 'town', p, text(cities)),
    labelGroup('sites', 'site', p, text(sites)),
    (legend as { svg: string } | null)?.svg ?? '',
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
