/**
 * What the page prints: the static SVG map of the current view (with its legend, in the light palette
 * for paper) and the sources of the statuses shown. The SVG goes into #map-static, which the WebGL map
 * hides on screen and main.css shows in print; while the SVG map is the on-screen renderer
 * (data-renderer=svg) static-view.ts owns #map-static and this module leaves it alone.
 *
 * Both are kept current a moment after the date settles rather than in `beforeprint`: Chromium's
 * print-to-PDF (and some print paths) never fire that event, and the renderer is loaded lazily.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import { statusAt, zoneAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';
import { indexSources, sourceItem } from './sources.ts';

export interface PrintViewOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  store: Store;
  /** The map box (#map): its data-renderer says whether the SVG map is on screen. */
  container: HTMLElement;
  /** #map-static. */
  staticHost: HTMLElement;
  /** Where the print-only source list goes (the side panel). */
  sourcesParent: HTMLElement;
  /** Quiet time after the last change before the print view is redrawn. */
  settleMs?: number;
}

// The SVG's own size: the proportions of the map box in the A4 landscape print layout (main.css).
const PRINT_SIZE = { width: 1000, height: 640 } as const;

/** The ids of the sources behind every site status (and the zone's control) on a date, first use first. */
export function statusSourceIds(data: AppData, date: string): string[] {
  const ids = new Set<string>();
  for (const site of data.presence.features) for (const id of statusAt(site, date)?.period.sources ?? []) ids.add(id);
  for (const zone of data.zone.features) for (const id of zoneAt(zone, date)?.period.sources ?? []) ids.add(id);
  return [...ids];
}

/** Mounts the print view; returns an unmount function. */
export function mountPrintView(opts: PrintViewOptions): () => void {
  const { data, store, container, staticHost } = opts;
  const sources = indexSources(data.sources);
  const list = h('section', { class: 'print-only print-sources', 'aria-labelledby': 'print-sources-title' });
  opts.sourcesParent.append(list);
  let timer: number | undefined;
  let drawnKey = '';
  let stopped = false;

  const renderSources = (date: string, lang: Lang) => {
    list.replaceChildren(
      h('h2', { id: 'print-sources-title' }, t(lang, 'print.sources', { date: formatDate(lang, date) })),
      h('ul', {}, ...statusSourceIds(data, date).map((id) => h('li', {}, sourceItem(sources, id, lang)))),
    );
  };

  const renderMap = async (date: string, lang: Lang) => {
    // Only while the WebGL map is on screen: before its first frame the prerender is what readers see.
    if (container.dataset.renderer === 'svg' || !staticHost.hidden) return;
    const { renderStaticMap } = await import('../static/render-svg.ts');
    if (stopped || container.dataset.renderer === 'svg' || !staticHost.hidden) return;
    const svg = renderStaticMap({
      data,
      basemap: opts.basemap,
      date,
      lang,
      theme: 'light',
      ...PRINT_SIZE,
      legend: true,
      fluid: true,
      idPrefix: 'print-map',
    });
    // Parsed as XML, never as HTML: every text in it was escaped by the renderer.
    const el = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    if (el.nodeName !== 'svg' || el.getElementsByTagName('parsererror').length) return;
    staticHost.replaceChildren(document.importNode(el, true));
    staticHost.dataset.printDate = date;
  };

  const update = async () => {
    timer = undefined;
    const { date, lang } = store.get();
    const key = `${lang}|${date}|${container.dataset.renderer ?? ''}|${staticHost.hidden}`;
    if (key === drawnKey || stopped) return;
    drawnKey = key;
    renderSources(date, lang);
    try {
      await renderMap(date, lang);
    } catch (err) {
      console.warn('print view: the SVG map could not be drawn', err);
    }
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), opts.settleMs ?? 800);
  };

  const { date, lang } = store.get();
  renderSources(date, lang);
  const off = store.subscribe(schedule);
  // The WebGL map hides #map-static after its first frame: that is when the print map is first needed.
  const observer = new MutationObserver(schedule);
  observer.observe(staticHost, { attributes: true, attributeFilter: ['hidden'] });
  observer.observe(container, { attributes: true, attributeFilter: ['data-renderer'] });
  return () => {
    stopped = true;
    off();
    observer.disconnect();
    window.clearTimeout(timer);
    list.remove();
  };
}
