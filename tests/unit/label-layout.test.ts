/**
 * The label layout both renderers draw (src/scene/label-layout.ts), on the live facts at every
 * milestone, in all four languages, at the widths readers use: no two labels overlap, none covers a
 * site symbol or the map's controls, none leaves the frame, each sits beside its own point, and every
 * site on the map is labelled. (tests/browser/labels.test.ts checks the same on what each renderer
 * actually draws, with the browser's own text metrics.)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStaticInputs } from '../../scripts/static-images.ts';
import { LANGS } from '../../src/data/schema.ts';
import { controlBoxes } from '../../src/render/frame.ts';
import { COMPACT_WIDTH, calloutBox, calloutPlace, labelLayout } from '../../src/scene/label-layout.ts';
import { type Box, overlaps, segmentCrosses } from '../../src/scene/labels.ts';
import { compactName } from '../../src/scene/status-text.ts';
import { staticProjection } from '../../src/scene/projection.ts';
import { sceneAt } from '../../src/scene/scene.ts';
import { milestoneDates } from '../../src/timeline/milestones.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = loadStaticInputs(root);
/** Map boxes as the page lays them out: phones (4:4.4 under the tool bar), a tablet, a desktop. */
export const FRAMES = [
  { width: 360, height: 396 },
  { width: 412, height: 453 },
  { width: 768, height: 480 },
  { width: 1280, height: 560 },
];
const dates = milestoneDates(inputs.data.timeline);

function inside(b: Box, w: number, h: number): boolean {
  return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= w && b.y1 <= h;
}

