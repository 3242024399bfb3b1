/**
 * The render host: chooses and runs the renderer, and is the one thing that does. The live SVG map
 * draws every scene from the moment the controls exist; the WebGL map loads behind it (for an embed,
 * once the frame nears the viewport) and takes over once it has drawn the same scene, at the same
 * camera (state/view.ts), so the swap shows neither a flash nor a jump. WebGL missing, refused
 * (?static=1), lost or stuck: the SVG map stays or comes back.
 *
 * It publishes what is on screen as a RendererStatus (kind, drawn date, readiness, why the SVG map is
 * used) and offers camera commands; main.ts wires both to the page. Nothing else starts a renderer.
 *
 * WebGL context loss: the SVG map takes over at once (same scene, still ready). If the browser
 * restores the context (after a GPU reset, or `WEBGL_lose_context.restoreContext()`), a fresh WebGL
 * map is built as at start and replaces the SVG once it has drawn. A lost context that never comes
 * back leaves the SVG map for the session, as does a fourth loss: a GPU that keeps failing should not
 * make the map flicker.
 */
import type { AppData, Basemap } from '../data/types.ts';
import type { MapView } from '../map/map-view.ts';
import type { Box } from '../scene/labels.ts';
import type { Scene } from '../scene/scene.ts';
import { type CalloutPlace, calloutPlace } from '../scene/label-layout.ts';
import { lineBoxes } from '../scene/labels.ts';
import { browserMeasure, controlBoxes, overlayBoxes } from './frame.ts';
import { afterTimeOnScreen, nearViewport } from './screen-time.ts';
import { createSvgView, type SvgView } from './svg-view.ts';
import { webglSupported } from './webgl-support.ts';
import { fitView } from '../state/view.ts';

export type RendererKind = 'svg' | 'webgl';

/** What is on screen. */
export interface RendererStatus {
  kind: RendererKind;
  /** The date the renderer on screen has drawn, or null before its first drawing. */
  date: string | null;
  /** The renderer the page will keep has drawn (WebGL took over, or the SVG map is the choice). */
  ready: boolean;
  /** Why the SVG map is the renderer (forced, no-webgl, opaque-origin, webgl-error, webgl-timeout, webgl-context-lost), or null. */
  fallbackReason: string | null;
  /** The camera can move (a WebGL map is on screen). */
  camera: boolean;
  /** Where Ain al-Asad's callout goes (a corner that hides no site), the base's point and the leader, px. */
  callout: CalloutPlace | null;
  /** The camera on screen (the fitted view on the SVG map) and the frame's size: for the scale bar. */
  view: { center: [number, number]; zoom: number; width: number; height: number } | null;
}

export interface RendererHost {
  status(): RendererStatus;
  /** Calls fn after every change of the status; returns an unsubscribe function. */
  subscribe(fn: (status: RendererStatus) => void): () => void;
  /** Draws a scene and selection on whichever renderer is on screen (and brings the other up to date). */
  show(scene: Scene, selected: string | null): void;
  /** Moves the camera (no-op on the SVG map, which has one fixed view). */
  showCamera(center: [number, number], zoom: number): void;
  resetView(): void;
  /** Decides the renderer and starts the WebGL map where it can run; resolves once it is decided. */
  start(options: { forceStatic: boolean; embed: boolean }): Promise<void>;
}

export interface RendererHostOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  /** The map box (#map), where the WebGL map goes. */
  container: HTMLElement;
  /** #map-static, the SVG map's element. */
  staticEl: HTMLElement;
  /** The element whose time on screen counts for the watchdog (#map-wrap). */
  watchEl: HTMLElement;
  onSiteClick: (id: string) => void;
  /** The page's elements over the map (the tool bar, the callout): labels keep clear of them. */
  overlays: () => readonly Element[];
  /** Ain al-Asad's callout, which the host places in a corner that hides no site (status.callout). */
  callout: () => HTMLElement | null;
  /** The SVG map failed while it is the only renderer. */
  onFatal: (err: unknown) => void;
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

