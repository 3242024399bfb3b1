// Small geometry helpers for the base-map build: rounding, cleaning, clipping lines, distances.

/** @typedef {[number, number]} Pos a position, [lon, lat] */
/** @typedef {[number, number, number, number]} Box [west, south, east, north] */
/** @typedef {Pos[]} Line */
/** @typedef {import('geojson').Geometry} Geometry */

/** 4 decimals = about 11 m at these latitudes, well under the simplification tolerance. */
export const DECIMALS = 4;
const FACTOR = 10 ** DECIMALS;

/** @param {number} v */
export function round(v) {
  const r = Math.round(v * FACTOR) / FACTOR;
  return r === 0 ? 0 : r; // no -0 in the output
}

/** @param {Pos[]} coords */
function roundLine(coords) {
  /** @type {Pos[]} */
  const out = [];
  for (const [x, y] of coords) {
    /** @type {Pos} */
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** @param {Pos[]} ring */
function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = /** @type {Pos} */ (ring[i]);
    const pj = /** @type {Pos} */ (ring[j]);
    a += (pj[0] - pi[0]) * (pj[1] + pi[1]);
  }
  return a / 2;
}

/** @param {Pos[]} ring @returns {Pos[] | null} */
function cleanRing(ring) {
  const r = roundLine(ring);
  if (r.length > 1) {
    const [f, l] = /** @type {[Pos, Pos]} */ ([r[0], r[r.length - 1]]);
    if (f[0] !== l[0] || f[1] !== l[1]) r.push([f[0], f[1]]);
  }
  return r.length >= 4 && ringArea(r) !== 0 ? r : null;
}

/** Positive ring area means counter-clockwise. RFC 7946: outer rings counter-clockwise, holes clockwise. */
/** @param {Pos[]} ring @param {boolean} ccw */
function orient(ring, ccw) {
  return ringArea(ring) > 0 === ccw ? ring : ring.reverse();
}

/** @param {Pos[][]} rings @returns {Pos[][] | null} */
function cleanPolygon(rings) {
  const outer = cleanRing(/** @type {Pos[]} */ (rings[0]));
  if (!outer) return null;
  const holes = /** @type {Pos[][]} */ (rings.slice(1).map(cleanRing).filter(Boolean));
  return [orient(outer, true), ...holes.map((h) => orient(h, false))];
}

/**
 * Rounds every coordinate, drops repeated points and degenerate parts; null when nothing is left.
 * @param {Geometry | null | undefined} g
 * @returns {Geometry | null}
 */
export function cleanGeometry(g) {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return {
        type: 'Point',
        coordinates: [round(/** @type {number} */ (g.coordinates[0])), round(/** @type {number} */ (g.coordinates[1]))],
      };
    case 'LineString':
    case 'MultiLineString': {
      const lines = /** @type {Pos[][]} */ (g.type === 'LineString' ? [g.coordinates] : g.coordinates)
        .map(roundLine)
        .filter((l) => l.length >= 2);
      if (lines.length === 0) return null;
      return lines.length === 1
        ? { type: 'LineString', coordinates: /** @type {Pos[]} */ (lines[0]) }
        : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = /** @type {Pos[][][]} */ (
        /** @type {Pos[][][]} */ (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
          .map(cleanPolygon)
          .filter(Boolean)
      );
      if (polys.length === 0) return null;
      return polys.length === 1
        ? { type: 'Polygon', coordinates: /** @type {Pos[][]} */ (polys[0]) }
        : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new Error(`unexpected geometry type ${g.type}`);
  }
}

/**
 * Liang–Barsky clip of one segment to the box; null when it lies outside.
 * @param {Pos} a @param {Pos} b @param {Box} box
 * @returns {[Pos, Pos] | null}
 */
function clipSegment([x0, y0], [x1, y1], [w, s, e, n]) {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  for (const [p, q] of /** @type {[number, number][]} */ ([
    [-dx, x0 - w],
    [dx, e - x0],
    [-dy, y0 - s],
    [dy, n - y0],
  ])) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return null;
    }
  }
  return [
    [x0 + t0 * dx, y0 + t0 * dy],
    [x0 + t1 * dx, y0 + t1 * dy],
  ];
}

/**
 * Clips a polyline to the box; a line that leaves and re-enters comes back as several pieces.
 * @param {Pos[]} coords @param {Box} box
 */
export function clipLine(coords, box) {
  /** @type {Pos[][]} */
  const pieces = [];
  /** @type {Pos[] | null} */
  let cur = null;
  for (let i = 1; i < coords.length; i++) {
    const seg = clipSegment(/** @type {Pos} */ (coords[i - 1]), /** @type {Pos} */ (coords[i]), box);
    if (!seg) {
      cur = null;
      continue;
    }
    const last = /** @type {Pos} */ (cur?.[cur.length - 1]);
    if (!cur || last[0] !== seg[0][0] || last[1] !== seg[0][1]) {
      cur = [seg[0]];
      pieces.push(cur);
    }
    cur.push(seg[1]);
  }
  return pieces;
}

/** Great-circle distance in km (mean Earth radius 6371.0088 km). @param {Pos} a @param {Pos} b */
export function haversineKm([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Shortest distance in km from a point to a polyline, on a local equirectangular plane (fine below ~100 km).
 * @param {Pos} pt @param {Pos[]} line
 */
export function pointLineKm(pt, line) {
  const kx = Math.cos((pt[1] * Math.PI) / 180) * 111.32;
  const ky = 110.57;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const a = /** @type {Pos} */ (line[i - 1]);
    const b = /** @type {Pos} */ (line[i]);
    const [ax, ay] = [(a[0] - pt[0]) * kx, (a[1] - pt[1]) * ky];
    const [bx, by] = [(b[0] - pt[0]) * kx, (b[1] - pt[1]) * ky];
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/**
 * Even-odd point-in-polygon over all rings of a Polygon or MultiPolygon.
 * @param {Pos} pt @param {import('geojson').Polygon | import('geojson').MultiPolygon} g
 */
export function pointInPolygon(pt, g) {
  const polys = /** @type {Pos[][][]} */ (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  return polys.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = /** @type {Pos} */ (ring[i]);
        const [xj, yj] = /** @type {Pos} */ (ring[j]);
        if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/**
 * [west, south, east, north] of any geometry.
 * @param {Exclude<Geometry, import('geojson').GeometryCollection>} g
 * @returns {Box}
 */
export function bounds(g) {
  /** @type {Box} */
  const b = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  /** @param {any} c */
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(walk);
  };
  walk(g.coordinates);
  return b;
}

/** Whether two boxes overlap. @param {Box} a @param {Box} b */
export function intersects(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
