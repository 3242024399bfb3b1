/**
 * The initial camera, shared by the WebGL map and the SVG map so that one replaces the other
 * without a jump. Web Mercator with MapLibre's 512-px tiles: pixels per radian = 512 * 2^zoom / 2π.
 */

/** Iraq and Syria with a margin (west, south, east, north), in degrees. */
export const REGION_BOUNDS: [number, number, number, number] = [35.4, 29.4, 48.6, 37.9];

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
  const scale = Math.min(availW / dx, availH / dy); // pixels per radian
  const zoom = Math.log2((scale * 2 * Math.PI) / TILE);
  const center: [number, number] = [(w + e) / 2, unmercY((mercY(n) + mercY(s)) / 2)];
  return { center, zoom: Math.round(zoom * 1000) / 1000 };
}

/** Pixels per radian at a zoom (the d3-geo Mercator scale that matches MapLibre). */
export function mercatorScale(zoom: number): number {
  return (TILE * 2 ** zoom) / (2 * Math.PI);
}
