/**
 * Hostile URLs in the real page (issue 9). Hundreds of generated and hand-picked query strings go
 * through the live parser in one page (history.replaceState + popstate, which re-parses the URL),
 * and a few through a fresh load, where unusable values become notices. Nothing may run, no element
 * may come from the input, the state stays valid and the map stays drawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../support/random.ts';
import { open, waitDrawn, waitReady } from './browser.ts';
import { DIST, useSite } from './fixture.ts';

const site = useSite();
const timeline = JSON.parse(readFileSync(join(DIST, 'geo', 'timeline.json'), 'utf8')) as {
  range: { start: string; end: string };
  defaultDate?: string;
};
const DEFAULT_DATE = timeline.defaultDate ?? timeline.range.end;
const DATE = '2025-06-01';
const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "'-window.__xss=1-'",
  '{{constructor.constructor("window.__xss=1")()}}',
];
const HOSTILE = [
  ...XSS,
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '2025-02-30',
  '9999-99-99',
  '0000-01-01',
  '+002025-01-01',
  '2025-1-1',
  '２０２５-０１-０１',
  '\u202eevil',
  '\u0000',
  '%',
  '%E0%A4%A',
  '%00',
  'EN',
  'dark ',
  'yes',
  '',
  'x'.repeat(300),
];
const NAMES = ['date', 'phase', 'site', 'lang', 'theme', 'embed', 'static', 'origin', 'childId'];

function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

/** n query strings: random names and values, hostile or valid, encoded or raw. */
function queries(n: number, siteIds: string[]): string[] {
  const r = rng(2025);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const valid: Record<string, string[]> = {
    date: ['2024-09-01', '2025-06-01', '2026-12-31', '2024-02-29'],
    phase: ['before', 'phase-1', 'phase-2', 'after'],
    site: siteIds,
    lang: ['en', 'de', 'fr', 'ar'],
    theme: ['auto', 'light', 'dark'],
    embed: ['0', 'false'],
    static: ['0'],
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let k = Math.floor(r() * 7); k > 0; k--) {
      const name = pick(NAMES);
      const value = r() < 0.4 && valid[name] ? pick(valid[name]!) : pick(HOSTILE);
      parts.push(r() < 0.6 ? `${name}=${enc(value)}` : `${name}=${value}`);
    }
    out.push(`?${parts.join('&')}`);
  }
  return out;
}

interface Bad {
  query: string;
  problem: string;
}

