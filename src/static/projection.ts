/**
 * The SVG map's camera: the same Web Mercator view as the WebGL map (src/state/view.ts), so the
 * prerendered SVG lines up pixel for pixel with the MapLibre map that replaces it.
 */
import {
  type GeoPath,
  type GeoPermissibleObjects,
  type GeoStream,
  geoClipRectangle,
  geoMercator,
  geoPath,
} from 'd3-geo';
import { fitView, mercatorScale } from '../state/view.ts';

/** A projection to pixels plus geoPath factories that draw in it. */
export interface StaticProjection {
  /** [lon, lat] → [x, y] in pixels, or null if it cannot be projected. */
  point: (lonLat: readonly [number, number]) => [number, number] | null;
  /** An SVG path-data generator; minDist (px) drops vertices closer than that to the last one kept. */
  path: (minDist?: number) => GeoPath<unknown, GeoPermissibleObjects>;
}

/** The fitted camera for a width × height viewport, with planar clipping just outside the edges. */
export function staticProjection(width: number, height: number): StaticProjection {
  const { center, zoom } = fitView(width, height);
  const mercator = geoMercator()
    .scale(mercatorScale(zoom))
    .center(center)
    .translate([width / 2, height / 2]);
  // MapLibre joins vertices with straight lines in Mercator space; d3's spherical pipeline would bend long
  // edges into great circles and needs d3's own ring winding. So project each vertex and clip in the plane.
  const pad = 4; // px beyond the edge, so clipped strokes do not show at the border
  const clip = geoClipRectangle(-pad, -pad, width + pad, height + pad);
  const point = (p: readonly [number, number]): [number, number] | null => mercator([p[0], p[1]]);

  const path = (minDist = 0) => {
    const min2 = minDist * minDist;
    const stream = (out: GeoStream): GeoStream => {
      const sink = clip(out);
      // Drops vertices that would land within minDist of the last one kept: the result is the same at
      // screen resolution and a fraction of the size. Ring and line ends are always kept.
      let last: [number, number] | null = null;
      let pending: [number, number] | null = null;
      return {
        point(x, y) {
          const p = mercator([x, y]);
          if (!p) return;
          if (last && (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 < min2) {
            pending = p;
            return;
          }
          sink.point(p[0], p[1]);
          last = p;
          pending = null;
        },
        lineStart() {
          last = null;
          pending = null;
          sink.lineStart();
        },
        lineEnd() {
          if (pending) sink.point(pending[0], pending[1]);
          last = null;
          pending = null;
          sink.lineEnd();
        },
        polygonStart: () => sink.polygonStart(),
        polygonEnd: () => sink.polygonEnd(),
        sphere: () => sink.sphere?.(),
      };
    };
    return geoPath({ stream }).digits(1);
  };
  return { point, path };
}
