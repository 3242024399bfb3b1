/**
 * The MapLibre renderer: builds the map, adds the registered layers, and brings them to the scene it
 * is shown. It owns no state: the render host (src/render/) tells it what to draw.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import type { Box, MeasureText } from '../scene/labels.ts';
import type { Scene } from '../scene/scene.ts';
import { fitView, MAP_EXTENT, type View } from '../state/view.ts';
import { engineWorkerUrl } from './engine-worker.ts';
import type { LayerContext } from './layer-types.ts';
import { LAYERS } from './layers/index.ts';
import { baseStyle } from './style.ts';

maplibregl.setWorkerUrl(engineWorkerUrl());
// Start the worker (fetch, parse, boot) as soon as the engine is here, while the data is still on its
// way (render/warm.ts), instead of when the map is created; the map then finds it ready. Issue 8.
maplibregl.prewarm();

export interface MapViewOptions {
  container: HTMLElement;
  data: AppData;
  basemap: Partial<Basemap>;
  /** The scene and selection to draw first. */
  scene: Scene;
  selected: string | null;
  /** Called with the scene (and selection) whenever the map has finished drawing it. */
  onDrawn: (scene: Scene, selected: string | null) => void;
  onSiteClick: (siteId: string) => void;
  /** Boxes over the map that labels keep clear of (render/frame.ts). */
  reserved: () => Box[];
  measure: () => MeasureText | undefined;
  /** The map box's size (px), kept until it resizes. */
  frame: () => { width: number; height: number };
  /** Called after the camera moved (a pan, a zoom, a resize). */
  onCamera: () => void;
  /** Called when WebGL is lost for good or the map fails; the caller switches to the SVG map. */
  onFailure: (reason: string) => void;
  cooperativeGestures: boolean;
}

export interface MapView {
  map: maplibregl.Map;
  /** Brings the map to a scene and selection (only what changed is sent to the map). */
  show(scene: Scene, selected: string | null): void;
  /** Lays the labels out again for the same scene (the fonts arrived). */
  refresh(): void;
  /** The camera now. */
  view(): View;
  /** Flies (or jumps, with reduced motion) to a camera. */
  showCamera(center: [number, number], zoom: number): void;
  resetView(): void;
  destroy(): void;
}

function attribution(lang: Lang): string {
  return `${t(lang, 'attribution.basemap')} · ${t(lang, 'attribution.fonts')}`;
}

/** MapLibre's own UI strings (control titles, the canvas name, gesture hints) in the reader's language. */
function mapLocale(lang: Lang): Record<string, string> {
  return {
    'Map.Title': t(lang, 'map.canvas'),
    'NavigationControl.ZoomIn': t(lang, 'map.zoomIn'),
    'NavigationControl.ZoomOut': t(lang, 'map.zoomOut'),
    'AttributionControl.ToggleAttribution': t(lang, 'map.attribution'),
    'CooperativeGesturesHandler.WindowsHelpText': t(lang, 'map.gestureCtrl'),
    'CooperativeGesturesHandler.MacHelpText': t(lang, 'map.gestureMac'),
    'CooperativeGesturesHandler.MobileHelpText': t(lang, 'map.gestureTouch'),
  };
}

/**
 * Names the canvas and the controls in lang. The canvas is a picture of the facts that also takes
 * arrow keys: role img with the key hint as its name and the page's map summary (#map-desc, kept
 * current by ui/map-label.ts) as its description, instead of MapLibre's bare "Map" region, which
 * would nest a second landmark inside the map's own region.
 */
function labelControls(map: maplibregl.Map, lang: Lang): void {
  const canvas = map.getCanvas();
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t(lang, 'map.canvas'));
  if (document.getElementById('map-desc')) canvas.setAttribute('aria-describedby', 'map-desc');
  const root = map.getContainer();
  const name = (selector: string, text: string) => {
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      el.title = text;
      el.setAttribute('aria-label', text);
    }
  };
  name('.maplibregl-ctrl-zoom-in', t(lang, 'map.zoomIn'));
  name('.maplibregl-ctrl-zoom-out', t(lang, 'map.zoomOut'));
  name('.maplibregl-ctrl-attrib-button', t(lang, 'map.attribution'));
}

/** The browser has the WebGL2 API but would not give the map a context: the SVG map's reason is `no-webgl`. */
export class NoWebglError extends Error {
  override name = 'NoWebglError';
}

/** Creates the WebGL map; resolves once its style is loaded and all layers are added. */
export function createMapView(opts: MapViewOptions): Promise<MapView> {
  try {
    return startMapView(opts);
  } catch (err) {
    if (!(err instanceof maplibregl.GPUInitializationError)) throw err;
    // The engine built its canvas and controls before it asked for the context: take them away again.
    for (const el of opts.container.querySelectorAll(
      ':scope > .maplibregl-canvas-container, :scope > .maplibregl-control-container',
    )) {
      el.remove();
    }
    opts.container.classList.remove('maplibregl-map');
    throw new NoWebglError(err.message);
  }
}

