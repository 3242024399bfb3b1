/**
 * The camera both renderers share: the same Web Mercator view as the WebGL map (src/state/view.ts), so
 * the SVG map lines up pixel for pixel with the MapLibre map that replaces it, and the label layout
 * (label-layout.ts) computed in it holds for both.
 */
import {
  type GeoPath,
  type GeoPermissibleObjects,
  type GeoStream,
  geoClipRectangle,
  geoMercator,
  geoPath,
} from 'd3-geo';
import { fitView, mercatorScale, type View } from '../state/view.ts';
import { simplify } from './simplify.ts';

/** A projection to pixels plus geoPath factories that draw in it. */
export interface StaticProjection {
  /** [lon, lat] → [x, y] in pixels, or null if it cannot be projected. */
  point: (lonLat: readonly [number, number]) => [number, number] | null;
  /** [x, y] in pixels → [lon, lat]. */
  invert: (xy: readonly [number, number]) => [number, number];
  /** An SVG path-data generator; tolerance (px) simplifies lines and rings by Douglas–Peucker. */
  path: (tolerance?: number) => GeoPath<unknown, GeoPermissibleObjects>;
}

/**
 * A width × height viewport at a camera (default: the fitted regional view), with planar clipping just
 * outside the edges.
 */
export function staticProjection(width: number, height: number, view: View = fitView(width, height)): StaticProjection {
  const { center, zoom } = view;
  const mercator = geoMercator()
    .scale(mercatorScale(zoom))
    .center(center)
    .translate([width / 2, height / 2]);
  // MapLibre joins vertices with straight lines in Mercator space; d3's spherical pipeline would bend long
  // edges into great circles and needs d3's own ring winding. So project each vertex and clip in the plane.
  const pad = 4; // px beyond the edge, so clipped strokes do not show at the border
  const clip = geoClipRectangle(-pad, -pad, width + pad, height + pad);
  const point = (p: readonly [number, number]): [number, number] | null => mercator([p[0], p[1]]);

  const path = (tolerance = 0) => {
    const stream = (out: GeoStream): GeoStream => {
      const sink = clip(out);
      // Each line or ring is buffered, simplified at screen resolution, then clipped: the same picture
      // at a fraction of the bytes (the prerender is inlined in index.html).
      let line: [number, number][] | null = null;
      return {
        point(x, y) {
          const p = mercator([x, y]);
          if (!p) return;
          if (line) line.push(p);
          else sink.point(p[0], p[1]);
        },
        lineStart() {
          line = [];
        },
        lineEnd() {
          const pts = line ?? [];
          line = null;
          sink.lineStart();
          for (const p of tolerance > 0 ? simplify(pts, tolerance) : pts) sink.point(p[0], p[1]);
          sink.lineEnd();
        },
        polygonStart: () => sink.polygonStart(),
        polygonEnd: () => sink.polygonEnd(),
        sphere: () => sink.sphere?.(),
      };
    };
    // Whole pixels on a phone-sized frame (the phone prerender shares index.html's 60 KB first-paint
    // budget with the desktop one); tenths on larger frames.
    return geoPath({ stream }).digits(width < 500 ? 0 : 1);
  };
  const invert = (xy: readonly [number, number]): [number, number] => {
    const p = mercator.invert!([xy[0], xy[1]])!;
    return [p[0], p[1]];
  };
  return { point, invert, path };
}
