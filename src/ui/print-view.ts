/**
 * What the page prints: the SVG map of the current view (with its legend, in the light palette for
 * paper) and the sources of the statuses shown. While the WebGL map is on screen the print map goes
 * into #map-static, which main.css shows in print; while the SVG map is the on-screen renderer it
 * owns #map-static and this module leaves it alone (the render host says which is on screen).
 *
 * Both are kept current a moment after the date settles rather than in `beforeprint`: Chromium's
 * print-to-PDF (and some print paths) never fire that event.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { RendererHost } from '../render/host.ts';
import type { Scene, SceneOf } from '../scene/scene.ts';
import { type DrawnParts, parseSvgMap, patchSvg } from '../render/svg-view.ts';
import { staticMapParts } from '../static/render-svg.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';
import { indexSources, sourceItem } from './sources.ts';

export interface PrintViewOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  store: Store;
  sceneOf: SceneOf;
  renderer: RendererHost;
  /** #map-static. */
  staticHost: HTMLElement;
  /** Where the list of the sources of the statuses shown goes (inside "How we know"; printed too). */
  sourcesParent: HTMLElement;
  /** Quiet time after the last change before the print view is redrawn. */
  settleMs?: number;
}

// The SVG's own size: the proportions of the map box in the A4 landscape print layout (main.css).
const PRINT_SIZE = { width: 1000, height: 640 } as const;

/** The ids of the sources behind every site status (and the zone's control) in a scene, first use first. */
export function statusSourceIds(scene: Scene): string[] {
  const ids = new Set<string>();
  for (const site of scene.sites) for (const id of site.state?.period.sources ?? []) ids.add(id);
  for (const id of scene.zone?.sources ?? []) ids.add(id);
  return [...ids];
}

/** Mounts the print view; returns an unmount function. */
export function mountPrintView(opts: PrintViewOptions): () => void {
  const { data, store, staticHost, renderer } = opts;
  const sources = indexSources(data.sources);
  const list = h('section', { class: 'print-sources', 'aria-labelledby': 'print-sources-title' });
  opts.sourcesParent.append(list);
  let timer: number | undefined;
  let drawnKey = '';
  let stopped = false;
  const webglOnScreen = () => renderer.status().kind === 'webgl';

  const renderSources = (date: string, lang: Lang) => {
    const scene = opts.sceneOf({ ...store.get(), date, lang });
    list.replaceChildren(
      h('h2', { id: 'print-sources-title' }, t(lang, 'print.sources', { date: formatDate(lang, date) })),
      h('ul', {}, ...statusSourceIds(scene).map((id) => h('li', {}, sourceItem(sources, id, lang)))),
    );
  };

  // The print map as drawn: its element and the markup of the parts a date changes. Its size and
  // theme never change, so after the first drawing only the facts and labels are redrawn (the base map
  // cost a few hundred ms of main thread on a phone every time the slider came to rest; issue 12).
  let printed: (DrawnParts & { svg: Element }) | null = null;
  const renderMap = (date: string, lang: Lang) => {
    // Only while the WebGL map is on screen: otherwise the SVG map on screen is what prints.
    if (!webglOnScreen()) return;
    if (stopped) return;
    const o = {
      data,
      basemap: opts.basemap,
      date,
      lang,
      theme: 'light' as const,
      ...PRINT_SIZE,
      legend: true,
      fluid: true,
      idPrefix: 'print-map',
    };
    const reuse = printed !== null && staticHost.contains(printed.svg);
    const parts = staticMapParts(o, { base: !reuse });
    if (reuse && printed) {
      patchSvg(printed.svg, printed, parts, lang);
      printed = { ...printed, defs: parts.defs, facts: parts.facts, labels: parts.labels };
    } else {
      // Parsed as XML, never as HTML: every text in it was escaped by the renderer.
      const svg = parseSvgMap(parts);
      staticHost.replaceChildren(svg);
      printed = { svg, defs: parts.defs, facts: parts.facts, labels: parts.labels };
    }
    staticHost.dataset.printDate = date;
  };

  const update = () => {
    timer = undefined;
    const { date, lang } = store.get();
    const key = `${lang}|${date}|${renderer.status().kind}`;
    if (key === drawnKey || stopped) return;
    drawnKey = key;
    renderSources(date, lang);
    try {
      renderMap(date, lang);
    } catch (err) {
      console.warn('print view: the SVG map could not be drawn', err);
    }
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, opts.settleMs ?? 800);
  };

  const { date, lang } = store.get();
  renderSources(date, lang);
  const off = store.subscribe(schedule);
  // The WebGL map taking over is when the print map is first needed.
  const offRenderer = renderer.subscribe(schedule);
  return () => {
    stopped = true;
    off();
    offRenderer();
    window.clearTimeout(timer);
    list.remove();
  };
}
