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
    let self: MapView | null = null;
    let failed = false;
    self = await createMapView({
      container,
      data: opts.data,
      basemap: opts.basemap,
      store,
      theme: () => resolveTheme(store.get().theme),
      cooperativeGestures: store.get().embed,
      onDrawn(date) {
        if (failed) return;
        if (wantStatic || container.dataset.renderer !== 'webgl') hideStatic();
        drawn(date);
      },
      onSiteClick,
      onFailure(reason) {
        if (failed) return;
        failed = true;
        const canvas = self?.map.getCanvas();
        if (view === self) view = null;
        self?.destroy();
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
    });
    view = self;
  };

  const restyle = () => view?.restyle();
  store.subscribe((s, p) => {
    if (s.theme !== p.theme) restyle();
  });
  onSystemThemeChange(restyle);

  const { webglSupported } = await import('./webgl.ts');
  if (store.get().forceStatic || !webglSupported()) {
    return showStatic(store.get().forceStatic ? 'forced' : 'no-webgl');
  }
  if (store.get().embed) await nearViewport(mapWrap);
  try {
    await startWebgl();
  } catch (err) {
    console.warn('WebGL map failed, using the SVG map', err);
    return showStatic('webgl-error');
  }
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
