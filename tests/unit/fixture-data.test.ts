import { describe, expect, it } from 'vitest';
import { BASES, STATUSES } from '../../src/data/schema.ts';
import { loadFixtureData } from '../fixtures/data/index.ts';

describe('the fixture data set', () => {
  const data = loadFixtureData();
  const periods = data.presence.features.flatMap((f) => f.properties.periods);

  it('is valid and consistent, with every status and every basis', () => {
    expect(new Set(periods.map((p) => p.status))).toEqual(new Set(STATUSES));
    expect(new Set(periods.map((p) => p.basis))).toEqual(new Set(BASES));
  });

  it('has a site without a position, an approximate one, the four phases and Ain al-Asad', () => {
    expect(data.presence.features.some((f) => f.geometry === null)).toBe(true);
    expect(data.presence.features.some((f) => f.properties.location.precision === 'approximate')).toBe(true);
    expect(data.timeline.phases.map((p) => p.id)).toEqual(['before', 'phase-1', 'phase-2', 'after']);
    expect(data.ain.features.map((f) => f.properties.role).sort()).toEqual(['footprint', 'point']);
  });
});
