/**
 * The SVG map is parsed with DOMParser in the browser (src/render/svg-view.ts), so every text that
 * comes from the data must reach it escaped (issue 9). Here every text and id in the facts and the
 * base map is replaced with markup that would break out of an element or an attribute, in all four
 * languages, and the output must still be one well-formed SVG with that markup only as text.
 */
import { Resvg } from '@resvg/resvg-js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStaticInputs } from '../../scripts/static-images.ts';
import { LANGS } from '../../src/data/schema.ts';
import type { AppData, Basemap } from '../../src/data/types.ts';
import { renderStaticMap } from '../../src/static/render-svg.ts';
import { esc } from '../../src/static/svg-escape.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = loadStaticInputs(root);
const EVIL = `"'></text></svg><script>window.__xss=1</script><img src=x onerror="window.__xss=1"><![CDATA[x]]><!--&amp;`;

/** A copy where every localized text ({en, de, fr, ar}), every id and every base-map name is EVIL plus a counter. */
function poisoned(): { data: AppData; basemap: Partial<Basemap>; count: number } {
  let count = 0;
  const evil = () => `${EVIL}#${count++}`;
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const localized = keys.length > 0 && keys.every((k) => (LANGS as readonly string[]).includes(k));
    for (const k of keys) {
      if (typeof o[k] === 'string' && (localized || k === 'id' || k === 'name' || k === 'title' || k === 'outlet')) {
        o[k] = evil();
      } else walk(o[k]);
    }
  };
  const data = structuredClone(inputs.data);
  const basemap = structuredClone(inputs.basemap);
  walk(data);
  walk(basemap);
  return { data, basemap, count };
}

describe('escaping in the SVG map', () => {
  const { data, basemap, count } = poisoned();

  it('poisons a meaningful share of the input', () => {
    expect(count).toBeGreaterThan(500);
  });

  for (const lang of LANGS) {
    it(`keeps every data text inert in ${lang}, with the legend and a hostile title`, () => {
      const svg = renderStaticMap({
        data,
        basemap,
        date: '2025-06-01',
        lang,
        theme: 'dark',
        width: 1000,
        height: 620,
        legend: true,
        title: EVIL,
      });
      for (const raw of ['<script', '<img', '<![CDATA[', '<!--', 'onerror="', '</svg><']) {
        expect(svg.includes(raw), raw).toBe(false);
      }
      // The evil text is there, escaped: as the title at least, and as site and place labels.
      const escaped = esc(EVIL);
      expect(svg.split(escaped).length - 1).toBeGreaterThan(3);
      // One root element, closed once, at the end.
      expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
      expect(svg.indexOf('</svg>')).toBe(svg.length - '</svg>'.length);
      // A strict XML parser takes it (resvg uses roxmltree, which rejects any malformed markup).
      expect(() => new Resvg(svg)).not.toThrow();
    });
  }
});
