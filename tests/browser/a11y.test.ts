/**
 * Access without a mouse or without sight: axe-core on the page in its states, the map's name and
 * description, a keyboard-only walk (table, site details, slider) with the live announcement, no
 * keyboard trap in the embed, reduced motion, more contrast, forced colours, and the printed page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate, t } from '../../src/i18n/index.ts';
import { addDays } from '../../src/data/dates.ts';
import { phaseAt, statusAt } from '../../src/state/selectors.ts';
import { sceneAt } from '../../src/scene/scene.ts';
import { statusSourceIds } from '../../src/ui/print-view.ts';
import { liveData } from '../support/live-data.ts';
import { axeViolations } from './axe.ts';
import { open, waitDrawn, waitReady } from './browser.ts';
import { ROOT, useSite } from './fixture.ts';

const site = useSite();
const OUT = join(ROOT, 'tests', 'browser', '__output__');
// The built site serves the live facts: the expectations are computed from the same files.
const data = liveData();
const { presence, timeline } = data;

/** Presses Tab (or Shift+Tab) until the focused element matches selector; fails after max presses. */
async function tabTo(page: Page, selector: string, max = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} not reached with ${max} × ${key}`);
}

/** The day in the timeline's range whose status sources take the most characters to list. */
function longestSourceList(): string {
  const byId = new Map(data.sources.sources.map((s) => [s.id, s]));
  let best = { date: timeline.range.start, length: -1 };
  for (let d = timeline.range.start; d <= timeline.range.end; d = addDays(d, 1)) {
    const length = statusSourceIds(sceneAt({ data, basemap: {} }, d, 'en', 'light')).reduce((n, id) => {
      const s = byId.get(id);
      return n + 24 + (s ? s.outlet.length + (s.via?.length ?? 0) + s.title.length : 0);
    }, 0);
    if (length > best.length) best = { date: d, length };
  }
  return best.date;
}

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe('axe-core and the map region', () => {
  it('finds nothing serious on the page, with the table and a site open, with more contrast and forced colours', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2025-06-01`);
    try {
      await waitDrawn(p.page, '2025-06-01');
      expect(await axeViolations(p.page)).toEqual([]);

      // The map box is a named region described by a summary that follows the date.
      const map = p.page.locator('#map');
      expect(await map.getAttribute('role')).toBe('region');
      expect(await map.getAttribute('aria-label')).toBe(t('en', 'map.label', { date: formatDate('en', '2025-06-01') }));
      expect(await map.getAttribute('aria-describedby')).toBe('map-desc');
      const desc = (await p.page.locator('#map-desc').textContent()) ?? '';
      expect(desc).toContain(phaseAt(timeline, '2025-06-01')!.label.en);
      expect(desc).toContain('1 June 2025');
      const canvas = p.page.locator('#map canvas');
      expect(await canvas.getAttribute('aria-label')).toBe(t('en', 'map.canvas'));
      expect(await canvas.getAttribute('aria-describedby')).toBe('map-desc');

      await p.page.locator('.site-list [data-site="al-tanf"]').click();
      await p.page.locator('#map-tools [aria-controls="site-table"]').click();
      await expect(p.page.locator('#site-details').isVisible()).resolves.toBe(true);
      await expect(p.page.locator('#site-table').isVisible()).resolves.toBe(true);
      expect(await axeViolations(p.page)).toEqual([]);

      await p.page.locator('#map-tools [aria-controls="site-table"]').click();
      for (const media of [{ contrast: 'more' }, { forcedColors: 'active' }] as const) {
        await p.page.emulateMedia(media);
        expect(await axeViolations(p.page), JSON.stringify(media)).toEqual([]);
        // Still drawn and still a map: the canvas keeps its colours (many distinct pixels).
        await waitReady(p.page);
        const png = await p.page.locator('#map').screenshot();
        expect(png.length, JSON.stringify(media)).toBeGreaterThan(30_000);
      }
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('finds nothing serious in the embed, and Tab moves on past the map', async () => {
    const p = await open(site.browser, `${site.server.url}?embed=1&date=2025-06-01`);
    try {
      await waitDrawn(p.page, '2025-06-01');
      expect(await axeViolations(p.page)).toEqual([]);
      await tabTo(p.page, '#map canvas');
      const outline = await p.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).toBe('solid');
      await tabTo(p.page, '#date-slider');
      await p.page.keyboard.press('PageUp');
      expect(await focused(p.page, '#date-slider')).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('keyboard only', () => {
  it('reaches the table, a site and the slider, and the live region says what changed', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2025-06-01`);
    try {
      await waitDrawn(p.page, '2025-06-01');
      const page = p.page;

      await tabTo(page, '#map-tools [aria-controls="site-table"]');
      await page.keyboard.press('Enter');
      await expect(page.locator('#site-table').isVisible()).resolves.toBe(true);
      expect(await focused(page, '#site-table')).toBe(true);
      expect(await page.locator('#site-table caption').textContent()).toContain('1 June 2025');
      await page.keyboard.press('Tab');
      expect(await focused(page, '#site-table a')).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('#site-table').isHidden()).resolves.toBe(true);
      expect(await focused(page, '#map-tools [aria-controls="site-table"]')).toBe(true);

      await tabTo(page, '.site-list [data-site="ain-al-asad"]');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).toBe('solid');
      await page.keyboard.press('Enter');
      await expect(page.locator('#site-details').isVisible()).resolves.toBe(true);
      expect(await focused(page, '#details-title')).toBe(true);
      // The URL follows once the change has rested (history-sync.ts).
      await page.waitForURL(/site=ain-al-asad/, { timeout: 5000 });

      // The slider comes before the panels in the tab order (as on screen): back from the details.
      await tabTo(page, '#date-slider', 40, 'Shift+Tab');
      await page.keyboard.press('End');
      await waitDrawn(page, timeline.range.end);
      // After the slider settles (700 ms) the polite region names the date, the phase and the changes.
      const date = timeline.range.end;
      await page.waitForFunction(
        (d) => document.getElementById('live')?.textContent?.includes(d),
        formatDate('en', date),
        { timeout: 5000 },
      );
      const live = (await page.locator('#live').textContent()) ?? '';
      expect(live).toContain(phaseAt(timeline, date)?.label.en ?? '');
      const changed = presence.features.filter(
        (f) => statusAt(f, '2025-06-01')?.status !== statusAt(f, date)?.status && statusAt(f, date),
      );
      expect(changed.length).toBeGreaterThan(0);
      for (const f of changed) {
        expect(live).toContain(
          t('en', 'live.change', {
            name: f.properties.name.en,
            status: t('en', `status.${statusAt(f, date)!.status}`),
          }),
        );
      }
      expect(await page.locator('#live').getAttribute('aria-live')).toBe('polite');
      // The date under the slider does not announce itself as well.
      expect(await page.locator('#current-date').getAttribute('aria-live')).toBe('off');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('with reduced motion, Play steps one milestone per press and never runs on by itself', async () => {
    const p = await open(site.browser, null, { reducedMotion: 'reduce' });
    try {
      // The page's clock is Playwright's, so the test can move it on instead of waiting.
      await p.page.clock.install();
      await p.page.goto(`${site.server.url}?date=2025-06-01`);
      await waitDrawn(p.page, '2025-06-01');
      const play = p.page.locator('#timeline .play');
      expect(await play.textContent()).toBe(t('en', 'slider.next'));
      await play.click();
      const milestone =
        timeline.events
          .filter((e) => e.milestone && e.date > '2025-06-01')
          .map((e) => e.date)
          .sort()[0] ?? timeline.range.end;
      await waitDrawn(p.page, milestone);
      // 2.2 s is the play interval: run the page's timers and frames through 3 s of its time. A step of
      // its own would have moved the state, and within those 3 s the URL (rewritten 250 ms after a
      // change) and the map (a frame later) would show it.
      await p.page.clock.runFor(3000);
      await p.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      expect(await p.page.evaluate(() => location.search)).toContain(`date=${milestone}`);
      expect(await p.page.evaluate(() => document.documentElement.dataset.date)).toBe(milestone);
      expect(await play.getAttribute('aria-pressed')).toBe(null);
    } finally {
      await p.close();
    }
  });
});

describe('print', () => {
  it('prints the current view as the static map with its legend and sources on one A4 landscape page', async () => {
    // The date whose source list is longest in the data: if it fits on one page, every date does.
    const date = longestSourceList();
    const ids = statusSourceIds(sceneAt({ data, basemap: {} }, date, 'en', 'light'));
    const p = await open(site.browser, `${site.server.url}?date=${date}`, { viewport: { width: 1123, height: 794 } });
    try {
      await waitDrawn(p.page, date);
      // The WebGL map is on screen; the print map in #map-static follows the date once it settles.
      expect(await p.page.locator('#map-static').isHidden()).toBe(true);
      await p.page.waitForSelector(`#map-static[data-print-date="${date}"]`, { state: 'attached', timeout: 20_000 });
      const pdf = await p.page.pdf({ preferCSSPageSize: true, printBackground: true });
      const text = pdf.toString('latin1');
      const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
      const pages = counts.length ? Math.max(...counts) : [...text.matchAll(/\/Type\s*\/Page\b/g)].length;
      expect(pages).toBe(1);

      await p.page.emulateMedia({ media: 'print' });
      expect(await p.page.locator('#map-static svg').isVisible()).toBe(true);
      expect(await p.page.locator('#map canvas').isVisible()).toBe(false);
      const svgText = (await p.page.locator('#map-static svg').textContent()) ?? '';
      expect(svgText).toContain(formatDate('en', date));
      expect(svgText).toContain(t('en', 'status.present'));
      const sources = p.page.locator('.print-sources li');
      expect(await sources.count()).toBe(ids.length);
      expect(await p.page.locator('.print-sources h2').textContent()).toContain(formatDate('en', date));
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'print-a4.pdf'), pdf);
      await p.page.screenshot({ path: join(OUT, 'print-a4.png'), fullPage: true });
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
