/** The transition story: deep links, the keyboard walk, the site details with sources, and a visible change. */
import { PUSH_PAUSE_MS } from '../../src/ui/history-sync.ts';
import { describe, expect, it } from 'vitest';
import { open, waitDrawn, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';
import { compareGolden } from './golden.ts';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const site = useSite();

const PHASE_DATES = [
  ['before', '2024-09-10'],
  ['phase-1', '2025-03-01'],
  ['phase-2', '2026-02-13'],
  ['after', '2026-11-01'],
] as const;

describe('the phase slider and the layers', () => {
  for (const [phase, date] of PHASE_DATES) {
    for (const [size, viewport] of [
      ['desktop', { width: 1000, height: 700 }],
      ['phone', { width: 375, height: 667 }],
    ] as const) {
      it(`draws ${phase} (${date}) at ${size} size like its golden`, async () => {
        const p = await open(site.browser, `${site.server.url}?date=${date}`, { viewport });
        try {
          await waitDrawn(p.page, date);
          const png = await p.page.locator('#map-wrap').screenshot();
          const r = compareGolden(`map-${size}-${phase}`, png);
          expect(r.ok, r.message).toBe(true);
          expect(p.errors).toEqual([]);
        } finally {
          await p.close();
        }
      });
    }
  }

  it('opens a deep link at its date and site, with the sources as links', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2026-02-12&site=al-tanf`);
    try {
      await waitDrawn(p.page, '2026-02-12');
      const details = p.page.locator('#site-details');
      await expect(details.isVisible()).resolves.toBe(true);
      const text = (await details.textContent()) ?? '';
      expect(text).toMatch(/Tanf/);
      const links = details.locator('a[href^="https://"]');
      expect(await links.count()).toBeGreaterThan(0);
      expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    } finally {
      await p.close();
    }
  });

  it('walks by keyboard: the keys move the map and the URL, and a burst of presses is one history entry', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2025-06-01`);
    try {
      await waitDrawn(p.page, '2025-06-01');
      const slider = p.page.locator('#date-slider');
      for (let i = 0; i < 40 && !(await slider.evaluate((el) => el === document.activeElement)); i++) {
        await p.page.keyboard.press('Tab');
      }
      await expect(slider.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await p.page.keyboard.press('End');
      await waitDrawn(p.page, '2026-12-31');
      await p.page.waitForURL(/date=2026-12-31/, { timeout: 5000 });
      const entries = await p.page.evaluate(() => history.length);
      // The move becomes a history entry once the slider rests.
      await p.page.waitForFunction((n) => history.length === n + 1, entries, { timeout: 5000 });
      // Back to the start, then a burst of presses (well inside one pause): the map follows each, and
      // once the slider rests the burst is one history entry, so Back returns to where it began.
      await p.page.goBack();
      await waitDrawn(p.page, '2025-06-01');
      // Sent in one go (a loaded machine could otherwise leave a pause between two presses).
      await slider.evaluate((el) => {
        for (const key of ['End', 'PageDown', 'Home', 'ArrowRight'])
          el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
      await waitDrawn(p.page, '2024-09-08');
      const valuetext = await slider.getAttribute('aria-valuetext');
      expect(valuetext).toMatch(/8 September 2024/);
      await p.page.waitForURL(/date=2024-09-08/, { timeout: 5000 });
      // The rule is about time (an entry per pause): wait out one pause, then the burst is one entry.
      await p.page.waitForTimeout(PUSH_PAUSE_MS + 300);
      expect(await p.page.evaluate(() => history.length)).toBe(entries + 1);
      await p.page.goBack();
      await waitDrawn(p.page, '2025-06-01');
    } finally {
      await p.close();
    }
  });

  it('visibly changes the map between October 2024 and late 2026', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2024-10-15`);
    try {
      await waitDrawn(p.page, '2024-10-15');
      const a = PNG.sync.read(await p.page.locator('#map').screenshot());
      await p.page.goto(`${site.server.url}?date=2026-11-01`);
      await waitDrawn(p.page, '2026-11-01');
      const b = PNG.sync.read(await p.page.locator('#map').screenshot());
      const changed = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
      expect(changed).toBeGreaterThan(500);
    } finally {
      await p.close();
    }
  });

  it('keeps the map usable after a click on a site on the canvas', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2025-06-01`);
    try {
      await waitReady(p.page);
      await p.page.locator('.site-list [data-site="ain-al-asad"]').click();
      await expect(p.page.locator('#site-details').isVisible()).resolves.toBe(true);
      await p.page.waitForURL(/site=ain-al-asad/, { timeout: 5000 });
    } finally {
      await p.close();
    }
  });

  it('moves the camera to the phase focus only when asked, at once with reduced motion, and back on reset', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2026-02-13`, { reducedMotion: 'reduce' });
    try {
      await waitDrawn(p.page, '2026-02-13');
      const before = PNG.sync.read(await p.page.locator('#map').screenshot());
      await p.page.getByTestId('phase-camera').click();
      await p.page.waitForFunction(() => document.documentElement.dataset.mapState === 'ready');
      await p.page.waitForTimeout(500);
      const after = PNG.sync.read(await p.page.locator('#map').screenshot());
      expect(
        pixelmatch(before.data, after.data, undefined, before.width, before.height, { threshold: 0.1 }),
      ).toBeGreaterThan(2000);
      await p.page.getByTestId('reset-view').click();
      await p.page.waitForTimeout(500);
      const reset = PNG.sync.read(await p.page.locator('#map').screenshot());
      expect(
        pixelmatch(before.data, reset.data, undefined, before.width, before.height, { threshold: 0.1 }),
      ).toBeLessThan(500);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
