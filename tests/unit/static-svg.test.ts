/**
 * The static SVG map on the frozen fixture facts (tests/fixtures/data) and the base map: golden files for
 * three dates (formatted one element per line, so a diff shows which element changed; exact, the renderer
 * is deterministic), plus the properties a golden cannot show on its own: escaping, Arabic direction,
 * accessibility, withdrawn sites. One smoke test renders the live facts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadStaticInputs } from '../../scripts/static-images.ts';
import type { AppData } from '../../src/data/types.ts';
import { addDays } from '../../src/data/dates.ts';
import { statusAt } from '../../src/state/selectors.ts';
import { renderStaticMap, type StaticMapOptions } from '../../src/static/render-svg.ts';
import { esc } from '../../src/static/svg-escape.ts';
import { loadFixtureData } from '../fixtures/data/index.ts';
import { expectTextGolden } from '../support/golden.ts';
import { formatSvg } from '../support/svg-format.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const live = loadStaticInputs(root);
const inputs = { ...live, data: loadFixtureData() };
const base: StaticMapOptions = { ...inputs, date: '2025-12-01', lang: 'en', theme: 'light', width: 1000, height: 620 };

/** The <g> of one site in the SVG, or undefined when it is not drawn. */
function siteGroup(svg: string, id: string): string | undefined {
  return svg.match(new RegExp(`<g class="site [a-z]+" data-site="${id}"[^>]*>`))?.[0];
}

describe('static map goldens', () => {
  for (const date of ['2024-10-15', '2025-12-01', '2026-03-01']) {
    it(`matches tests/fixtures/golden/static-${date}.svg`, () => {
      const svg = renderStaticMap({ ...base, date, legend: true });
      expectTextGolden(join(root, 'tests', 'fixtures', 'golden', `static-${date}.svg`), formatSvg(svg));
    });
  }

  it('is deterministic and valid SVG', () => {
    const a = renderStaticMap({ ...base, legend: true });
    expect(renderStaticMap({ ...base, legend: true })).toBe(a);
    expect(() => new Resvg(a)).not.toThrow();
  });

  it('smoke test on the live facts: draws every placed site of the default date, as valid SVG', () => {
    const date = live.data.timeline.defaultDate ?? live.data.timeline.range.end;
    const svg = renderStaticMap({ ...base, ...live, date, legend: true });
    expect(() => new Resvg(svg)).not.toThrow();
    const placed = live.data.presence.features.filter((f) => f.geometry && statusAt(f, date));
    expect(placed.length).toBeGreaterThan(5);
    for (const f of placed) expect(siteGroup(svg, f.id), f.id).toBeDefined();
  });
});

describe('static map content', () => {
  it('escapes untrusted text from the data and the title', () => {
    const data: AppData = structuredClone(inputs.data);
    const site = data.presence.features.find((f) => f.geometry && statusAt(f, base.date));
    expect(site).toBeDefined();
    const evil = `<script>alert("x")</script> & 'q'`;
    site!.properties.name.en = evil;
    const svg = renderStaticMap({ ...base, data, title: evil });
    expect(svg).not.toContain('<script');
    expect(svg).toContain(esc(evil));
    expect(esc(evil)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(() => new Resvg(svg)).not.toThrow();
  });

  it('has a title, a description and an accessible role', () => {
    const svg = renderStaticMap(base);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="static-map-title static-map-desc"/);
    expect(svg).toMatch(/<title id="static-map-title">Map of coalition sites[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="static-map-desc">[^<]{80,}<\/desc>/);
  });

  it('writes Arabic labels right to left', () => {
    const svg = renderStaticMap({ ...base, lang: 'ar', legend: true });
    expect(svg).toMatch(/<text [^>]*direction="rtl"[^>]*>[^<]*[\u0600-\u06ff]/);
    expect(svg).not.toMatch(/<text (?![^>]*direction="rtl")[^>]*>[^<]*[\u0600-\u06ff]/);
    expect(svg).toContain('font-family="Noto Sans, Noto Sans Arabic, sans-serif"');
  });

  it('draws a withdrawn site muted after its date, and as it was before', () => {
    const site = inputs.data.presence.features.find(
      (f) => f.geometry && f.properties.periods.some((p) => p.status === 'withdrawn' && p.start > '2024-10-01'),
    );
    expect(site).toBeDefined();
    const left = site!.properties.periods.find((p) => p.status === 'withdrawn' && p.start > '2024-10-01')!.start;
    const before = addDays(left, -1);
    const beforeStatus = statusAt(site!, before)?.status;
    expect(beforeStatus).toBeDefined();
    expect(beforeStatus).not.toBe('withdrawn');
    const g0 = siteGroup(renderStaticMap({ ...base, date: before }), site!.id);
    expect(g0).toContain(`class="site ${beforeStatus}"`);
    expect(g0).not.toContain('opacity');
    const g1 = siteGroup(renderStaticMap({ ...base, date: addDays(left, 1) }), site!.id);
    expect(g1).toContain('class="site withdrawn"');
    expect(g1).toContain('opacity="0.7"');
  });

  it('draws no site without a sourced position', () => {
    const svg = renderStaticMap(base);
    for (const f of inputs.data.presence.features.filter((s) => !s.geometry)) {
      expect(siteGroup(svg, f.id)).toBeUndefined();
    }
  });
});

describe('the SVG map at a camera of its own (the image export of a zoomed view)', () => {
  it("draws the site at the camera's centre in the middle of the frame, and the fitted view by default", () => {
    const site = inputs.data.presence.features.find((f) => f.geometry && f.id === 'ain-al-asad')!;
    const [lon, lat] = (site.geometry as GeoJSON.Point).coordinates as [number, number];
    const at = (svg: string) => {
      const g = svg.slice(svg.indexOf('data-site="ain-al-asad"'));
      const m = g.match(/cx="([-\d.]+)" cy="([-\d.]+)"/);
      return m ? [Number(m[1]), Number(m[2])] : null;
    };
    const zoomed = renderStaticMap({ ...base, view: { center: [lon, lat], zoom: 7 } });
    const [x, y] = at(zoomed)!;
    expect(Math.abs(x! - base.width / 2)).toBeLessThan(1);
    expect(Math.abs(y! - base.height / 2)).toBeLessThan(1);
    const fitted = at(renderStaticMap(base))!;
    expect(Math.abs(fitted[0]! - base.width / 2) + Math.abs(fitted[1]! - base.height / 2)).toBeGreaterThan(5);
  });
});
