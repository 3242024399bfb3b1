/** The locator inset's data and the frame it outlines. */
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { fitView } from '../../src/state/view.ts';
import { frameRing } from '../../src/ui/locator.ts';

const locator = JSON.parse(readFileSync('public/geo/basemap/locator.geojson', 'utf8'));
const manifest = JSON.parse(readFileSync('public/geo/basemap/manifest.json', 'utf8'));

describe('locator inset', () => {
  it('has land and Iraq and Syria, inside its own box', () => {
    expect(locator.features.map((f: { id: string }) => f.id)).toEqual(['land', 'IQ', 'SY']);
    const { west, south, east, north } = manifest.locatorBox;
    const walk = (c: unknown): void => {
      if (typeof (c as number[])[0] === 'number') {
        const [x, y] = c as [number, number];
        expect(x >= west && x <= east && y >= south && y <= north, `${x},${y}`).toBe(true);
      } else for (const d of c as unknown[]) walk(d);
    };
    for (const f of locator.features) walk(f.geometry.coordinates);
  });

  it.each([
    [950, 440],
    [360, 340],
  ])('outlines a %i × %i frame that holds Baghdad and Damascus and not Tunis', (width, height) => {
    const ring = frameRing({ ...fitView(width, height), width, height });
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // (frameRing winds the ring for d3-geo; Turf does not mind the winding.)
    const area = polygon([ring]);
    expect(booleanPointInPolygon([44.37, 33.31], area)).toBe(true);
    expect(booleanPointInPolygon([36.29, 33.51], area)).toBe(true);
    expect(booleanPointInPolygon([10.18, 36.81], area)).toBe(false);
  });
});
