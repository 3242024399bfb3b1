// Checks on the committed base map in public/geo/basemap/ (made by `npm run geo:basemap`).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../public/geo/basemap/', import.meta.url);
/** The region box [west, south, east, north] the base map is clipped to. */
const BOX = [28, 24, 57, 43] as const;
/** Budget for all base-map files together, gzip -9. */
const MAX_GZIP_BYTES = 250 * 1024;
const LAYERS = ['countries', 'borders', 'admin1', 'admin1-lines', 'kurdistan', 'rivers', 'lakes', 'cities'] as const;
type Layer = (typeof LAYERS)[number];
type Props = Record<string, unknown> & { id?: unknown; name?: unknown };
type Coll = FeatureCollection<Geometry, Props>;

const read = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');
const layer = (name: Layer): Coll => JSON.parse(read(`${name}.geojson`)) as Coll;
const byId = (name: Layer, id: string): Feature<Geometry, Props> => {
  const f = layer(name).features.find((x) => x.id === id);
  if (!f) throw new Error(`${name}: no feature ${id}`);
  return f;
};
const point = (id: string): Position => {
  const g = byId('cities', id).geometry;
  if (g.type !== 'Point') throw new Error(`${id} is not a point`);
  return g.coordinates;
};
const area = (id: string, name: Layer = 'countries'): Polygon | MultiPolygon => {
  const g = byId(name, id).geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`${id} is not a polygon`);
  return g;
};

/** Every position of a geometry, whatever its nesting. */
function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      throw new Error(`unexpected ${g.type}`);
  }
}

/** Positive for counter-clockwise rings (shoelace). */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    a += (xj - xi) * (yj + yi);
  }
  return a / 2;
}

/** Problems with one geometry (empty when valid). */
function geometryProblems(g: Geometry): string[] {
  const problems: string[] = [];
  const isPos = (p: Position) => p.length === 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!positions(g).every(isPos)) problems.push('bad position');
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  if (lines.some((l) => l.length < 2)) problems.push('line with < 2 positions');
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4) problems.push('ring with < 4 positions');
      else if (first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) problems.push('open ring');
      // RFC 7946: outer rings counter-clockwise, holes clockwise.
      else if (i === 0 ? signedArea(ring) <= 0 : signedArea(ring) >= 0) problems.push(`ring ${i} wound the wrong way`);
    });
  }
  return problems;
}

/** Polyline length in km (haversine, mean Earth radius). */
function lengthKm(line: Position[]): number {
  const rad = Math.PI / 180;
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [lon1 = 0, lat1 = 0] = line[i - 1] ?? [];
    const [lon2 = 0, lat2 = 0] = line[i] ?? [];
    const a =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    km += 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }
  return km;
}

/** Distance in km from a point to the nearest vertex of a line (vertices are < 10 km apart here). */
function nearestVertexKm(p: Position, line: Position[]): number {
  return Math.min(...line.map((q) => lengthKm([p, q])));
}

