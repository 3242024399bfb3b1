/**
 * Ain al-Asad's two distances, measured with Turf on the base map: to Syria's outline and to Erbil.
 * They do not change with the date, so each base map is measured once (geodesic point-to-line over
 * Syria's outline costs ~20 ms on a phone).
 */
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import type { Basemap } from '../data/types.ts';

/** Kilometres, rounded to 5: the footprint and the 10m borders are not more precise than that. */
export interface AinDistances {
  border: number;
  erbil: number;
}

const measured = new WeakMap<object, Map<string, AinDistances | null>>();

function rings(geom: Polygon | MultiPolygon): number[][][] {
  return geom.type === 'Polygon' ? geom.coordinates : geom.coordinates.flat();
}

function measure(basemap: Partial<Basemap>, at: [number, number]): AinDistances | null {
  const syria = basemap.countries?.features.find((f) => f.properties?.id === 'SY');
  const erbil = basemap.cities?.features.find((f) => f.properties?.id === 'erbil');
  if (!syria || !erbil || erbil.geometry.type !== 'Point') return null;
  if (syria.geometry.type !== 'Polygon' && syria.geometry.type !== 'MultiPolygon') return null;
  const p = point(at);
  let border = Number.POSITIVE_INFINITY;
  for (const ring of rings(syria.geometry)) {
    const line: Feature<LineString> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: ring },
    };
    border = Math.min(border, pointToLineDistance(p, line, { units: 'kilometers' }));
  }
  const toErbil = distance(p, point(erbil.geometry.coordinates as [number, number]), { units: 'kilometers' });
  return { border: Math.round(border / 5) * 5, erbil: Math.round(toErbil / 5) * 5 };
}

/** Distances in km from a point to Syria's outline and to Erbil, or null where the base map lacks them. */
export function ainDistances(basemap: Partial<Basemap>, at: [number, number]): AinDistances | null {
  let byPoint = measured.get(basemap);
  if (!byPoint) {
    byPoint = new Map();
    measured.set(basemap, byPoint);
  }
  const key = at.join(',');
  if (!byPoint.has(key)) byPoint.set(key, measure(basemap, at));
  return byPoint.get(key) ?? null;
}