function startMapView(opts: MapViewOptions): Promise<MapView> {
  const { container } = opts;
  const lang0 = opts.scene.lang;
  const view = fitView(container.clientWidth || 800, container.clientHeight || 600);
  const map = new maplibregl.Map({
    container,
    style: baseStyle(opts.scene.palette),
    center: view.center,
    zoom: view.zoom,
    minZoom: 3,
    maxZoom: 9,
    // Never past the base map's edge (a pan or zoom-out would show empty sea where land should be).
    maxBounds: [
      [MAP_EXTENT[0], MAP_EXTENT[1]],
      [MAP_EXTENT[2], MAP_EXTENT[3]],
    ],
    attributionControl: { compact: true, customAttribution: attribution(lang0) },
    fadeDuration: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    cooperativeGestures: opts.cooperativeGestures,
    locale: mapLocale(lang0),
    canvasContextAttributes: { preserveDrawingBuffer: false, antialias: false },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  labelControls(map, lang0);

  const ctx: LayerContext = {
    map,
    data: opts.data,
    basemap: opts.basemap,
    onSiteClick: opts.onSiteClick,
    reserved: opts.reserved,
    measure: opts.measure,
    frame: opts.frame,
  };
  const layers = LAYERS.map((make) => make());
  let current = { scene: opts.scene, selected: opts.selected };
  let lang = lang0;
  // A frame is on its way (the next idle reports the scene); without one the canvas already shows it.
  let frameDue = false;
  let applyFrame = 0;
  const relabel = () => {
    if (current.scene.lang === lang) return;
    lang = current.scene.lang;
    labelControls(map, lang);
  };
  const apply = (force = false) => {
    const { scene, selected } = current;
    relabel();
    let drew = force;
    for (const layer of layers) if (layer.apply(ctx, scene, selected)) drew = true;
    // Most slider steps change no site, zone or label: then the map draws nothing new and the step
    // costs no frame (issue 8). The scene is reported as drawn at once, or by the idle already due.
    if (drew) {
      frameDue = true;
      map.triggerRepaint();
    } else if (!frameDue) {
      opts.onDrawn(scene, selected);
    }
  };
  const onIdle = () => {
    frameDue = false;
    opts.onDrawn(current.scene, current.selected);
  };

  return new Promise((resolve, reject) => {
    let loaded = false;
    map.on('error', (e) => {
      if (loaded) {
        // After the first draw an error (a tile the worker could not cut, say) is not fatal: the map
        // keeps what it has drawn. Said once in the console, not thrown.
        console.warn('map:', e.error?.message ?? 'error');
        return;
      }
      // Before it: the caller switches to the SVG map; the half-built engine (canvas, worker) goes.
      try {
        map.remove();
      } catch {
        // Already torn down.
      }
      reject(e.error ?? new Error('map error'));
    });
    map.on('load', () => {
      loaded = true;
      // The attribution starts folded on small screens, where it would cover the map's south.
      if (container.clientWidth < 640) {
        container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      }
      for (const layer of layers) layer.add(ctx, current.scene);
      for (const id of layers.flatMap((l) => l.onTop ?? [])) map.moveLayer(id);
      apply(true);
      map.on('idle', onIdle);
      map.on('moveend', () => opts.onCamera());
      // Until the reader pans or zooms, the map keeps fitting the region when its box changes size
      // (web fonts arriving, a rotated phone, the host resizing the frame).
      let readerMoved = false;
      map.on('movestart', (e: { originalEvent?: unknown }) => {
        if (e.originalEvent) readerMoved = true;
      });
      map.on('resize', () => {
        if (readerMoved) return;
        const v = fitView(container.clientWidth, container.clientHeight);
        map.jumpTo({ center: v.center, zoom: v.zoom });
      });
      map.getCanvas().addEventListener('webglcontextlost', () => opts.onFailure('webgl-context-lost'));
      // For the label test (tests/browser/labels.test.ts): the labels MapLibre drew, and where. Not a
      // channel between parts: nothing in the app reads it.
      Object.defineProperty(container, 'renderedLabels', {
        configurable: true,
        value: () =>
          map.queryRenderedFeatures({ layers: ['labels'] }).map((f) => {
            const at = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
            return { ...f.properties, x: at.x, y: at.y };
          }),
      });
      const mapView: MapView = {
        map,
        show(scene, selected) {
          if (scene === current.scene && selected === current.selected) return;
          current = { scene, selected };
          // The controls' names follow the language at once (the page's texts change in this task too).
          relabel();
          // Once a frame, like the SVG map: a drag sends several steps a frame, and the map draws the
          // last; the slider's input handler then does not wait for the label layout (issue 12).
          applyFrame ||= requestAnimationFrame(() => {
            applyFrame = 0;
            apply();
          });
        },
        refresh() {
          apply();
        },
        view() {
          const c = map.getCenter();
          return { center: [c.lng, c.lat], zoom: map.getZoom() };
        },
        showCamera(center, zoom) {
          const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
          if (reduce) map.jumpTo({ center, zoom });
          else map.flyTo({ center, zoom, duration: 1200 });
        },
        resetView() {
          const v = fitView(container.clientWidth, container.clientHeight);
          mapView.showCamera(v.center, v.zoom);
        },
        destroy() {
          if (applyFrame) cancelAnimationFrame(applyFrame);
          applyFrame = 0;
          map.remove();
        },
      };
      resolve(mapView);
    });
  });
}
