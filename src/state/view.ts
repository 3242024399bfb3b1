/**
 * The initial camera, shared by the WebGL map and the SVG map so that one replaces the other
 * without a jump. Web Mercator with MapLibre's 512-px tiles: pixels per radian = 512 * 2^zoom / 2π.
 */

/** Iraq and Syria with a margin (west, south, east, north), in degrees. */
export const REGION_BOUNDS: [number, number, number, number] = [35.4, 29.4, 48.6, 37.9];

/**
 * The base map's extent (public/geo/basemap/manifest.json `box`, from scripts/basemap/config.mjs; a
 * unit test holds the two together). No camera shows past it: beyond it there is no land to draw.
 */
export const MAP_EXTENT: [number, number, number, number] = [28, 24, 57, 43];

export interface View {
  center: [number, number];
  zoom: number;
}

const TILE = 512;

function mercY(lat: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + r / 2));
}

function unmercY(y: number): number {
  return ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;
}

/** The centre and zoom that fit bounds into a width × height viewport with padding (px). */
export function fitView(
  width: number,
  height: number,
  bounds: [number, number, number, number] = REGION_BOUNDS,
  padding = 8,
): View {
  const [w, s, e, n] = bounds;
  const dx = ((e - w) * Math.PI) / 180;
  const dy = mercY(n) - mercY(s);
  const availW = Math.max(1, width - 2 * padding);
  const availH = Math.max(1, height - 2 * padding);
  const [ew, es, ee, en] = MAP_EXTENT;
  const extentX = ((ee - ew) * Math.PI) / 180;
  const extentY = mercY(en) - mercY(es);
  // Fit the region, but never so far out that the frame reaches past the base map (a wide, low frame
  // would otherwise show empty sea east of Iran): then the region's margin is trimmed instead.
  const fit = Math.min(availW / dx, availH / dy);
  const scale = Math.max(fit, width / extentX, height / extentY); // pixels per radian
  // Rounded up, so that the rounding never lets the frame reach past the extent.
  const zoom = Math.ceil(Math.log2((scale * 2 * Math.PI) / TILE) * 1000) / 1000;
  // Centre on the region, moved inwards where half the frame would reach past the extent.
  return { center: insideExtent([(w + e) / 2, unmercY((mercY(n) + mercY(s)) / 2)], width, height, zoom), zoom };
}

/** A centre moved inwards so that a width × height frame at zoom does not reach past the base map's extent. */
function insideExtent(center: [number, number], width: number, height: number, zoom: number): [number, number] {
  const [ew, es, ee, en] = MAP_EXTENT;
  const s2 = mercatorScale(zoom);
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  const halfX = width / 2 / s2;
  const halfY = height / 2 / s2;
  const cx = clamp((center[0] / 180) * Math.PI, (ew / 180) * Math.PI + halfX, (ee / 180) * Math.PI - halfX);
  const cy = clamp(mercY(center[1]), mercY(es) + halfY, mercY(en) - halfY);
  return [(cx * 180) / Math.PI, unmercY(cy)];
}

/** Pixels per radian at a zoom (the d3-geo Mercator scale that matches MapLibre). */
export function mercatorScale(zoom: number): number {
  return (TILE * 2 ** zoom) / (2 * Math.PI);
}

/** True when a camera is the fitted view of a width × height frame (the reader has not panned or zoomed). */
export function isFitted(view: View, width: number, height: number): boolean {
  const fit = fitView(width, height);
  return (
    Math.abs(view.zoom - fit.zoom) < 1e-3 &&
    Math.abs(view.center[0] - fit.center[0]) < 1e-4 &&
    Math.abs(view.center[1] - fit.center[1]) < 1e-4
  );
}

/**
 * The camera that shows in a `to` frame what `view` shows in a `from` frame: the same centre, zoomed
 * so that all of the `from` frame's extent fits (the other side of the larger frame shows more). As
 * the reader's map, it never reaches past the base map: never wider than the `to` frame's fitted
 * view, and moved inwards at an edge. For the image export: the reader's zoomed view, 1200 px wide.
 */
export function viewForFrame(
  view: View,
  from: { width: number; height: number },
  to: { width: number; height: number },
): View {
  const k = Math.min(to.width / Math.max(1, from.width), to.height / Math.max(1, from.height));
  const zoom = Math.max(view.zoom + Math.log2(k), fitView(to.width, to.height).zoom);
  return { center: insideExtent(view.center, to.width, to.height, zoom), zoom };
}
