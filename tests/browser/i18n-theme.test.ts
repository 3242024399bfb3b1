import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/data/schema.ts';
import { formatDate, t } from '../../src/i18n/index.ts';
import { axeViolations } from './axe.ts';
import { open, waitDrawn } from './browser.ts';
import { expectPngGolden } from '../support/golden.ts';
import { goldenPng, useSite } from './fixture.ts';

const site = useSite();
const DATE = '2025-06-01';
const SIZES = [
  ['desktop', { width: 1000, height: 700 }],
  ['phone', { width: 375, height: 667 }],
] as const;

/** Mean relative luminance (0–1) of an element's pixels. */
async function meanLuminance(page: Page, selector: string): Promise<number> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    sum += 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
  }
  return sum / (png.data.length / 4) / 255;
}

/** Waits until the map's mean luminance is on the given side of 0.35 (dark maps are near 0.15, light near 0.8). */
async function waitMapTone(page: Page, tone: 'dark' | 'light'): Promise<void> {
  const poll = expect.poll(() => meanLuminance(page, '#map'), { timeout: 10_000, message: `the map is not ${tone}` });
  await (tone === 'dark' ? poll.toBeLessThan(0.35) : poll.toBeGreaterThan(0.35));
}

const html = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    theme: document.documentElement.dataset.theme,
  }));

/** Switches the language the way the back button does: a new URL and popstate (no reload). */
async function switchLang(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((l) => {
    const u = new URL(location.href);
    u.searchParams.set('lang', l);
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, lang);
}

describe('Arabic', () => {
  for (const [size, viewport] of SIZES) {
    it(`mirrors the page and names the map in Arabic at ${size} size`, async () => {
      const p = await open(site.browser, `${site.server.url}?lang=ar&date=${DATE}`, { viewport });
      try {
        await waitDrawn(p.page, DATE);
        expect(await html(p.page)).toMatchObject({ lang: 'ar', dir: 'rtl' });
        expect(await p.page.locator('h1').textContent()).toBe(t('ar', 'app.title'));
        expect(await p.page.locator('#current-date').textContent()).toBe(formatDate('ar', DATE));
        expect(await p.page.locator('#map').getAttribute('aria-label')).toBe(
          t('ar', 'map.label', { date: formatDate('ar', DATE) }),
        );
        const box = async (s: string) => (await p.page.locator(s).first().boundingBox())!;
        // The slider runs right to left: its start is on the right.
        expect(await p.page.locator('#date-slider').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        // Legend: the swatch on the right, the count on the left.
        const row = await box('.legend li[data-status="present"]');
        expect((await box('.legend li[data-status="present"] .swatch')).x).toBeGreaterThan(row.x + row.width / 2);
        expect((await box('.legend li[data-status="present"] .count')).x).toBeLessThan(row.x + row.width / 2);
        // The map's controls sit on its left, the zoom buttons away from the tools.
        const map = await box('#map');
        expect((await box('.maplibregl-ctrl-zoom-in')).x).toBeLessThan(map.x + map.width / 2);
        if (size === 'desktop') {
          // The side panel is on the left of the map.
          expect((await box('#side')).x).toBeLessThan(map.x);
          expect(await axeViolations(p.page)).toEqual([]);
        }
        expectPngGolden(goldenPng(`page-ar-${size}-${DATE}`), await p.page.screenshot());
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }
});

describe('the dark theme', () => {
  for (const [size, viewport] of SIZES) {
    it(`darkens the page and the map at ${size} size`, async () => {
      const p = await open(site.browser, `${site.server.url}?theme=dark&date=${DATE}`, { viewport });
      try {
        await waitDrawn(p.page, DATE);
        expect((await html(p.page)).theme).toBe('dark');
        await waitMapTone(p.page, 'dark');
        if (size === 'desktop') expect(await axeViolations(p.page)).toEqual([]);
        // The element screenshot in waitMapTone may have scrolled the map into view.
        await p.page.evaluate(() => window.scrollTo(0, 0));
        expectPngGolden(goldenPng(`page-dark-${size}-${DATE}`), await p.page.screenshot());
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it('follows the system with theme=auto, and languages switch without a reload', async () => {
    const p = await open(site.browser, null, { colorScheme: 'dark' });
    try {
      await p.page.goto(`${site.server.url}?theme=auto&date=${DATE}`);
      await waitDrawn(p.page, DATE);
      expect(await html(p.page)).toEqual({ lang: 'en', dir: 'ltr', theme: 'dark' });
      await waitMapTone(p.page, 'dark');
      await p.page.emulateMedia({ colorScheme: 'light' });
      await p.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      await waitMapTone(p.page, 'light');
      await p.page.emulateMedia({ colorScheme: 'dark' });
      await p.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await waitMapTone(p.page, 'dark');

      for (const lang of ['de', 'fr', 'ar', 'en'] as const) {
        await switchLang(p.page, lang);
        await p.page.waitForFunction((l) => document.documentElement.lang === l, lang);
        expect(await html(p.page)).toMatchObject({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
        expect(await p.page.title()).toBe(t(lang, 'app.title'));
        expect(await p.page.locator('h1').textContent()).toBe(t(lang, 'app.title'));
        expect(await p.page.locator('#legend-title').textContent()).toBe(
          t(lang, 'legend.title', { date: formatDate(lang, DATE) }),
        );
        expect(await p.page.locator('#date-slider').getAttribute('aria-label')).toBe(t(lang, 'slider.label'));
        // Its accessible name (the label it shows may be the short one on a narrow page).
        expect(await p.page.locator('#map-tools [aria-controls="site-table"]').getAttribute('aria-label')).toBe(
          t(lang, 'table.show'),
        );
        expect(await p.page.locator('#map canvas').getAttribute('aria-label')).toBe(t(lang, 'map.canvas'));
        expect(await p.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe(t(lang, 'map.zoomIn'));
        expect(await p.page.locator('#map').getAttribute('aria-label')).toBe(
          t(lang, 'map.label', { date: formatDate(lang, DATE) }),
        );
      }
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
