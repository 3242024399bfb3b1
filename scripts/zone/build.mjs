/**
 * Builds the geometry of the north-east Syria zone (facts.md §3): the Hasakah and Raqqa governorates plus the
 * part of Deir ez-Zor east of the Euphrates, from the base-map files, clipped to Syria's outline. It is an
 * editorial approximation, not a control line.
 *
 * Editors own the properties: this script reads public/geo/ne-syria-threat-zone.geojson, keeps every property
 * and every non-zone feature (e.g. the al-Hol camp point) as they are, and replaces only the zone geometry.
 *
 *   npm run geo:zone          rebuild the geometry in place
 *   npm run geo:zone -- --check   fail (exit 1) if the file's geometry differs from a fresh build
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import polygonClipping from 'polygon-clipping';

/** @typedef {[number, number]} Pos [lon, lat] */
/** @typedef {[number, number, number, number]} Box [west, south, east, north] */
/** @typedef {Pos[][][]} Multi polygons of rings, as polygon-clipping takes and returns them */
/** A base-map or fact file, read as JSON (its shape is checked where it is used). @typedef {{ features: any[] }} Collection */

const root = fileURLToPath(new URL('../../', import.meta.url));
const ZONE_FILE = `${root}public/geo/ne-syria-threat-zone.geojson`;
const ADMIN1 = `${root}public/geo/basemap/admin1.geojson`;
const RIVERS = `${root}public/geo/basemap/rivers.geojson`;
const COUNTRIES = `${root}public/geo/basemap/countries.geojson`;

/** ISO 3166-2 ids of the governorates in the base map (Natural Earth admin-1). */
const WHOLE = ['SY-HA', 'SY-RA'];
const CUT = 'SY-DY';
/** Margin (degrees) around Deir ez-Zor for the box that closes the river line on its east side. */
const MARGIN = 0.3;
const DECIMALS = 5;

/** @type {(path: string) => any} */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** @param {Collection} admin1 @param {string} id @returns {Multi} */
function governorate(admin1, id) {
  const f = admin1.features.find((x) => (x.id ?? x.properties?.id) === id);
  if (!f) throw new Error(`admin1.geojson has no feature "${id}"`);
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Syria's outline: admin-1 and admin-0 come from different Natural Earth layers, so the zone is clipped to it. */
/** @param {Collection} countries @returns {Multi} */
function syria(countries) {
  const f = countries.features.find((x) => (x.id ?? x.properties?.id) === 'SY');
  if (!f) throw new Error('countries.geojson has no feature "SY"');
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** @param {Collection} rivers @returns {Pos[]} */
function euphrates(rivers) {
  const f = rivers.features.find((x) => x.properties?.name?.en === 'Euphrates');
  if (!f) throw new Error('rivers.geojson has no feature with name.en "Euphrates"');
  if (f.geometry.type === 'LineString') return f.geometry.coordinates;
  // A MultiLineString: join the parts end to start, in file order.
  return f.geometry.coordinates.flat();
}

/** @param {Multi} multi @returns {Box} */
function bboxOf(multi) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of multi)
    for (const ring of poly)
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
  return [w, s, e, n];
}

/** @type {(p: Pos, box: Box) => boolean} */
const inside = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;

/** Where the segment a→b (a inside, b outside, or the reverse) crosses the box edge. */
/** @param {Pos} a @param {Pos} b @param {Box} box @returns {Pos} */
function edgeCrossing(a, b, [w, s, e, n]) {
  /** @type {{ t: number, p: Pos } | null} */
  let best = null;
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const tries = [
    [dx, w - a[0]],
    [dx, e - a[0]],
    [dy, s - a[1]],
    [dy, n - a[1]],
  ];
  for (const [d, off] of /** @type {[number, number][]} */ (tries)) {
    if (d === 0) continue;
    const t = off / d;
    if (t < 0 || t > 1) continue;
    /** @type {Pos} */
    const p = [a[0] + t * dx, a[1] + t * dy];
    if (inside(p, [w - 1e-9, s - 1e-9, e + 1e-9, n + 1e-9]) && (best === null || t < best.t)) best = { t, p };
  }
  return /** @type {{ p: Pos }} */ (best).p;
}

/** The longest run of the line inside the box, with its ends moved onto the box edge. */
/** @param {Pos[]} line @param {Box} box */
function clipLine(line, box) {
  /** @type {Pos[][]} */
  const runs = [];
  /** @type {Pos[] | null} */
  let run = null;
  for (let i = 0; i < line.length; i++) {
    const p = /** @type {Pos} */ (line[i]);
    const prev = line[i - 1];
    if (inside(p, box)) {
      if (!run) run = prev ? [edgeCrossing(p, prev, box)] : [p];
      run.push(p);
    } else if (run) {
      run.push(edgeCrossing(/** @type {Pos} */ (prev), p, box));
      runs.push(run);
      run = null;
    }
  }
  if (run) runs.push(run);
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  if (!longest) throw new Error('the Euphrates does not cross Deir ez-Zor');
  return longest;
}