/** Creates the host; the SVG map draws from the first `show`. */
export function createRendererHost(opts: RendererHostOptions): RendererHost {
  const { container, staticEl } = opts;
  const listeners = new Set<(s: RendererStatus) => void>();
  let status: RendererStatus = {
    kind: 'svg',
    date: null,
    ready: false,
    fallbackReason: null,
    camera: false,
    callout: null,
    view: null,
  };
  let current: { scene: Scene; selected: string | null } | null = null;
  let webgl: MapView | null = null;
  let restarts = 0;
  let embedded = false;

  const publish = (patch: Partial<RendererStatus>) => {
    const next = { ...status, ...patch };
    const same = (k: keyof RendererStatus) =>
      k === 'callout' || k === 'view' ? JSON.stringify(next[k]) === JSON.stringify(status[k]) : next[k] === status[k];
    if ((Object.keys(patch) as (keyof RendererStatus)[]).every(same)) return;
    status = next;
    for (const fn of [...listeners]) fn(status);
  };

  // What covers the map, the same for both renderers (frame.ts), so labels stay put at the handover.
  // Measured once and kept until something over the map or the map itself changes size, or the
  // language (the tool bar moves to the other side): a slider step then forces no layout to learn it.
  let covered: Box[] | null = null;
  // The map box's size, kept the same way: reading it after a step had changed the page's texts forced
  // a layout of the whole document inside the slider's input handler (~12 ms a step on the bench's phone).
  let frameSize: { width: number; height: number } | null = null;
  const frameOf = () => (frameSize ??= { width: container.clientWidth, height: container.clientHeight });
  const reserved = (): Box[] =>
    (covered ??= [
      ...overlayBoxes(container, opts.overlays()),
      ...controlBoxes(frameOf().width, frameOf().height, current?.scene.lang ?? 'en'),
      // Labels keep off the callout's leader line as they keep off each other's.
      ...(status.callout?.leader ? lineBoxes(...status.callout.leader) : []),
    ]);
  let coveredLang: string | null = null;

  const measure = () => browserMeasure(document.documentElement.dir === 'rtl');

  const svg: SvgView = createSvgView({
    host: staticEl,
    reserved,
    measure,
    frame: frameOf,
    data: opts.data,
    basemap: opts.basemap,
    onSiteClick: opts.onSiteClick,
    onDrawn: (scene) => {
      if (status.kind === 'svg') publish({ date: scene.date });
    },
    onError: (err) => {
      console.warn('SVG map: kept the last drawing', err);
    },
  });

  /** The SVG map on screen again (or still), for a reason; it is then the renderer the page keeps. */
  const useSvg = (reason: string) => {
    svg.setActive(true);
    if (current) svg.show(current.scene, current.selected);
    publish({ kind: 'svg', fallbackReason: reason, camera: false, ready: true });
  };

  const startWebgl = async (): Promise<void> => {
    const { createMapView } = await import('../map/map-view.ts');
    if (!current) return;
    let mine: MapView | null = null;
    let failed = false;
    const cancelWatchdog = afterTimeOnScreen(opts.watchEl, WEBGL_START_MS, () => {
      failed = true;
      console.warn(`WebGL map did not draw within ${WEBGL_START_MS / 1000} s on screen; using the SVG map`);
      // The engine's own elements would sit on top of the SVG map and take its clicks.
      for (const el of container.children) if (el !== staticEl && el instanceof HTMLElement) el.style.display = 'none';
      useSvg('webgl-timeout');
    });
    try {
      mine = await createMapView({
        container,
        data: opts.data,
        basemap: opts.basemap,
        scene: current.scene,
        selected: current.selected,
        // Inside an article a one-finger swipe or a plain wheel must scroll the article, not the map; on a
        // touch screen the page itself scrolls past the map the same way (two fingers move the map).
        cooperativeGestures: embedded || window.matchMedia?.('(pointer: coarse)').matches === true,
        onSiteClick: opts.onSiteClick,
        reserved,
        measure,
        frame: frameOf,
        // After a pan or zoom the labels were laid out for the callout's old place: again if it moved.
        onCamera: () => {
          if (placeCallout()) mine?.refresh();
        },
        onDrawn(scene, selected) {
          if (failed || webgl !== mine) return;
          // Take over only once the WebGL map shows what the SVG map shows: no flash of an older date.
          if (scene !== current?.scene || selected !== current?.selected) return;
          cancelWatchdog();
          const handover = status.kind !== 'webgl';
          if (handover) svg.setActive(false);
          publish({ kind: 'webgl', date: scene.date, ready: true, fallbackReason: null, camera: true });
          // The credit exists now: fold it if the callout's corner is over it (placeCallout).
          if (handover && status.callout?.covers) placeCallout();
        },
        onFailure(reason) {
          if (failed) return;
          failed = true;
          cancelWatchdog();
          const canvas = mine?.map.getCanvas();
          if (webgl === mine) webgl = null;
          mine?.destroy();
          useSvg(reason);
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
    } catch (err) {
      cancelWatchdog();
      throw err;
    }
    // Given up on while it started (see the watchdog): it must not take over the SVG map now.
    if (failed) {
      mine.destroy();
      return;
    }
    webgl = mine;
    // The reader may have moved on while the layers were added: draw that (its idle then takes over).
    if (current) mine.show(current.scene, current.selected);
  };

  // Labels are laid out with the browser's metrics of the shipped fonts: when a font arrives, again.
  // The callout's size, kept like the covered boxes (measuring it would force a layout every step).
  let calloutSize: { width: number; height: number } | null = null;
  let calloutMemo: { key: string; place: CalloutPlace } | null = null;
  /** Places the callout for what is on screen; true when it moved (the labels must keep off its new place). */
  const placeCallout = (): boolean => {
    const el = opts.callout();
    const frame = frameOf();
    const view = status.kind === 'webgl' ? webgl?.view() : undefined;
    publish({ view: { ...(view ?? fitView(frame.width, frame.height)), ...frame } });
    if (!current || !el || el.hidden) {
      publish({ callout: null });
      return false;
    }
    calloutSize ??= { width: el.offsetWidth, height: el.offsetHeight };
    // The corner depends on which sites are drawn, not on the date itself: most slider steps change no
    // site, and then the last place stands (placing it projects every site: ~1 ms a step at 4x CPU).
    const { scene } = current;
    const key = [
      frame.width,
      frame.height,
      view ? `${view.center.join(',')},${view.zoom}` : '',
      calloutSize.width,
      calloutSize.height,
      scene.lang,
      scene.drawOrder.join(','),
    ].join('|');
    if (calloutMemo?.key !== key) {
      const avoid = controlBoxes(frame.width, frame.height, scene.lang);
      calloutMemo = { key, place: calloutPlace(scene, calloutSize, { ...frame, view }, avoid) };
    }
    const place = calloutMemo.place;
    // A callout that moves uncovers one corner and covers another: measure what covers the map anew.
    const moved = JSON.stringify(place) !== JSON.stringify(status.callout);
    if (moved) covered = null;
    publish({ callout: place });
    // Where every corner free of sites is over MapLibre's unfolded credit (a narrow desktop map in
    // Arabic), the credit folds to its (i) button rather than sit under the callout.
    if (place.covers) {
      container
        .querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show')
        ?.classList.remove('maplibregl-compact-show');
    }
    return moved;
  };
  const relayout = () => {
    covered = null;
    calloutSize = null;
    frameSize = null;
    placeCallout();
    if (status.kind === 'svg') svg.refresh();
    webgl?.refresh();
  };
  document.fonts?.addEventListener('loadingdone', relayout);
  // And when something over the map changes size (the tool bar in another language, the callout's text).
  let watched = false;
  const overlaysSeen = new ResizeObserver(relayout);

  return {
    status: () => status,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    show(scene, selected) {
      current = { scene, selected };
      if (!watched) {
        watched = true;
        for (const el of [container, ...opts.overlays()]) overlaysSeen.observe(el);
      }
      if (scene.lang !== coveredLang) {
        coveredLang = scene.lang;
        covered = null;
      }
      placeCallout();
      if (status.kind === 'svg') {
        try {
          svg.show(scene, selected);
        } catch (err) {
          // Only the very first drawing throws (later ones keep the last drawing).
          if (!webgl) opts.onFatal(err);
        }
      }
      webgl?.show(scene, selected);
    },
    showCamera(center, zoom) {
      if (status.kind === 'webgl') webgl?.showCamera(center, zoom);
    },
    resetView() {
      if (status.kind === 'webgl') webgl?.resetView();
    },
    async start({ forceStatic, embed }) {
      embedded = embed;
      if (forceStatic) return useSvg('forced');
      // A sandboxed frame without allow-same-origin has an opaque origin, which may not start the map's
      // worker from our address: the WebGL map could never load there.
      if (window.origin === 'null') return useSvg('opaque-origin');
      if (!webglSupported()) return useSvg('no-webgl');
      if (embed) await nearViewport(opts.watchEl);
      try {
        await startWebgl();
      } catch (err) {
        // No context to be had (the API is there, the GPU is not): the same as having no WebGL at all.
        if (err instanceof Error && err.name === 'NoWebglError') return useSvg('no-webgl');
        console.warn('WebGL map failed, using the SVG map', err);
        useSvg('webgl-error');
      }
    },
  };
}
