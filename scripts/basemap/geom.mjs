// Small geometry helpers for the base-map build: rounding, cleaning, clipping lines, distances.

/** 4 decimals = about 11 m at these latitudes, well under the simplification tolerance. */
export const DECIMALS = 4;
const FACTOR = 10 ** DECIMALS;

export function round(v) {
  const r = Math.round(v * FACTOR) / FACTOR;
  return r === 0 ? 0 : r; // no -0 in the output
}

function roundLine(coords) {
  const out = [];
  for (const [x, y] of coords) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

function cleanRing(ring) {
  const r = roundLine(ring);
  if (r.length > 1) {
    const [f, l] = [r[0], r[r.length - 1]];
    if (f[0] !== l[0] || f[1] !== l[1]) r.push([f[0], f[1]]);
  }
  return r.length >= 4 && ringArea(r) !== 0 ? r : null;
}

/** Positive ring area means counter-clockwise. RFC 7946: outer rings counter-clockwise, holes clockwise. */
function orient(ring, ccw) {
  return ringArea(ring) > 0 === ccw ? ring : ring.reverse();
}

function cleanPolygon(rings) {
  const outer = cleanRing(rings[0]);
  if (!outer) return null;
  const holes = rings.slice(1).map(cleanRing).filter(Boolean);
  return [orient(outer, true), ...holes.map((h) => orient(h, false))];
}

/** Rounds every coordinate, drops repeated points and degenerate parts; null when nothing is left. */
export function cleanGeometry(g) {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [round(g.coordinates[0]), round(g.coordinates[1])] };
    case 'LineString':
    case 'MultiLineString': {
      const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates)
        .map(roundLine)
        .filter((l) => l.length >= 2);
      if (lines.length === 0) return null;
      return lines.length === 1
        ? { type: 'LineString', coordinates: lines[0] }
        : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(cleanPolygon).filter(Boolean);
      if (polys.length === 0) return null;
      return polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0] }
        : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new Error(`unexpected geometry type ${g.type}`);
  }
}

/** Liang–Barsky clip of one segment to the box; null when it lies outside. */
function clipSegment([x0, y0], [x1, y1], [w, s, e, n]) {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  for (const [p, q] of [
    [-dx, x0 - w],
    [dx, e - x0],
    [-dy, y0 - s],
    [dy, n - y0],
  ]) {
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

/** Clips a polyline to the box; a line that leaves and re-enters comes back as several pieces. */
export function clipLine(coords, box) {
  const pieces = [];
  let cur = null;
  for (let i = 1; i < coords.length; i++) {
    const seg = clipSegment(coords[i - 1], coords[i], box);
    if (!seg) {
      cur = null;
      continue;
    }
    const last = cur?.[cur.length - 1];
    if (!cur || last[0] !== seg[0][0] || last[1] !== seg[0][1]) {
      cur = [seg[0]];
      pieces.push(cur);
    }
    cur.push(seg[1]);
  }
  return pieces;
}

/** Great-circle distance in km (mean Earth radius 6371.0088 km). */
export function haversineKm([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Shortest distance in km from a point to a polyline, on a local equirectangular plane (fine below ~100 km). */
export function pointLineKm(pt, line) {
  const kx = Math.cos((pt[1] * Math.PI) / 180) * 111.32;
  const ky = 110.57;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = [(line[i - 1][0] - pt[0]) * kx, (line[i - 1][1] - pt[1]) * ky];
    const [bx, by] = [(line[i][0] - pt[0]) * kx, (line[i][1] - pt[1]) * ky];
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/** Even-odd point-in-polygon over all rings of a Polygon or MultiPolygon. */
export function pointInPolygon(pt, g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/** [west, south, east, north] of any geometry. */
export function bounds(g) {
  const b = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
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

export function intersects(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
