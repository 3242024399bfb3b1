/**
 * Labels as each renderer actually draws them, at the widths readers use, in all four languages, at
 * every milestone: no two labels overlap, none leaves the map's frame, none sits under the tool bar,
 * the callout or the map's own buttons, the callout hides no site, and the WebGL map draws the same labels on the same sides as
 * the SVG map (one layout, scene/label-layout.ts). The SVG map is measured with the browser's own text
 * boxes (getBBox); the WebGL labels with MapLibre's rendered features and the shipped fonts' metrics.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/data/schema.ts';
import { milestoneDates } from '../../src/timeline/milestones.ts';
import { liveData } from '../support/live-data.ts';
import { open } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();
const { timeline } = liveData();
const dates = milestoneDates(timeline);
const WIDTHS = [360, 412, 768, 1280];

interface Measured {
  /** key → [side or anchor, box] */
  labels: { key: string; anchor: string; box: [number, number, number, number] }[];
  frame: [number, number];
  covers: [number, number, number, number][];
  /** The SVG map's site symbols and the callout, when measured. */
  sites?: { id: string; box: [number, number, number, number] }[];
  callout?: [number, number, number, number] | null;
  /** MapLibre's credit (WebGL only). */
  credit?: [number, number, number, number] | null;
}

/** Overlap of two boxes beyond a pixel's tolerance (antialiasing, rounding). */
const clash = (a: number[], b: number[]) =>
  a[0]! < b[2]! - 1 && a[2]! > b[0]! + 1 && a[1]! < b[3]! - 1 && a[3]! > b[1]! + 1;

function problems(m: Measured, what: string): string[] {
  const out: string[] = [];
  const [w, h] = m.frame;
  for (const [i, a] of m.labels.entries()) {
    const [x0, y0, x1, y1] = a.box;
    if (x0 < -1 || y0 < -1 || x1 > w + 1 || y1 > h + 1) out.push(`${what}: ${a.key} leaves the frame`);
    for (const b of m.labels.slice(i + 1)) if (clash(a.box, b.box)) out.push(`${what}: ${a.key} overlaps ${b.key}`);
    for (const c of m.covers) if (clash(a.box, c)) out.push(`${what}: ${a.key} is under a control or the callout`);
  }
  if (m.callout && m.credit && clash(m.callout, m.credit)) out.push(`${what}: the callout covers the credit`);
  for (const site of m.sites ?? [])
    if (m.callout && clash(site.box, m.callout)) out.push(`${what}: the callout hides ${site.id}`);
  return out;
}

/** What is over the map: the tool bar, the callout, MapLibre's controls, relative to #map. */
function covers(page: Page): Promise<Measured['covers']> {
  return page.evaluate(() => {
    const m = document.getElementById('map')!.getBoundingClientRect();
    const els = [
      document.getElementById('map-tools'),
      ...document.querySelectorAll('#map .ain-callout, #map .maplibregl-ctrl'),
    ] as HTMLElement[];
    return els
      .filter((e) => e && !e.hidden && e.getBoundingClientRect().width > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return [r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top] as [number, number, number, number];
      })
      .filter((b) => b[2] > 0 && b[3] > 0 && b[0] < m.width && b[1] < m.height);
  });
}

/** The SVG map's labels: each label's <text> lines by data-label, their union box. */
async function measureSvg(page: Page): Promise<Measured> {
  const over = await covers(page);
  const m = await page.evaluate(() => {
    const svg = document.querySelector('#map-static svg') as SVGSVGElement;
    const by = new Map<string, { anchor: string; box: [number, number, number, number] }>();
    for (const t of svg.querySelectorAll<SVGTextElement>('text[data-label]')) {
      const b = t.getBBox();
      const key = t.dataset.label!;
      const prev = by.get(key);
      const box: [number, number, number, number] = [b.x, b.y, b.x + b.width, b.y + b.height];
      by.set(key, {
        anchor: t.getAttribute('text-anchor')!,
        box: prev
          ? [
              Math.min(prev.box[0], box[0]),
              Math.min(prev.box[1], box[1]),
              Math.max(prev.box[2], box[2]),
              Math.max(prev.box[3], box[3]),
            ]
          : box,
      });
    }
    const vb = svg.viewBox.baseVal;
    const m = document.getElementById('map')!.getBoundingClientRect();
    const c = document.querySelector<HTMLElement>('#map .ain-callout');
    const r = c && !c.hidden ? c.getBoundingClientRect() : null;
    return {
      sites: [...svg.querySelectorAll<SVGGElement>('g.site')].map((g) => {
        const b = g.getBBox();
        return {
          id: g.dataset.site!,
          box: [b.x, b.y, b.x + b.width, b.y + b.height] as [number, number, number, number],
        };
      }),
      callout: r
        ? ([r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top] as [number, number, number, number])
        : null,
      labels: [...by].map(([key, v]) => ({ key, ...v })),
      frame: [vb.width, vb.height] as [number, number],
    };
  });
  return { ...m, covers: over };
}

