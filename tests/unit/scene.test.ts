/**
 * The scene, the one answer to "what is drawn at date D": goldens at the key dates on the frozen
 * fixture data (one site per line, so a diff shows which site changed and how), the Turf distances
 * on the live base map, and the rules the renderers rely on.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStaticInputs } from '../../scripts/static-images.ts';
import { type Scene, sceneAt } from '../../src/scene/scene.ts';
import { loadFixtureData } from '../fixtures/data/index.ts';
import { expectTextGolden } from '../support/golden.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLDEN = join(root, 'tests', 'fixtures', 'golden');
const fixture = { data: loadFixtureData(), basemap: {} };

/** The scene as readable JSON: its summary fields, then one line per site. */
function sceneJson(scene: Scene): string {
  const { sites, palette: _p, phase, unmapped, ...rest } = scene;
  const head = { ...rest, phase: phase?.id ?? null, unmapped: unmapped.map((s) => s.id) };
  const line = (s: Scene['sites'][number]) =>
    JSON.stringify({
      id: s.id,
      drawn: s.drawn,
      rank: s.rank,
      status: s.state?.status ?? null,
      basis: s.state?.basis ?? null,
      since: s.state?.since ?? null,
      label: s.label,
      sub: s.sub,
      precision: s.precision,
      statusText: s.statusText,
    });
  return `${JSON.stringify(head, null, 1).replace(/\n\s*/g, ' ')}\n${sites.map(line).join('\n')}\n`;
}

// The announcement, a day in phase 1, the end of phase 1, Ain al-Asad's handover, al-Tanf's, after the reports.
const KEY_DATES = ['2024-09-27', '2025-03-01', '2025-09-30', '2026-01-17', '2026-02-11', '2026-03-15'];

describe('the scene at the key dates (fixture data)', () => {
  for (const date of KEY_DATES) {
    for (const lang of ['en', 'ar'] as const) {
      it(`${date} ${lang}`, () => {
        expectTextGolden(join(GOLDEN, `scene-${date}-${lang}.jsonl`), sceneJson(sceneAt(fixture, date, lang, 'light')));
      });
    }
  }
});

describe('scene rules', () => {
  it('draws a site only with a position and a state; lists the others as unmapped', () => {
    for (const date of KEY_DATES) {
      const scene = sceneAt(fixture, date, 'en', 'light');
      for (const s of scene.sites) expect(s.drawn, `${date} ${s.id}`).toBe(!!(s.position && s.state));
      expect(scene.unmapped.map((s) => s.id)).toEqual(
        scene.sites.filter((s) => s.state && !s.position).map((s) => s.id),
      );
      expect(scene.drawOrder).toHaveLength(scene.sites.filter((s) => s.drawn).length);
    }
  });

  it('puts the most important site on top: present last in draw order, withdrawn first', () => {
    const scene = sceneAt(fixture, '2026-02-11', 'en', 'light');
    const status = (id: string) => scene.sites.find((s) => s.id === id)!.state!.status;
    const order = scene.drawOrder.map(status);
    expect(order[0]).toBe('withdrawn');
    expect(order.at(-1)).toBe('present');
  });

  it('counts every site with a state, drawn or not', () => {
    const scene = sceneAt(fixture, '2026-02-24', 'en', 'light');
    const total = Object.values(scene.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(scene.sites.filter((s) => s.state).length);
    expect(scene.counts.drawdown).toBe(1); // Qasrak, which has no position
  });

  it('is the same for the same inputs (renderers may compare scenes by value)', () => {
    expect(sceneJson(sceneAt(fixture, '2025-03-01', 'de', 'dark'))).toBe(
      sceneJson(sceneAt(fixture, '2025-03-01', 'de', 'dark')),
    );
  });
});

describe('Ain al-Asad distances (Turf, live base map)', () => {
  it('matches the golden', () => {
    const live = loadStaticInputs(root);
    const ain = sceneAt(live, '2025-01-01', 'en', 'light').ain;
    expect(ain).not.toBeNull();
    expectTextGolden(join(GOLDEN, 'ain-distances.json'), `${JSON.stringify(ain!.distances)}\n`);
    expect(ain!.distanceText).toMatch(/km/);
  });
});
