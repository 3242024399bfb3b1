/**
 * The live SVG map: draws the scene into #map-static from the moment the controls exist (over the
 * prerendered map), so the map answers the slider before the WebGL map has loaded, and again whenever
 * WebGL is missing, refused or lost. A slider step redraws only what the scene changed: the facts and
 * label groups are swapped when their markup differs, the base map (the costly part) only when the
 * size or the theme changes.
 */
import type { AppData, Basemap } from '../data/types.ts';
import type { Box, MeasureText } from '../scene/labels.ts';
import type { Scene } from '../scene/scene.ts';
import { type StaticMapOptions, type StaticMapParts, staticMapParts } from '../static/render-svg.ts';

export interface SvgView {
  /** Draws the scene (on the next frame; several calls in one frame draw once). */
  show(scene: Scene, selected: string | null): void;
  /** Draws the last scene again (the fonts arrived: the labels are measured anew). */
  refresh(): void;
  /** Stops drawing (the WebGL map is on screen) or starts again, redrawing in full. */
  setActive(active: boolean): void;
  destroy(): void;
}

export interface SvgViewOptions {
  host: HTMLElement;
  data: AppData;
  basemap: Partial<Basemap>;
  /** Boxes over the map that labels keep clear of (render/frame.ts). */
  reserved: () => Box[];
  measure: () => MeasureText | undefined;
  /** The map box's size (px), kept by the host until it resizes. */
  frame: () => { width: number; height: number };
  /** Called after each drawing, with what was drawn. */
  onDrawn: (scene: Scene, selected: string | null) => void;
  onSiteClick: (siteId: string) => void;
  /** Called when a drawing fails (the last drawing stays). */
  onError: (err: unknown) => void;
}

const NS = 'http://www.w3.org/2000/svg';
const ID = 'static-map';

/** Parses SVG markup as XML (never as HTML: nothing in it can run, and every text was escaped by the renderer). */
function parse(markup: string): Element {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const el = doc.documentElement;
  if (el.nodeName !== 'svg' || el.getElementsByTagName('parsererror').length) {
    throw new Error('the SVG map did not parse');
  }
  return document.importNode(el, true);
}

/** The first element child of a parsed fragment (`<svg>` wrapper around one group). */
function fragment(markup: string): Element {
  return parse(`<svg xmlns="${NS}">${markup}</svg>`).firstElementChild!;
}

/** The parts of a drawn SVG map that a new date may change. */
export interface DrawnParts {
  defs: string;
  facts: string;
  labels: string;
}

/**
 * Brings an SVG map drawn from `before` to `parts` (same size and theme): the title, description and
 * language, and only the groups whose markup changed. The base map, the costly part, stays.
 */
export function patchSvg(svg: Element, before: DrawnParts, parts: StaticMapParts, lang: string): void {
  const swap = (selector: string, markup: string) => svg.querySelector(selector)?.replaceWith(fragment(markup));
  svg.setAttribute('lang', lang);
  svg.querySelector('title')!.textContent = parts.title;
  svg.querySelector('desc')!.textContent = parts.desc;
  if (parts.defs !== before.defs)
    svg.querySelector('defs')!.replaceChildren(...fragment(`<defs>${parts.defs}</defs>`).childNodes);
  if (parts.facts !== before.facts) swap(':scope > g.facts', parts.facts);
  if (parts.labels !== before.labels) swap(':scope > g.overlay', parts.labels);
}

/** Parses a whole SVG map from its parts. */
export function parseSvgMap(parts: StaticMapParts): Element {
  return parse(`${parts.head}<g class="base">${parts.base}</g>${parts.facts}${parts.labels}</svg>`);
}

/** Mounts the live SVG map into host. */
export function createSvgView(opts: SvgViewOptions): SvgView {
  const { host } = opts;
  let pending: { scene: Scene; selected: string | null } | null = null;
  let frame = 0;
  let active = true;
  // What is on screen: the base map's key, and the markup of the parts a step may change.
  let drawn: { baseKey: string; defs: string; facts: string; labels: string; svg: Element } | null = null;

  const draw = () => {
    frame = 0;
    if (!pending || !active) return;
    const { scene, selected } = pending;
    const size = opts.frame();
    const width = Math.max(300, Math.round(size.width || 800));
    const height = Math.max(240, Math.round(size.height || 560));
    const baseKey = `${width}x${height}|${scene.theme}`;
    const o: StaticMapOptions = {
      data: opts.data,
      basemap: opts.basemap,
      date: scene.date,
      lang: scene.lang,
      theme: scene.theme,
      scene,
      selected,
      width,
      height,
      reserved: opts.reserved(),
      measure: opts.measure(),
      idPrefix: ID,
    };
    const full = !drawn || drawn.baseKey !== baseKey || !host.contains(drawn.svg);
    const parts = staticMapParts(o, { base: full });
    if (full || !drawn) {
      const svg = parseSvgMap(parts);
      host.replaceChildren(svg);
      drawn = { baseKey, defs: parts.defs, facts: parts.facts, labels: parts.labels, svg };
    } else {
      patchSvg(drawn.svg, drawn, parts, scene.lang);
      drawn = { ...drawn, defs: parts.defs, facts: parts.facts, labels: parts.labels };
    }
    opts.onDrawn(scene, selected);
  };
  const redraw = () => {
    try {
      draw();
    } catch (err) {
      opts.onError(err);
    }
  };
  const schedule = () => {
    if (!frame && active) frame = requestAnimationFrame(redraw);
  };
  const onClick = (e: MouseEvent) => {
    const site = (e.target as Element | null)?.closest?.('[data-site]')?.getAttribute('data-site');
    if (site) opts.onSiteClick(site);
  };
  host.addEventListener('click', onClick);
  const ro = new ResizeObserver(schedule);
  ro.observe(host);
  return {
    show(scene, selected) {
      pending = { scene, selected };
      // The first drawing is synchronous: it replaces the prerendered map at once, and a failure there is the caller's.
      if (!drawn && active) draw();
      else schedule();
    },
    refresh() {
      schedule();
    },
    setActive(on) {
      if (on === active) return;
      active = on;
      host.hidden = !on;
      if (on) {
        // Someone else (the print view) may have drawn into the host meanwhile.
        drawn = null;
        if (pending) draw();
      } else if (frame) {
        cancelAnimationFrame(frame);
        frame = 0;
      }
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      active = false;
      ro.disconnect();
      host.removeEventListener('click', onClick);
    },
  };
}