describe('label layout', () => {
  it('has milestones to test', () => {
    expect(dates.length).toBeGreaterThan(3);
  });
  for (const { width, height } of FRAMES) {
    for (const lang of LANGS) {
      it(`keeps labels apart, inside and beside their points at ${width} px in ${lang}`, () => {
        const problems: string[] = [];
        const reserved = controlBoxes(width, height, lang);
        for (const date of dates) {
          const scene = sceneAt(inputs, date, lang, 'light');
          const layout = labelLayout(scene, inputs.data, inputs.basemap, { width, height, reserved });
          const { labels, symbols } = layout;
          for (const [i, a] of labels.entries()) {
            if (!inside(a.box, width, height)) problems.push(`${date}: ${a.req.key} leaves the frame`);
            for (const b of labels.slice(i + 1))
              if (overlaps(a.box, b.box)) problems.push(`${date}: ${a.req.key} overlaps ${b.req.key}`);
            for (const s of symbols) if (overlaps(a.box, s)) problems.push(`${date}: ${a.req.key} covers a symbol`);
            for (const r of reserved) if (overlaps(a.box, r)) problems.push(`${date}: ${a.req.key} under a control`);
            // Beside its point: the box's nearest edge no further than the offset (plus a leader's step).
            const dx = Math.max(a.box.x0 - a.req.x, 0, a.req.x - a.box.x1);
            const dy = Math.max(a.box.y0 - a.req.y, 0, a.req.y - a.box.y1);
            if (Math.hypot(dx, dy) > a.offset + 1) problems.push(`${date}: ${a.req.key} is away from its point`);
            if (a.offset > a.req.offset && !a.leader) problems.push(`${date}: ${a.req.key} moved without a leader`);
            // A leader line leaves its own symbol and crosses nothing else.
            if (a.leader) {
              const [p0, p1] = a.leader;
              const own = (b: Box) => p0[0] >= b.x0 && p0[0] <= b.x1 && p0[1] >= b.y0 && p0[1] <= b.y1;
              const others = [...symbols, ...labels.filter((l) => l !== a).map((l) => l.box)];
              if (others.some((b) => !own(b) && segmentCrosses(b, p0, p1)))
                problems.push(`${date}: ${a.req.key}'s leader crosses a symbol or label`);
            }
          }
          // Every site on the map in the frame has its label; on a phone a site that was left or whose
          // status is unknown may go without one where the map is crowded (al-Tanf sits on Tower 22),
          // never Ain al-Asad, a site where forces are, or more than three.
          const proj = staticProjection(width, height);
          let dropped = 0;
          for (const s of scene.sites.filter((x) => x.drawn)) {
            const xy = proj.point(s.position!);
            if (!xy || !inside({ x0: xy[0], y0: xy[1], x1: xy[0], y1: xy[1] }, width, height)) continue;
            if (labels.some((l) => l.req.key === `site:${s.id}`)) continue;
            const mayDrop =
              width < COMPACT_WIDTH && s.id !== 'ain-al-asad' && ['withdrawn', 'unknown'].includes(s.state!.status);
            if (!mayDrop || ++dropped > 3) problems.push(`${date}: ${s.id} has no label`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('writes phone labels without the kind of place, and leaves other names whole', () => {
    expect(compactName('en', 'Erbil Air Base')).toBe('Erbil');
    expect(compactName('en', 'al-Tanf Garrison')).toBe('al-Tanf');
    expect(compactName('en', 'Victory Base Complex')).toBe('Victory Base Complex');
    expect(compactName('de', 'Luftwaffenstützpunkt Harir')).toBe('Harir');
    expect(compactName('fr', "Base aérienne d'Aïn al-Asad")).toBe('Aïn al-Asad');
    expect(compactName('fr', 'Base de Rmelan')).toBe('Rmelan');
    expect(compactName('ar', 'قاعدة عين الأسد الجوية')).toBe('عين الأسد');
    expect(compactName('ar', 'البرج 22')).toBe('البرج 22');
  });

  it('tells a leader line that crosses a box from one that passes by', () => {
    const box = { x0: 10, y0: 10, x1: 20, y1: 20 };
    expect(segmentCrosses(box, [0, 15], [30, 15])).toBe(true);
    expect(segmentCrosses(box, [0, 0], [30, 5])).toBe(false);
    expect(segmentCrosses(box, [15, 0], [15, 9])).toBe(false);
  });

  it('puts the callout in a corner that hides no site, and moves it when a site is there', () => {
    const size = { width: 270, height: 110 };
    const problems: string[] = [];
    for (const { width, height } of FRAMES) {
      for (const lang of LANGS) {
        for (const date of dates) {
          const scene = sceneAt(inputs, date, lang, 'light');
          const place = calloutPlace(scene, width < 600 ? { width: 140, height: 60 } : size, { width, height });
          const box = calloutBox(
            place.corner,
            width < 600 ? { width: 140, height: 60 } : size,
            width,
            height,
            lang === 'ar',
          );
          const { symbols } = labelLayout(scene, inputs.data, inputs.basemap, { width, height });
          if (symbols.some((b) => overlaps(b, box)))
            problems.push(`${width} ${lang} ${date}: the callout hides a site`);
          if (!place.target) problems.push(`${width} ${lang} ${date}: no point for Ain al-Asad`);
        }
      }
    }
    expect(problems).toEqual([]);
    // A site under the corner it took pushes the callout to another one.
    const scene = sceneAt(inputs, dates[1]!, 'en', 'light');
    const before = calloutPlace(scene, size, { width: 1280, height: 560 });
    const b = calloutBox(before.corner, size, 1280, 560, false);
    const under = staticProjection(1280, 560).invert([(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]);
    const moved = { ...scene, sites: scene.sites.map((x) => (x.id === 'tower-22' ? { ...x, position: under } : x)) };
    expect(calloutPlace(moved, size, { width: 1280, height: 560 }).corner).not.toBe(before.corner);
    // On a right-to-left 670 px map the credit lies under the first corner: with no site in the way the
    // callout takes another corner rather than cover it.
    const ar = sceneAt(inputs, dates[1]!, 'ar', 'light');
    const empty = { ...ar, drawOrder: ar.drawOrder.filter((id) => id === 'ain-al-asad') };
    const arPlace = calloutPlace(empty, size, { width: 670, height: 442 }, controlBoxes(670, 442, 'ar'));
    expect(arPlace.corner).not.toBe('bottom-start');
    // Its leader line crosses no other site's symbol.
    expect(before.leader).not.toBeNull();
  });

  it('is the same layout for the same inputs (both renderers draw one layout)', () => {
    const scene = sceneAt(inputs, dates[3]!, 'en', 'light');
    const a = labelLayout(scene, inputs.data, inputs.basemap, { width: 800, height: 500 });
    const b = labelLayout(scene, inputs.data, inputs.basemap, { width: 800, height: 500 });
    expect(b).toEqual(a);
  });

  it('labels the capitals of Iraq and Syria on the desktop map', () => {
    const scene = sceneAt(inputs, inputs.data.timeline.defaultDate ?? dates[0]!, 'en', 'light');
    const { labels } = labelLayout(scene, inputs.data, inputs.basemap, { width: 1280, height: 560 });
    const keys = labels.map((l) => l.req.key);
    expect(keys).toEqual(expect.arrayContaining(['city:baghdad', 'city:damascus', 'country:IQ', 'country:SY']));
  });
});
