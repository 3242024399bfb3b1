/** The transition story: deep links, the keyboard walk, the site details with sources, and a visible change. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { differingPixels, expectPngGolden } from '../support/golden.ts';
import { mapScreenshot, open, waitDrawn, waitReady } from './browser.ts';
import { goldenPng, useSite } from './fixture.ts';

const site = useSite();

/** Records every history.pushState of the page from now on (its URLs), in window.__pushes. */
async function recordPushes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __pushes: string[] };
    w.__pushes = [];
    const push = history.pushState.bind(history);
    history.pushState = (state, title, url) => {
      w.__pushes.push(String(url));
      push(state, title, url);
    };
  });
}

const pushes = (page: Page) => page.evaluate(() => (window as unknown as { __pushes: string[] }).__pushes);

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
          // 0.1 %: a fresh load draws the same pixels here, and "before" and phase 1 differ in only
          // 0.25 % of them (one site), which the default 0.5 % would let through.
          expectPngGolden(goldenPng(`map-${size}-${phase}`), await mapScreenshot(p.page), { maxDiffRatio: 0.001 });
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
      // Counted before the press: on a loaded machine the entry may be pushed before the map has drawn.
      const entries = await p.page.evaluate(() => history.length);
      await p.page.keyboard.press('End');
      await waitDrawn(p.page, '2026-12-31');
      await p.page.waitForURL(/date=2026-12-31/, { timeout: 5000 });
      // The move becomes a history entry once the slider rests.
      await p.page.waitForFunction((n) => history.length === n + 1, entries, { timeout: 15_000 });
      // Back to the start, then a burst of presses (well inside one pause): the map follows each, and
      // once the slider rests the burst is one history entry, so Back returns to where it began.
      await p.page.goBack();
      await waitDrawn(p.page, '2025-06-01');
      await recordPushes(p.page);
      // Sent in one go (a loaded machine could otherwise leave a pause between two presses).
      await slider.evaluate((el) => {
        for (const key of ['End', 'PageDown', 'Home', 'ArrowRight'])
          el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
      await waitDrawn(p.page, '2024-09-08');
      const valuetext = await slider.getAttribute('aria-valuetext');
      expect(valuetext).toMatch(/8 September 2024/);
      await p.page.waitForURL(/date=2024-09-08/, { timeout: 5000 });
      // The burst's own entry (the burst's end date pushed once the slider rests) is the sign that the
      // pause is over; by then every entry the burst makes has been pushed, and it must be that one.
      await expect
        .poll(() => pushes(p.page), { timeout: 10_000 })
        .toContainEqual(expect.stringMatching(/date=2024-09-08/));
      expect(await pushes(p.page)).toHaveLength(1);
      expect(await p.page.evaluate(() => history.length)).toBe(entries + 1);
      await p.page.goBack();
      await waitDrawn(p.page, '2025-06-01');
    } finally {
      await p.close();
    }
  });

  it('redraws the map in place from before the announcement to after the transition, like the goldens', async () => {
    // Both pictures are the phase goldens above (they differ in 5.5 % of their pixels, ten times the
    // tolerance): the map on screen must become the expected picture of the later date, not just change.
    const p = await open(site.browser, `${site.server.url}?date=2024-09-10`);
    try {
      await waitDrawn(p.page, '2024-09-10');
      expectPngGolden(goldenPng('map-desktop-before'), await mapScreenshot(p.page), { write: false });
      // A move through the URL, as back/forward makes it: the same page, no reload.
      await p.page.evaluate(() => {
        history.pushState(null, '', '?date=2026-11-01');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await waitDrawn(p.page, '2026-11-01');
      // Redrawn in place, a few labels land a pixel apart from a fresh load's (about 0.2 %).
      expectPngGolden(goldenPng('map-desktop-after'), await mapScreenshot(p.page), { write: false });
      expect(p.errors).toEqual([]);
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
      const before = await mapScreenshot(p.page);
      // Nothing moves on its own: the map is still the same picture (the button is there to be pressed).
      await expect(p.page.getByTestId('phase-camera').isVisible()).resolves.toBe(true);
      expect(differingPixels(before, await mapScreenshot(p.page))).toBeLessThan(500);
      await p.page.getByTestId('phase-camera').click();
      // The camera moves (at once with reduced motion; polled, the frame may come a moment later).
      await expect
        .poll(async () => differingPixels(before, await mapScreenshot(p.page)), { timeout: 10_000 })
        .toBeGreaterThan(2000);
      await p.page.getByTestId('reset-view').click();
      // And comes back to the fitted view: the first picture again.
      await expect
        .poll(async () => differingPixels(before, await mapScreenshot(p.page)), { timeout: 10_000 })
        .toBeLessThan(500);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
