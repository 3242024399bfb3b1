/**
 * Geographic invariants of the fact files against the base map (public/geo/basemap/, Natural Earth).
 * Tolerance: 10 m for rounding noise along Syria's border (coordinates are rounded to 5 decimals, ~1 m); the
 * distance is planar because the polygons' edges are straight lines in lon/lat, not great circles.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/data/validate.ts';

const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const basemap = (name: string) => readJson(`../../public/geo/basemap/${name}`) as FeatureCollection;

const presence = validateFile('coalition-presence.geojson', readJson('../../public/geo/coalition-presence.geojson'));
const ain = validateFile('ain-al-asad.geojson', readJson('../../public/geo/ain-al-asad.geojson'));
const zone = validateFile('ne-syria-threat-zone.geojson', readJson('../../public/geo/ne-syria-threat-zone.geojson'));

type Area = Feature<Polygon | MultiPolygon>;

function byId(fc: FeatureCollection, id: string): Feature {
  const f = fc.features.find((x) => (x.id ?? x.properties?.id) === id);
  if (!f) throw new Error(`base map has no feature "${id}"`);
  return f;
}

const countries = basemap('countries.geojson');
const admin1 = basemap('admin1.geojson');
const cities = basemap('cities.geojson');
const syria = byId(countries, 'SY') as Area;
const anbar = byId(admin1, 'IQ-AN') as Area;
const zoneFeature = zone.features.find((f) => f.properties.role === 'zone')!;
const zoneArea = zoneFeature as unknown as Area;

const cityAt = (id: string) => (byId(cities, id).geometry as { coordinates: Position }).coordinates;
const inside = (p: Position, area: Area) => booleanPointInPolygon(point(p), area);

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function allPositions(value: unknown, out: number[][] = []): number[][] {
  if (Array.isArray(value) && typeof value[0] === 'number') out.push(value as number[]);
  else if (Array.isArray(value)) for (const v of value) allPositions(v, out);
  return out;
}

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

describe('mapped sites', () => {
  const mapped = presence.features.filter((f) => f.geometry !== null);

  it('are at least 8', () => {
    expect(mapped.length).toBeGreaterThanOrEqual(8);
  });

  for (const f of mapped) {
    it(`${f.id} lies inside ${f.properties.country}`, () => {
      const country = byId(countries, f.properties.country) as Area;
      expect(inside(f.geometry!.coordinates, country)).toBe(true);
    });
  }
});

describe('Ain al-Asad', () => {
  const footprint = ain.features.find((f) => f.properties.role === 'footprint')!;
  const pt = ain.features.find((f) => f.properties.role === 'point')!;

  it('has one footprint and one point, the point matching the presence layer', () => {
    expect(footprint.geometry.type).toBe('Polygon');
    expect(pt.id).toBe('ain-al-asad-point');
    const site = presence.features.find((f) => f.id === 'ain-al-asad')!;
    expect(pt.geometry.coordinates).toEqual(site.geometry!.coordinates);
    expect(pt.properties.periods).toEqual(site.properties.periods);
  });

  it('footprint holds its point', () => {
    expect(inside(pt.geometry.coordinates as Position, footprint as unknown as Area)).toBe(true);
  });

  it('footprint lies in Anbar (IQ-AN)', () => {
    for (const p of rings(footprint.geometry as Polygon).flat()) expect(inside(p, anbar), String(p)).toBe(true);
  });
});

describe('north-east Syria zone', () => {
  it('lies within Syria', () => {
    const border = rings(syria.geometry).map((r) => lineString(r));
    for (const p of rings(zoneArea.geometry).flat()) {
      if (inside(p, syria)) continue;
      const km = Math.min(
        ...border.map((line) => pointToLineDistance(point(p), line, { units: 'kilometers', method: 'planar' })),
      );
      expect(km, `${p} is outside Syria`).toBeLessThan(0.01);
    }
  });

  it('holds Hasakah, Qamishli and Raqqa, the al-Hol camp and the al-Shaddadi town position', () => {
    for (const id of ['hasakah', 'qamishli', 'raqqa']) expect(inside(cityAt(id), zoneArea), id).toBe(true);
    const camp = zone.features.find((f) => f.id === 'al-hol-camp')!;
    expect(inside(camp.geometry.coordinates as Position, zoneArea)).toBe(true);
    const shaddadi = presence.features.find((f) => f.id === 'al-shaddadi')!;
    expect(inside(shaddadi.geometry!.coordinates, zoneArea)).toBe(true);
  });

  it('leaves out Deir ez-Zor city (west bank), Palmyra and Aleppo', () => {
    for (const id of ['deir-ez-zor', 'palmyra', 'aleppo']) expect(inside(cityAt(id), zoneArea), id).toBe(false);
  });

  it('matches a fresh build from the base map (npm run geo:zone)', () => {
    const script = fileURLToPath(new URL('../../scripts/zone/build.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('coordinates', () => {
  for (const [name, file] of [
    ['coalition-presence.geojson', presence],
    ['ain-al-asad.geojson', ain],
    ['ne-syria-threat-zone.geojson', zone],
  ] as const) {
    it(`${name} uses at most 5 decimals and plausible lon/lat`, () => {
      const positions = allPositions(file.features.map((f) => f.geometry?.coordinates ?? []));
      expect(positions.length).toBeGreaterThan(0);
      for (const [lon, lat] of positions) {
        expect(decimals(lon!), String(lon)).toBeLessThanOrEqual(5);
        expect(decimals(lat!), String(lat)).toBeLessThanOrEqual(5);
        expect(lon! > 30 && lon! < 52 && lat! > 26 && lat! < 42, `${lon},${lat}`).toBe(true);
      }
    });
  }
});
