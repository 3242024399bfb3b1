/**
 * The map without WebGL (a browser started with WebGL off), without JavaScript, and with ?static=1:
 * each still shows a map of the facts, and the slider still moves the SVG map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, t } from '../../src/i18n/index.ts';
import { open, waitDrawn, waitReady } from './browser.ts';
import { DIST, useSite } from './fixture.ts';

const site = useSite({}, ['--disable-webgl', '--disable-3d-apis']);

describe('no WebGL', () => {
  it('draws the SVG map, and the slider changes the date and the drawing', async () => {
    const p = await open(site.browser, `${site.server.url}?date=2025-06-01`);
    try {
      await waitDrawn(p.page, '2025-06-01');
      const map = p.page.locator('#map');
      expect(await map.getAttribute('data-renderer')).toBe('svg');
      expect(await map.getAttribute('data-fallback-reason')).toBe('no-webgl');
      expect(await p.page.locator('#map canvas').count()).toBe(0);
      const svg = p.page.locator('#map-static svg');
      expect(await svg.isVisible()).toBe(true);
      const title = () => p.page.locator('#map-static svg > title').textContent();
      expect(await title()).toBe(t('en', 'map.label', { date: formatDate('en', '2025-06-01') }));
      const before = await svg.innerHTML();

      await p.page.locator('#date-slider').focus();
      await p.page.keyboard.press('End');
      const end = await p.page.evaluate(() => (document.getElementById('date-slider') as HTMLInputElement).max);
      expect(Number(end)).toBeGreaterThan(0);
      await p.page.waitForFunction(() => document.documentElement.dataset.date !== '2025-06-01');
      const date = await p.page.evaluate(() => document.documentElement.dataset.date!);
      await waitDrawn(p.page, date);
      expect(await title()).toBe(t('en', 'map.label', { date: formatDate('en', date) }));
      expect(await svg.innerHTML()).not.toBe(before);
      // The region and its description follow the SVG map too.
      expect(await map.getAttribute('aria-label')).toBe(t('en', 'map.label', { date: formatDate('en', date) }));
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('?static=1 forces the SVG map', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1&date=2026-02-13`);
    try {
      await waitReady(p.page);
      expect(await p.page.locator('#map').getAttribute('data-renderer')).toBe('svg');
      expect(await p.page.locator('#map').getAttribute('data-fallback-reason')).toBe('forced');
      expect(await p.page.locator('#map-static svg').isVisible()).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('no JavaScript', () => {
  it('shows the prerendered map, the noscript image with its alt text, and text', async () => {
    const images = JSON.parse(readFileSync(join(DIST, 'static', 'images.json'), 'utf8')) as {
      images: { id: string; alt: { en: string } }[];
    };
    const og = images.images.find((i) => i.id === 'og')!;
    const p = await open(site.browser, null, { javaScriptEnabled: false });
    try {
      const loaded: string[] = [];
      p.page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
      await p.page.goto(site.server.url, { waitUntil: 'load' });
      // The inline SVG of the default view, with its accessible name.
      // (Two are in the HTML: this desktop one, and one drawn at the phone map's size for phones.)
      const svg = p.page.locator('#map-static svg.prerender-wide');
      expect(await svg.isVisible()).toBe(true);
      expect(await p.page.locator('#map-static svg.prerender-phone').isVisible()).toBe(false);
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await p.page.locator('#map-static svg.prerender-wide > title').textContent()) ?? '').toMatch(
        /^Map of coalition sites/,
      );
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(600);
      // The noscript image of the same view, with the legend, and the alt text images.json gives it.
      const img = p.page.locator('noscript img, .noscript-map img').first();
      expect(await img.isVisible()).toBe(true);
      expect(await img.getAttribute('src')).toBe('static/og.png');
      expect(await img.getAttribute('alt')).toBe(og.alt.en);
      expect(loaded).toContain('/static/og.png');
      // Words a reader can act on: the title and the noscript note.
      expect(await p.page.locator('h1').isVisible()).toBe(true);
      const note = p.page.locator('p', { hasText: 'needs JavaScript' });
      expect(await note.isVisible()).toBe(true);
      // The panels scripts would fill take no room.
      expect(await p.page.locator('#side').isVisible()).toBe(false);
      // A phone gets the map drawn for its size, not the desktop one shrunk.
      await p.page.setViewportSize({ width: 360, height: 640 });
      expect(await p.page.locator('#map-static svg.prerender-wide').isVisible()).toBe(false);
      const small = (await p.page.locator('#map-static svg.prerender-phone').boundingBox())!;
      expect(small.width).toBe(360);
      expect(small.height).toBeGreaterThan(240);
    } finally {
      await p.close();
    }
  });
});
