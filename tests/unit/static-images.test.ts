/** The build-time image pipeline: phase dates, the prerender, the resvg adaptations and the shipped fonts. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  defaultDate,
  fontBuffers,
  forResvg,
  loadStaticInputs,
  phaseDates,
  prerender,
  svgToPng,
} from '../../scripts/static-images.ts';
import { phaseAt } from '../../src/state/selectors.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = loadStaticInputs(root);

describe('static images', () => {
  it('picks one date inside each phase', () => {
    const { timeline } = inputs.data;
    const dates = phaseDates(timeline);
    expect(dates.map((d) => d.id)).toEqual(timeline.phases.map((p) => p.id));
    for (const { id, date } of dates) expect(phaseAt(timeline, date)?.id).toBe(id);
    expect(defaultDate(timeline)).toBe(timeline.defaultDate ?? timeline.range.end);
    expect(defaultDate({ ...timeline, defaultDate: undefined })).toBe(timeline.range.end);
  });

  it('prerenders a fluid SVG with its own ids and a plain-text alt', () => {
    const { svg, alt } = prerender(inputs);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1000 620"/);
    expect(svg.slice(0, 300)).not.toMatch(/ width="/);
    expect(svg).toContain('aria-labelledby="prerender-title prerender-desc"');
    expect(alt).not.toMatch(/[<>]/);
  });

  it('swaps start/end only on right-to-left texts for resvg', () => {
    const svg =
      '<text x="1" text-anchor="start" direction="rtl" fill="#000">ا</text><text text-anchor="start">a</text>';
    expect(forResvg(svg)).toBe(
      '<text x="1" text-anchor="end" direction="rtl" fill="#000">ا</text><text text-anchor="start">a</text>',
    );
  });

  it('converts the shipped WOFF fonts and draws text with them alone', () => {
    const fonts = fontBuffers();
    expect(fonts.length).toBe(6);
    for (const f of fonts) expect([0x00010000, 0x4f54544f]).toContain(f.readUInt32BE(0)); // TrueType or 'OTTO'
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="5" y="20" font-size="16">${text}</text></svg>`;
    const blank = svgToPng(svg(''), fonts);
    const png = svgToPng(svg('Erbil أربيل'), fonts);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.equals(blank)).toBe(false);
  });
});
