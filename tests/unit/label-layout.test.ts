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
import { COMPACT_WIDTH, labelLayout } from '../../src/scene/label-layout.ts';
import { type Box, overlaps } from '../../src/scene/labels.ts';
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
        const reserved = controlBoxes(width, height, lang === 'ar');
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
