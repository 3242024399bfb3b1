/**
 * Whether to try the WebGL map at all: true when the browser has the WebGL2 API that maplibre-gl 6
 * needs. No context is created here. Creating one waits on the GPU process (about 2 s of the main
 * thread on the bench's phone profile with a software renderer), and MapLibre creates its own right
 * after: a probe context paid that cost twice and made the WebGL map ~1.5× later than a plain MapLibre
 * page (issue 12). Where the API is there but no context can be had, the map's constructor fails with
 * a GPUInitializationError and the render host falls back with the same reason, `no-webgl`
 * (map/map-view.ts `NoWebglError`).
 */
export function webglSupported(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}
