/**
 * Where MapLibre's worker script is, and a way to fetch it early (issue 8). map-view.ts points the
 * engine at it; render/warm.ts prefetches it into the HTTP cache, where the worker (created once the
 * engine has run) finds it, so that it downloads alongside the engine instead of after it. A module of
 * its own because it names the engine's file: the app's entry chunk must not, or a map embedded far
 * below the fold would look as if it fetched MapLibre at once.
 */
import workerAsset from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** The worker script's absolute URL. */
export function engineWorkerUrl(): string {
  return new URL(workerAsset, document.baseURI).href;
}

/** Starts the download (read to the end, so that it is cached whole); never throws. */
export function prefetchEngineWorker(): void {
  // A plain fetch: a <link rel=preload> would be reported as unused, since workers do not take preloads.
  fetch(engineWorkerUrl())
    .then((r) => r.arrayBuffer())
    .catch(() => {});
}
