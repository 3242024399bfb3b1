/**
 * Starts the map engine's download while the data loads (issue 8): the map-view chunk (MapLibre and
 * the layer modules) is imported at once, MapLibre's worker script is fetched (map/engine-worker.ts) and
 * the engine starts its worker as soon as it has run (map/map-view.ts), so
 * the engine, its worker and the data arrive together instead of one after the other. Only where the WebGL
 * map is going to be drawn right away: an embed waits until it nears the viewport (render/host.ts), `static=1` never needs the engine, and a browser without WebGL2 gets the SVG map.
 */
import { peekFlags } from '../state/url-flags.ts';

/** Begins loading the engine for the page at search (location.search); never throws. */
export function warmUpMap(search: string): void {
  const { embed, forceStatic } = peekFlags(search);
  // An opaque-origin (sandboxed) frame cannot start MapLibre's worker: the host goes straight to SVG there.
  if (embed || forceStatic || typeof WebGL2RenderingContext === 'undefined' || window.origin === 'null') return;
  // A failure here is reported where the map is really started (render/host.ts imports it again).
  import('../map/map-view.ts').catch(() => {});
  import('../map/engine-worker.ts').then(({ prefetchEngineWorker }) => prefetchEngineWorker()).catch(() => {});
}
