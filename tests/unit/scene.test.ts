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
  const head = {
    ...rest,
    phase: phase?.id ?? null,
    unmapped: unmapped.map((s) => s.id),
    ain: rest.ain && { ...rest.ain, deadlines: rest.ain.deadlines.map((d) => d.line) },
  };
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
      lastReport: s.lastReport,
      reportGap: s.reportGap,
      deadlines: s.deadlines.map((d) => d.line),
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
  it('says "not known" for present and drawing down after the last report, never a misleading 0', () => {
    const ends = fixture.data.timeline.reportingEnds;
    const before = sceneAt(fixture, ends, 'en', 'light');
    expect(before.fresh.afterReporting).toBe(false);
    expect(before.countText.present).toBe(String(before.counts.present));
    const after = sceneAt(fixture, '2026-11-24', 'en', 'light');
    expect(after.fresh.afterReporting).toBe(true);
    expect(after.countText).toMatchObject({ present: 'not known', drawdown: 'not known' });
    expect(after.countText.withdrawn).toBe(String(after.counts.withdrawn));
    expect(after.summary).toContain('it is not known where coalition forces were');
  });

  it('names the last report of a site whose reports stopped, and what it said', () => {
    const scene = sceneAt(fixture, '2026-11-24', 'en', 'light');
    const erbil = scene.sites.find((s) => s.id === 'erbil-air-base')!;
    expect(erbil.reportGap).toBe(true);
    expect(erbil.statusText).toMatch(
      /^Not known: no reports found after \d+ \w+ 2026\. Last reported: Coalition forces present/,
    );
    // A site that had left stays left: its status is known.
    const ain = scene.sites.find((s) => s.id === 'ain-al-asad')!;
    expect(ain.reportGap).toBe(false);
    expect(ain.state?.status).toBe('withdrawn');
  });

  it('sets each announced deadline beside what happened, in days', () => {
    const scene = sceneAt(fixture, '2024-09-27', 'en', 'light');
    expect(scene.ain?.deadlines[0]?.line).toBe(
      'Announced: by 30 September 2025 · left 17 January 2026, 109 days later',
    );
    expect(scene.ain?.deadlines[0]?.days).toBe(109);
    const fr = sceneAt(fixture, '2024-09-27', 'fr', 'light');
    expect(fr.ain?.deadlines[0]?.line).toContain('109 jours plus tard');
  });

  it("says how current the facts are in the reader's language", () => {
    expect(sceneAt(fixture, '2025-03-01', 'en', 'light').fresh.asOfText).toMatch(/^Facts as of \d+ \w+ \d{4}$/);
    expect(sceneAt(fixture, '2025-03-01', 'de', 'light').fresh.asOfText).toMatch(/^Stand der Fakten: /);
  });

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

  it('puts the most important site on top: Ain al-Asad (the base with the callout) last in draw order, then present, withdrawn first', () => {
    const scene = sceneAt(fixture, '2026-02-11', 'en', 'light');
    const status = (id: string) => scene.sites.find((s) => s.id === id)!.state!.status;
    const order = scene.drawOrder.filter((id) => id !== 'ain-al-asad').map(status);
    expect(scene.drawOrder.at(-1)).toBe('ain-al-asad');
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
