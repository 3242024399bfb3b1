/**
 * Chooses and runs the map renderer: the WebGL map when it can, the SVG map when WebGL is missing,
 * lost or refused (?static=1). In an embed below the fold the engine is not even fetched until the
 * frame nears the viewport. It owns `data-map-state` and `data-date` once data is loaded.
 */
import type { AppData, Basemap } from '../data/types.ts';
import type { MapView } from '../map/map-view.ts';
import type { Store } from '../state/store.ts';
import { resolveTheme, setDrawnDate, setMapState, onSystemThemeChange } from './document-state.ts';

export interface MapHostOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  store: Store;
  mapWrap: HTMLElement;
  onCommit: () => void;
}

/** Resolves when the first frame of the chosen renderer is drawn. */
export async function startMapHost(opts: MapHostOptions): Promise<void> {
  const { store, mapWrap } = opts;
  const container = mapWrap.querySelector<HTMLElement>('#map')!;
  const staticEl = mapWrap.querySelector<HTMLElement>('#map-static')!;
  const onSiteClick = (id: string) => {
    store.set({ site: id }, 'replace');
    opts.onCommit();
  };

  const startStatic = async (reason: string): Promise<void> => {
    const { mountStaticMap } = await import('../static/static-view.ts');
    container.dataset.renderer = 'svg';
    container.dataset.fallbackReason = reason;
    mountStaticMap({ host: staticEl, data: opts.data, basemap: opts.basemap, store, onDrawn: drawn, onSiteClick });
  };
  const drawn = (date: string) => {
    setDrawnDate(date);
    setMapState('ready');
  };

  const { webglSupported } = await import('./webgl.ts');
  if (store.get().forceStatic || !webglSupported()) {
    return startStatic(store.get().forceStatic ? 'forced' : 'no-webgl');
  }
  if (store.get().embed) await nearViewport(mapWrap);

  let view: MapView | null = null;
  try {
    const { createMapView } = await import('../map/map-view.ts');
    view = await createMapView({
      container,
      data: opts.data,
      basemap: opts.basemap,
      store,
      theme: () => resolveTheme(store.get().theme),
      cooperativeGestures: store.get().embed,
      onDrawn(date) {
        // The prerendered SVG stays underneath until the WebGL map has drawn its first frame.
        staticEl.hidden = true;
        drawn(date);
      },
      onSiteClick,
      onFailure(reason) {
        view?.destroy();
        view = null;
        staticEl.hidden = false;
        void startStatic(reason);
      },
    });
  } catch (err) {
    console.warn('WebGL map failed, using the SVG map', err);
    staticEl.hidden = false;
    return startStatic('webgl-error');
  }
  const restyle = () => view?.restyle();
  store.subscribe((s, p) => {
    if (s.theme !== p.theme) restyle();
  });
  onSystemThemeChange(restyle);
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