/** Position of a point on the box edge, counter-clockwise from the south-west corner: 0..4. */
/** @param {Pos} p @param {Box} box */
function perimeterT([x, y], [w, s, e, n]) {
  const eps = 1e-9;
  if (Math.abs(y - s) < eps) return (x - w) / (e - w);
  if (Math.abs(x - e) < eps) return 1 + (y - s) / (n - s);
  if (Math.abs(y - n) < eps) return 2 + (e - x) / (e - w);
  if (Math.abs(x - w) < eps) return 3 + (n - y) / (n - s);
  throw new Error(`river end ${x},${y} is not on the box edge (does the line end inside Deir ez-Zor?)`);
}

/**
 * A polygon of everything on the east (left, north-east) side of the river inside the box: the river run,
 * then along the box edge back to its start the way that does not pass the south-west corner, which lies on
 * the river's west bank (the Shamiyah) for a river flowing from north-west to south-east.
 */
/** @param {Pos[]} run @param {Box} box @returns {Multi} */
function eastOfRiver(run, box) {
  const [w, s, e, n] = box;
  /** @type {[number, Pos][]} */
  const corners = [
    [0, [w, s]],
    [1, [e, s]],
    [2, [e, n]],
    [3, [w, n]],
  ];
  const first = /** @type {Pos} */ (run[0]);
  const tEnd = perimeterT(/** @type {Pos} */ (run[run.length - 1]), box);
  const tStart = perimeterT(first, box);
  const ccw = (/** @type {number} */ t) => (t - tEnd + 4) % 4;
  const span = ccw(tStart);
  const viaCcw = corners.filter(([t]) => ccw(t) > 0 && ccw(t) < span).sort((a, b) => ccw(a[0]) - ccw(b[0]));
  const passesSw = viaCcw.some(([t]) => t === 0);
  const path = passesSw
    ? corners.filter(([t]) => !viaCcw.some(([u]) => u === t)).sort((a, b) => ccw(b[0]) - ccw(a[0]))
    : viaCcw;
  const ring = [...run, ...path.map(([, p]) => p), first];
  return [[ring]];
}

const round = (/** @type {number} */ n) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * @param {Multi} multi
 * @returns {import('geojson').Polygon | import('geojson').MultiPolygon}
 */
function roundGeometry(multi) {
  /** @type {Multi} */
  const polys = [];
  for (const poly of multi) {
    /** @type {Pos[][]} */
    const rings = [];
    for (const ring of poly) {
      /** @type {Pos[]} */
      const out = [];
      for (const [x, y] of ring) {
        /** @type {Pos} */
        const p = [round(x), round(y)];
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      const [first, last] = /** @type {[Pos, Pos]} */ ([out[0], out[out.length - 1]]);
      if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
      if (out.length >= 4) rings.push(out);
    }
    if (rings.length > 0) polys.push(rings);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: /** @type {Pos[][]} */ (polys[0]) }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** The zone geometry from the base map: ((Hasakah ∪ Raqqa) ∪ (Deir ez-Zor ∩ east of the Euphrates)) ∩ Syria. */
/** @param {Collection} admin1 @param {Collection} rivers @param {Collection} countries */
export function buildZoneGeometry(admin1, rivers, countries) {
  const dez = governorate(admin1, CUT);
  const [w, s, e, n] = bboxOf(dez);
  /** @type {Box} */
  const box = [w - MARGIN, s - MARGIN, e + MARGIN, n + MARGIN];
  const east = polygonClipping.intersection(dez, eastOfRiver(clipLine(euphrates(rivers), box), box));
  const [firstWhole, ...restWhole] = WHOLE.map((id) => governorate(admin1, id));
  const union = polygonClipping.union(/** @type {Multi} */ (firstWhole), ...restWhole, east);
  return roundGeometry(polygonClipping.intersection(union, syria(countries)));
}

function main() {
  const check = process.argv.includes('--check');
  const file = readJson(ZONE_FILE);
  const geometry = buildZoneGeometry(readJson(ADMIN1), readJson(RIVERS), readJson(COUNTRIES));
  const zone = file.features.find((/** @type {any} */ f) => f.properties?.role === 'zone');
  if (!zone) throw new Error(`${ZONE_FILE} has no feature with properties.role "zone"`);
  if (check) {
    const same = JSON.stringify(zone.geometry) === JSON.stringify(geometry);
    if (!same) {
      console.error('ne-syria-threat-zone.geojson: the zone geometry is out of date; run `npm run geo:zone`');
      process.exit(1);
    }
    console.info('ne-syria-threat-zone.geojson: zone geometry is up to date');
    return;
  }
  zone.geometry = geometry;
  const json = JSON.stringify(file, null, 2).replace(/\[\s+(-?[\d.eE+-]+),\s+(-?[\d.eE+-]+)\s+\]/g, '[$1, $2]');
  writeFileSync(ZONE_FILE, `${json}\n`);
  const parts = geometry.type === 'Polygon' ? 1 : geometry.coordinates.length;
  console.info(`ne-syria-threat-zone.geojson: wrote ${geometry.type} (${parts} part(s)); properties unchanged`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