describe('base map files', () => {
  it('has every layer, and nothing else but the manifest', () => {
    const files = readdirSync(DIR).sort();
    // (locator.geojson, the inset's wider box, is checked in locator.test.ts.)
    expect(files).toEqual([...LAYERS.map((l) => `${l}.geojson`), 'locator.geojson', 'manifest.json'].sort());
  });

  it.each(LAYERS)('%s parses, has string ids equal to properties.id and valid geometry', (name) => {
    const fc = layer(name);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const ids = fc.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(typeof f.id, `${name} feature id`).toBe('string');
      expect(f.properties.id).toBe(f.id);
      expect(geometryProblems(f.geometry), `${name}/${f.id}`).toEqual([]);
    }
  });

  it.each(LAYERS)('%s stays inside the region box with at most 5 decimals', (name) => {
    for (const f of layer(name).features) {
      for (const [x = Number.NaN, y = Number.NaN] of positions(f.geometry)) {
        expect(x >= BOX[0] && x <= BOX[2] && y >= BOX[1] && y <= BOX[3], `${name}/${f.id} ${x},${y}`).toBe(true);
        for (const v of [x, y]) expect((String(v).split('.')[1] ?? '').length).toBeLessThanOrEqual(5);
      }
    }
  });

  it('fits the size budget (all files, gzip -9)', () => {
    const total = readdirSync(DIR).reduce(
      (sum, f) => sum + gzipSync(readFileSync(new URL(f, DIR)), { level: 9 }).length,
      0,
    );
    expect(total).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it('has a manifest that matches the files', () => {
    const manifest = JSON.parse(read('manifest.json')) as {
      generated: string;
      box: { west: number; south: number; east: number; north: number };
      files: Record<string, { features: number; bytes: number; gzipBytes: number; sources: { license: string }[] }>;
    };
    expect(manifest.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(manifest.box).toEqual({ west: BOX[0], south: BOX[1], east: BOX[2], north: BOX[3] });
    for (const name of LAYERS) {
      const entry = manifest.files[`${name}.geojson`];
      const text = read(`${name}.geojson`);
      expect(entry?.features).toBe(layer(name).features.length);
      expect(entry?.bytes).toBe(Buffer.byteLength(text));
      expect(entry?.gzipBytes).toBe(gzipSync(text, { level: 9 }).length);
      expect(entry?.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('countries and borders', () => {
  it('has Iraq and Syria in focus, with English and Arabic names', () => {
    for (const [id, ar] of [
      ['IQ', 'العراق'],
      ['SY', 'سوريا'],
    ] as const) {
      const p = byId('countries', id).properties;
      expect(p.focus).toBe(true);
      expect(p.name).toMatchObject({ ar });
    }
    expect(layer('countries').features.filter((f) => f.properties.focus === true)).toHaveLength(2);
    for (const id of ['TR', 'IR', 'JO', 'SA', 'KW', 'LB', 'IL', 'PS']) expect(byId('countries', id).id).toBe(id);
  });

  it('puts the capitals in their countries', () => {
    expect(booleanPointInPolygon(point('baghdad'), area('IQ'))).toBe(true);
    expect(booleanPointInPolygon(point('baghdad'), area('SY'))).toBe(false);
    expect(booleanPointInPolygon(point('damascus'), area('SY'))).toBe(true);
    expect(booleanPointInPolygon(point('amman'), area('JO'))).toBe(true);
  });

  it('draws the Iraq–Syria border as one international line and the Golan line as disputed', () => {
    expect(byId('borders', 'IQ-SY').properties.kind).toBe('international');
    expect(byId('borders', 'IL-SY').properties.kind).toBe('disputed');
    for (const f of layer('borders').features) expect(['international', 'disputed']).toContain(f.properties.kind);
  });
});

describe('governorates', () => {
  const governorates = (country: string) =>
    layer('admin1').features.filter((f) => f.properties.country === country && f.properties.kind === 'governorate');

  it('has 18 in Iraq and 14 in Syria, with ISO 3166-2 ids and names in both languages', () => {
    expect(governorates('IQ')).toHaveLength(18);
    expect(governorates('SY')).toHaveLength(14);
    for (const f of [...governorates('IQ'), ...governorates('SY')]) {
      expect(f.id).toMatch(/^(IQ|SY)-[A-Z]{2}$/);
      const name = f.properties.name as { en: string; ar: string };
      expect(name.en).toMatch(/^[A-Z][A-Za-z -]+$/);
      expect(name.ar).toMatch(/^[\u0600-\u06ff ]+$/);
      expect(name.ar).not.toMatch(/^محافظة/);
    }
  });

  it('marks the Kurdistan Region governorates and dissolves them into one polygon', () => {
    const krg = layer('admin1').features.filter((f) => f.properties.region === 'Kurdistan');
    expect(krg.map((f) => f.id).sort()).toEqual(['IQ-AR', 'IQ-DA', 'IQ-SU']);
    expect(layer('kurdistan').features).toHaveLength(1);
    const k = area('kurdistan-region', 'kurdistan');
    for (const city of ['erbil', 'duhok', 'sulaymaniyah']) expect(booleanPointInPolygon(point(city), k)).toBe(true);
    for (const city of ['mosul', 'kirkuk', 'baghdad']) expect(booleanPointInPolygon(point(city), k)).toBe(false);
  });

  it('keeps internal lines inside one country', () => {
    for (const f of layer('admin1-lines').features) {
      const [a = '', b = ''] = String(f.id).split('/');
      expect(a.slice(0, 2)).toBe(b.slice(0, 2));
      expect(f.properties.country).toBe(a.slice(0, 2));
    }
  });
});

describe('cities', () => {
  const required = [
    ['baghdad', 'بغداد'],
    ['erbil', 'أربيل'],
    ['mosul', 'الموصل'],
    ['kirkuk', 'كركوك'],
    ['sulaymaniyah', 'السليمانية'],
    ['duhok', 'دهوك'],
    ['ramadi', 'الرمادي'],
    ['basra', 'البصرة'],
    ['damascus', 'دمشق'],
    ['aleppo', 'حلب'],
    ['homs', 'حمص'],
    ['raqqa', 'الرقة'],
    ['deir-ez-zor', 'دير الزور'],
    ['hasakah', 'الحسكة'],
    ['qamishli', 'القامشلي'],
    ['amman', 'عمّان'],
    ['beirut', 'بيروت'],
  ] as const;

  it.each(required)('has %s with English and Arabic names', (id, ar) => {
    const p = byId('cities', id).properties;
    expect(p.name).toMatchObject({ ar });
    expect((p.name as { en: string }).en.length).toBeGreaterThan(2);
    expect([1, 2, 3]).toContain(p.rank);
    expect(typeof p.capital).toBe('boolean');
  });

  it('ranks the capitals first', () => {
    for (const f of layer('cities').features) expect(f.properties.capital === true).toBe(f.properties.rank === 1);
  });
});

describe('rivers', () => {
  const line = (id: string): Position[] => {
    const g = byId('rivers', id).geometry;
    if (g.type !== 'LineString') throw new Error(`${id} is a ${g.type}, expected one continuous LineString`);
    return g.coordinates;
  };

  it('has the Euphrates as one long line past Raqqa, Deir ez-Zor and Ramadi', () => {
    const euphrates = line('euphrates');
    expect(byId('rivers', 'euphrates').properties.name).toEqual({ en: 'Euphrates', ar: 'الفرات' });
    expect(lengthKm(euphrates)).toBeGreaterThan(1000);
    for (const city of ['raqqa', 'deir-ez-zor', 'abu-kamal', 'ramadi']) {
      expect(nearestVertexKm(point(city), euphrates), city).toBeLessThan(15);
    }
  });

  it('has the Tigris past Mosul and Baghdad', () => {
    const tigris = line('tigris');
    expect(byId('rivers', 'tigris').properties.name).toEqual({ en: 'Tigris', ar: 'دجلة' });
    for (const city of ['mosul', 'baghdad']) expect(nearestVertexKm(point(city), tigris), city).toBeLessThan(15);
  });
});
