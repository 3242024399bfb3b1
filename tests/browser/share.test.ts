/**
 * What an editor takes away from the map (issue 14, item 4): "Copy link to this view", "Download
 * image" at 1200 and 2400 px (a real PNG from the SVG renderer, with headline, legend and credit), and
 * full screen, with its fallback link where a frame may not go full screen.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';
import { startServer, type TestServer } from './server.ts';
import { iframeSnippet } from '../../src/embed/snippets.ts';

const site = useSite();
const DATE = '2026-02-20';

async function openShare(page: Page): Promise<void> {
  await page.locator('#share-button').click();
  await page.locator('#share-panel').waitFor({ state: 'visible' });
}

/** A host page of another origin (localhost against the map's 127.0.0.1) whose body is html. */
function hostPage(html: string): Promise<TestServer> {
  return startServer({
    root: '/nonexistent',
    overrides: [
      (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<!doctype html><title>host</title>${html}`);
        return true;
      },
    ],
  });
}

/** The map's frame inside a host page, once it exists. */
async function mapFrameIn(page: Page): Promise<Frame> {
  for (let i = 0; i < 300; i++) {
    const f = page.frames().find((x) => x.url().startsWith(site.server.url));
    if (f) return f;
    await page.waitForTimeout(100);
  }
  throw new Error('no map frame');
}

describe('share menu', () => {
  it('copies a link to the current view (date, site, language) and says so', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}&site=ain-al-asad&lang=de`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      await waitReady(p.page);
      await openShare(p.page);
      expect(await p.page.locator('#share-panel').getAttribute('aria-label')).toBe('Diese Karte teilen');
      await p.page.locator('[data-action="copy-link"]').click();
      await expect.poll(() => p.page.locator('.share-status').textContent()).toBe('Link kopiert');
      const copied = await p.page.evaluate(() => navigator.clipboard.readText());
      const u = new URL(copied);
      expect(u.origin + u.pathname).toBe(site.server.url);
      expect(u.searchParams.get('date')).toBe(DATE);
      expect(u.searchParams.get('site')).toBe('ain-al-asad');
      expect(u.searchParams.get('lang')).toBe('de');
      expect(u.searchParams.has('embed')).toBe(false);
      // Escape closes the panel and gives focus back to its button.
      await p.page.keyboard.press('Escape');
      expect(await p.page.locator('#share-panel').isHidden()).toBe(true);
      expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('share-button');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('shows the link selected for copying by hand where the clipboard is refused', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`);
    try {
      await waitReady(p.page);
      // No clipboard permission in this context: writeText rejects.
      await p.page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new Error('denied')) },
        });
      });
      await openShare(p.page);
      await p.page.locator('[data-action="copy-link"]').click();
      const field = p.page.locator('.share-link');
      await field.waitFor({ state: 'visible' });
      expect(new URL(await field.inputValue()).searchParams.get('date')).toBe(DATE);
      expect(await p.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.className)).toBe(
        'share-link',
      );
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it.each([
    [1200, 'en'],
    [2400, 'en'],
    [1200, 'ar'],
  ] as const)(
    'downloads the current view as a %i px PNG with headline, legend and credit (%s)',
    async (width, lang) => {
      const p = await open(site.browser, `${site.server.url}?date=${DATE}&lang=${lang}`, { acceptDownloads: true });
      try {
        await waitReady(p.page);
        await openShare(p.page);
        const [download] = await Promise.all([
          p.page.waitForEvent('download', { timeout: 30_000 }),
          p.page.locator(`[data-action="image"][data-width="${width}"]`).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`coalition-map-${DATE}-${lang}-${width}.png`);
        const png = PNG.sync.read(readFileSync((await download.path())!));
        expect(png.width).toBe(width);
        // 1200 × (headline + 720 px map + credit): landscape, a little taller than 3:5.
        expect(png.height / png.width).toBeGreaterThan(0.65);
        expect(png.height / png.width).toBeLessThan(0.8);
        // Not blank: the sea, the land and ink (the headline's text is near-black) are all there.
        const at = (x: number, y: number): [number, number, number] => {
          const i = (Math.round(y) * png.width + Math.round(x)) * 4;
          return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        };
        let dark = 0;
        const s = width / 1200;
        // The headline's first half: on the left, or on the right in Arabic (which once came out blank).
        const from = lang === 'ar' ? 600 : 24;
        for (let x = from * s; x < (from + 576) * s; x += 2) {
          for (let y = 10 * s; y < 56 * s; y += 2) {
            const [r, g, b] = at(x, y);
            if (r + g + b < 200) dark++;
          }
        }
        expect(dark, 'headline text in the image').toBeGreaterThan(200);
        await expect
          .poll(() => p.page.locator('.share-status').textContent())
          .toBe(lang === 'ar' ? 'تم تنزيل الصورة' : 'Image downloaded');
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    },
  );
});

describe('the image of a zoomed view', () => {
  it('shows what the reader has zoomed to, not the whole region, and the whole region again after a reset', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`, {
      acceptDownloads: true,
      reducedMotion: 'reduce',
    });
    try {
      await waitReady(p.page);
      const image = async () => {
        await openShare(p.page);
        const [download] = await Promise.all([
          p.page.waitForEvent('download', { timeout: 30_000 }),
          p.page.locator('[data-action="image"][data-width="1200"]').click(),
        ]);
        await p.page.keyboard.press('Escape');
        return PNG.sync.read(readFileSync((await download.path())!));
      };
      // The share of the image's pixels that differ between two images of the same size.
      const differ = (a: PNG, b: PNG) => {
        let n = 0;
        for (let i = 0; i < a.data.length; i += 4) {
          if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 30) n++;
        }
        return n / (a.width * a.height);
      };
      const region = await image();
      const moved = () => p.page.evaluate(() => document.querySelector('.scale-bar')?.textContent ?? '');
      const scaleBefore = await moved();
      await p.page.getByTestId('phase-camera').click();
      // The camera has moved and settled when the scale bar (which follows the camera) reads otherwise.
      await expect.poll(moved, { timeout: 10_000 }).not.toBe(scaleBefore);
      const zoomed = await image();
      expect(zoomed.width).toBe(region.width);
      expect(zoomed.height).toBe(region.height);
      expect(differ(region, zoomed), 'a zoomed map is another picture').toBeGreaterThan(0.2);
      await p.page.getByTestId('reset-view').click();
      await expect.poll(moved, { timeout: 10_000 }).toBe(scaleBefore);
      expect(differ(region, await image()), 'back to the region').toBeLessThan(0.01);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('full screen', () => {
  it('puts the map, slider and legend on the whole screen and back', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`);
    try {
      await waitReady(p.page);
      const button = p.page.locator('#fullscreen-button');
      expect(await button.getAttribute('aria-label')).toBe('Full screen');
      await button.click();
      await expect.poll(() => p.page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('app');
      await expect.poll(() => button.getAttribute('aria-label')).toBe('Exit full screen');
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await button.click();
      await expect.poll(() => p.page.evaluate(() => document.fullscreenElement)).toBe(null);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('is a link to the full map in a frame that may not go full screen', async () => {
    const host = await hostPage(
      `<iframe src="${site.server.url}?date=${DATE}&embed=1" width="800" height="640" style="border:0"></iframe>`,
    );
    const p = await open(site.browser, `http://localhost:${host.port}/`);
    try {
      const frame = await mapFrameIn(p.page);
      await frame.waitForSelector('#fullscreen-button', { timeout: 30_000 });
      const link = frame.locator('#fullscreen-button');
      expect(await link.evaluate((el) => el.tagName)).toBe('A');
      const href = new URL((await link.getAttribute('href'))!);
      expect(href.searchParams.get('date')).toBe(DATE);
      expect(href.searchParams.has('embed')).toBe(false);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('aria-label')).toBe('Open the full map in a new tab');
    } finally {
      await p.close();
      await host.close();
    }
  });
});

describe('share, image and full screen in an embed', () => {
  it('work inside the iframe snippet on another origin: full screen, the link to the full map, the image', async () => {
    // The iframe-only snippet as an editor pasted it before it allowed clipboard-write, on a host page
    // of another origin (localhost against 127.0.0.1): the frame may go full screen, but its clipboard
    // is refused, and the map must not even ask (Chrome reports a policy violation in the host's console).
    const current = iframeSnippet(site.server.url, { date: DATE, lang: 'en', theme: 'auto' }, 'Map');
    expect(current).toContain('allow="fullscreen; clipboard-write"');
    const snippet = current.replace('allow="fullscreen; clipboard-write"', 'allow="fullscreen"');
    const host = await hostPage(`<p>Article text.</p>${snippet}`);
    const p = await open(site.browser, `http://localhost:${host.port}/`, { acceptDownloads: true });
    try {
      const frame = await mapFrameIn(p.page);
      await frame.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', null, {
        timeout: 60_000,
      });
      // Full screen: the frame may go full screen, so it is the button, and it puts the map's page on the screen.
      const button = frame.locator('#fullscreen-button');
      expect(await button.evaluate((el) => el.tagName)).toBe('BUTTON');
      await button.click();
      await expect.poll(() => frame.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('app');
      await button.click();
      await expect.poll(() => frame.evaluate(() => document.fullscreenElement)).toBe(null);
      // Copy link: the clipboard is refused here, so the link shows selected; it is the full map's.
      await frame.locator('#share-button').click();
      await frame.locator('#share-panel').waitFor({ state: 'visible' });
      await frame.locator('[data-action="copy-link"]').click();
      const field = frame.locator('.share-link');
      const status = frame.locator('.share-status');
      await field.waitFor({ state: 'visible' });
      expect(await status.textContent()).not.toBe('Link copied');
      const u = new URL(await field.inputValue());
      expect(u.origin + u.pathname).toBe(site.server.url);
      expect(u.searchParams.get('date')).toBe(DATE);
      expect(u.searchParams.has('embed')).toBe(false);
      // Download image: from inside the frame, a real PNG.
      const [download] = await Promise.all([
        p.page.waitForEvent('download', { timeout: 30_000 }),
        frame.locator('[data-action="image"][data-width="1200"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`coalition-map-${DATE}-en-1200.png`);
      const png = PNG.sync.read(readFileSync((await download.path())!));
      expect(png.width).toBe(1200);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
      await host.close();
    }
  });
});
