/** The fitted camera: the region in view, never a pixel past the base map's edge; the scale bar for it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { SCALE_BAR_MAX, scaleBar } from '../../src/render/frame.ts';
import { fitView, isFitted, MAP_EXTENT, mercatorScale, REGION_BOUNDS, viewForFrame } from '../../src/state/view.ts';

const manifest = JSON.parse(readFileSync('public/geo/basemap/manifest.json', 'utf8'));
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const rad = (deg: number) => (deg * Math.PI) / 180;

/** The frame's edges in web-Mercator radians. */
function frame(width: number, height: number) {
  const v = fitView(width, height);
  const k = mercatorScale(v.zoom);
  const cx = rad(v.center[0]);
  const cy = mercY(v.center[1]);
  return { west: cx - width / 2 / k, east: cx + width / 2 / k, south: cy - height / 2 / k, north: cy + height / 2 / k };
}

const SIZES: [number, number][] = [
  [360, 396],
  [412, 453],
  [768, 480],
  [950, 440],
  [1110, 440],
  [1400, 500],
  [2400, 1500],
  [600, 900],
];

describe('fitView', () => {
  it('uses the base map’s own extent', () => {
    const { west, south, east, north } = manifest.box;
    expect(MAP_EXTENT).toEqual([west, south, east, north]);
  });

  it.each(SIZES)('never shows past the base map at %i × %i', (w, h) => {
    const f = frame(w, h);
    const eps = 1e-6;
    expect(f.west).toBeGreaterThanOrEqual(rad(MAP_EXTENT[0]) - eps);
    expect(f.east).toBeLessThanOrEqual(rad(MAP_EXTENT[2]) + eps);
    expect(f.south).toBeGreaterThanOrEqual(mercY(MAP_EXTENT[1]) - eps);
    expect(f.north).toBeLessThanOrEqual(mercY(MAP_EXTENT[3]) + eps);
  });

  it.each(SIZES)('keeps Iraq and Syria in view at %i × %i', (w, h) => {
    // The region box has a margin of about a degree; where the frame is wide and low the margin is
    // trimmed, never the countries (Syria's west coast 35.7°E, Iraq's south-east 48.6°E, 29.1–37.4°N).
    const f = frame(w, h);
    expect(f.west).toBeLessThanOrEqual(rad(35.7));
    expect(f.east).toBeGreaterThanOrEqual(rad(REGION_BOUNDS[2] - 0.1));
    expect(f.south).toBeLessThanOrEqual(mercY(29.6));
    expect(f.north).toBeGreaterThanOrEqual(mercY(37.3));
  });
});

describe('scaleBar', () => {
  it.each([
    [360, 340],
    [950, 440],
    [1400, 500],
  ])('is a round length no longer than its box, true to Turf at the centre of the %i × %i view', (w, h) => {
    const view = fitView(w, h);
    const { km, px } = scaleBar(view);
    expect(px).toBeLessThanOrEqual(SCALE_BAR_MAX);
    expect(px).toBeGreaterThan(SCALE_BAR_MAX / 3);
    expect([1, 2, 5, 10, 20, 25, 50, 100, 150, 200, 250, 300, 500, 1000]).toContain(km);
    // px pixels east of the centre, measured on the ground along the parallel.
    const k = mercatorScale(view.zoom);
    const dLon = (px / k) * (180 / Math.PI);
    const [lon, lat] = view.center;
    const ground = distance([lon, lat], [lon + dLon, lat], { units: 'kilometers' });
    expect(Math.abs(ground - km) / km).toBeLessThan(0.02);
  });
});

describe('a camera for another frame (the image export)', () => {
  it('knows the fitted view from a moved one', () => {
    const fit = fitView(412, 500);
    expect(isFitted(fit, 412, 500)).toBe(true);
    expect(isFitted({ center: fit.center, zoom: fit.zoom + 0.5 }, 412, 500)).toBe(false);
    expect(isFitted({ center: [fit.center[0] + 0.5, fit.center[1]], zoom: fit.zoom }, 412, 500)).toBe(false);
  });

  it('keeps the centre and zooms so that the whole of the smaller frame fits in the larger one', () => {
    const view = { center: [44.4, 33.3] as [number, number], zoom: 6.2 };
    for (const from of [
      { width: 412, height: 500 },
      { width: 1000, height: 560 },
      { width: 360, height: 240 },
    ]) {
      const to = { width: 1200, height: 720 };
      const next = viewForFrame(view, from, to);
      expect(next.center[0]).toBeCloseTo(view.center[0], 9);
      expect(next.center[1]).toBeCloseTo(view.center[1], 9);
      // The from frame's half-extent in radians, at each camera: it must fit inside the image's.
      const half = (px: number, zoom: number) => px / 2 / mercatorScale(zoom);
      expect(half(from.width, view.zoom)).toBeLessThanOrEqual(half(to.width, next.zoom) + 1e-12);
      expect(half(from.height, view.zoom)).toBeLessThanOrEqual(half(to.height, next.zoom) + 1e-12);
      // And it is the tightest such camera: one side fits exactly.
      const exact = Math.min(
        Math.abs(half(from.width, view.zoom) - half(to.width, next.zoom)),
        Math.abs(half(from.height, view.zoom) - half(to.height, next.zoom)),
      );
      expect(exact).toBeLessThan(1e-9);
    }
  });

  it('never reaches past the base map: moved inwards at an edge, never wider than the fitted view', () => {
    const to = { width: 1200, height: 720 };
    const inside = (v: { center: [number, number]; zoom: number }) => {
      const s = mercatorScale(v.zoom);
      const x = (v.center[0] * Math.PI) / 180;
      const y = Math.log(Math.tan(Math.PI / 4 + (v.center[1] * Math.PI) / 360));
      const [w, so, e, n] = MAP_EXTENT.map((d, i) => (i % 2 === 0 ? (d * Math.PI) / 180 : d)) as number[];
      const ys = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
      return (
        x - to.width / 2 / s >= w! - 1e-9 &&
        x + to.width / 2 / s <= e! + 1e-9 &&
        y - to.height / 2 / s >= ys(so!) - 1e-9 &&
        y + to.height / 2 / s <= ys(n!) + 1e-9
      );
    };
    // A tall phone map zoomed in near the eastern edge: the wide image would show past 57°E.
    const east = viewForFrame({ center: [55.5, 33], zoom: 6 }, { width: 360, height: 600 }, to);
    expect(inside(east)).toBe(true);
    expect(east.center[0]).toBeLessThan(55.5);
    // A large desktop map at its widest: the image stops at the fitted view.
    const wide = viewForFrame(fitView(1900, 1000), { width: 1900, height: 1000 }, to);
    expect(wide.zoom).toBeGreaterThanOrEqual(fitView(to.width, to.height).zoom);
    expect(inside(wide)).toBe(true);
  });
});