/** The WebGL map's labels: MapLibre's rendered features, boxed with the shipped fonts' metrics. */
async function measureWebgl(page: Page): Promise<Measured> {
  const over = await covers(page);
  const m = await page.evaluate(() => {
    const map = document.getElementById('map') as HTMLElement & { renderedLabels: () => Record<string, unknown>[] };
    const ctx = document.createElement('canvas').getContext('2d')!;
    const width = (text: string, size: number, weight: number, spacing: number) => {
      ctx.font = `${weight} ${size}px "Noto Sans", "Noto Sans Arabic"`;
      return ctx.measureText(text).width + spacing * size * Math.max(0, text.length - 1);
    };
    const labels = map.renderedLabels().map((f) => {
      const size = Number(f.size);
      const spacing = Number(f.spacing) || 0;
      const offset = (typeof f.offset === 'string' ? JSON.parse(f.offset) : f.offset) as [number, number];
      const sub = typeof f.sub === 'string' ? f.sub : '';
      const w = Math.max(
        width(String(f.text), size, f.bold ? 600 : 400, spacing),
        sub ? width(sub, size * 0.85, 400, 0) : 0,
      );
      const hgt = size * 1.2 + (sub ? size * 0.85 * 1.2 : 0);
      const ax = Number(f.x) + offset[0] * size;
      const ay = Number(f.y) + offset[1] * size;
      const a = String(f.anchor);
      const x0 = a.includes('left') ? ax : a.includes('right') ? ax - w : ax - w / 2;
      const y0 = a.includes('top') ? ay : a.includes('bottom') ? ay - hgt : ay - hgt / 2;
      // MapLibre's glyph boxes are a little smaller than the line box: count the ink, not the leading.
      return {
        key: String(f.key),
        anchor: a,
        box: [x0, y0 + size * 0.15, x0 + w, y0 + hgt - size * 0.15] as [number, number, number, number],
      };
    });
    const rect = (el: Element | null) => {
      if (!el || (el as HTMLElement).hidden) return null;
      const mr = map.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return [r.left - mr.left, r.top - mr.top, r.right - mr.left, r.bottom - mr.top] as [
        number,
        number,
        number,
        number,
      ];
    };
    return {
      labels,
      frame: [map.clientWidth, map.clientHeight] as [number, number],
      callout: rect(map.querySelector('.ain-callout')),
      credit: rect(map.querySelector('.maplibregl-ctrl-attrib')),
    };
  });
  return { ...m, covers: over };
}

/** Visits every milestone from the range's start with Page Up, measuring at each. */
async function eachMilestone(
  page: Page,
  measure: () => Promise<Measured>,
  what: string,
): Promise<{ found: string[]; keys: Map<string, string[]> }> {
  const found: string[] = [];
  const keys = new Map<string, string[]>();

  await page.focus('#date-slider');
  for (const date of dates) {
    await page.keyboard.press('PageUp');
    await page.waitForFunction((d) => document.documentElement.dataset.date === d, date, { timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await measure();
    found.push(...problems(m, `${what} ${date}`));
    keys.set(date, m.labels.map((l) => l.key).sort());
  }
  return { found, keys };
}

describe('labels on both renderers', () => {
  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      it(`never overlap, leave the frame or hide under controls at ${width} px in ${lang}; WebGL draws the SVG map's labels`, async () => {
        const height = width < 700 ? 720 : 860;
        const url = `${site.server.url}?lang=${lang}&date=${timeline.range.start}`;
        const p = await open(site.browser, null, { viewport: { width, height } });
        // The live SVG map first: the engine's chunk is held back until it has been measured, so both
        // renderers are measured on one page with one tool bar, as a reader sees the handover.
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        await p.page.route(/map-view-[^/]*\.js$/, async (route) => {
          await held;
          await route.fallback();
        });
        await p.page.goto(url);
        await p.page.waitForSelector('#map-static svg text[data-label]');
        await p.page.evaluate(() => document.fonts.ready);
        const svg = await eachMilestone(p.page, () => measureSvg(p.page), `svg ${width} ${lang}`);
        expect(await p.page.getAttribute('#map', 'data-renderer')).toBe('svg');
        release();
        await p.page.waitForSelector('#map[data-renderer=webgl]', { timeout: 60_000 });
        await p.page.focus('#date-slider');
        await p.page.keyboard.press('Home');
        await p.page.waitForFunction((d) => document.documentElement.dataset.date === d, timeline.range.start);
        const gl = await eachMilestone(p.page, () => measureWebgl(p.page), `webgl ${width} ${lang}`);
        await p.close();
        expect([...svg.found, ...gl.found]).toEqual([]);
        for (const date of dates) {
          const a = svg.keys.get(date)!;
          const b = gl.keys.get(date)!;
          expect({ date, missing: a.filter((k) => !b.includes(k)), extra: b.filter((k) => !a.includes(k)) }).toEqual({
            date,
            missing: [],
            extra: [],
          });
        }
      }, 180_000);
    }
  }
});
