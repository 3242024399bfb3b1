/** The foundation: the built page draws Iraq and Syria from its own files, offline, without errors. */
import { describe, expect, it } from 'vitest';
import { open, waitDrawn, waitReady } from './browser.ts';
import { expectPngGolden } from '../support/golden.ts';
import { goldenPng, useSite } from './fixture.ts';

const site = useSite();

describe('the map page', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1000, height: 700 }],
    ['phone', { width: 375, height: 667 }],
  ] as const) {
    it(`draws at ${name} size with no console error and no request off the origin`, async () => {
      const p = await open(site.browser, `${site.server.url}?date=2025-06-01`, { viewport });
      try {
        await waitReady(p.page);
        await waitDrawn(p.page, '2025-06-01');
        expect(await p.page.evaluate(() => document.documentElement.dataset.date)).toBe('2025-06-01');
        expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
        const png = await p.page.screenshot({ fullPage: false });
        expectPngGolden(goldenPng(`page-${name}-2025-06-01`), png);
        expect(p.errors).toEqual([]);
        expect(p.offsite).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it('never shows the WebGL map before it has drawn the scene: its canvas is transparent until the handover', async () => {
    const p = await open(site.browser, null);
    try {
      // Every animation frame from the start: is MapLibre's canvas there, and can it be seen over the SVG map?
      await p.page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __canvasSeen: string[] }).__canvasSeen = seen;
        const look = () => {
          const canvas = document.querySelector('#map canvas.maplibregl-canvas');
          const kind = document.getElementById('map')?.dataset.renderer ?? '';
          if (canvas) seen.push(`${kind}:${getComputedStyle(canvas).opacity}`);
          if (kind !== 'webgl') requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await p.page.goto(`${site.server.url}?date=2025-06-01`);
      await waitReady(p.page);
      const seen = await p.page.evaluate(() => (window as unknown as { __canvasSeen: string[] }).__canvasSeen);
      const before = seen.filter((s) => s.startsWith('svg:'));
      // The engine builds its canvas some frames before the map has drawn: those frames were looked at.
      expect(before.length).toBeGreaterThan(0);
      expect(new Set(before)).toEqual(new Set(['svg:0']));
      expect(await p.page.locator('#map canvas.maplibregl-canvas').evaluate((c) => getComputedStyle(c).opacity)).toBe(
        '1',
      );
      expect(await p.page.locator('#map-static').isHidden()).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('shows a readable message and data-map-state=error when the data cannot be loaded', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.route('**/geo/coalition-presence.geojson', (r) => r.fulfill({ status: 404, body: 'gone' }));
      await p.page.goto(site.server.url);
      expect(await waitReady(p.page, true)).toBe('error');
      await expect(p.page.getByTestId('map-message').textContent()).resolves.toContain('coalition-presence.geojson');
    } finally {
      await p.close();
    }
  });
});
