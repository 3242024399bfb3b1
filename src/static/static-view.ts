/**
 * The SVG map as a live renderer (no WebGL, context lost, or ?static=1): redraws on every state
 * change from the same pure renderer the build uses for the prerender and the per-phase images.
 */
import type { AppData, Basemap } from '../data/types.ts';
import type { Store } from '../state/store.ts';
import { resolveTheme } from '../ui/document-state.ts';
import { renderStaticMap } from './render-svg.ts';

export interface StaticViewOptions {
  host: HTMLElement;
  data: AppData;
  basemap: Partial<Basemap>;
  store: Store;
  onDrawn: (date: string) => void;
  onSiteClick: (siteId: string) => void;
}

/**
 * Mounts the SVG map into host and keeps it in step with the store; returns a function that stops it
 * (the last drawing stays). The first drawing throws if it fails; later failures keep the last one.
 */
export function mountStaticMap(opts: StaticViewOptions): () => void {
  const { host, store } = opts;
  host.hidden = false;
  let frame = 0;
  let stopped = false;
  const draw = () => {
    frame = 0;
    if (stopped) return;
    const s = store.get();
    const width = Math.max(300, Math.round(host.clientWidth || 800));
    const height = Math.max(240, Math.round(host.clientHeight || 560));
    const svg = renderStaticMap({
      data: opts.data,
      basemap: opts.basemap,
      date: s.date,
      lang: s.lang,
      theme: resolveTheme(s.theme),
      width,
      height,
    });
    // Parsed as XML, not HTML: nothing in it can run, and every text in it was escaped by the renderer.
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const el = doc.documentElement;
    if (el.nodeName !== 'svg' || el.getElementsByTagName('parsererror').length) {
      throw new Error('the SVG map did not parse');
    }
    host.replaceChildren(document.importNode(el, true));
    opts.onDrawn(s.date);
  };
  const redraw = () => {
    try {
      draw();
    } catch (err) {
      console.warn('SVG map: kept the last drawing', err);
    }
  };
  const schedule = () => {
    if (!frame && !stopped) frame = requestAnimationFrame(redraw);
  };
  const onClick = (e: MouseEvent) => {
    const site = (e.target as Element | null)?.closest?.('[data-site]')?.getAttribute('data-site');
    if (site) opts.onSiteClick(site);
  };
  draw();
  host.addEventListener('click', onClick);
  const off = store.subscribe(schedule);
  const ro = new ResizeObserver(schedule);
  ro.observe(host);
  return () => {
    stopped = true;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    off();
    ro.disconnect();
    host.removeEventListener('click', onClick);
  };
}
