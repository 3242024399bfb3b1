/**
 * Chooses and runs the map renderer: the WebGL map when it can, the SVG map when WebGL is missing,
 * lost or refused (?static=1). In an embed below the fold the engine is not even fetched until the
 * frame nears the viewport. It owns `data-map-state` and `data-date` once data is loaded, and
 * `data-renderer` (webgl | svg) on #map.
 *
 * WebGL context loss: the SVG map takes over at once (same state, same date, still `ready`). If the
 * browser restores the context (it does after a GPU reset, or `WEBGL_lose_context.restoreContext()`),
 * a fresh WebGL map is built, the same way as at start, and replaces the SVG once it has drawn. A
 * lost context that never comes back (too many contexts, a blocked GPU) leaves the SVG map for the
 * session, as does a fourth loss: a GPU that keeps failing should not make the map flicker.
 */
import type { AppData, Basemap } from '../data/types.ts';
import type { MapView } from '../map/map-view.ts';
import type { Store } from '../state/store.ts';
import { onSystemThemeChange, resolveTheme, setDrawnDate, setMapState } from './document-state.ts';
import { showMapMessage } from './error-view.ts';

export interface MapHostOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  store: Store;
  mapWrap: HTMLElement;
  onCommit: () => void;
}

/** WebGL maps built after a context loss, per page: after these the SVG map stays. */
export const MAX_WEBGL_RESTARTS = 3;

/**
 * On-screen time the WebGL map gets for its first frame before the SVG map replaces it for the session.
 * A map whose worker cannot start (a CSP without worker-src, a blocked script) never loads and never
 * says so; a healthy one draws in under 5 s even on a software renderer. Only time with the page
 * visible and the map in view counts: browsers pause frames in hidden tabs and off-screen frames.
 */
export const WEBGL_START_MS = 20_000;

/** Resolves once the chosen renderer has started (the WebGL map's style is loaded, or the SVG is drawn). */
export async function startMapHost(opts: MapHostOptions): Promise<void> {
  const { store, mapWrap } = opts;
  const container = mapWrap.querySelector<HTMLElement>('#map')!;
  const staticEl = mapWrap.querySelector<HTMLElement>('#map-static')!;
  const onSiteClick = (id: string) => {
    store.set({ site: id }, 'replace');
    opts.onCommit();
  };
  const drawn = (date: string) => {
    setDrawnDate(date);
    setMapState('ready');
  };

  let view: MapView | null = null;
  let stopStatic: (() => void) | null = null;
  let wantStatic = false;
  let restarts = 0;

  const showStatic = async (reason: string): Promise<void> => {
    wantStatic = true;
    container.dataset.renderer = 'svg';
    container.dataset.fallbackReason = reason;
    staticEl.hidden = false;
    if (stopStatic) return;
    const { mountStaticMap } = await import('../static/static-view.ts');
    // WebGL may have come back, or another call mounted it, while the module loaded.
    if (!wantStatic || stopStatic) return;
    try {
      stopStatic = mountStaticMap({
        host: staticEl,
        data: opts.data,
        basemap: opts.basemap,
        store,
        onDrawn: drawn,
        onSiteClick,
      });
    } catch (err) {
      console.warn('SVG map failed', err);
      if (view) return;
      setMapState('error');
      const message = err instanceof Error ? err.message : String(err);
      showMapMessage(mapWrap, store.get().lang, [{ file: 'map', message }], () => location.reload());
    }
  };
  const hideStatic = () => {
    wantStatic = false;
    stopStatic?.();
    stopStatic = null;
    // The prerendered or live SVG stays underneath until the WebGL map has drawn its first frame.
    staticEl.hidden = true;
    container.dataset.renderer = 'webgl';
    delete container.dataset.fallbackReason;
  };

  const startWebgl = async (): Promise<void> => {
    const { createMapView } = await import('../map/map-view.ts');
    let mine: MapView | null = null;
    let failed = false;
    const cancelWatchdog = afterTimeOnScreen(mapWrap, WEBGL_START_MS, () => {
      failed = true;
      console.warn(`WebGL map did not draw within ${WEBGL_START_MS / 1000} s on screen; using the SVG map`);
      // The engine's own elements would sit on top of the SVG map and take its clicks.
      for (const el of container.children) if (el !== staticEl && el instanceof HTMLElement) el.style.display = 'none';
      void showStatic('webgl-timeout');
    });
    const options: Parameters<typeof createMapView>[0] = {
      container,
      data: opts.data,
      basemap: opts.basemap,
      store,
      theme: () => resolveTheme(store.get().theme),
      cooperativeGestures: store.get().embed,
      onDrawn(date) {
        if (failed) return;
        cancelWatchdog();
        if (wantStatic || container.dataset.renderer !== 'webgl') hideStatic();
        drawn(date);
      },
      onSiteClick,
      onFailure(reason) {
        if (failed) return;
        failed = true;
        cancelWatchdog();
        const canvas = mine?.map.getCanvas();
        if (view === mine) view = null;
        mine?.destroy();
        void showStatic(reason);
        if (reason !== 'webgl-context-lost' || !canvas || restarts >= MAX_WEBGL_RESTARTS) return;
        // maplibre cancelled the loss event, so the browser may hand the context back: build anew then.
        canvas.addEventListener(
          'webglcontextrestored',
          () => {
            restarts++;
            startWebgl().catch((err: unknown) => console.warn('WebGL map did not come back; the SVG map stays', err));
          },
          { once: true },
        );
      },
    };
    try {
      mine = await createMapView(options);
    } catch (err) {
      cancelWatchdog();
      throw err;
    }
    // Given up on while it started (see the watchdog): it must not take over the SVG map now.
    if (failed) mine.destroy();
    else view = mine;
  };

  const restyle = () => view?.restyle();
  store.subscribe((s, p) => {
    if (s.theme !== p.theme) restyle();
  });
  onSystemThemeChange(restyle);

  const { webglSupported } = await import('./webgl.ts');
  if (store.get().forceStatic) return showStatic('forced');
  // A sandboxed frame without allow-same-origin has an opaque origin, which may not start the map's
  // worker from our address: the WebGL map could never load there.
  if (window.origin === 'null') return showStatic('opaque-origin');
  if (!webglSupported()) return showStatic('no-webgl');
  if (store.get().embed) await nearViewport(mapWrap);
  try {
    await startWebgl();
  } catch (err) {
    console.warn('WebGL map failed, using the SVG map', err);
    return showStatic('webgl-error');
  }
}

/**
 * Calls fn once el has been on screen (page visible, el intersecting the viewport) for ms in total;
 * returns a function that cancels it. Checked twice a second, so it costs nothing while waiting.
 */
function afterTimeOnScreen(el: HTMLElement, ms: number, fn: () => void): () => void {
  let inView = true;
  let elapsed = 0;
  const STEP = 500;
  const io =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((e) => {
          inView = e.some((x) => x.isIntersecting);
        });
  io?.observe(el);
  const cancel = () => {
    window.clearInterval(timer);
    io?.disconnect();
  };
  const timer = window.setInterval(() => {
    if (document.visibilityState !== 'visible' || !inView) return;
    elapsed += STEP;
    if (elapsed < ms) return;
    cancel();
    fn();
  }, STEP);
  return cancel;
}

/** Resolves once el is within 600 px of the viewport (at once where IntersectionObserver is missing). */
function nearViewport(el: HTMLElement): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(el);
  });
}