/** Runs every query through replaceState + popstate in the page; returns the cases that broke a rule. */
function runInPage(page: Page, cases: string[]): Promise<{ bad: Bad[]; ran: number; added: string[] }> {
  return page.evaluate((cases) => {
    const LANGS = ['en', 'de', 'fr', 'ar'];
    const added: string[] = [];
    const risky = new Set(['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'META', 'STYLE', 'BASE', 'FORM']);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          for (const el of [n, ...n.querySelectorAll('*')]) {
            if (risky.has(el.tagName.toUpperCase())) added.push(el.outerHTML.slice(0, 120));
            for (const a of el.attributes) if (/^on/i.test(a.name)) added.push(`${el.tagName}[${a.name}]`);
          }
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    const slider = document.getElementById('date-slider') as HTMLInputElement;
    const bad: { query: string; problem: string }[] = [];
    let ran = 0;
    for (const q of cases) {
      try {
        history.replaceState(null, '', `${location.pathname}${q}`);
      } catch {
        continue; // not a URL the browser accepts: it cannot reach the app either
      }
      ran++;
      try {
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      } catch (err) {
        bad.push({ query: q, problem: `threw ${String(err)}` });
        continue;
      }
      const root = document.documentElement;
      const value = Number(slider.value);
      const problems = [
        !LANGS.includes(root.lang) && `lang=${root.lang}`,
        root.dir !== (root.lang === 'ar' ? 'rtl' : 'ltr') && `dir=${root.dir}`,
        !['light', 'dark'].includes(root.dataset.theme ?? '') && `theme=${root.dataset.theme}`,
        !(Number.isInteger(value) && value >= 0 && value <= Number(slider.max)) && `slider=${slider.value}`,
        !/\d/.test(document.getElementById('current-date')?.textContent ?? '') && 'no date shown',
        (window as { __xss?: unknown }).__xss !== undefined && 'script ran',
      ].filter(Boolean);
      for (const problem of problems) bad.push({ query: q.slice(0, 120), problem: String(problem) });
    }
    observer.disconnect();
    return { bad, ran, added };
  }, cases);
}

describe('hostile URLs through the live parser (one page)', () => {
  it('keeps a valid state for 600 generated and all hand-picked queries; nothing runs, nothing is injected', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`);
    try {
      await waitDrawn(p.page, DATE);
      const siteIds = await p.page.$$eval('.site-list [data-site]', (els) =>
        els.map((e) => e.getAttribute('data-site')!),
      );
      const handPicked = NAMES.flatMap((n) => HOSTILE.map((v) => `?${n}=${enc(v)}`));
      const cases = [...handPicked, ...queries(600, siteIds), `?${'date=x&'.repeat(2000)}`];
      const t0 = Date.now();
      const { bad, ran, added } = await runInPage(p.page, cases);
      console.info(`fuzz-url: ${ran} queries through popstate in ${Date.now() - t0} ms`);
      expect(ran).toBeGreaterThan(800);
      expect(bad).toEqual([]);
      expect(added).toEqual([]);
      // Back to a valid address: the map draws it.
      await p.page.evaluate((d) => {
        history.replaceState(null, '', `${location.pathname}?date=${d}&lang=en`);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, '2026-02-13');
      await waitDrawn(p.page, '2026-02-13');
      expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      expect(await p.page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('links only to http(s), in a new tab with rel="noopener noreferrer", for every site and the table', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}&static=1`);
    try {
      await waitReady(p.page);
      const links = await p.page.evaluate(() => {
        const out: { href: string; target: string; rel: string }[] = [];
        const collect = () => {
          for (const a of document.querySelectorAll('a')) {
            out.push({ href: a.getAttribute('href') ?? '', target: a.target, rel: a.rel });
          }
        };
        (document.querySelector('button[aria-controls="site-table"]') as HTMLButtonElement).click();
        const ids = [...document.querySelectorAll('.site-list [data-site]')].map((e) => e.getAttribute('data-site'));
        for (const date of ['2024-09-01', '2025-06-01', '2026-12-31']) {
          for (const id of ids) {
            history.replaceState(null, '', `${location.pathname}?date=${date}&site=${id}`);
            window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
            collect();
          }
        }
        return out;
      });
      expect(links.length).toBeGreaterThan(50);
      const wrong = links.filter(
        (l) =>
          !/^https?:\/\//.test(l.href) ||
          (l.target === '_blank' &&
            !(l.rel.split(/\s+/).includes('noopener') && l.rel.split(/\s+/).includes('noreferrer'))),
      );
      expect(wrong).toEqual([]);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('hostile URLs at load (notices)', () => {
  const notices = (page: Page) =>
    page.$$eval('#notices .notice', (els) =>
      els.map((e) => ({
        param: e.getAttribute('data-param'),
        text: e.textContent ?? '',
        children: e.querySelectorAll('*').length,
      })),
    );

  it('names each unusable value in an inert notice and draws the default view (SVG map)', async () => {
    const q = [
      `date=${enc(XSS[0]!)}`,
      `phase=${enc('constructor')}`,
      `site=${enc('__proto__')}`,
      `lang=${enc(XSS[1]!)}`,
      `theme=${enc('\u202eneon')}`,
      'embed=yes',
      'static=1',
    ].join('&');
    const p = await open(site.browser, `${site.server.url}?${q}`);
    try {
      await waitDrawn(p.page, DEFAULT_DATE);
      const shown = await notices(p.page);
      // Six bad values; at most five notices, so a hostile link cannot fill the page.
      expect(shown.map((n) => n.param)).toEqual(['date', 'phase', 'site', 'lang', 'theme']);
      expect(shown[0]!.text).toContain(XSS[0]);
      expect(shown[3]!.text).toContain(XSS[1]);
      for (const n of shown) {
        expect(n.children, n.text).toBe(2); // its text span and its dismiss button, nothing from the URL
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        expect(n.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u001f]/);
      }
      expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await p.page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await p.page.locator('#site-details').isVisible()).toBe(false);
      // A notice can be dismissed.
      await p.page.locator('#notices .notice button').first().click();
      expect(await p.page.locator('#notices .notice').count()).toBe(4);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('refuses a 10 KB query as a whole with one notice, and draws the WebGL map', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1&lang=de&junk=${'%3Cb%3E'.repeat(1500)}`);
    try {
      await waitDrawn(p.page, DEFAULT_DATE);
      const shown = await notices(p.page);
      expect(shown.map((n) => n.param)).toEqual(['query']);
      expect(shown[0]!.text.length).toBeLessThan(300);
      expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('takes broken percent-encoding and a valid phase in place of an invalid date', async () => {
    const p = await open(
      site.browser,
      `${site.server.url}?date=2025-02-30&phase=phase-2&lang=%E0%A4%A&theme=%00&static=1`,
    );
    try {
      await waitReady(p.page);
      const shown = await notices(p.page);
      expect(shown.map((n) => n.param)).toEqual(['date', 'lang', 'theme']);
      const phaseStart = await p.page.evaluate(() => document.documentElement.dataset.date);
      expect(phaseStart).not.toBe(DEFAULT_DATE);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
